package yamledit

import (
	"reflect"
	"testing"
)

// A record with the shapes the case files have: a list of mappings, a
// mapping behind a pointer, a field the order leaves out.
type orderedPlan struct {
	Created string             `yaml:"created"`
	Updated string             `yaml:"updated,omitempty"`
	Goals   []goal             `yaml:"goals,omitempty"`
	Budget  *budget            `yaml:"budget,omitempty"`
	Funds   map[string]*budget `yaml:"funds,omitempty"`
	Cache   string             `yaml:"-"`
	Reviews []string
}

type goal struct {
	ID     string `yaml:"id"`
	Text   string `yaml:"text"`
	Status string `yaml:"status,omitempty"`
	Due    string `yaml:"due,omitempty"`
}

type budget struct {
	Income   int `yaml:"income,omitempty"`
	Expenses int `yaml:"expenses,omitempty"`
	Savings  int `yaml:"savings,omitempty"`
}

func TestFieldOrder(t *testing.T) {
	order := FieldOrder(orderedPlan{})
	for _, tt := range []struct {
		mapping []string
		want    []string
	}{
		{nil, []string{"created", "updated", "goals", "budget", "funds"}},
		{[]string{"funds", "wioa"}, []string{"income", "expenses", "savings"}}, // any key of a map: its value
		{[]string{"funds"}, nil}, // a map's own keys have no order
		{[]string{"goals", "3"}, []string{"id", "text", "status", "due"}},
		{[]string{"budget"}, []string{"income", "expenses", "savings"}},
		{[]string{"goals"}, []string{"id", "text", "status", "due"}}, // the list stands for its items
		{[]string{"nothing"}, nil},
		{[]string{"created"}, nil}, // a string has no keys
	} {
		if got := order(tt.mapping); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("order(%q) = %q, want %q", tt.mapping, got, tt.want)
		}
	}
	if got := FieldOrder(&orderedPlan{})(nil); len(got) != 5 {
		t.Errorf("a pointer's order = %q, want the struct's", got)
	}
	if got := FieldOrder(nil)([]string{"goals"}); got != nil {
		t.Errorf("nil's order = %q, want none", got)
	}
}

func TestSetInOrder(t *testing.T) {
	const modeline = "# yaml-language-server: $schema=plan.schema.json\n"
	order := FieldOrder(orderedPlan{})
	tests := []struct {
		name, in string
		path     []string
		v        any
		want     string
	}{
		{"after the nearest key before it, not after the comment of the next",
			modeline + "created: 2026-03-16 # at intake\n\n# the goals\ngoals:\n  - id: G1\n    text: CNA\n",
			[]string{"updated"}, "March 20",
			modeline + "created: 2026-03-16 # at intake\nupdated: March 20\n\n# the goals\ngoals:\n  - id: G1\n    text: CNA\n"},
		{"with no key before it, first, under the modeline",
			modeline + "goals: []\n",
			[]string{"created"}, "March 16",
			modeline + "created: March 16\ngoals: []\n"},
		{"in a list item, past a multi-line value",
			"goals:\n  - id: G1\n    text: >\n      Certified Nursing\n      Assistant\n    due: 2026-09-30\n",
			[]string{"goals", "0", "status"}, "open",
			"goals:\n  - id: G1\n    text: >\n      Certified Nursing\n      Assistant\n    status: open\n    due: 2026-09-30\n"},
		{"first in a mapping behind a key, right under that key",
			"budget:\n  savings: 50\n",
			[]string{"budget", "income"}, 900,
			"budget:\n  income: 900\n  savings: 50\n"},
		{"a missing mapping goes in its place, made whole",
			"created: 2026-03-16\nreviews: []\ngoals: []\n",
			[]string{"budget", "income"}, 900,
			"created: 2026-03-16\nreviews: []\ngoals: []\nbudget:\n  income: 900\n"},
		{"a flow mapping is rewritten with the key in its place",
			"goals:\n  - {id: G1, text: CNA, due: 2026-09-30}\n",
			[]string{"goals", "0", "status"}, "open",
			"goals:\n  - {id: G1, text: CNA, status: open, due: 2026-09-30}\n"},
		{"a key the order does not know goes at the end, as Set puts it",
			"created: 2026-03-16\ngoals: []\n",
			[]string{"reviews"}, []string{"R1"},
			"created: 2026-03-16\ngoals: []\nreviews:\n  - R1\n"},
		{"an existing key changes where it stands",
			"created: 2026-03-16 # at intake\nupdated: 2026-03-18\n",
			[]string{"created"}, "March 17",
			"created: March 17 # at intake\nupdated: 2026-03-18\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetInOrder([]byte(tt.in), tt.path, tt.v, order)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestAppendInOrder(t *testing.T) {
	order := FieldOrder(orderedPlan{})
	in := "created: 2026-03-16\nbudget:\n  income: 900\n"
	got, err := AppendInOrder([]byte(in), []string{"goals"}, goal{ID: "G1", Text: "CNA"}, order)
	if err != nil {
		t.Fatal(err)
	}
	if want := "created: 2026-03-16\ngoals:\n  - id: G1\n    text: CNA\nbudget:\n  income: 900\n"; string(got) != want {
		t.Errorf("a missing list: got:\n%s\nwant:\n%s", got, want)
	}
	got, err = AppendInOrder(got, []string{"goals"}, goal{ID: "G2", Text: "GED"}, order)
	if err != nil {
		t.Fatal(err)
	}
	if want := "created: 2026-03-16\ngoals:\n  - id: G1\n    text: CNA\n  - id: G2\n    text: GED\nbudget:\n  income: 900\n"; string(got) != want {
		t.Errorf("a list that exists: got:\n%s\nwant:\n%s", got, want)
	}
}

// Without an order, a flow mapping is still refused and a missing key
// still goes at the end: Set is unchanged.
func TestSetWithoutOrder(t *testing.T) {
	got, err := Set([]byte("budget:\n  savings: 50\n"), []string{"budget", "income"}, 900)
	if err != nil {
		t.Fatal(err)
	}
	if want := "budget:\n  savings: 50\n  income: 900\n"; string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if _, err := Set([]byte("goals:\n  - {id: G1, text: CNA}\n"), []string{"goals", "0", "status"}, "open"); err == nil {
		t.Error("Set into a flow mapping: no error")
	}
}
