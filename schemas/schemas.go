// Package schemas holds the JSON Schemas (draft-07) of caseplan's record
// kinds, embedded in the binary, and a validator that reports every problem
// in a record at once, in words a case manager understands.
//
// The *.schema.json files beside this file are the single source of truth
// for the shape of a record: editors use them through the modeline at the
// top of every record file, and caseplan validates with the same bytes.
package schemas

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/caseplan/caseplan/pkg/caseid"
)

// FS holds the schema files, one per kind, named by FileName.
//
//go:embed *.schema.json
var FS embed.FS

// Kinds lists the record kinds in the order of the store layout: the store
// settings first, then a case's files, then the store-level records
// (cohorts, import rules).
var Kinds = []string{"caseplan", "intake", "iep", "references", "note", "activity", "services", "outcome", "cohort", "import-rules"}

// FileName returns the name of kind's schema file, e.g. "note.schema.json".
func FileName(kind string) string { return kind + ".schema.json" }

// Bytes returns the schema of kind as stored.
func Bytes(kind string) ([]byte, error) {
	if !slices.Contains(Kinds, kind) {
		return nil, fmt.Errorf("unknown record kind %q", kind)
	}
	return FS.ReadFile(FileName(kind))
}

// Error is one problem in a record.
type Error struct {
	// Path is the location of the offending value in the record, as the
	// tokens of a JSON pointer: ["goals", "0", "milestones", "1", "due"].
	// For an unknown field it is the path of that field; for a missing
	// field it is the path of the mapping that lacks it.
	Path []string
	// Message is lower-case, user-facing, and names the field.
	Message string
	// Key says the error is about the field's name, not its value (an
	// unknown field): its position is the key's.
	Key bool
	// Hint says what to do about it, where that is clear from the kind
	// of error alone (take a field out, add one); "" otherwise. The
	// message is unchanged by it.
	Hint string
	// Quote says the value is a number or true/false where text belongs
	// (a grade or a ZIP code typed 054, unquoted): in quotes it is the
	// text typed. The hint says so; a caller that has the YAML may name
	// the text as typed, which the value read (54) no longer holds.
	Quote bool
}

// Validator validates records against the compiled schemas. It is safe
// for concurrent use.
type Validator struct {
	schemas map[string]*jsonschema.Schema // by kind
	quick   map[string]*quick             // by kind: the verdict of a valid record, fast
	docs    map[string]any                // raw schema documents by $id, for messages
	places  map[string]map[string][]place // by $id, then field name: where the schema knows the field
}

// Compile compiles the schemas of all kinds, with the date and email
// formats asserted.
func Compile() (*Validator, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	v := &Validator{schemas: map[string]*jsonschema.Schema{}, quick: map[string]*quick{}, docs: map[string]any{}, places: map[string]map[string][]place{}}
	ids := map[string]string{}
	for _, k := range Kinds {
		b, err := Bytes(k)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", FileName(k), err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if id == "" {
			return nil, fmt.Errorf("%s: no $id", FileName(k))
		}
		// The no-full-ssn rule, which editors apply as the schema says, is
		// applied by noFullSSN instead: the same check, but the schema's
		// form of it (an if/then/else at every node of every record)
		// doubled the time and the allocations of validating a large
		// store. TestNoFullSSNSame holds the two to the same verdicts.
		if err := dropNoFullSSN(doc); err != nil {
			return nil, fmt.Errorf("%s: %w", FileName(k), err)
		}
		if err := c.AddResource(id, doc); err != nil {
			return nil, fmt.Errorf("%s: %w", FileName(k), err)
		}
		ids[k] = id
		v.docs[id] = doc
		v.places[id] = map[string][]place{}
		placesOf(doc, nil, v.places[id])
	}
	for _, k := range Kinds {
		s, err := c.Compile(ids[k])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", FileName(k), err)
		}
		v.schemas[k] = s
		v.quick[k] = compileQuick(s, map[*jsonschema.Schema]*quick{})
	}
	return v, nil
}

