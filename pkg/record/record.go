// Package record defines the Go form of every caseplan record kind and the
// canonical way records are written to disk (pkg/layout says where each
// kind lives).
//
// The structs mirror the JSON Schemas in schemas/ field for field; their
// field order is the canonical key order of the files. Optional fields are
// omitted when empty; an optional true/false or number whose absence means
// something different from false or zero (staff active, an application's
// internal, a follow-up's employed, a wage) is a pointer.
package record

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
)

// DateLayout is how every date in a record is written: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// Date is a calendar date as written in a record, "2006-01-02". It stays
// text so that a record round-trips unchanged even when a date is invalid
// (the schema reports it).
type Date string

// Time parses the date (at midnight UTC). ok is false when the date is
// empty or not a valid YYYY-MM-DD date.
func (d Date) Time() (t time.Time, ok bool) {
	if d == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(DateLayout, string(d))
	return t, err == nil
}

// MarshalYAML writes a valid date unquoted, as people write dates by hand
// (yaml would otherwise quote it, since unquoted it reads as a timestamp).
func (d Date) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(d)}
	if _, ok := d.Time(); ok {
		n.Tag = "!!timestamp"
	}
	return n, nil
}

// Marshal returns the canonical bytes of the record v for the file at p
// (repository-relative; it decides the kind and the modeline): the
// "# yaml-language-server: $schema=..." modeline, then the record in the
// struct's key order, 2-space indent, LF line ends and a final newline.
// v must be the record type of that kind (a value or a pointer).
func Marshal(p string, v any) ([]byte, error) {
	modeline, ok := layout.Modeline(p)
	if !ok {
		return nil, fmt.Errorf("%s is not a record file", p)
	}
	kind, _ := layout.KindOf(p)
	if got := kindOfValue(v); got != kind {
		return nil, fmt.Errorf("%s holds a %s record, not a %T", p, kind, v)
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil, fmt.Errorf("writing %s: no record (nil %T)", p, v)
	}
	if field, ok := invalidText(reflect.ValueOf(v), ""); !ok {
		// YAML would write such a string as binary data: never what was
		// typed, so never written.
		return nil, fmt.Errorf("writing %s: %s is not valid UTF-8 text", p, field)
	}
	var buf bytes.Buffer
	buf.WriteString(modeline)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("writing %s: %w", p, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("writing %s: %w", p, err)
	}
	return buf.Bytes(), nil
}

// New returns a pointer to a new, empty record of kind (new(IEP) for
// "iep"), or nil for a kind that is none: for code that handles every kind
// alike, such as a merge that needs each kind's field order.
func New(kind string) any {
	switch kind {
	case layout.KindConfig:
		return new(Config)
	case layout.KindIntake:
		return new(Intake)
	case layout.KindIEP:
		return new(IEP)
	case layout.KindReferences:
		return new(References)
	case layout.KindNote:
		return new(Note)
	case layout.KindActivity:
		return new(ActivityWeek)
	case layout.KindServices:
		return new(Services)
	case layout.KindOutcome:
		return new(Outcome)
	case layout.KindCohort:
		return new(Cohort)
	case layout.KindImportRules:
		return new(ImportRules)
	}
	return nil
}

// kindOfValue returns the kind whose record type v is, or "".
func kindOfValue(v any) string {
	switch v.(type) {
	case Config, *Config:
		return layout.KindConfig
	case Intake, *Intake:
		return layout.KindIntake
	case IEP, *IEP:
		return layout.KindIEP
	case References, *References:
		return layout.KindReferences
	case Note, *Note:
		return layout.KindNote
	case ActivityWeek, *ActivityWeek:
		return layout.KindActivity
	case Services, *Services:
		return layout.KindServices
	case Outcome, *Outcome:
		return layout.KindOutcome
	case Cohort, *Cohort:
		return layout.KindCohort
	case ImportRules, *ImportRules:
		return layout.KindImportRules
	}
	return ""
}

// invalidText finds a string in v that is not valid UTF-8, and names its
// field.
func invalidText(v reflect.Value, at string) (string, bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return "", true
		}
		return invalidText(v.Elem(), at)
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			return at, false
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if f, ok := invalidText(v.Field(i), strings.TrimPrefix(at+"."+name, ".")); !ok {
				return f, false
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if f, ok := invalidText(v.Index(i), fmt.Sprintf("%s[%d]", at, i)); !ok {
				return f, false
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if f, ok := invalidText(v.MapIndex(k), fmt.Sprintf("%s.%v", at, k)); !ok {
				return f, false
			}
		}
	}
	return "", true
}
