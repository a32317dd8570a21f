package validate

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/store"
)

// duplicates returns the duplicate-person findings of m on today.
func duplicates(t *testing.T, m memStore) []finding.Finding {
	t.Helper()
	var got []finding.Finding
	for _, f := range run(t, m, today) {
		if f.Rule == RuleDuplicatePerson {
			got = append(got, f)
		}
	}
	return got
}

// TestDuplicatePersonWaived: two people of one name are told apart by a
// supervisor's waiver on either case; on the later case the finding stays
// visible, waived, and on the earlier case none is left.
func TestDuplicatePersonWaived(t *testing.T) {
	waiver := "waivers:\n  - rule: duplicate-person\n    reason: two people of one name; different dates of birth\n    by: mrivera\n    date: 2026-03-10\n"
	supervisor := strings.Replace(config, "email: mrivera@example.org", "email: mrivera@example.org\n    role: supervisor", 1)

	m := base()
	m["cases/caseplan.yaml"] = supervisor
	twice(m, "")
	m["cases/W2/intake.yaml"] += waiver
	got := duplicates(t, m)
	if len(got) != 1 || !got[0].Waived || got[0].Severity != finding.Warning || !strings.HasSuffix(got[0].Message, "(waived by mrivera on 2026-03-10: two people of one name; different dates of birth)") {
		t.Errorf("waived on the later case: %v", got)
	}

	m = base()
	m["cases/caseplan.yaml"] = supervisor
	twice(m, "")
	m["cases/W1/intake.yaml"] += waiver
	if got := duplicates(t, m); len(got) != 0 {
		t.Errorf("waived on the earlier case: %v", got)
	}

	// A third case of the name is still compared with the two.
	m = base()
	m["cases/caseplan.yaml"] = supervisor
	twice(m, "")
	m["cases/W2/intake.yaml"] += waiver
	m["cases/W3/intake.yaml"] = strings.Replace(m["cases/W2/intake.yaml"], "W2", "W3", 1)[:strings.Index(m["cases/W2/intake.yaml"], "waivers:")]
	m["cases/W3/iep.yaml"] = m["cases/W2/iep.yaml"]
	got = duplicates(t, m)
	if len(got) != 2 || got[1].Case != "W3" || got[1].Waived || !strings.Contains(got[1].Message, "case W1 (") {
		t.Errorf("a third case: %v", got)
	}
}

// TestPersonKeepsNoName: the results cache keeps each case's Period, so
// its Person holds hashes, never the participant's name, phone or email.
func TestPersonKeepsNoName(t *testing.T) {
	m := base()
	m.edit("cases/W1/intake.yaml", "  name: Ana Example\n", "  name: Ana Example\n  phone: 555-010-1234\n  email: ana@example.org\n")
	snap, _, err := store.Load(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := PeriodOf(snap.Config, snap.Case("W1"))
	if p == nil || p.Person == nil || p.Person.Name == "" || p.Person.Phone == "" || p.Person.Email == "" {
		t.Fatalf("period %+v: want a person with name, phone and email keys", p)
	}
	b, _ := json.Marshal(p)
	for _, plain := range []string{"Ana", "ana", "Example", "example", "555", "0101", "1234"} {
		if strings.Contains(string(b), plain) {
			t.Errorf("the period keeps %q in plain text: %s", plain, b)
		}
	}
}