// Validate checks doc, a JSON-like value (maps, slices, strings, numbers,
// booleans, nil; dates as their source text), against the schema of kind.
// It returns every problem, ordered by path, or nil when doc is valid.
func (v *Validator) Validate(kind string, doc any) []Error {
	s, ok := v.schemas[kind]
	if !ok {
		return []Error{{Message: fmt.Sprintf("unknown record kind %q", kind)}}
	}
	var out []Error
	if anySSN(doc) {
		noFullSSN(doc, doc, nil, &out)
	}
	var err error
	if v.quick[kind].check(doc, 0) != valid {
		err = s.Validate(doc)
	}
	if err == nil && out == nil {
		return nil
	}
	if err != nil {
		ve, ok := err.(*jsonschema.ValidationError)
		if !ok {
			return append(out, Error{Message: err.Error()})
		}
		v.flatten(ve, doc, &out)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := comparePaths(out[i].Path, out[j].Path); c != 0 {
			return c < 0
		}
		return out[i].Message < out[j].Message
	})
	return slices.CompactFunc(out, func(a, b Error) bool {
		return a.Message == b.Message && slices.Equal(a.Path, b.Path)
	})
}

// flatten appends the leaf errors of the tree rooted at e, translated.
func (v *Validator) flatten(e *jsonschema.ValidationError, doc any, out *[]Error) {
	if len(e.Causes) > 0 {
		switch e.ErrorKind.(type) {
		case *kind.AnyOf, *kind.OneOf:
			// The causes are alternatives, not separate problems; our
			// schemas do not use these keywords, but say something useful.
			*out = append(*out, Error{Path: e.InstanceLocation, Message: label(e.InstanceLocation, doc) + ": does not match any of the allowed forms"})
		default:
			for _, c := range e.Causes {
				v.flatten(c, doc, out)
			}
		}
		return
	}
	v.translate(e, doc, out)
}

