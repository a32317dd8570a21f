package validate

import (
	"regexp"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// TestNewerCaseplanHints: a field a colleague's newer caseplan wrote (the
// store's copy of its kind's schema is newer than this caseplan's) is
// reported as the schema says, with the hint to upgrade caseplan rather
// than to take it out; other kinds keep the schema's hint, and so does the
// same record while the copy is this caseplan's.
func TestNewerCaseplanHints(t *testing.T) {
	m := base()
	m["cases/WS1/iep.yaml"] += "contact_rhythm: weekly\n"
	m["cases/WS1/services.yaml"] = "referrals: []\nfuture_field: yes\n"
	hints := func(m memStore, cfg *record.Config, running string) map[string]string {
		t.Helper()
		out := map[string]string{}
		for _, f := range NewerCaseplanHints(m, cfg, running, run(t, m, today)) {
			if f.Rule == RuleSchema && f.Severity == finding.Error {
				out[f.Path] = f.Hint
			}
		}
		return out
	}
	iep, services := "cases/WS1/iep.yaml", "cases/WS1/services.yaml"

	got := hints(m, nil, "")
	if !strings.HasPrefix(got[iep], "take contact_rhythm: out") || !strings.HasPrefix(got[services], "take future_field: out") {
		t.Fatalf("copies of this caseplan's: got %q", got)
	}

	own, _ := schemas.Bytes(layout.KindIEP)
	m[layout.SchemaFile(layout.KindIEP)] = newerVersion.ReplaceAllString(string(own), `"x-caseplan-version": 99`)
	got = hints(m, nil, "")
	want := "the store's copy of the iep schema is version 99, newer than this caseplan's"
	if !strings.HasPrefix(got[iep], want) || !strings.Contains(got[iep], "upgrade caseplan: install the release the team runs") {
		t.Errorf("newer copy: hint %q, want it to start %q and say to upgrade", got[iep], want)
	}
	if strings.Contains(got[iep], "take contact_rhythm") {
		t.Errorf("newer copy: hint %q still says to take the field out", got[iep])
	}
	if !strings.HasPrefix(got[services], "take future_field: out") {
		t.Errorf("services, a copy of this caseplan's: hint %q", got[services])
	}

	// The pin names a release: install it, unless it is the one running,
	// when the pin is what was not raised.
	cfg := &record.Config{CaseplanVersion: "v1.5.0"}
	if got := hints(m, cfg, "v1.4.0")[iep]; !strings.Contains(got, "install v1.5.0, the caseplan_version cases/caseplan.yaml names, rather than change the record: go install github.com/caseplan/caseplan/cmd/caseplan@v1.5.0") {
		t.Errorf("pin v1.5.0, running v1.4.0: hint %q", got)
	}
	cfg.CaseplanVersion = "v1.4.0"
	if got := hints(m, cfg, "v1.4.0")[iep]; !strings.Contains(got, "caseplan_version in cases/caseplan.yaml still names v1.4.0, the release you run, though colleagues moved on: ask the store's admin to set it") {
		t.Errorf("pin v1.4.0, running v1.4.0: hint %q", got)
	}
}

// TestNewerCaseplanHintsKeepsInput: the findings given (a cache's) are
// not changed; the hinted ones are a copy.
func TestNewerCaseplanHintsKeepsInput(t *testing.T) {
	m := base()
	own, _ := schemas.Bytes(layout.KindIEP)
	m[layout.SchemaFile(layout.KindIEP)] = newerVersion.ReplaceAllString(string(own), `"x-caseplan-version": 99`)
	in := []finding.Finding{{Path: "cases/WS1/iep.yaml", Rule: RuleSchema, Severity: finding.Error, Message: `unknown field "x"`, Hint: "take x: out"}}
	out := NewerCaseplanHints(m, nil, "", in)
	if in[0].Hint != "take x: out" || out[0].Hint == in[0].Hint {
		t.Errorf("in %q, out %q", in[0].Hint, out[0].Hint)
	}
}

// newerVersion is a schema's version, to give a copy a newer one.
var newerVersion = regexp.MustCompile(`"x-caseplan-version": [0-9]+`)
