package validate

import (
	"io/fs"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

// memStore is a store held in memory: path -> content.
type memStore map[string]string

func (m memStore) ReadFile(name string) ([]byte, error) {
	if s, ok := m[name]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

func (m memStore) List(dir string) ([]store.Entry, error) {
	seen := map[string]store.Entry{}
	for p, s := range m {
		rest, ok := strings.CutPrefix(p, dir+"/")
		if !ok {
			continue
		}
		name, _, isDir := strings.Cut(rest, "/")
		seen[name] = store.Entry{Name: name, IsDir: isDir, Size: int64(len(s))}
	}
	if len(seen) == 0 {
		return nil, nil
	}
	var out []store.Entry
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

const config = `organization: Test Board
staff:
  - id: mrivera
    name: Maria Rivera
    email: mrivera@example.org
programs:
  ws:
    kind: work-security
  wioa:
    kind: wioa
  pe:
    kind: post-employment
`

// base returns a store with one valid case of each program kind, as of
// 2026-03-16 (see today).
func base() memStore {
	return memStore{
		"cases/caseplan.yaml": config,
		"cases/WS1/intake.yaml": `id: WS1
opened: 2026-03-02
program: ws
status: open
manager: mrivera
participant:
  name: Sam Sample
layoff:
  notice_date: 2026-03-02
  layoff_date: 2026-05-01
`,
		"cases/WS1/iep.yaml": "created: 2026-03-02\n",
		"cases/W1/intake.yaml": `id: W1
opened: 2026-03-02
program: wioa
status: open
manager: mrivera
participant:
  name: Ana Example
`,
		"cases/W1/iep.yaml": `created: 2026-03-02
goals:
  - id: G1
    term: short
    text: Certified nursing assistant
    objectives:
      - id: O1
        text: Earn the CNA certificate
        services: [S1]
    milestones:
      - id: M1
        text: Enrol in CNA training
        due: 2026-04-01
services:
  - id: S1
    name: CNA training
    start: 2026-04-01
    end: 2026-06-30
`,
		"cases/W1/notes/2026-03-05-ab12.yaml": `id: 2026-03-05-ab12
date: 2026-03-05
author: mrivera
kind: contact
mode: phone
two_way: true
services: [career-counseling]
content: Discussed training options
`,
		"cases/P1/intake.yaml": `id: P1
opened: 2026-03-02
program: pe
status: open
manager: mrivera
participant:
  name: Lee Example
`,
		"cases/P1/iep.yaml": `created: 2026-03-02
self_sufficiency:
  plan: Keep the job and move to full time
  contingency:
    child_care: Grandmother covers sick days
    transportation: Bus pass; a co-worker as backup ride
    crisis: Call the navigator; emergency fund referral
`,
	}
}

var today = time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)

func run(t *testing.T, m memStore, on time.Time) []finding.Finding {
	t.Helper()
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	snap, loaded, err := store.Load(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	return Run(snap, loaded, Options{Schemas: v, Today: on})
}

func TestBaseIsClean(t *testing.T) {
	if fs := run(t, base(), today); len(fs) > 0 {
		for _, f := range fs {
			t.Error(f)
		}
	}
}

// TestRules breaks each rule in turn on the clean base store and checks that
// the rule (and only findings of that rule) fires, where it should.
func TestRules(t *testing.T) {
	tests := []struct {
		rule   string
		on     time.Time
		change func(m memStore)
		want   string // path:line:col prefix of the finding
		msg    string
	}{
		{"id-mismatch", today, func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "id: W1", "id: W2", 1)
		}, "cases/W1/intake.yaml:1:5", `differs from the case directory "W1"`},
		{"unknown-program", today, func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "program: wioa", "program: wia", 1)
		}, "cases/W1/intake.yaml:3:10", `program "wia" is not defined`},
		{"unknown-staff", today, func(m memStore) {
			m["cases/W1/notes/2026-03-05-ab12.yaml"] = strings.Replace(m["cases/W1/notes/2026-03-05-ab12.yaml"], "author: mrivera", "author: nobody", 1)
		}, "cases/W1/notes/2026-03-05-ab12.yaml:3:9", `author "nobody" is not on the staff roster`},
		{"note-id", today, func(m memStore) {
			m["cases/W1/notes/2026-03-06-ab12.yaml"] = m["cases/W1/notes/2026-03-05-ab12.yaml"]
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
		}, "cases/W1/notes/2026-03-06-ab12.yaml:1:5", "differs from the file name"},
		{"activity-week", today, func(m memStore) {
			m["cases/W1/activity/2026-W11.yaml"] = "week: 2026-W11\napplications:\n  - date: 2026-03-20\n    organization: Clinic\n    position: CNA\n    status: applied\n"
		}, "cases/W1/activity/2026-W11.yaml:3:11", "is not in week 2026-W11 (2026-03-09 to 2026-03-15)"},
		{"duplicate-id", today, func(m memStore) {
			m["cases/W1/iep.yaml"] = strings.Replace(m["cases/W1/iep.yaml"], "services:\n  - id: S1", "services:\n  - id: S1\n    name: Again\n  - id: S1", 1)
		}, "cases/W1/iep.yaml:17:9", "service ID S1 is used twice (first at services.0.id)"},
		{"unresolved-ref", today, func(m memStore) {
			m["cases/W1/iep.yaml"] = strings.Replace(m["cases/W1/iep.yaml"], "services: [S1]", "services: [S2]", 1)
		}, "cases/W1/iep.yaml:9:20", "names service S2, which is not in the plan"},
		{"date-order", today, func(m memStore) {
			m["cases/WS1/intake.yaml"] = strings.Replace(m["cases/WS1/intake.yaml"], "notice_date: 2026-03-02", "notice_date: 2026-06-01", 1)
		}, "cases/WS1/intake.yaml:10:16", "layoff date 2026-05-01 is before the notice date 2026-06-01"},
		{"case-status", today, func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
		}, "cases/W1/intake.yaml:4:9", "status is closed but outcome.yaml records no closure"},
		{"future-date", time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), nil, "cases/W1/notes/2026-03-05-ab12.yaml:2:7", "after today (2026-03-04)"},
		{"ws-layoff", today, func(m memStore) {
			s := m["cases/WS1/intake.yaml"]
			m["cases/WS1/intake.yaml"] = s[:strings.Index(s, "layoff:")]
		}, "cases/WS1/intake.yaml:1:1", "no layoff section"},
		{"ws-notice-period", today, func(m memStore) {
			m["cases/WS1/intake.yaml"] = strings.Replace(m["cases/WS1/intake.yaml"], "layoff_date: 2026-05-01", "layoff_date: 2026-04-01", 1)
		}, "cases/WS1/intake.yaml:10:16", "notification period is 30 days, shorter than the 60 days"},
		{"ws-references", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), func(m memStore) {
			m["cases/WS1/iep.yaml"] = "created: 2026-03-02\njob_targets:\n  - title: Office coordinator\nskill_plan:\n  - course: Excel\n"
			m["cases/WS1/references.yaml"] = "references:\n  - name: Pat Example\n    relationship: former supervisor\n    permission: 2026-03-10\n  - name: Lou Example\n    relationship: colleague\n"
		}, "cases/WS1/references.yaml:1:1", "1 of 3 references with permission by the layoff date (2026-05-01)"},
		{"ws-iep-plan", time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC), func(m memStore) {
			m["cases/WS1/references.yaml"] = "references:\n" + strings.Repeat("  - name: Pat Example\n    relationship: colleague\n    permission: 2026-03-10\n", 3)
			m["cases/WS1/iep.yaml"] = "created: 2026-03-02\nskill_plan:\n  - course: Excel\n"
		}, "cases/WS1/iep.yaml:1:1", "no job_targets by the layoff date"},
		{"ws-extension", today, func(m memStore) {
			m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-03-10\n    decided: 2026-03-12\n    decision: approved\n    by: Joint committee\n    until: 2026-12-31\n"
		}, "cases/WS1/outcome.yaml:6:12", "past the longest possible extension (2026-10-28)"},
		{"wioa-iep", today, func(m memStore) { delete(m, "cases/W1/iep.yaml") }, "cases/W1/intake.yaml:1:1", "has no iep.yaml"},
		{"wioa-first-contact", today, func(m memStore) {
			m["cases/W1/notes/2026-03-05-ab12.yaml"] = strings.Replace(m["cases/W1/notes/2026-03-05-ab12.yaml"], "two_way: true", "two_way: false", 1)
		}, "cases/W1/intake.yaml:2:9", "no two-way contact recording a service within 10 days of opening (by 2026-03-12)"},
		{"wioa-contact-interval", time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC), nil, "cases/W1/intake.yaml:5:10", "last contact was 36 days ago (2026-03-05), more than 30"},
		{"pe-self-sufficiency", today, func(m memStore) {
			m["cases/P1/iep.yaml"] = strings.Replace(m["cases/P1/iep.yaml"], "    crisis: Call the navigator; emergency fund referral\n", "", 1)
		}, "cases/P1/iep.yaml:2:1", "no contingency plan for crisis"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			if RuleByID(tt.rule) == nil {
				t.Fatalf("no rule %s", tt.rule)
			}
			m := base()
			if tt.change != nil {
				tt.change(m)
			}
			var got []finding.Finding
			for _, f := range run(t, m, tt.on) {
				if f.Rule == tt.rule {
					got = append(got, f)
				} else if f.Severity == finding.Error {
					t.Errorf("unexpected other finding: %s", f)
				}
			}
			if len(got) != 1 {
				t.Fatalf("want one %s finding, got %v", tt.rule, got)
			}
			if s := got[0].String(); !strings.HasPrefix(s, tt.want+": ") || !strings.Contains(s, tt.msg) {
				t.Errorf("got  %s\nwant %s: ... %s", s, tt.want, tt.msg)
			}
			// The clean base store keeps every rule (TestBaseIsClean).
			for _, f := range run(t, base(), today) {
				if f.Rule == tt.rule {
					t.Errorf("%s fires on the clean store: %s", tt.rule, f)
				}
			}
		})
	}
}

