// Package record defines the Go form of every caseplan record kind, the
// mapping from a file's path to its kind, and the canonical way records are
// written to disk.
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
	"path"
	"reflect"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
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

// Record kinds; each names the schema schemas/<kind>.schema.json.
const (
	KindConfig     = "caseplan"
	KindIntake     = "intake"
	KindIEP        = "iep"
	KindReferences = "references"
	KindNote       = "note"
	KindActivity   = "activity"
	KindServices   = "services"
	KindOutcome    = "outcome"
)

// caseFiles maps the single-record files of a case directory to their kind.
var caseFiles = map[string]string{
	"intake.yaml":     KindIntake,
	"iep.yaml":        KindIEP,
	"references.yaml": KindReferences,
	"services.yaml":   KindServices,
	"outcome.yaml":    KindOutcome,
}

// KindOf returns the record kind of the file at p, a slash-separated path
// relative to the repository root: cases/caseplan.yaml is "caseplan",
// cases/<id>/intake.yaml is "intake" (likewise iep, references, services
// and outcome), cases/<id>/notes/*.yaml is "note" and
// cases/<id>/activity/*.yaml is "activity". Any other path is not a record.
func KindOf(p string) (kind string, ok bool) {
	parts := strings.Split(p, "/")
	if len(parts) < 2 || parts[0] != "cases" {
		return "", false
	}
	if len(parts) == 2 {
		if parts[1] == "caseplan.yaml" {
			return KindConfig, true
		}
		return "", false
	}
	if !plainName(parts[1]) {
		return "", false
	}
	switch len(parts) {
	case 3:
		kind, ok = caseFiles[parts[2]]
		return kind, ok
	case 4:
		name := parts[3]
		if !plainName(name) || !strings.HasSuffix(name, ".yaml") || name == ".yaml" {
			return "", false
		}
		switch parts[2] {
		case "notes":
			return KindNote, true
		case "activity":
			return KindActivity, true
		}
	}
	return "", false
}

// plainName reports whether a path element is an ordinary name: not empty,
// not hidden, not . or ..
func plainName(s string) bool {
	return s != "" && !strings.HasPrefix(s, ".")
}

// SchemaRef returns the path from the record file at p (repository-relative)
// to its schema, as written in the file's modeline: for
// cases/2026-K7QX2/notes/2026-03-02-k7qx.yaml it is
// ../../../schemas/note.schema.json.
func SchemaRef(p string) (string, error) {
	kind, ok := KindOf(p)
	if !ok {
		return "", fmt.Errorf("%s is not a record file", p)
	}
	depth := strings.Count(path.Dir(p), "/") + 1
	return strings.Repeat("../", depth) + "schemas/" + kind + ".schema.json", nil
}

// Marshal returns the canonical bytes of the record v for the file at p
// (repository-relative; it decides the kind and the modeline): the
// "# yaml-language-server: $schema=..." modeline, then the record in the
// struct's key order, 2-space indent, LF line ends and a final newline.
// v must be the record type of that kind (a value or a pointer).
func Marshal(p string, v any) ([]byte, error) {
	ref, err := SchemaRef(p)
	if err != nil {
		return nil, err
	}
	kind, _ := KindOf(p)
	if got := kindOfValue(v); got != kind {
		return nil, fmt.Errorf("%s holds a %s record, not a %T", p, kind, v)
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil, fmt.Errorf("writing %s: no record (nil %T)", p, v)
	}
	var buf bytes.Buffer
	buf.WriteString("# yaml-language-server: $schema=" + ref + "\n")
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

// kindOfValue returns the kind whose record type v is, or "".
func kindOfValue(v any) string {
	switch v.(type) {
	case Config, *Config:
		return KindConfig
	case Intake, *Intake:
		return KindIntake
	case IEP, *IEP:
		return KindIEP
	case References, *References:
		return KindReferences
	case Note, *Note:
		return KindNote
	case ActivityWeek, *ActivityWeek:
		return KindActivity
	case Services, *Services:
		return KindServices
	case Outcome, *Outcome:
		return KindOutcome
	}
	return ""
}