// translate turns one leaf error into plain messages.
func (v *Validator) translate(e *jsonschema.ValidationError, doc any, out *[]Error) {
	loc := slices.Clip(e.InstanceLocation)
	name := label(loc, doc)
	// in prefixes a message that names no field of its own with where it is.
	in := ""
	if len(loc) > 0 {
		in = name + ": "
	}
	node := v.schemaNode(e.SchemaURL)
	add := func(format string, args ...any) {
		*out = append(*out, Error{Path: loc, Message: fmt.Sprintf(format, args...)})
	}
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			base, _, _ := strings.Cut(e.SchemaURL, "#")
			*out = append(*out, Error{Path: append(loc, p), Message: in + unknownField(p, node, loc, v.places[base][p]), Key: true,
				Hint: fmt.Sprintf("take %s: out, or correct its name", p)})
		}
	case *kind.Required:
		when := condition(v.schemaNode(parentURL(e.SchemaURL)), e.SchemaURL)
		for _, m := range k.Missing {
			where := ""
			if len(loc) > 0 {
				where = " to " + name
			}
			*out = append(*out, Error{Path: loc, Message: fmt.Sprintf("%smissing required field %q%s", in, m, when),
				Hint: fmt.Sprintf("add %s:%s, with its value", m, where)})
		}
	case *kind.Type:
		want := describeType(k.Want, node)
		switch {
		case k.Got == "null":
			add("%s: has no value (want %s)", name, want)
		case k.Got == "number" && slices.Contains(k.Want, "integer"):
			add("%s: %s is not a whole number", name, display(valueAt(doc, loc)))
		case slices.Contains(k.Want, "string") && (k.Got == "number" || k.Got == "integer" || k.Got == "boolean"):
			*out = append(*out, Error{Path: loc, Message: fmt.Sprintf("%s: must be %s, not %s", name, want, gotType(k.Got)), Quote: true,
				Hint: "put the value in quotes, as typed, to keep it as text"})
		default:
			add("%s: must be %s, not %s", name, want, gotType(k.Got))
		}
	case *kind.Format:
		switch k.Want {
		case "date":
			if s, ok := k.Got.(string); ok && MissingDay(s) != "" {
				add("%s: %s is not a date: %s", name, display(k.Got), MissingDay(s))
			} else if s, ok := k.Got.(string); ok && DateReadings(s, "") != "" {
				add("%s: %s is not a valid date (want YYYY-MM-DD); %s", name, display(k.Got), DateReadings(s, ""))
			} else {
				add("%s: %s is not a valid date (want YYYY-MM-DD)", name, display(k.Got))
			}
		case "email":
			add("%s: %s is not a valid email address", name, display(k.Got))
		default:
			add("%s: %s is not a valid %s", name, display(k.Got), k.Want)
		}
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			want = append(want, fmt.Sprint(w))
		}
		msg := fmt.Sprintf("%s: %s is not a valid choice (want one of: %s)", name, display(k.Got), strings.Join(want, ", "))
		hint := "write one of the choices listed, as it is spelled there"
		if got, ok := k.Got.(string); ok {
			if meant := caseid.ChoiceMeant(want, got); meant != "" {
				msg += "; did you mean " + meant + "?"
				hint = "write " + meant + " if that is what was meant"
			}
		}
		*out = append(*out, Error{Path: loc, Message: msg, Hint: hint})
	case *kind.Const:
		add("%s: must be %s", name, display(k.Want))
	case *kind.Pattern:
		if k.Want == textPattern {
			add("%s: must not be empty or only spaces", name)
		} else if u, ok := caseid.Unquoted(k.Got); ok && regexp.MustCompile(k.Want).MatchString(u) {
			// Pasted from a word processor with its quotes: the value
			// without them would do, so the hint names it (refused
			// still: a value is never changed without a word).
			*out = append(*out, Error{Path: loc, Message: fmt.Sprintf("%s: %q is in typographic quotes (pasted from a word processor?), which YAML keeps as part of the value", name, k.Got),
				Hint: "take the quotes off: " + name + ": " + u + " (or use plain ones: " + name + ": \"" + u + "\")"})
		} else if p, ok := patterns[k.Want]; ok {
			*out = append(*out, Error{Path: loc, Message: fmt.Sprintf("%s: %q is not a valid %s (%s)", name, k.Got, p.noun, p.hint), Hint: patternFixes[k.Want]})
		} else {
			add("%s: %q does not have the expected form", name, k.Got)
		}
	case *kind.MinLength:
		if k.Want == 1 {
			add("%s: must not be empty", name)
		} else {
			add("%s: must be at least %d characters long", name, k.Want)
		}
	case *kind.MaxLength:
		add("%s: must be at most %d characters long", name, k.Want)
	case *kind.Minimum:
		add("%s: %s is less than the minimum, %s", name, number(k.Got), number(k.Want))
	case *kind.Maximum:
		add("%s: %s is more than the maximum, %s", name, number(k.Got), number(k.Want))
	case *kind.ExclusiveMinimum:
		add("%s: must be more than %s", name, number(k.Want))
	case *kind.ExclusiveMaximum:
		add("%s: must be less than %s", name, number(k.Want))
	case *kind.MinItems:
		add("%s: must have at least %d item(s)", name, k.Want)
	case *kind.MaxItems:
		add("%s: must have at most %d item(s)", name, k.Want)
	case *kind.UniqueItems:
		add("%s: items %d and %d are the same", name, k.Duplicates[0]+1, k.Duplicates[1]+1)
	case *kind.InvalidJsonValue:
		add("%s: a value of Go type %T cannot be in a record", name, k.Value)
	case *kind.FalseSchema:
		// A field another one's value rules out (a monthly contact
		// schedule's day): say which value.
		hint := ""
		if len(loc) > 0 {
			hint = fmt.Sprintf("take %s: out", loc[len(loc)-1])
		}
		if when := ifWords(v.schemaNode(parentURL(parentURL(parentURL(e.SchemaURL)))), parentURL(parentURL(e.SchemaURL))); when != "" {
			*out = append(*out, Error{Path: loc, Message: fmt.Sprintf("%s: is not allowed when %s", name, when), Hint: hint})
		} else {
			*out = append(*out, Error{Path: loc, Message: fmt.Sprintf("%s: is not allowed here", name), Hint: hint})
		}
	case *kind.Not:
		// The value is never repeated: it is a Social Security number.
		if not, _ := node["not"].(map[string]any); not != nil && not["pattern"] == ssnPattern {
			add("%s: %s", name, ssnMessage)
		} else {
			add("%s: is not allowed here", name)
		}
	default:
		add("%s: is not valid", name)
	}
}

// textPattern is the schemas' pattern for a text that must say something —
// a name, a goal, a reason: at least one character that is not a space,
// where minLength: 1 let a value of spaces through as if it were written.
const textPattern = `\S`

// pattern describes a schema pattern in a case manager's words. Every
// pattern used by a schema must be listed (a test checks this).
type pattern struct{ noun, hint string }

