package record

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/schemas"
)

// schemaLists returns every list of kind's schema: its path as ListRules
// writes it (goals.milestones) and its items' schema.
func schemaLists(t *testing.T, kind string) map[string]*yaml.Node {
	t.Helper()
	out := map[string]*yaml.Node{}
	var walk func(path []string, s *yaml.Node)
	walk = func(path []string, s *yaml.Node) {
		if items := get(s, "items"); items != nil {
			out[strings.Join(path, ".")] = items
			walk(path, items)
		}
		if props := get(s, "properties"); props != nil {
			for i := 0; i < len(props.Content); i += 2 {
				walk(append(path[:len(path):len(path)], props.Content[i].Value), props.Content[i+1])
			}
		}
	}
	walk(nil, schemaNode(t, kind))
	return out
}

// TestListRulesCoverTheSchemas keeps ListRules and the schemas in step:
// every list of every record kind but the note's has exactly one rule,
// with a reason; a list of strings is a set; a list of objects is named by
// fields its items have; a list whose items get IDs has an id that the
// schema's pattern accepts as caseid.NewItem makes it, and is named by it
// unless the record allows one item per natural key.
func TestListRulesCoverTheSchemas(t *testing.T) {
	covered := map[string]bool{}
	for _, kind := range schemas.Kinds {
		for path, items := range schemaLists(t, kind) {
			r, ok := ListRuleOf(kind, path)
			if kind == layout.KindNote {
				if ok {
					t.Errorf("%s %s: a note is never merged, so its lists have no rule", kind, path)
				}
				continue
			}
			if !ok {
				t.Errorf("%s %s: no ListRule; say how its items are told apart", kind, path)
				continue
			}
			if covered[kind+" "+path] {
				t.Errorf("%s %s: two rules", kind, path)
			}
			covered[kind+" "+path] = true
			if r.Why == "" || r.Item == "" {
				t.Errorf("%s %s: no reason for its key, or no name for an item", kind, path)
			}
			switch get(items, "type").Value {
			case "string":
				if r.Key != nil || r.Alt != nil || r.Prefix != "" || r.Unique {
					t.Errorf("%s %s: a list of strings is a set: want no key, alt, prefix or uniqueness", kind, path)
				}
			case "object":
				props := get(items, "properties")
				for _, k := range slices.Concat(r.Key, r.Alt) {
					if get(props, k) == nil {
						t.Errorf("%s %s: key field %q is not a field of its items", kind, path, k)
					}
				}
				if r.Unique && len(r.Key) == 0 {
					t.Errorf("%s %s: unique, but with no key", kind, path)
				}
				if r.Prefix == "" {
					continue
				}
				if !slices.Equal(r.Key, []string{"id"}) && !r.Unique {
					t.Errorf("%s %s: a list whose items get IDs is named by them, not by %v, unless the record allows one item per key", kind, path, r.Key)
				}
				id := get(props, "id")
				if id == nil {
					t.Errorf("%s %s: prefix %s, but its items have no id", kind, path, r.Prefix)
					continue
				}
				re := regexp.MustCompile(get(id, "pattern").Value)
				random := rand.NewChaCha8([32]byte{1})
				for range 100 {
					got, err := caseid.NewItem(r.Prefix, random)
					if err != nil {
						t.Fatal(err)
					}
					if !re.MatchString(got) {
						t.Fatalf("%s %s: the schema refuses %s, a new ID", kind, path, got)
					}
				}
				if desc := get(id, "description").Value; !strings.Contains(desc, r.Prefix+"-7QX2K") {
					t.Errorf("%s %s: the id's description does not show the form %s-7QX2K: %q", kind, path, r.Prefix, desc)
				}
			default:
				t.Errorf("%s %s: a list of %s", kind, path, get(items, "type").Value)
			}
		}
	}
	for _, r := range ListRules {
		if !covered[r.Kind+" "+r.Path] {
			t.Errorf("ListRule %s %s names no list of the schema", r.Kind, r.Path)
		}
	}
}

// TestPrefixesDistinct: an ID says what it names.
func TestPrefixesDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, r := range ListRules {
		if r.Prefix == "" {
			continue
		}
		if other, ok := seen[r.Prefix]; ok {
			t.Errorf("prefix %s is used by %s and by %s %s", r.Prefix, other, r.Kind, r.Path)
		}
		seen[r.Prefix] = r.Kind + " " + r.Path
		if !regexp.MustCompile(`^[A-Z]{1,2}$`).MatchString(r.Prefix) {
			t.Errorf("prefix %q: want one or two capital letters", r.Prefix)
		}
	}
}

