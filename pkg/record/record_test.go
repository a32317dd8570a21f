package record

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"

	"github.com/caseplan/caseplan/schemas"
)

// newRecord returns a pointer to a zero record of kind.
func newRecord(kind string) any { return New(kind) }

// examples returns the example store under testdata: repository-relative
// path (cases/...) to file contents.
func examples(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[strings.TrimPrefix(filepath.ToSlash(p), "testdata/")] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExamples checks the examples of every kind: each validates, decodes
// into its struct with no unknown field, and Marshal writes it back byte
// for byte (so no field is lost and the file is canonical); together they
// use every field of the kind's schema. A kind has one complete example,
// and a small one beside it for what the complete one cannot hold: a
// monthly contact schedule's day_of_month, which a weekly one may not have.
func TestExamples(t *testing.T) {
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	docs := map[string][]any{}
	defer func() {
		for kind, ds := range docs {
			complete(t, kind, ds...)
		}
	}()
	for p, data := range examples(t) {
		kind, ok := layout.KindOf(p)
		if !ok {
			t.Errorf("%s: not a record path", p)
			continue
		}
		seen[kind] = true
		t.Run(kind, func(t *testing.T) {
			d := jsonLike(t, data)
			if errs := v.Validate(kind, d); errs != nil {
				t.Errorf("%s: schema errors: %v", p, errs)
			}
			docs[kind] = append(docs[kind], d)

			rec := newRecord(kind)
			dec := yaml.NewDecoder(bytes.NewReader(data))
			dec.KnownFields(true)
			if err := dec.Decode(rec); err != nil {
				t.Fatalf("%s: decode: %v", p, err)
			}
			out, err := Marshal(p, rec)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, data) {
				t.Errorf("%s: Marshal differs from the file:\n%s", p, out)
			}
		})
	}
	for _, k := range schemas.Kinds {
		if !seen[k] {
			t.Errorf("no example of kind %s under testdata", k)
		}
	}
}

// complete checks that the examples ds of kind use every field its schema
// defines, so the round trips cover every field of the struct.
func complete(t *testing.T, kind string, ds ...any) {
	t.Helper()
	have := map[string]bool{}
	var collect func(prefix string, v any)
	collect = func(prefix string, v any) {
		have[prefix] = true
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				collect(prefix+"/"+k, x)
				collect(prefix+"/*", x) // for maps keyed by pattern
			}
		case []any:
			for _, x := range v {
				collect(prefix+"/[]", x)
			}
		}
	}
	for _, d := range ds {
		collect("", d)
	}
	var check func(prefix string, s *yaml.Node)
	check = func(prefix string, s *yaml.Node) {
		if !have[prefix] {
			t.Errorf("%s example: no value at %s", kind, prefix)
			return
		}
		if props := get(s, "properties"); props != nil {
			for i := 0; i < len(props.Content); i += 2 {
				check(prefix+"/"+props.Content[i].Value, props.Content[i+1])
			}
		}
		if pp := get(s, "patternProperties"); pp != nil {
			check(prefix+"/*", pp.Content[1])
		}
		if items := get(s, "items"); items != nil {
			check(prefix+"/[]", items)
		}
	}
	check("", schemaNode(t, kind))
}