var patterns = map[string]pattern{
	textPattern:                         {"text", "at least one character that is not a space"},
	`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`: {"case id", "letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters"},
	`^age1[02-9ac-hj-np-z]{58}$`:        {"age recipient", "age1 and 58 lower-case letters and digits, as caseplan key new prints it"},
	`^(ssh-ed25519|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|ssh-rsa|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+=*( .*)?$`: {"signing key", "an SSH public key on one line, as caseplan key new or ssh-keygen prints it: ssh-ed25519 AAAA..."},
	`^([01][0-9]|2[0-3]):[0-5][0-9]$`: {"time of day", "24-hour HH:MM, like 18:00"},
	// An older caseplan took any text as a phone (none, ask front desk):
	// the store it upgrades meets this at validate, which must say how to
	// clear one.
	`^[^\r\n]*[0-9][^\r\n]*$`:                        {"phone number", "its digits on one line, with any punctuation, letters of a vanity number or an extension; for no phone, remove the field (--phone '')"},
	`^[a-z0-9][a-z0-9._-]{0,31}$`:                    {"staff id", "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 32 characters"},
	`^[a-z0-9][a-z0-9-]*$`:                           {"key", "lower-case letters, digits and '-', starting with a letter or digit"},
	`^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]{4,8}$`:     {"note id", "the note's date and a suffix of 4 to 8 lower-case letters or digits, like 2026-03-02-k7qx"},
	`^[0-9]{4}-W[0-9]{2}$`:                           {"week", "year and ISO week number, like 2026-W09"},
	`^G([0-9]+|-[0-9A-HJKMNP-TV-Z]{5})$`:             {"goal id", "G- and five letters or digits, like G-7QX2K, or G and a number, like G1"},
	`^O([0-9]+|-[0-9A-HJKMNP-TV-Z]{5})$`:             {"objective id", "O- and five letters or digits, like O-7QX2K, or O and a number, like O1"},
	`^M([0-9]+|-[0-9A-HJKMNP-TV-Z]{5})$`:             {"milestone id", "M- and five letters or digits, like M-7QX2K, or M and a number, like M1"},
	`^S([0-9]+|-[0-9A-HJKMNP-TV-Z]{5})$`:             {"service id", "S- and five letters or digits, like S-7QX2K, or S and a number, like S1"},
	`^N([0-9]+|-[0-9A-HJKMNP-TV-Z]{5})$`:             {"next-step id", "N- and five letters or digits, like N-7QX2K, or N and a number, like N1"},
	`^R([0-9]+|-[0-9A-HJKMNP-TV-Z]{5})$`:             {"referral id", "R- and five letters or digits, like R-7QX2K, or R and a number, like R1"},
	`^PL-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"placement id", "PL- and five letters or digits, like PL-7QX2K"},
	`^FU-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"follow-up id", "FU- and five letters or digits, like FU-7QX2K"},
	`^RF-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"reference id", "RF- and five letters or digits, like RF-7QX2K"},
	`^JT-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"job target id", "JT- and five letters or digits, like JT-7QX2K"},
	`^SK-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"skill plan course id", "SK- and five letters or digits, like SK-7QX2K"},
	`^RV-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"review id", "RV- and five letters or digits, like RV-7QX2K"},
	`^AG-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"agreement id", "AG- and five letters or digits, like AG-7QX2K"},
	`^BN-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"benefit id", "BN- and five letters or digits, like BN-7QX2K"},
	`^TM-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"team member id", "TM- and five letters or digits, like TM-7QX2K"},
	`^EL-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"eligibility id", "EL- and five letters or digits, like EL-7QX2K"},
	`^BR-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"barrier id", "BR- and five letters or digits, like BR-7QX2K"},
	`^AS-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"assessment id", "AS- and five letters or digits, like AS-7QX2K"},
	`^TR-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"transfer id", "TR- and five letters or digits, like TR-7QX2K"},
	`^CN-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"permission id", "CN- and five letters or digits, like CN-7QX2K"},
	`^WV-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"waiver id", "WV- and five letters or digits, like WV-7QX2K"},
	`^AP-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"application id", "AP- and five letters or digits, like AP-7QX2K"},
	`^II-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"informational interview id", "II- and five letters or digits, like II-7QX2K"},
	`^IV-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"interview id", "IV- and five letters or digits, like IV-7QX2K"},
	`^AC-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"course id", "AC- and five letters or digits, like AC-7QX2K"},
	`^NW-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"networking event id", "NW- and five letters or digits, like NW-7QX2K"},
	`^ER-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"extension id", "ER- and five letters or digits, like ER-7QX2K"},
	`^CL-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"closure id", "CL- and five letters or digits, like CL-7QX2K"},
	`^RO-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"reopening id", "RO- and five letters or digits, like RO-7QX2K"},
	`^CR-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"credential id", "CR- and five letters or digits, like CR-7QX2K"},
	`^SG-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"skill gain id", "SG- and five letters or digits, like SG-7QX2K"},
	`^EX-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"exclusion id", "EX- and five letters or digits, like EX-7QX2K"},
	`^[0-9]{2}-[0-9]{7}$`:                            {"FEIN", "two digits, a hyphen and seven digits, like 12-3456789"},
	`^[A-Za-z0-9][A-Za-z0-9-]{1,19}$`:                {"state tax ID", "2 to 20 letters, digits or '-', starting with a letter or digit"},
	`^(devel|v[0-9][0-9A-Za-z.+-]*|[0-9a-f]{7,40})$`: {"caseplan version", "a release such as v1.2.0, a pseudo-version, a commit hash, or devel"},
	`^[A-Za-z0-9][A-Za-z0-9._-]{0,47}$`:              {"cohort id", "letters, digits, '.', '_' or '-', starting with a letter or digit, at most 48 characters"},
	`^IM-[0-9A-HJKMNP-TV-Z]{5}$`:                     {"import id", "IM- and five letters or digits, like IM-7QX2K"},
	`^[0-9a-f]{64}$`:                                 {"SHA-256 hash", "64 lower-case hexadecimal digits"},
}