func TestRuleSettings(t *testing.T) {
	m := base()
	m["cases/WS1/intake.yaml"] = strings.Replace(m["cases/WS1/intake.yaml"], "layoff_date: 2026-05-01", "layoff_date: 2026-04-01", 1)
	m["cases/caseplan.yaml"] = config + "rules:\n  ws-notice-period: {severity: error}\n  wioa-contact-interval: {enabled: false}\n"
	fs := run(t, m, time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC))
	var sev finding.Severity
	for _, f := range fs {
		if f.Rule == "wioa-contact-interval" {
			t.Errorf("disabled rule fired: %s", f)
		}
		if f.Rule == "ws-notice-period" {
			sev = f.Severity
		}
	}
	if sev != finding.Error {
		t.Errorf("ws-notice-period severity = %q, want error", sev)
	}
}

func TestISOWeek(t *testing.T) {
	for week, monday := range map[string]string{"2026-W01": "2025-12-29", "2026-W11": "2026-03-09", "2020-W53": "2020-12-28", "2026-W53": "2026-12-28"} {
		got, ok := weekStart(week)
		if !ok || got.Format(time.DateOnly) != monday {
			t.Errorf("weekStart(%s) = %v, %v; want %s", week, got, ok, monday)
		}
		if ISOWeek(got) != week {
			t.Errorf("ISOWeek(%s) = %s", got, ISOWeek(got))
		}
	}
	if _, ok := weekStart("2025-W53"); ok {
		t.Error("2025 has no week 53")
	}
}