// schemaNode parses kind's schema as YAML (a superset of JSON), which keeps
// the order of its keys.
func schemaNode(t *testing.T, kind string) *yaml.Node {
	t.Helper()
	b, err := schemas.Bytes(kind)
	if err != nil {
		t.Fatal(err)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	return n.Content[0]
}

func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func strs(n *yaml.Node) []string {
	var out []string
	if n != nil {
		for _, c := range n.Content {
			out = append(out, c.Value)
		}
	}
	return out
}

// TestStructsMirrorSchemas walks each schema and its struct together: the
// same fields in the same order, omitempty exactly on optional fields,
// and Go types that match the JSON types (format date is Date).
func TestStructsMirrorSchemas(t *testing.T) {
	for _, kind := range schemas.Kinds {
		mirror(t, kind, reflect.TypeOf(newRecord(kind)).Elem(), schemaNode(t, kind))
	}
}

func mirror(t *testing.T, where string, typ reflect.Type, s *yaml.Node) {
	t.Helper()
	jsonType := get(s, "type").Value
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch jsonType {
	case "object":
		if pp := get(s, "patternProperties"); pp != nil {
			if typ.Kind() != reflect.Map || typ.Key().Kind() != reflect.String {
				t.Errorf("%s: %v, want a map keyed by string", where, typ)
				return
			}
			mirror(t, where+"/*", typ.Elem(), pp.Content[1])
			return
		}
		if typ.Kind() != reflect.Struct {
			t.Errorf("%s: %v, want a struct", where, typ)
			return
		}
		props := get(s, "properties")
		required := strs(get(s, "required"))
		var names []string
		for i := range typ.NumField() {
			f := typ.Field(i)
			tag := f.Tag.Get("yaml")
			name, opts, _ := strings.Cut(tag, ",")
			names = append(names, name)
			p := get(props, name)
			if p == nil {
				continue // reported by the order check
			}
			if omit, req := opts == "omitempty", slices.Contains(required, name); omit == req {
				t.Errorf("%s/%s: omitempty = %v and required = %v; want exactly one", where, name, omit, req)
			}
			mirror(t, where+"/"+name, f.Type, p)
		}
		var want []string
		for i := 0; i < len(props.Content); i += 2 {
			want = append(want, props.Content[i].Value)
		}
		if !slices.Equal(names, want) {
			t.Errorf("%s: struct fields %v, want the schema's %v in that order", where, names, want)
		}
	case "array":
		if typ.Kind() != reflect.Slice {
			t.Errorf("%s: %v, want a slice", where, typ)
			return
		}
		mirror(t, where+"/[]", typ.Elem(), get(s, "items"))
	case "string":
		want := reflect.TypeOf("")
		if f := get(s, "format"); f != nil && f.Value == "date" {
			want = reflect.TypeOf(Date(""))
		}
		if typ != want {
			t.Errorf("%s: %v, want %v", where, typ, want)
		}
	case "boolean", "number", "integer":
		want := map[string]reflect.Kind{"boolean": reflect.Bool, "number": reflect.Float64, "integer": reflect.Int}[jsonType]
		if typ.Kind() != want {
			t.Errorf("%s: %v, want %v", where, typ, want)
		}
	default:
		t.Errorf("%s: unexpected schema type %q", where, jsonType)
	}
}

// TestSettingDefaults keeps the defaults in this package and in the
// schema (shown to editors) the same.
func TestSettingDefaults(t *testing.T) {
	s := get(get(get(get(get(get(schemaNode(t, layout.KindConfig), "properties"), "programs"), "patternProperties"), `^[a-z0-9][a-z0-9-]*$`), "properties"), "settings")
	props := get(s, "properties")
	var keys []string
	for i := 0; i < len(props.Content); i += 2 {
		key := props.Content[i].Value
		if key == SettingContactRequiresService || key == SettingSealedRequired {
			// Yes/no settings (Config.ContactRequiresService, whose default
			// depends on the program's kind, and Config.SealedRequired);
			// the schema says their defaults in words.
			continue
		}
		keys = append(keys, key)
		def, ok := DefaultSetting(key)
		if !ok {
			t.Errorf("setting %s has no default in package record", key)
			continue
		}
		if got := get(props.Content[i+1], "default"); got == nil || got.Value != strconv.Itoa(def) {
			t.Errorf("setting %s: schema default %v, record default %d", key, got, def)
		}
	}
	if len(keys) != len(settings) {
		t.Errorf("schema has %d settings, package record %d", len(keys), len(settings))
	}
}

// jsonLike parses YAML the way caseplan's loader does: JSON-like values,
// with timestamps kept as the text that was written.
func jsonLike(t *testing.T, data []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			s := []any{}
			for _, c := range n.Content {
				s = append(s, conv(c))
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
	return conv(n.Content[0])
}

func TestMarshalModeline(t *testing.T) {
	for p, want := range map[string]string{
		"cases/caseplan.yaml":                     "../schemas/caseplan.schema.json",
		"cases/X/intake.yaml":                     "../../schemas/intake.schema.json",
		"cases/X/notes/a.yaml":                    "../../../schemas/note.schema.json",
		"cases/2026-K7QX2/activity/2026-W09.yaml": "../../../schemas/activity.schema.json",
	} {
		kind, _ := layout.KindOf(p)
		out, err := Marshal(p, newRecord(kind))
		if err != nil {
			t.Fatalf("Marshal(%q): %v", p, err)
		}
		first, _, _ := strings.Cut(string(out), "\n")
		if first != "# yaml-language-server: $schema="+want {
			t.Errorf("Marshal(%q) modeline %q, want $schema=%s", p, first, want)
		}
		if !strings.HasSuffix(string(out), "\n") || strings.Contains(string(out), "\r") {
			t.Errorf("Marshal(%q): want LF line ends and a final newline: %q", p, out)
		}
	}
	if _, err := Marshal("cases/X/intake.yaml", &Note{}); err == nil {
		t.Error("Marshal of a note to intake.yaml: no error")
	}
	if _, err := Marshal("cases/X/intake.yaml", (*Intake)(nil)); err == nil {
		t.Error("Marshal of a nil intake: no error")
	}
	if _, err := Marshal("README.md", &Intake{}); err == nil {
		t.Error("Marshal to a path that is not a record: no error")
	}
}

// TestMarshalStyle pins the canonical style details a person sees in diffs.
func TestMarshalStyle(t *testing.T) {
	n := Note{
		ID: "2026-03-02-k7qx", Date: "2026-03-02", Author: "jdoe", Kind: "contact", Mode: "phone",
		Services: []string{"CM"},
		Content:  "line one\nline two",
		Actions:  []Action{{Owner: "participant", Text: "Call: the office", Due: "2026-02-30"}},
	}
	out, err := Marshal("cases/X/notes/2026-03-02-k7qx.yaml", n)
	if err != nil {
		t.Fatal(err)
	}
	want := `# yaml-language-server: $schema=../../../schemas/note.schema.json
id: 2026-03-02-k7qx
date: 2026-03-02
author: jdoe
kind: contact
mode: phone
services:
  - CM
content: |-
  line one
  line two
actions:
  - owner: participant
    text: 'Call: the office'
    due: 2026-02-30
`
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestDate(t *testing.T) {
	if tm, ok := Date("2026-03-02").Time(); !ok || !tm.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v, %v", tm, ok)
	}
	for _, bad := range []Date{"", "2026-02-30", "2026-3-2", "2026-03-02T10:00:00Z", "soon"} {
		if _, ok := bad.Time(); ok {
			t.Errorf("Date(%q).Time() ok", bad)
		}
	}
	// A date decodes from YAML as written, quoted or not.
	var v struct{ A, B Date }
	if err := yaml.Unmarshal([]byte("a: 2026-03-02\nb: \"2026-02-30\"\n"), &v); err != nil || v.A != "2026-03-02" || v.B != "2026-02-30" {
		t.Errorf("decoded %+v, %v", v, err)
	}
}

func config() *Config {
	no, seven := false, 7
	return &Config{
		Organization: "Example",
		Staff: []Staff{
			{ID: "jdoe", Name: "Jo Doe", Email: "Jo.Doe@Example.org"},
			{ID: "old", Name: "Old Timer", Email: "old@example.org", Active: &no},
		},
		Programs: map[string]Program{
			"ws":   {Kind: "work-security", Settings: Settings{CheckinIntervalDays: &seven, ReferencesRequired: new(int)}},
			"wioa": {Kind: "wioa"},
		},
	}
}

// MarkRetired is the one spelling of the retired mark that due, validate
// and the reports share.
func TestMarkRetired(t *testing.T) {
	if got := MarkRetired("Jo Lee", true); got != "Jo Lee (retired)" {
		t.Errorf("MarkRetired(retired) = %q", got)
	}
	if got := MarkRetired("Jo Lee", false); got != "Jo Lee" {
		t.Errorf("MarkRetired(active) = %q", got)
	}
}

// The headings' form, by name and ID: a roster without a name gives the
// ID in MarkRetired's form, never "jlee, retired" without its brackets.
func TestNameWithID(t *testing.T) {
	for _, tc := range []struct {
		name, id string
		retired  bool
		want     string
	}{
		{"Jo Lee", "jlee", false, "Jo Lee (jlee)"},
		{"Jo Lee", "jlee", true, "Jo Lee (jlee, retired)"},
		{"", "jlee", true, "jlee (retired)"},
		{"", "jlee", false, "jlee"},
	} {
		if got := NameWithID(tc.name, tc.id, tc.retired); got != tc.want {
			t.Errorf("NameWithID(%q, %q, %v) = %q, want %q", tc.name, tc.id, tc.retired, got, tc.want)
		}
	}
}

func TestStaffLookups(t *testing.T) {
	c := config()
	if s, ok := c.StaffByID("jdoe"); !ok || s.Name != "Jo Doe" || !s.IsActive() {
		t.Errorf("StaffByID(jdoe) = %+v, %v", s, ok)
	}
	if s, ok := c.StaffByID("old"); !ok || s.IsActive() {
		t.Errorf("StaffByID(old) = %+v, %v; want inactive", s, ok)
	}
	if _, ok := c.StaffByID("JDOE"); ok {
		t.Error("StaffByID is case-sensitive, but JDOE matched")
	}
	if s, ok := c.StaffByEmail("jo.doe@EXAMPLE.org"); !ok || s.ID != "jdoe" {
		t.Errorf("StaffByEmail = %+v, %v", s, ok)
	}
	if _, ok := c.StaffByEmail("nobody@example.org"); ok {
		t.Error("StaffByEmail(nobody) matched")
	}
	var nilConfig *Config
	if _, ok := nilConfig.StaffByEmail("jo.doe@example.org"); ok {
		t.Error("nil config matched")
	}
}

func TestProgramSetting(t *testing.T) {
	c := config()
	for _, tt := range []struct {
		cfg          *Config
		program, key string
		want         int
	}{
		{c, "ws", SettingCheckinIntervalDays, 7},
		{c, "ws", SettingReferencesRequired, 0}, // set to 0 is not unset
		{c, "ws", SettingNotificationDays, 60},
		{c, "ws", SettingNotificationDaysGrantEnded, 30},
		{c, "wioa", SettingFirstContactDays, 10},
		{c, "wioa", SettingContactIntervalDays, 30},
		{c, "nosuch", SettingFollowUpMonths, 12},
		{nil, "ws", SettingWorkSecurityDays, 90},
		{nil, "", SettingExtensionMaxDays, 90},
		{nil, "", SettingInactivityExitDays, 90},
		{nil, "", SettingPostAssistanceMonths, 12},
		{nil, "", SettingReviewIntervalDays, 90},
	} {
		if got := tt.cfg.ProgramSetting(tt.program, tt.key); got != tt.want {
			t.Errorf("ProgramSetting(%q, %q) = %d, want %d", tt.program, tt.key, got, tt.want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("ProgramSetting with an unknown key did not panic")
		}
	}()
	c.ProgramSetting("ws", "notification_day")
}

func TestNewKnowsEveryKind(t *testing.T) {
	for _, kind := range schemas.Kinds {
		if got := kindOfValue(New(kind)); got != kind {
			t.Errorf("New(%q) is a %T, which is a %q record", kind, New(kind), got)
		}
	}
	if New("nosuch") != nil {
		t.Error("New(nosuch) is not nil")
	}
}

// TestPlacedOn: a placement counts from its start, never from the day it
// was recorded.
func TestPlacedOn(t *testing.T) {
	o := &Outcome{Placements: []Placement{
		{ID: "PL-AAAAA", Employer: "Clinic", Start: "2026-04-06", Recorded: "2026-03-16"},
	}}
	for day, want := range map[Date]string{
		"2026-03-16": "", // recorded, not started
		"2026-04-05": "",
		"2026-04-06": "PL-AAAAA",
		"2026-05-01": "PL-AAAAA",
	} {
		got := ""
		if p := o.PlacedOn(day); p != nil {
			got = p.ID
		}
		if got != want {
			t.Errorf("PlacedOn(%s) = %q, want %q", day, got, want)
		}
	}
	// An offer that fell through is no placement from the day it fell
	// through; a report about an earlier day still reads it.
	o.Placements[0].FellThrough, o.Placements[0].FellThroughReason = "2026-04-20", "the employer withdrew the offer"
	for day, want := range map[Date]string{"2026-04-19": "PL-AAAAA", "2026-04-20": "", "2026-05-01": ""} {
		got := ""
		if p := o.PlacedOn(day); p != nil {
			got = p.ID
		}
		if got != want {
			t.Errorf("fell through on 2026-04-20: PlacedOn(%s) = %q, want %q", day, got, want)
		}
	}
	if p := o.PlacementOn("2026-04-20"); p != nil {
		t.Errorf("PlacementOn the day the offer fell through = %+v, want none", p)
	}
	var none *Outcome
	if none.PlacedOn("2026-03-10") != nil || none.PlacementFor(Closure{Date: "2026-03-10"}) != nil {
		t.Error("no outcome: want no placement")
	}
}

// TestJobEnded: a job the participant started and lost — the case
// closed as placed on it, then reopened — is no longer in force from the
// reopening (PlacedOn), though it stays the placement on record
// (PlacementOn, which the reports count). Closed as placed on it again,
// it is back in force; a job found after the reopening places them.
func TestJobEnded(t *testing.T) {
	o := &Outcome{
		Placements: []Placement{{ID: "PL-AAAAA", Employer: "Clinic", Start: "2026-04-20", Recorded: "2026-04-10"}},
		Closures:   []Closure{{Date: "2026-04-20", Reason: "placed"}},
		Reopenings: []Reopening{{Date: "2026-06-22", Reason: "laid off again"}},
	}
	placed := func(day Date) string {
		if p := o.PlacedOn(day); p != nil {
			return p.ID
		}
		return ""
	}
	for day, want := range map[Date]string{"2026-04-20": "PL-AAAAA", "2026-06-21": "PL-AAAAA", "2026-06-22": "", "2026-07-01": ""} {
		if got := placed(day); got != want {
			t.Errorf("PlacedOn(%s) = %q, want %q", day, got, want)
		}
	}
	pl := o.PlacementOn("2026-07-01")
	if pl == nil || pl.ID != "PL-AAAAA" {
		t.Fatalf("PlacementOn after the reopening = %+v, want PL-AAAAA still on record", pl)
	}
	if got := o.JobEnded(pl, "2026-07-01"); got != "2026-06-22" {
		t.Errorf("JobEnded = %q, want the reopening 2026-06-22", got)
	}
	if got := o.JobEnded(pl, "2026-06-21"); got != "" {
		t.Errorf("JobEnded before the reopening = %q, want none", got)
	}
	// A case closed for another reason and reopened keeps its job.
	other := &Outcome{Placements: o.Placements, Closures: []Closure{{Date: "2026-05-01", Reason: "other"}}, Reopenings: o.Reopenings}
	if other.PlacedOn("2026-07-01") == nil {
		t.Error("closed as other and reopened: want the placement in force")
	}
	// Placed again: a new job after the reopening.
	o.Placements = append(o.Placements, Placement{ID: "PL-BBBBB", Employer: "Museum", Start: "2026-07-13", Recorded: "2026-07-06"})
	if got := placed("2026-07-13"); got != "PL-BBBBB" {
		t.Errorf("PlacedOn the new job's start = %q, want PL-BBBBB", got)
	}
	if got := placed("2026-07-10"); got != "" {
		t.Errorf("PlacedOn before the new job's start = %q, want none", got)
	}
	// The reopening was a slip: closed as placed on the same job again.
	o.Placements = o.Placements[:1]
	o.Closures = append(o.Closures, Closure{Date: "2026-06-25", Reason: "placed"})
	if got := placed("2026-06-25"); got != "PL-AAAAA" {
		t.Errorf("closed as placed again: PlacedOn = %q, want PL-AAAAA", got)
	}
}

// TestPlacementFor: the placement that makes a closure "as placed" has
// started by the closure's date, read as known until a reopening ended
// the closure, else as the records stand.
func TestPlacementFor(t *testing.T) {
	first := Placement{ID: "PL-AAAAA", Start: "2026-03-01", Recorded: "2026-03-01"}
	cases := []struct {
		name string
		o    Outcome
		cl   Closure
		want string
	}{
		{"starts after the closure", Outcome{Placements: []Placement{{ID: "PL-AAAAA", Start: "2026-04-06", Recorded: "2026-03-16"}}}, Closure{Date: "2026-03-20"}, ""},
		{"recorded after a closure dated back", Outcome{Placements: []Placement{{ID: "PL-AAAAA", Start: "2026-03-01", Recorded: "2026-03-20"}}}, Closure{Date: "2026-03-10"}, "PL-AAAAA"},
		{"start corrected past the closure", Outcome{Placements: []Placement{first, {ID: "PL-BBBBB", Supersedes: "PL-AAAAA", Start: "2026-04-01", Recorded: "2026-03-25"}}}, Closure{Date: "2026-03-10"}, ""},
		{"a later job after a reopening", Outcome{
			Placements: []Placement{first, {ID: "PL-BBBBB", Supersedes: "PL-AAAAA", Start: "2026-06-01", Recorded: "2026-05-20"}},
			Reopenings: []Reopening{{Date: "2026-04-01"}},
		}, Closure{Date: "2026-03-10"}, "PL-AAAAA"},
		{"the offer fell through", Outcome{Placements: []Placement{{ID: "PL-AAAAA", Start: "2026-03-01", Recorded: "2026-02-20", FellThrough: "2026-02-27"}}}, Closure{Date: "2026-03-10"}, ""},
		{"a correction that fell through brings back nothing", Outcome{Placements: []Placement{first, {ID: "PL-BBBBB", Supersedes: "PL-AAAAA", Start: "2026-03-02", Recorded: "2026-03-01", FellThrough: "2026-03-02"}}}, Closure{Date: "2026-03-10"}, ""},
	}
	for _, c := range cases {
		got := ""
		if p := c.o.PlacementFor(c.cl); p != nil {
			got = p.ID
		}
		if got != c.want {
			t.Errorf("%s: PlacementFor = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPlacementOnLateEntry: a job entered after it started — from a paper
// file, weeks late — is the placement of the days since its start, as no
// record then said otherwise; a correction recorded later still decides,
// and an offer recorded late that had not started yet places nobody.
func TestPlacementOnLateEntry(t *testing.T) {
	o := &Outcome{Placements: []Placement{{ID: "PL-AAAAA", Employer: "Library", Start: "2026-09-01", Recorded: "2026-12-07"}}}
	id := func(p *Placement) string {
		if p == nil {
			return ""
		}
		return p.ID
	}
	for day, want := range map[Date]string{"2026-08-31": "", "2026-09-01": "PL-AAAAA", "2026-09-30": "PL-AAAAA", "2026-12-07": "PL-AAAAA"} {
		if got := id(o.PlacementOn(day)); got != want {
			t.Errorf("late entry: PlacementOn(%s) = %q, want %q", day, got, want)
		}
		if got := id(o.PlacedOn(day)); got != want {
			t.Errorf("late entry: PlacedOn(%s) = %q, want %q", day, got, want)
		}
	}
	// Corrected later to start in October: September had no job after all.
	o.Placements = append(o.Placements, Placement{ID: "PL-BBBBB", Employer: "Library", Start: "2026-10-05", Recorded: "2026-12-09", Supersedes: "PL-AAAAA"})
	for day, want := range map[Date]string{"2026-09-30": "", "2026-10-05": "PL-BBBBB", "2026-12-08": "PL-AAAAA", "2026-12-09": "PL-BBBBB"} {
		if got := id(o.PlacementOn(day)); got != want {
			t.Errorf("corrected late entry: PlacementOn(%s) = %q, want %q", day, got, want)
		}
	}
	// An offer on record fell through; the job taken instead was entered late.
	on := &Outcome{Placements: []Placement{
		{ID: "PL-CCCCC", Employer: "Clinic", Start: "2026-09-01", Recorded: "2026-08-20", FellThrough: "2026-08-28"},
		{ID: "PL-DDDDD", Employer: "Museum", Start: "2026-09-10", Recorded: "2026-12-07"},
	}}
	for day, want := range map[Date]string{"2026-08-25": "PL-CCCCC", "2026-09-05": "", "2026-09-30": "PL-DDDDD"} {
		if got := id(on.PlacementOn(day)); got != want {
			t.Errorf("fell through, then a late entry: PlacementOn(%s) = %q, want %q", day, got, want)
		}
	}
}
