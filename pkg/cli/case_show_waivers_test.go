package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// TestCaseShowWaivers: case show lists the case's waivers — ID, rule, who,
// from when, why — in the text, under Waivers, fitted to the terminal,
// and in the JSON as waivers, each saying whether it counts on --today;
// a case with none has no Waivers section and "waivers": [].
func TestCaseShowWaivers(t *testing.T) {
	config := "organization: Test Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\n  - id: svisor\n    name: Sue Visor\n    email: svisor@example.org\n    role: supervisor\nprograms:\n  wioa:\n    kind: wioa\n"
	intake := "id: C1\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\n"
	snap := storetest.Load(t, storetest.MemStore{
		"cases/caseplan.yaml": config,
		"cases/C1/intake.yaml": intake + "waivers:\n" +
			"  - id: WV-K7QX2\n    rule: wioa-first-contact\n    reason: In hospital for three weeks after opening, then at her sister's in another county without a phone\n    by: svisor\n    date: 2026-03-10\n" +
			"  - rule: wioa-iep\n    reason: Plan agreed on paper\n    by: svisor\n    date: 2026-03-20\n",
		"cases/C2/intake.yaml": strings.ReplaceAll(intake, "C1", "C2"),
	})
	v, err := newCaseShowView(snap, nil, "C1", storetest.Day("2026-03-16"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	want := `"waivers":[{"id":"WV-K7QX2","rule":"wioa-first-contact","by":"svisor","date":"2026-03-10","reason":"In hospital for three weeks after opening, then at her sister's in another county without a phone","in_effect":true},` +
		`{"id":"","rule":"wioa-iep","by":"svisor","date":"2026-03-20","reason":"Plan agreed on paper","in_effect":false}],"findings":[]}`
	if !strings.HasSuffix(string(b), want) {
		t.Errorf("json:\n%s\nwant it to end with:\n%s", b, want)
	}

	var whole, fitted strings.Builder
	v.write(&whole, 0)
	for _, line := range []string{
		"\nWaivers:\n",
		"\n  WV-K7QX2  wioa-first-contact  by svisor  from 2026-03-10            In hospital for three weeks after opening, then at her sister's in another county without a phone\n",
		"\n  -         wioa-iep            by svisor  from 2026-03-20 (not yet)  Plan agreed on paper\n",
	} {
		if !strings.Contains(whole.String(), line) {
			t.Errorf("text:\n%s\nwant the line %q", whole.String(), line)
		}
	}
	v.write(&fitted, 100)
	fits(t, fitted.String(), 100, whole.String())
	if !strings.Contains(fitted.String(), "\n"+strings.Repeat(" ", 70)+"sister's") {
		t.Errorf("the reason does not continue under itself:\n%s", fitted.String())
	}

	none, err := newCaseShowView(snap, nil, "C2", storetest.Day("2026-03-16"))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	none.write(&text, 0)
	if b, _ := json.Marshal(none); strings.Contains(text.String(), "Waivers") || !strings.Contains(string(b), `"waivers":[],`) {
		t.Errorf("a case with no waivers:\n%s\n%s", text.String(), b)
	}
}