// patternFixes is the hint of a value that does not match a pattern,
// where the form the message names does not say what to write.
var patternFixes = map[string]string{
	// caseplan.yaml's caseplan_version is what the store's CI workflow
	// installs (go install ...@VERSION): CI cannot install a value go
	// install does not take, so the hint says what it takes.
	`^(devel|v[0-9][0-9A-Za-z.+-]*|[0-9a-f]{7,40})$`: "write the release the team runs as go install takes it, with its v (caseplan_version: v1.2.0; caseplan version prints the one you run), or devel to have CI install the latest release",
}

// unknownField words an additionalProperties error for key p of the
// mapping at loc whose schema is node; elsewhere are the places the
// record's schema knows a field named p. The message always starts with
// "unknown field" so callers can point at the key rather than its value.
func unknownField(p string, node map[string]any, loc []string, elsewhere []place) string {
	if pp, ok := node["patternProperties"].(map[string]any); ok && len(pp) == 1 {
		for re := range pp {
			if d, ok := patterns[re]; ok {
				return fmt.Sprintf("unknown field %q: a %s here must be %s", p, d.noun, d.hint)
			}
		}
	}
	msg := fmt.Sprintf("unknown field %q", p)
	props, _ := node["properties"].(map[string]any)
	if s := closest(p, props); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else if at, ok := wrongLevel(loc, elsewhere); ok {
		msg += fmt.Sprintf("; did you mean %s? (it goes %s)", at, at.where())
	}
	return msg
}

// wrongLevel is the one place of elsewhere that a field written at loc
// was meant for: written too high, the one place below loc through
// mappings only (phone at the top of intake.yaml goes under participant:
// — not under team:, whose members are list items, each its own); else
// the only place the schema knows it at all. ok is false when there is
// no such one place, or it cannot be told in words.
func wrongLevel(loc []string, elsewhere []place) (at place, ok bool) {
	var below []place
	for _, pl := range elsewhere {
		if rest, in := pl.within(loc); in && !slices.Contains(rest, "[]") && !slices.Contains(rest, "*") {
			below = append(below, pl)
		}
	}
	switch {
	case len(below) == 1:
		at = below[0]
	case len(below) == 0 && len(elsewhere) == 1:
		at = elsewhere[0]
	default:
		return nil, false
	}
	return at, at.named()
}

// within reports whether the place is below the record's location loc (a
// list item's index matching "[]", any key matching "*"), and returns the
// rest of it from there.
func (p place) within(loc []string) (rest place, ok bool) {
	if len(loc) >= len(p) {
		return nil, false
	}
	for i, tok := range loc {
		_, err := strconv.Atoi(tok)
		if p[i] != tok && p[i] != "*" && (p[i] != "[]" || err != nil) {
			return nil, false
		}
	}
	return p[len(loc):], true
}

// place is where a schema knows a field: the property names from the
// record's top down to the field, "[]" for a list's items and "*" for a
// mapping's keys of the record's choosing (a program key).
type place []string