func TestListKey(t *testing.T) {
	for _, tt := range []struct {
		kind, path string
		key, alt   []string
		ok         bool
	}{
		{layout.KindIEP, "goals", []string{"id"}, nil, true},
		{layout.KindIEP, "goals.milestones", []string{"id"}, nil, true},
		{layout.KindIEP, "goals.objectives.services", nil, nil, true},
		{layout.KindIEP, "action_items", []string{"note", "item"}, nil, true},
		{layout.KindIEP, "self_sufficiency.benefits", []string{"name"}, nil, true},
		{layout.KindActivity, "applications", []string{"id"}, []string{"date", "organization", "position"}, true},
		{layout.KindIntake, "skills", nil, nil, true},
		{layout.KindIntake, "transfers", []string{"id"}, nil, true},
		{layout.KindIntake, "participant.channels", nil, nil, true},
		{layout.KindConfig, "staff", []string{"id"}, nil, true},
		{layout.KindServices, "referrals", []string{"id"}, nil, true},
		{layout.KindOutcome, "closures", []string{"date"}, nil, true},
		{layout.KindNote, "actions", nil, nil, false},
		{layout.KindIEP, "milestones", nil, nil, false},
		{"memo", "goals", nil, nil, false},
	} {
		key, alt, ok := ListKey(tt.kind, tt.path)
		if !slices.Equal(key, tt.key) || !slices.Equal(alt, tt.alt) || ok != tt.ok {
			t.Errorf("ListKey(%s, %s) = %v, %v, %v; want %v, %v, %v", tt.kind, tt.path, key, alt, ok, tt.key, tt.alt, tt.ok)
		}
	}
}

// TestNewItemIDs makes an ID of every kind from a seeded source: the same
// seed makes the same IDs, another seed others, and every one has its
// list's prefix and the five characters of the case ID alphabet.
func TestNewItemIDs(t *testing.T) {
	gen := func(seed byte) []string {
		random := rand.NewChaCha8([32]byte{seed})
		var ids []string
		for _, r := range ListRules {
			if r.Prefix == "" {
				continue
			}
			id, err := caseid.NewItem(r.Prefix, random)
			if err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(`^` + r.Prefix + `-[0-9A-HJKMNP-TV-Z]{5}$`).MatchString(id) {
				t.Errorf("%s %s: %s", r.Kind, r.Path, id)
			}
			ids = append(ids, id)
		}
		return ids
	}
	a, again, b := gen(1), gen(1), gen(2)
	if !slices.Equal(a, again) {
		t.Errorf("one seed, two sets of IDs:\n%v\n%v", a, again)
	}
	for i := range a {
		if a[i] == b[i] {
			t.Errorf("seeds 1 and 2 both made %s", a[i])
		}
	}
	// The exact form: the first five characters of the base32 of four bytes.
	if id, _ := caseid.NewItem(PrefixGoal, bytes.NewReader([]byte{0, 0, 0, 0})); id != "G-00000" {
		t.Errorf("NewItem(G, zeros) = %s", id)
	}
	if id, _ := caseid.NewItem(PrefixApplication, bytes.NewReader([]byte{0xff, 0xff, 0xff, 0xff})); id != "AP-ZZZZZ" {
		t.Errorf("NewItem(AP, ones) = %s", id)
	}
}

// TestEachItemID lists the IDs of the example plan and outcome: at any
// depth, by list, with the path validate reports at.
func TestEachItemID(t *testing.T) {
	ex := examples(t)
	var got []string
	for _, p := range []string{"cases/2026-K7QX2/iep.yaml", "cases/2026-K7QX2/outcome.yaml"} {
		kind, _ := layout.KindOf(p)
		rec := newRecord(kind)
		if err := yaml.Unmarshal(ex[p], rec); err != nil {
			t.Fatal(err)
		}
		EachItemID(rec, func(r ListRule, at []string, id string) {
			got = append(got, r.Item+" "+id+" "+strings.Join(at, "."))
		})
	}
	want := []string{
		"goal G1 goals.0.id",
		"objective O1 goals.0.objectives.0.id",
		"milestone M1 goals.0.milestones.0.id",
		"service S1 services.0.id",
		"next step N1 next_steps.0.id",
		"job target JT-N7DH3 job_targets.0.id",
		"course SK-P4ZR6 skill_plan.0.id",
		"review RV-J6MW1 reviews.0.id",
		"agreement AG-J6MW2 agreements.0.id",
		"benefit BN-R9CV8 self_sufficiency.benefits.0.id",
		"extension ER-W7KD3 extensions.0.id",
		"placement PL-4HV9R placements.0.id",
		"placement PL-7QX2K placements.1.id",
		"follow-up FU-7QX2K follow_ups.0.id",
		"credential CR-7QX2K credentials.0.id",
		"skill gain SG-7QX2K skill_gains.0.id",
		"exclusion EX-7QX2K exclusions.0.id",
		"closure CL-H1BX6 closures.0.id",
		"reopening RO-Z9TC4 reopenings.0.id",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
