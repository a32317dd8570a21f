package schemas

import (
	"bytes"
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
			msg:  `unknown field "mielstones" (did you mean "milestones"?)`,
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
			msg:  `missing required field "due"`,
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
			msg:  `due: "2026-02-30" is not a date: February 2026 has 28 days, so day 30 does not exist`,
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
			msg:  `status: "opne" is not a valid choice (want one of: open, closed)`,
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
			msg:  `email: "jdoe.example.org" is not a valid email address`,
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
		{
			name: "record is a list",
			kind: "iep",
			src:  "- created: 2026-01-19\n",
			path: []string{},
			msg:  "record: must be a mapping of fields, not a list",
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
				t.Fatalf("got %d errors, want 1: %q", len(errs), errs)
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
		`participant: missing required field "name"`,
		`participant/channels/1: channels item 2: "pigeon" is not a valid choice (want one of: phone, text, email, mail, in-person, video)`,
		`participant/email: email: "nope" is not a valid email address`,
		`participant/nmae: unknown field "nmae" (did you mean "name"?)`,
		`status: status: "opne" is not a valid choice (want one of: open, closed)`,
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