// placesOf adds to out, by field name, the place of every property the
// schema node at path declares, and of those below it.
func placesOf(node any, path place, out map[string][]place) {
	m, _ := node.(map[string]any)
	if m == nil {
		return
	}
	props, _ := m["properties"].(map[string]any)
	for name, child := range props {
		here := append(slices.Clip(path), name)
		out[name] = append(out[name], here)
		placesOf(child, here, out)
	}
	placesOf(m["items"], append(slices.Clip(path), "[]"), out)
	pp, _ := m["patternProperties"].(map[string]any)
	for _, child := range pp {
		placesOf(child, append(slices.Clip(path), "*"), out)
	}
}

// named reports whether the place can be told in words: every mapping on
// the way is a field of the schema's, not a key of the record's choosing.
func (p place) named() bool { return !slices.Contains(p, "*") }

// String writes the place as a path: participant.phone, goals[].due.
func (p place) String() string {
	return strings.ReplaceAll(strings.Join(p, "."), ".[]", "[]")
}

// where says where the field goes: "under participant:", "under each
// item of goals:", "at the top of the record".
func (p place) where() string {
	parent := p[:len(p)-1]
	switch {
	case len(parent) == 0:
		return "at the top of the record"
	case parent[len(parent)-1] == "[]" && len(parent) > 1:
		return "under each item of " + parent[:len(parent)-1].String() + ":"
	}
	return "under " + parent.String() + ":"
}

// Closest returns the name in known nearest to the misspelt p, or "" when
// none is near enough to be what was meant.
func Closest(p string, known []string) string {
	m := make(map[string]any, len(known))
	for _, k := range known {
		m[k] = nil
	}
	return closest(p, m)
}

