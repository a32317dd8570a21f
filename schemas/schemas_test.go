package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// doc parses YAML the way caseplan's loader does: JSON-like values, with
// timestamps kept as the text that was written.
func doc(t *testing.T, src string) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatalf("bad test YAML: %v\n%s", err, src)
	}
	return jsonLike(t, n.Content[0])
}

func jsonLike(t *testing.T, n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i < len(n.Content); i += 2 {
			m[n.Content[i].Value] = jsonLike(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, jsonLike(t, c))
		}
		return s
	}
	switch n.ShortTag() {
	case "!!str", "!!timestamp":
		return n.Value
	case "!!null":
		return nil
	case "!!int":
		var i int64
		if n.Decode(&i) == nil {
			return i // as the loader gives a whole number
		}
	}
	var v any
	if err := n.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func compile(t *testing.T) *Validator {
	t.Helper()
	v, err := Compile()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestKindsMatchFiles(t *testing.T) {
	files, err := fs.Glob(FS, "*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, k := range Kinds {
		want = append(want, FileName(k))
	}
	slices.Sort(want)
	if !slices.Equal(files, want) {
		t.Errorf("embedded schema files = %v, want one per kind: %v", files, want)
	}
	if _, err := Bytes("nosuch"); err == nil {
		t.Error("Bytes(nosuch): no error")
	}
}

// TestDraft07 validates every schema against the draft-07 metaschema and
// checks the identifiers editors and caseplan rely on.
func TestDraft07(t *testing.T) {
	c := jsonschema.NewCompiler()
	meta, err := c.Compile("http://json-schema.org/draft-07/schema")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds {
		b, _ := Bytes(k)
		d, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if err := meta.Validate(d); err != nil {
			t.Errorf("%s is not a valid draft-07 schema: %v", FileName(k), err)
		}
		m := d.(map[string]any)
		if got := m["$schema"]; got != "http://json-schema.org/draft-07/schema#" {
			t.Errorf("%s: $schema = %v", k, got)
		}
		if got, want := m["$id"], "https://caseplan.dev/schemas/"+FileName(k); got != want {
			t.Errorf("%s: $id = %v, want %s", k, got, want)
		}
		if !bytes.HasSuffix(b, []byte("}\n")) || bytes.Contains(b, []byte("\t")) || bytes.Contains(b, []byte("\r")) {
			t.Errorf("%s: want 2-space indent, LF line ends and a final newline", k)
		}
	}
}

// TestSchemaConventions walks every schema: each property has a title and
// a description (editors show them as hover help), each object forbids
// unknown fields, and each pattern has words for error messages.
func TestSchemaConventions(t *testing.T) {
	v := compile(t)
	for _, k := range Kinds {
		id := "https://caseplan.dev/schemas/" + FileName(k)
		root := v.docs[id].(map[string]any)
		for _, key := range []string{"title", "description"} {
			if s, _ := root[key].(string); s == "" {
				t.Errorf("%s: no %s", k, key)
			}
		}
		walk(k, root, func(where string, s map[string]any) {
			if s["type"] == "object" && s["additionalProperties"] != false {
				t.Errorf("%s %s: object without additionalProperties: false", k, where)
			}
			if p, ok := s["pattern"].(string); ok {
				if _, ok := patterns[p]; !ok {
					t.Errorf("%s %s: pattern %s has no entry in patterns", k, where, p)
				}
			}
			for _, kw := range []string{"properties", "patternProperties"} {
				props, _ := s[kw].(map[string]any)
				for name, p := range props {
					if kw == "patternProperties" {
						if _, ok := patterns[name]; !ok {
							t.Errorf("%s %s: key pattern %s has no entry in patterns", k, where, name)
						}
					}
					p := p.(map[string]any)
					for _, key := range []string{"title", "description"} {
						if s, _ := p[key].(string); strings.TrimSpace(s) == "" {
							t.Errorf("%s %s/%s: no %s", k, where, name, key)
						}
					}
				}
			}
		})
	}
}

// walk calls f for every subschema of s.
func walk(where string, s map[string]any, f func(string, map[string]any)) {
	f(where, s)
	for _, kw := range []string{"properties", "patternProperties"} {
		props, _ := s[kw].(map[string]any)
		for name, p := range props {
			walk(where+"/"+name, p.(map[string]any), f)
		}
	}
	// "if" only holds conditions, not fields, so it is not walked.
	for _, kw := range []string{"items", "then", "else", "additionalProperties"} {
		if sub, ok := s[kw].(map[string]any); ok {
			walk(where+"/"+kw, sub, f)
		}
	}
}

// minimal holds the smallest valid record of each kind; the table below
// breaks them one way at a time.
var minimal = map[string]string{
	"caseplan": `
organization: Example
staff: [{id: jdoe, name: Jo Doe, email: jdoe@example.org}]
programs: {ws: {kind: work-security}}
`,
	"intake": `
id: 2026-K7QX2
opened: 2026-01-12
program: ws
status: open
manager: jdoe
participant: {name: Alex Doe}
`,
	"iep":        "created: 2026-01-19\n",
	"references": "references: []\n",
	"note": `
id: 2026-02-09-a1b2
date: 2026-02-09
author: jdoe
kind: contact
mode: phone
`,
	"activity": "week: 2026-W07\n",
	"services": "{}\n",
	"outcome":  "{}\n",
	"cohort": `
id: 2026-ACME
employer: Acme Example Works
notice_date: 2026-03-02
layoff_dates: [2026-05-01]
`,
	"import-rules": `
cohort: {id: 2026-ACME, employer: Acme Example Works, notice_date: 2026-03-02, layoff_dates: [2026-05-01]}
program: ws
managers: {one: jdoe}
columns: {name: Full name}
`,
}

func TestMinimalRecordsAreValid(t *testing.T) {
	v := compile(t)
	for _, k := range Kinds {
		if errs := v.Validate(k, doc(t, minimal[k])); errs != nil {
			t.Errorf("%s: %v", k, errs)
		}
	}
}

func TestInvalid(t *testing.T) {
	v := compile(t)
	tests := []struct {
		name string
		kind string
		src  string
		path []string
		msg  string
	}{
		{
			name: "unknown field typo",
			kind: "iep",
			src: `
created: 2026-01-19
goals:
  - id: G1
    term: short
    text: Get a job
    mielstones: []
`,
			path: []string{"goals", "0", "mielstones"},
			msg:  `goal G1: unknown field "mielstones" (did you mean "milestones"?)`,
		},
		{
			name: "unknown top-level field",
			kind: "note",
			src:  minimal["note"] + "colour: blue\n",
			path: []string{"colour"},
			msg:  `unknown field "colour"`,
		},
		{
			name: "missing required",
			kind: "iep",
			src: `
created: 2026-01-19
goals:
  - id: G1
    term: short
    text: Get a job
    milestones:
      - {id: M1, text: Enrol, due: 2026-02-01}
      - {id: M2, text: Finish}
`,
			path: []string{"goals", "0", "milestones", "1"},
			msg:  `goal G1, milestone M2: missing required field "due"`,
		},
		{
			name: "impossible date",
			kind: "iep",
			src: `
created: 2026-01-19
goals:
  - id: G1
    term: short
    text: Get a job
    milestones:
      - {id: M1, text: Enrol, due: 2026-02-30}
`,
			path: []string{"goals", "0", "milestones", "0", "due"},
			msg:  `goal G1, milestone M1, due: "2026-02-30" is not a date: February 2026 has 28 days, so day 30 does not exist`,
		},
		{
			name: "month 13",
			kind: "intake",
			src:  strings.Replace(minimal["intake"], "2026-01-12", "2026-13-01", 1),
			path: []string{"opened"},
			msg:  `opened: "2026-13-01" is not a date: there is no month 13`,
		},
		{
			name: "date not a string",
			kind: "iep",
			src:  "created: 20260119\n",
			path: []string{"created"},
			msg:  "created: must be a date (YYYY-MM-DD), not a number",
		},
		{
			name: "bad enum",
			kind: "intake",
			src:  strings.Replace(minimal["intake"], "status: open", "status: opne", 1),
			path: []string{"status"},
			msg:  `status: "opne" is not a valid choice (want one of: open, closed); did you mean open?`,
		},
		{
			name: "enum in other capitals",
			kind: "intake",
			src:  strings.Replace(minimal["intake"], "status: open", "status: Open", 1),
			path: []string{"status"},
			msg:  `status: "Open" is not a valid choice (want one of: open, closed); did you mean open?`,
		},
		{
			name: "enum one slip off",
			kind: "note",
			src:  strings.Replace(minimal["note"], "kind: contact", "kind: contct", 1),
			path: []string{"kind"},
			msg:  `kind: "contct" is not a valid choice (want one of: intake, contact, case-conference, mock-interview, interview-feedback, tracker-review, follow-up, transfer, extension, closure, amendment, assessment, referral, other); did you mean contact?`,
		},
		{
			name: "field at the wrong level",
			kind: "intake",
			src:  minimal["intake"] + "phone: 555-0100\n",
			path: []string{"phone"},
			msg:  `unknown field "phone"; did you mean participant.phone? (it goes under participant:)`,
		},
		{
			name: "field at the wrong level in a list item",
			kind: "iep",
			src: `
created: 2026-01-19
self_sufficiency:
  renewal: 2026-06-01
`,
			path: []string{"self_sufficiency", "renewal"},
			msg:  `self_sufficiency: unknown field "renewal"; did you mean self_sufficiency.benefits[].renewal? (it goes under each item of self_sufficiency.benefits:)`,
		},
		{
			name: "field written too low",
			kind: "intake",
			src:  strings.Replace(minimal["intake"], "{name: Alex Doe}", "{name: Alex Doe, opened: 2026-01-05}", 1),
			path: []string{"participant", "opened"},
			msg:  `participant: unknown field "opened"; did you mean opened? (it goes at the top of the record)`,
		},
		{
			name: "field known at two places below",
			kind: "iep",
			src: `
created: 2026-01-19
goals:
  - id: G1
    term: short
    text: Get a job
    due: 2026-03-01
`,
			path: []string{"goals", "0", "due"},
			msg:  `goal G1: unknown field "due"`,
		},
		{
			name: "amendment without amends",
			kind: "note",
			src:  strings.Replace(minimal["note"], "kind: contact", "kind: amendment", 1),
			path: []string{},
			msg:  `missing required field "amends" (required when kind is amendment)`,
		},
		{
			name: "bad email",
			kind: "caseplan",
			src:  strings.Replace(minimal["caseplan"], "jdoe@example.org", "jdoe.example.org", 1),
			path: []string{"staff", "0", "email"},
			msg:  `staff jdoe, email: "jdoe.example.org" is not a valid email address`,
		},
		{
			name: "bad staff id",
			kind: "intake",
			src:  strings.Replace(minimal["intake"], "manager: jdoe", "manager: Jo Doe", 1),
			path: []string{"manager"},
			msg:  `manager: "Jo Doe" is not a valid staff id`,
		},
		{
			name: "bad program key",
			kind: "caseplan",
			src:  strings.Replace(minimal["caseplan"], "{ws:", "{Work_Security:", 1),
			path: []string{"programs", "Work_Security"},
			msg:  `unknown field "Work_Security": a key here must be lower-case letters`,
		},
		{
			name: "unknown setting",
			kind: "caseplan",
			src:  strings.Replace(minimal["caseplan"], "kind: work-security}", "kind: work-security, settings: {notification_day: 30}}", 1),
			path: []string{"programs", "ws", "settings", "notification_day"},
			msg:  `unknown field "notification_day" (did you mean "notification_days"?)`,
		},
		{
			name: "negative setting",
			kind: "caseplan",
			src:  strings.Replace(minimal["caseplan"], "kind: work-security}", "kind: work-security, settings: {notification_days: -1}}", 1),
			path: []string{"programs", "ws", "settings", "notification_days"},
			msg:  "notification_days: -1 is less than the minimum, 0",
		},
		{
			name: "fractional integer",
			kind: "activity",
			src:  "week: 2026-W07\nnetworking: [{date: 2026-02-13, event: Meetup, contacts: 2.5}]\n",
			path: []string{"networking", "0", "contacts"},
			msg:  "contacts: 2.5 is not a whole number",
		},
		{
			name: "fte above one",
			kind: "intake",
			src:  minimal["intake"] + "layoff: {notice_date: 2026-01-05, layoff_date: 2026-03-06, fte: 1.5}\n",
			path: []string{"layoff", "fte"},
			msg:  "fte: 1.5 is more than the maximum, 1",
		},
		{
			name: "wrong type",
			kind: "note",
			src:  minimal["note"] + "two_way: yes please\n",
			path: []string{"two_way"},
			msg:  "two_way: must be true or false, not text",
		},
		{
			name: "empty value",
			kind: "intake",
			src:  minimal["intake"] + "skills:\n",
			path: []string{"skills"},
			msg:  "skills: has no value (want a list)",
		},
		{
			name: "list item of the wrong type",
			kind: "intake",
			src:  minimal["intake"] + "skills: [typing, 42]\n",
			path: []string{"skills", "1"},
			msg:  "skills item 2: must be text, not a number",
		},
		{
			name: "empty required text",
			kind: "intake",
			src:  strings.Replace(minimal["intake"], "{name: Alex Doe}", `{name: ""}`, 1),
			path: []string{"participant", "name"},
			msg:  "name: must not be empty",
		},
		// minLength: 1 let a name of spaces through as if it were written.
		{
			name: "required text of spaces only",
			kind: "intake",
			src:  strings.Replace(minimal["intake"], "{name: Alex Doe}", `{name: "   "}`, 1),
			path: []string{"participant", "name"},
			msg:  "name: must not be empty or only spaces",
		},
		{
			name: "a goal's text of spaces and a tab",
			kind: "iep",
			src:  minimal["iep"] + "goals:\n  - id: G1\n    term: short\n    text: \" \\t \"\n",
			path: []string{"goals", "0", "text"},
			msg:  "text: must not be empty or only spaces",
		},
		{
			name: "record is a list",
			kind: "iep",
			src:  "- created: 2026-01-19\n",
			path: []string{},
			msg:  "record: must be a mapping of fields, not a list",
		},
		{
			name: "a self-attested follow-up names its note",
			kind: "outcome",
			src: `
follow_ups:
  - {due: 2026-12-31, done: 2026-12-01, quarter: 2, employed: true, evidence: self-attestation}
`,
			path: []string{"follow_ups", "0"},
			msg:  `follow_ups item 1: missing required field "evidence_note"`,
		},
		{
			name: "an employer's FEIN",
			kind: "outcome",
			src: `
follow_ups:
  - {due: 2026-12-31, employer_fein: "123456789"}
`,
			path: []string{"follow_ups", "0", "employer_fein"},
			msg:  `is not a valid FEIN (two digits, a hyphen and seven digits, like 12-3456789)`,
		},
		{
			name: "a quarter after exit past the fourth",
			kind: "outcome",
			src: `
follow_ups:
  - {due: 2026-12-31, quarter: 5}
`,
			path: []string{"follow_ups", "0", "quarter"},
			msg:  `5 is more than the maximum, 4`,
		},
		{
			name: "an exclusion PIRL 923 does not know",
			kind: "outcome",
			src: `
exclusions:
  - {kind: moved, date: 2026-10-01}
`,
			path: []string{"exclusions", "0", "kind"},
			msg:  `institutionalized`,
		},
		{
			name: "a contact schedule on no day of the week",
			kind: "iep",
			src:  minimal["iep"] + "contact_schedule: {every: weekly, day: tusday, agreed: 2026-10-01}\n",
			path: []string{"contact_schedule", "day"},
			msg:  `tuesday`,
		},
		{
			name: "a monthly contact schedule names its day of the month",
			kind: "iep",
			src:  minimal["iep"] + "contact_schedule: {every: monthly, agreed: 2026-10-01}\n",
			path: []string{"contact_schedule"},
			msg:  `missing required field "day_of_month" (required when every is monthly)`,
		},
		{
			name: "a monthly contact schedule has no day of the week",
			kind: "iep",
			src:  minimal["iep"] + "contact_schedule: {every: monthly, day: tuesday, day_of_month: 15, agreed: 2026-10-01}\n",
			path: []string{"contact_schedule", "day"},
			msg:  `contact_schedule, day: is not allowed when every is monthly`,
		},
		{
			name: "a weekly contact schedule has no day of the month",
			kind: "iep",
			src:  minimal["iep"] + "contact_schedule: {every: weekly, day: tuesday, day_of_month: 15, agreed: 2026-10-01}\n",
			path: []string{"contact_schedule", "day_of_month"},
			msg:  `is not allowed when every is weekly or fortnightly`,
		},
		{
			name: "a fortnightly contact schedule names its day of the week",
			kind: "iep",
			src:  minimal["iep"] + "contact_schedule: {every: fortnightly, agreed: 2026-10-01}\n",
			path: []string{"contact_schedule"},
			msg:  `missing required field "day" (required when every is weekly or fortnightly)`,
		},
		{
			name: "a contact schedule's time of day",
			kind: "iep",
			src:  minimal["iep"] + "contact_schedule: {every: weekly, day: tuesday, time: 6pm, agreed: 2026-10-01}\n",
			path: []string{"contact_schedule", "time"},
			msg:  `24-hour HH:MM`,
		},
		{
			name: "unknown kind",
			kind: "memo",
			src:  "{}\n",
			path: nil,
			msg:  `unknown record kind "memo"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := v.Validate(tt.kind, doc(t, tt.src))
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
			}
			e := errs[0]
			if !slices.Equal(e.Path, tt.path) {
				t.Errorf("path = %q, want %q", e.Path, tt.path)
			}
			if !strings.Contains(e.Message, tt.msg) {
				t.Errorf("message = %q, want it to contain %q", e.Message, tt.msg)
			}
			plain(t, e.Message)
		})
	}
}

// plain checks a message reads as caseplan's, not the library's.
func plain(t *testing.T, msg string) {
	t.Helper()
	for _, bad := range []string{"jsonschema", "://", "#/", "additional properties", "missing propert", "does not match pattern", "validation failed", "\n"} {
		if strings.Contains(msg, bad) {
			t.Errorf("message %q contains %q", msg, bad)
		}
	}
	if msg != strings.TrimSpace(msg) || strings.HasSuffix(msg, ".") {
		t.Errorf("message %q: want no surrounding space and no final period", msg)
	}
	if first := msg[:1]; first != strings.ToLower(first) {
		t.Errorf("message %q: want lower case", msg)
	}
}

// TestEveryErrorAtOnce checks that flattening keeps every problem, one
// error per unknown field and per missing field, in path order.
func TestEveryErrorAtOnce(t *testing.T) {
	v := compile(t)
	errs := v.Validate("intake", doc(t, `
id: "2026 K7QX2"
opened: 2026-02-30
status: opne
manager: jdoe
participant:
  nmae: Alex Doe
  email: nope
  channels: [text, pigeon]
colour: blue
flavour: mint
`))
	var got []string
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%s: %s", strings.Join(e.Path, "/"), e.Message))
		plain(t, e.Message)
	}
	want := []string{
		`: missing required field "program"`,
		`colour: unknown field "colour"`,
		`flavour: unknown field "flavour"`,
		`id: id: "2026 K7QX2" is not a valid case id (letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters)`,
		`opened: opened: "2026-02-30" is not a date: February 2026 has 28 days, so day 30 does not exist`,
		`participant: participant: missing required field "name"`,
		`participant/channels/1: participant, channels item 2: "pigeon" is not a valid choice (want one of: phone, text, email, mail, in-person, video)`,
		`participant/email: participant, email: "nope" is not a valid email address`,
		`participant/nmae: participant: unknown field "nmae" (did you mean "name"?)`,
		`status: status: "opne" is not a valid choice (want one of: open, closed); did you mean open?`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestConcurrentUse(t *testing.T) {
	v := compile(t)
	good, bad := doc(t, minimal["note"]), doc(t, minimal["note"]+"colour: blue\n")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if errs := v.Validate("note", good); errs != nil {
					t.Errorf("good note: %v", errs)
				}
				if errs := v.Validate("note", bad); len(errs) != 1 {
					t.Errorf("bad note: %v", errs)
				}
			}
		})
	}
	wg.Wait()
}

func TestClosest(t *testing.T) {
	known := map[string]any{"milestones": nil, "objectives": nil, "id": nil, "text": nil, "due": nil, "done": nil}
	for in, want := range map[string]string{
		"mielstones": "milestones",
		"Milestones": "milestones",
		"objective":  "objectives",
		"txet":       "text",
		"ID":         "id",
		"colour":     "",
		"xy":         "",
	} {
		if got := closest(in, known); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestItemIDs checks every list whose items carry IDs: the random form
// caseplan makes now (G-7QX2K) is valid; the numbered form of the lists
// that had one (G1, ..., R1) still is; an item of a list that had no IDs
// may still have none; and a malformed ID — another list's prefix, lower
// case, a character the alphabet leaves out (I, L, O, U), the wrong length
// — is refused with the list's own words.
func TestItemIDs(t *testing.T) {
	v := compile(t)
	intake := minimal["intake"]
	lists := []struct {
		kind, prefix string
		numbered     bool   // the list had G1-style IDs
		src          string // one item, its ID written as {ID}
		path         []string
	}{
		{"iep", "G", true, "created: 2026-01-19\ngoals: [{id: {ID}, term: short, text: x}]\n", []string{"goals", "0", "id"}},
		{"iep", "O", true, "created: 2026-01-19\ngoals: [{id: G1, term: short, text: x, objectives: [{id: {ID}, text: x}]}]\n", []string{"goals", "0", "objectives", "0", "id"}},
		{"iep", "S", true, "created: 2026-01-19\ngoals: [{id: G1, term: short, text: x, objectives: [{id: O1, text: x, services: [{ID}]}]}]\n", []string{"goals", "0", "objectives", "0", "services", "0"}},
		{"iep", "M", true, "created: 2026-01-19\ngoals: [{id: G1, term: short, text: x, milestones: [{id: {ID}, text: x, due: 2026-02-01}]}]\n", []string{"goals", "0", "milestones", "0", "id"}},
		{"iep", "S", true, "created: 2026-01-19\nservices: [{id: {ID}, name: x}]\n", []string{"services", "0", "id"}},
		{"iep", "N", true, "created: 2026-01-19\nnext_steps: [{id: {ID}, owner: manager, text: x}]\n", []string{"next_steps", "0", "id"}},
		{"iep", "JT", false, "created: 2026-01-19\njob_targets: [{id: {ID}, title: x}]\n", []string{"job_targets", "0", "id"}},
		{"iep", "SK", false, "created: 2026-01-19\nskill_plan: [{id: {ID}, course: x}]\n", []string{"skill_plan", "0", "id"}},
		{"iep", "RV", false, "created: 2026-01-19\nreviews: [{id: {ID}, date: 2026-02-01}]\n", []string{"reviews", "0", "id"}},
		{"iep", "BN", false, "created: 2026-01-19\nself_sufficiency: {benefits: [{id: {ID}, name: x}]}\n", []string{"self_sufficiency", "benefits", "0", "id"}},
		{"intake", "TM", false, intake + "team: [{id: {ID}, name: x, role: other}]\n", []string{"team", "0", "id"}},
		{"intake", "EL", false, intake + "eligibility: [{id: {ID}, program: x, determined: 2026-01-12, eligible: true}]\n", []string{"eligibility", "0", "id"}},
		{"intake", "BR", false, intake + "barriers: [{id: {ID}, kind: housing}]\n", []string{"barriers", "0", "id"}},
		{"intake", "AS", false, intake + "assessments: [{id: {ID}, tool: x, date: 2026-01-12}]\n", []string{"assessments", "0", "id"}},
		{"intake", "TR", false, intake + "transfers: [{id: {ID}, date: 2026-01-12, from: jdoe, to: jdoe, reason: x}]\n", []string{"transfers", "0", "id"}},
		{"intake", "CN", false, intake + "consents: [{id: {ID}, kind: job-site-visit, given: 2026-01-12}]\n", []string{"consents", "0", "id"}},
		{"intake", "WV", false, intake + "waivers: [{id: {ID}, rule: x, reason: x, by: jdoe, date: 2026-01-12}]\n", []string{"waivers", "0", "id"}},
		{"references", "RF", false, "references: [{id: {ID}, name: x, relationship: x}]\n", []string{"references", "0", "id"}},
		{"activity", "AP", false, "week: 2026-W07\napplications: [{id: {ID}, date: 2026-02-10, organization: x, position: x, status: applied}]\n", []string{"applications", "0", "id"}},
		{"activity", "II", false, "week: 2026-W07\ninformational_interviews: [{id: {ID}, date: 2026-02-10, organization: x}]\n", []string{"informational_interviews", "0", "id"}},
		{"activity", "IV", false, "week: 2026-W07\ninterviews: [{id: {ID}, date: 2026-02-10, organization: x}]\n", []string{"interviews", "0", "id"}},
		{"activity", "AC", false, "week: 2026-W07\ncourses: [{id: {ID}, date: 2026-02-10, title: x}]\n", []string{"courses", "0", "id"}},
		{"activity", "NW", false, "week: 2026-W07\nnetworking: [{id: {ID}, date: 2026-02-10, event: x}]\n", []string{"networking", "0", "id"}},
		{"services", "R", true, "referrals: [{id: {ID}, service: x, provider: x, referred: 2026-02-10, status: referred}]\n", []string{"referrals", "0", "id"}},
		{"outcome", "ER", false, "extensions: [{id: {ID}, requested: 2026-02-10}]\n", []string{"extensions", "0", "id"}},
		{"outcome", "PL", false, "placements: [{id: {ID}, employer: x, position: x, start: 2026-02-10}]\n", []string{"placements", "0", "id"}},
		{"outcome", "FU", false, "follow_ups: [{id: {ID}, due: 2026-02-10}]\n", []string{"follow_ups", "0", "id"}},
		{"outcome", "CR", false, "credentials: [{id: {ID}, kind: other, date: 2026-02-10}]\n", []string{"credentials", "0", "id"}},
		{"outcome", "SG", false, "skill_gains: [{id: {ID}, kind: training-milestone, date: 2026-02-10}]\n", []string{"skill_gains", "0", "id"}},
		{"outcome", "EX", false, "exclusions: [{id: {ID}, kind: deceased, date: 2026-02-10}]\n", []string{"exclusions", "0", "id"}},
		{"outcome", "CL", false, "closures: [{id: {ID}, date: 2026-02-10, reason: other}]\n", []string{"closures", "0", "id"}},
		{"outcome", "RO", false, "reopenings: [{id: {ID}, date: 2026-02-10, reason: x}]\n", []string{"reopenings", "0", "id"}},
	}
	with := func(src, id string) string { return strings.ReplaceAll(src, "{ID}", id) }
	for _, l := range lists {
		t.Run(l.kind+"/"+strings.Join(l.path, "."), func(t *testing.T) {
			good := []string{l.prefix + "-7QX2K", l.prefix + "-00000", l.prefix + "-ZZZZZ"}
			bad := []string{
				strings.ToLower(l.prefix) + "-7qx2k", // commands take any case; the file holds the canonical form
				l.prefix + "-7QX2",                   // four characters
				l.prefix + "-7QX2KA",                 // six
				l.prefix + "-7QX2I", l.prefix + "-7QX2L", l.prefix + "-7QX2O", l.prefix + "-7QX2U",
				l.prefix + "7QX2K", // no hyphen
				"X" + l.prefix + "-7QX2K",
				"Q-7QX2K", // another prefix
				"",
			}
			if l.numbered {
				good = append(good, l.prefix+"1", l.prefix+"12")
				bad = append(bad, l.prefix+"-1", l.prefix)
			} else {
				bad = append(bad, l.prefix+"1")
			}
			for _, id := range good {
				if errs := v.Validate(l.kind, doc(t, with(l.src, id))); errs != nil {
					t.Errorf("%s: %v", id, errs)
				}
			}
			for _, id := range bad {
				errs := v.Validate(l.kind, doc(t, with(l.src, `"`+id+`"`)))
				if len(errs) != 1 {
					t.Errorf("%q: got %d errors, want 1: %v", id, len(errs), errs)
					continue
				}
				if !slices.Equal(errs[0].Path, l.path) || !strings.Contains(errs[0].Message, "is not a valid") || !strings.Contains(errs[0].Message, l.prefix+"-7QX2K") {
					t.Errorf("%q: %v %q", id, errs[0].Path, errs[0].Message)
				}
				plain(t, errs[0].Message)
			}
			if l.path[len(l.path)-1] != "id" {
				return // an objective's services list holds IDs, no items with one
			}
			// An item without an ID: required where the list always had IDs.
			src := strings.NewReplacer("{id: {ID}, ", "{").Replace(l.src)
			errs := v.Validate(l.kind, doc(t, src))
			if l.numbered != (len(errs) == 1 && strings.Contains(errs[0].Message, `missing required field "id"`)) || (!l.numbered && errs != nil) {
				t.Errorf("an item without an id: %v", errs)
			}
		})
	}
}

// TestWrongLevelNoGuess checks that a field the schema knows at more than
// one place gets no "did you mean": a guess between them would mislead.
func TestWrongLevelNoGuess(t *testing.T) {
	v := compile(t)
	for _, tc := range []struct{ kind, src string }{
		{"iep", "created: 2026-01-19\ngoals:\n  - id: G1\n    term: short\n    text: Get a job\n    due: 2026-03-01\n"},
		{"iep", "created: 2026-01-19\ndue: 2026-03-01\n"},
	} {
		for _, e := range v.Validate(tc.kind, doc(t, tc.src)) {
			if strings.Contains(e.Message, "did you mean") {
				t.Errorf("%s: %q: want no guess", tc.kind, e.Message)
			}
		}
	}
}

// TestPhone checks that a phone number is a value with digits, on one
// line: text without a digit, or two numbers on two lines, was written
// as a phone; a vanity number's letters and an extension are kept.
func TestPhone(t *testing.T) {
	v := compile(t)
	for _, tc := range []struct {
		phone string
		ok    bool
	}{
		{"555-0118", true},
		{"0123 456 789", true},
		{"1-800-FLOWERS", true},
		{"(555) 010-0118 ext. 4", true},
		{"+44 20 7946 0958", true},
		{"call me maybe", false},
		{"ABC-DEFG", false},
		{"   ", false},
		{"555-0100\n555-0101", false},
		{"555-0100\r\n", false},
	} {
		for _, kind := range []string{"intake participant", "intake team", "references"} {
			var src string
			q, _ := json.Marshal(tc.phone)
			switch kind {
			case "intake participant":
				src = strings.Replace(minimal["intake"], "participant: {name: Alex Doe}", "participant: {name: Alex Doe, phone: "+string(q)+"}", 1)
			case "intake team":
				src = minimal["intake"] + "team: [{id: TM-7QX2K, name: Lee Doe, role: navigator, phone: " + string(q) + "}]\n"
			case "references":
				src = "references: [{id: RF-7QX2K, name: Sam Doe, relationship: former supervisor, phone: " + string(q) + "}]\n"
			}
			errs := v.Validate(strings.Fields(kind)[0], doc(t, src))
			if tc.ok && errs != nil {
				t.Errorf("%s phone %q: %v", kind, tc.phone, errs)
			}
			if !tc.ok {
				if len(errs) != 1 || !strings.Contains(errs[0].Message, "is not a valid phone number (its digits on one line") {
					t.Errorf("%s phone %q: got %v, want one error saying it is not a valid phone number", kind, tc.phone, errs)
					continue
				}
				plain(t, errs[0].Message)
			}
		}
	}
}

// TestHints checks that the common kinds of schema error say what to do —
// take a field out, add one, write the choice meant — without changing
// their messages.
func TestHints(t *testing.T) {
	v := compile(t)
	for _, tc := range []struct {
		kind, src, msg, hint string
	}{
		{"iep", minimal["iep"] + "contact_schedule: {every: monthly, day: tuesday, day_of_month: 15, agreed: 2026-10-01}\n",
			"contact_schedule, day: is not allowed when every is monthly", "take day: out"},
		{"iep", minimal["iep"] + "contact_schedule: {day: tuesday, agreed: 2026-10-01}\n",
			`contact_schedule: missing required field "every"`, "add every: to contact_schedule, with its value"},
		{"iep", minimal["iep"] + "contact_schedule: {evry: weekly, every: weekly, day: tuesday}\n",
			`contact_schedule: unknown field "evry" (did you mean "every"?)`, "take evry: out, or correct its name"},
		{"iep", minimal["iep"] + "contact_schedule: {every: weakly, day: tuesday}\n",
			`contact_schedule, every: "weakly" is not a valid choice (want one of: weekly, fortnightly, monthly); did you mean weekly?`, "write weekly if that is what was meant"},
		{"iep", minimal["iep"] + "contact_schedule: {every: xyz, day: tuesday}\n",
			`contact_schedule, every: "xyz" is not a valid choice (want one of: weekly, fortnightly, monthly)`, "write one of the choices listed, as it is spelled there"},
		// Pasted from a word processor: the quotes are part of the
		// value, refused, with the value to write without them — in a
		// closed list (the schema's enum) as in a key.
		{"intake", strings.Replace(minimal["intake"], "status: open", "status: “open”", 1),
			`status: "“open”" is not a valid choice (want one of: open, closed); did you mean open?`, "write open if that is what was meant"},
		{"intake", strings.Replace(minimal["intake"], "program: ws", "program: ‘work-security’", 1),
			`program: "‘work-security’" is in typographic quotes (pasted from a word processor?), which YAML keeps as part of the value`,
			`take the quotes off: program: work-security (or use plain ones: program: "work-security")`},
		// CI installs caseplan_version with go install, which wants the
		// v: the finding says what to write, not only that it is wrong.
		{"caseplan", minimal["caseplan"] + "caseplan_version: 1.2.0\n",
			`caseplan_version: "1.2.0" is not a valid caseplan version (a release such as v1.2.0, a pseudo-version, a commit hash, or devel)`,
			"write the release the team runs as go install takes it, with its v (caseplan_version: v1.2.0; caseplan version prints the one you run), or devel to have CI install the latest release"},
	} {
		errs := v.Validate(tc.kind, doc(t, tc.src))
		found := false
		for _, e := range errs {
			if e.Message != tc.msg {
				continue
			}
			found = true
			if e.Hint != tc.hint {
				t.Errorf("%s: hint %q, want %q", tc.msg, e.Hint, tc.hint)
			}
		}
		if !found {
			t.Errorf("no error %q in %v", tc.msg, errs)
		}
	}
}

// A number or true/false where text belongs is marked to be quoted, with a
// hint that says so; the type mismatches the other way are not.
func TestQuoteWhereTextBelongs(t *testing.T) {
	v := compile(t)
	errs := v.Validate("intake", doc(t, minimal["intake"]+"skills: [42, true]\nlayoff: {notice_date: 2026-01-05, layoff_date: 2026-03-06, fte: full}\n"))
	quoted := map[string]bool{}
	for _, e := range errs {
		quoted[strings.Join(e.Path, "/")] = e.Quote
		if e.Quote && e.Hint != "put the value in quotes, as typed, to keep it as text" {
			t.Errorf("%s: hint %q", e.Message, e.Hint)
		}
	}
	want := map[string]bool{"skills/0": true, "skills/1": true, "layoff/fte": false}
	for p, q := range want {
		if got, ok := quoted[p]; !ok || got != q {
			t.Errorf("%s: quote %v (found %v), want %v; errors %v", p, got, ok, q, errs)
		}
	}
}