// closest returns the known field nearest to the misspelt p, or "".
func closest(p string, known map[string]any) string {
	limit := 1
	switch {
	case len(p) > 8:
		limit = 3
	case len(p) > 4:
		limit = 2
	}
	best, bestDist := "", limit+1
	for k := range known {
		d := editDistance(strings.ToLower(p), k)
		if d < bestDist || (d == bestDist && k < best) {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and transpositions of adjacent letters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// condition explains a required field that comes from an if/then: for
// the schema url ending in /then, whose parent is parent, it returns
// " (required when kind is amendment)".
func condition(parent map[string]any, schemaURL string) string {
	if when := ifWords(parent, schemaURL); when != "" {
		return " (required when " + when + ")"
	}
	return ""
}

// ifWords says the "if" of parent in words when schemaURL is its "then":
// "every is monthly", "every is weekly or fortnightly"; "" otherwise.
func ifWords(parent map[string]any, schemaURL string) string {
	if !strings.HasSuffix(schemaURL, "/then") {
		return ""
	}
	cond, _ := parent["if"].(map[string]any)
	props, _ := cond["properties"].(map[string]any)
	var parts []string
	for name, p := range props {
		p, _ := p.(map[string]any)
		if c, ok := p["const"]; ok {
			parts = append(parts, fmt.Sprintf("%s is %v", name, c))
		} else if e, ok := p["enum"].([]any); ok && len(e) > 0 {
			var vs []string
			for _, v := range e {
				vs = append(vs, fmt.Sprint(v))
			}
			parts = append(parts, name+" is "+strings.Join(vs, " or "))
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " and ")
}

// schemaNode returns the schema object at an absolute schema location such
// as https://caseplan.dev/schemas/note.schema.json#/properties/date, or nil.
func (v *Validator) schemaNode(loc string) map[string]any {
	base, frag, _ := strings.Cut(loc, "#")
	var node any = v.docs[base]
	for _, tok := range strings.Split(frag, "/")[1:] {
		if t, err := url.PathUnescape(tok); err == nil {
			tok = t
		}
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch n := node.(type) {
		case map[string]any:
			node = n[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return nil
			}
			node = n[i]
		default:
			return nil
		}
	}
	m, _ := node.(map[string]any)
	return m
}

func parentURL(loc string) string {
	if i := strings.LastIndexByte(loc, '/'); i > strings.IndexByte(loc, '#') {
		return loc[:i]
	}
	return loc
}

// label names the value at path in doc for a message: the field, after the
// list items and mappings that hold it ("goal G1, milestone M2, due";
// "participant, channels item 2"), so that a field of one of many alike
// items is told apart without looking up the line.
func label(path []string, doc any) string {
	if len(path) == 0 {
		return "record"
	}
	var parts []string
	for i := 0; i < len(path); i++ {
		if i+1 < len(path) {
			if n, err := strconv.Atoi(path[i+1]); err == nil {
				parts = append(parts, listItem(path[i], n, valueAt(doc, path[:i+2])))
				i++
				continue
			}
		}
		if n, err := strconv.Atoi(path[i]); err == nil { // an item of a list that is the document
			parts = append(parts, fmt.Sprintf("item %d", n+1))
			continue
		}
		parts = append(parts, path[i])
	}
	return strings.Join(parts, ", ")
}

// listItem names item n of the list under field list: by its id when it
// has a plain one ("milestone M2"), else by its place ("channels item 2").
func listItem(list string, n int, v any) string {
	if m, ok := v.(map[string]any); ok {
		if id, ok := m["id"].(string); ok && plainID.MatchString(id) {
			return singular(list) + " " + id
		}
	}
	return fmt.Sprintf("%s item %d", list, n+1)
}

// plainID is an id short and plain enough to name an item in a message.
var plainID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$`)

// singular is the English singular of a list's field name, as far as
// caseplan's schemas need it: goals, follow_ups, activities.
func singular(list string) string {
	switch {
	case strings.HasSuffix(list, "ies"):
		return strings.TrimSuffix(list, "ies") + "y"
	case strings.HasSuffix(list, "s"):
		return strings.TrimSuffix(list, "s")
	}
	return list
}

func describeType(want []string, node map[string]any) string {
	if f, _ := node["format"].(string); f == "date" {
		return "a date (YYYY-MM-DD)"
	}
	var ws []string
	for _, w := range want {
		ws = append(ws, typeWords[w])
	}
	return strings.Join(ws, " or ")
}

var typeWords = map[string]string{
	"string":  "text",
	"number":  "a number",
	"integer": "a whole number",
	"boolean": "true or false",
	"array":   "a list",
	"object":  "a mapping of fields",
	"null":    "nothing",
}

func gotType(t string) string {
	if w, ok := typeWords[t]; ok {
		return w
	}
	return t
}

// number renders a schema bound or a record's number the way it was written.
func number(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// display renders a value from a record for a message.
func display(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case nil:
		return "nothing"
	}
	return fmt.Sprint(v)
}

// valueAt returns the value at path in doc, or nil.
func valueAt(doc any, path []string) any {
	for _, tok := range path {
		switch d := doc.(type) {
		case map[string]any:
			doc = d[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(d) {
				return nil
			}
			doc = d[i]
		default:
			return nil
		}
	}
	return doc
}

// comparePaths orders paths token by token, list indexes numerically.
func comparePaths(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] == b[i] {
			continue
		}
		x, errx := strconv.Atoi(a[i])
		y, erry := strconv.Atoi(b[i])
		if errx == nil && erry == nil {
			return x - y
		}
		return strings.Compare(a[i], b[i])
	}
	return len(a) - len(b)
}

// MissingDay says in a case manager's words why s, written as YYYY-MM-DD,
// is not a date: its month has no such day ("February 2026 has 28 days,
// so day 30 does not exist"), or there is no such month. It is "" when s
// is a date or is not written as YYYY-MM-DD at all.
func MissingDay(s string) string {
	if _, err := time.Parse(time.DateOnly, s); err == nil || len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return ""
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:])
	switch {
	case err1 != nil || err2 != nil || err3 != nil:
		return ""
	case m < 1 || m > 12:
		return fmt.Sprintf("there is no month %d", m)
	case d < 1:
		return fmt.Sprintf("there is no day %d", d)
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return fmt.Sprintf("%s %d has %d days, so day %d does not exist", time.Month(m), y, last, d)
}

// DateReadings is the hint for a date written as people write one on
// paper — 11/20/2026, 20.11.2026, 2026/11/20 — or "" when s is not one;
// write goes before each reading: "--opened " for a flag, "" for a field
// of a record. Day and month are told apart only where one of them is
// over 12: of 04/05/2026 the hint gives both readings rather than guess
// which the person meant, since a date a day or a month off is a wrong
// record. A flag and a record typed by hand get the same words from here.
func DateReadings(s, write string) string {
	fields, n := dateFields(s, "/.", 3, 4)
	if fields == nil {
		return ""
	}
	date := func(y, m, d int) (string, bool) {
		s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		_, err := time.Parse(time.DateOnly, s)
		return s, err == nil
	}
	if len(fields[0]) == 4 {
		if s, ok := date(n[0], n[1], n[2]); ok {
			return "did you mean " + write + s + "?"
		}
		return ""
	}
	if len(fields[2]) != 4 {
		return "" // a year of two digits: which century is a guess
	}
	md, mdOK := date(n[2], n[0], n[1]) // month/day/year
	dm, dmOK := date(n[2], n[1], n[0]) // day/month/year
	m1, _ := time.Parse(time.DateOnly, md)
	m2, _ := time.Parse(time.DateOnly, dm)
	return readings(write, m1, mdOK, m2, dmOK)
}

// dateFields splits s at any of seps into want fields of digits, each at
// most long digits, and reads them as numbers; nil when s is not such.
func dateFields(s, seps string, want, long int) ([]string, []int) {
	fields := strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return strings.ContainsRune(seps, r) })
	if len(fields) != want {
		return nil, nil
	}
	n := make([]int, want)
	for i, f := range fields {
		if f == "" || len(f) > long || strings.Trim(f, "0123456789") != "" {
			return nil, nil
		}
		n[i], _ = strconv.Atoi(f)
	}
	return fields, n
}

// readings is the hint for a date read month first (md, when mdOK) or
// day first (dm): both when they are two days, else the one there is.
func readings(write string, md time.Time, mdOK bool, dm time.Time, dmOK bool) string {
	switch {
	case mdOK && dmOK && !md.Equal(dm):
		return "write the year first: " + write + md.Format(time.DateOnly) + " for " + md.Format("January 2") + ", " + write + dm.Format(time.DateOnly) + " for " + dm.Format("2 January")
	case mdOK:
		return "did you mean " + write + md.Format(time.DateOnly) + "?"
	case dmOK:
		return "did you mean " + write + dm.Format(time.DateOnly) + "?"
	}
	return ""
}

// YearlessReadings is DateReadings for a day written without its year —
// 11/24, 24.11, 11-24 — as a tired person types a date on the command
// line: each reading is put in the year that brings it nearest today
// (12/30 typed on 2 January is the December just gone), since a record's
// day is mostly one just past or soon to come. "" when s is not a day and
// a month. Only a flag gets it: a record's findings depend on its bytes
// alone, never on the day they are read (DESIGN §7), so a hand edit gets
// no year guessed for it.
func YearlessReadings(s, write string, today time.Time) string {
	fields, n := dateFields(s, "/.-", 2, 2)
	if fields == nil {
		return ""
	}
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	nearest := func(m, d int) (time.Time, bool) {
		var best time.Time
		found := false
		for y := today.Year() - 1; y <= today.Year()+1; y++ {
			t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if m < 1 || m > 12 || d < 1 || t.Day() != d {
				continue // no such day that year (February 29)
			}
			if !found || distance(t, today) < distance(best, today) {
				best, found = t, true
			}
		}
		return best, found
	}
	md, mdOK := nearest(n[0], n[1]) // month/day
	dm, dmOK := nearest(n[1], n[0]) // day/month
	return readings(write, md, mdOK, dm, dmOK)
}

// distance is how many hours apart a and b are, either way.
func distance(a, b time.Time) time.Duration {
	if d := a.Sub(b); d >= 0 {
		return d
	}
	return b.Sub(a)
}

// parsedDocs holds each kind's schema as parsed by encoding/json, parsed
// on first use: the command line asks Enum for some forty lists as it is
// built, in every process, and parsing a schema for each took a third of
// the start of every command.
var parsedDocs = func() map[string]func() any {
	m := map[string]func() any{}
	for _, k := range Kinds {
		m[k] = sync.OnceValue(func() any {
			b, err := Bytes(k)
			if err != nil {
				return nil
			}
			var doc any
			if err := json.Unmarshal(b, &doc); err != nil {
				return nil
			}
			return doc
		})
	}
	return m
}()

// parsed is the schema of kind parsed (parsedDocs), nil for an unknown
// kind. It is shared: callers only read it.
func parsed(kind string) any {
	if f := parsedDocs[kind]; f != nil {
		return f()
	}
	return nil
}

// Enum returns the values the schema of kind allows at path — property
// names, with "[]" for an array's items — such as Enum("note", "mode") or
// Enum("iep", "goals", "[]", "term"); nil when there is no enum there. The
// command line offers and checks the same values (pkg/cli).
func Enum(kind string, path ...string) []string {
	node := parsed(kind)
	for _, p := range path {
		m, _ := node.(map[string]any)
		if p == "[]" {
			node = m["items"]
			continue
		}
		props, _ := m["properties"].(map[string]any)
		node = props[p]
	}
	m, _ := node.(map[string]any)
	list, _ := m["enum"].([]any)
	var out []string
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
