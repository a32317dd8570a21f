package validate

import (
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/store"
)

func TestAddMonths(t *testing.T) {
	for _, tt := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-03-16", 12, "2027-03-16"},
		{"2026-08-31", 6, "2027-02-28"}, // the month is shorter: its last day
		{"2027-08-31", 6, "2028-02-29"}, // a leap year
		{"2026-01-31", 1, "2026-02-28"},
		{"2026-06-30", 3, "2026-09-30"},
		{"2026-11-15", 3, "2027-02-15"}, // into the next year
		{"2026-05-31", -3, "2026-02-28"},
	} {
		if got := AddMonths(day(tt.from), tt.n).Format(time.DateOnly); got != tt.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestFollowUpQuarter(t *testing.T) {
	for _, tt := range []struct {
		exit        string
		k           int
		first, last string
	}{
		{"2026-07-10", 1, "2026-07-11", "2026-10-10"},
		{"2026-07-10", 2, "2026-10-11", "2027-01-10"},
		{"2026-07-10", 4, "2027-04-11", "2027-07-10"},
		{"2026-06-30", 2, "2026-10-01", "2026-12-30"},
		{"2026-06-30", 3, "2026-12-31", "2027-03-30"}, // quarters tile the year
	} {
		first, last := FollowUpQuarter(day(tt.exit), tt.k)
		if f, l := first.Format(time.DateOnly), last.Format(time.DateOnly); f != tt.first || l != tt.last {
			t.Errorf("FollowUpQuarter(%s, %d) = %s..%s, want %s..%s", tt.exit, tt.k, f, l, tt.first, tt.last)
		}
	}
}

func TestWorkSecurityPeriod(t *testing.T) {
	m := base()
	m["cases/WS1/outcome.yaml"] = "extensions:\n" +
		"  - requested: 2026-07-01\n    decided: 2026-07-10\n    decision: approved\n    by: Joint committee\n    until: 2026-09-15\n" +
		"  - requested: 2026-09-01\n    decided: 2026-09-05\n    decision: approved\n    by: Joint committee\n    until: 2026-10-20\n" +
		"  - requested: 2026-10-01\n    decision: denied\n    until: 2026-12-01\n"
	c := loadCase(t, m, "WS1")
	p, ok := WorkSecurityPeriodOf(c.Case, c.Config)
	if !ok {
		t.Fatal("no period")
	}
	for _, tt := range []struct {
		name string
		got  time.Time
		want string
	}{
		{"notice", p.Notice, "2026-03-02"},
		{"layoff", p.Layoff, "2026-05-01"},
		{"end", p.End, "2026-07-30"}, // 90 days after the layoff date
		{"extended until", p.ExtendedUntil, "2026-10-20"},
		{"last day", p.LastDay(), "2026-10-20"},
	} {
		if got := tt.got.Format(time.DateOnly); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, got, tt.want)
		}
	}
	if p.Pending {
		t.Error("pending with every request decided")
	}
	if !JobSearchActive(c.Case, c.Config, day("2026-10-20")) || JobSearchActive(c.Case, c.Config, day("2026-10-21")) {
		t.Error("the job search should last to the end of the extension, and no longer")
	}
}

func TestLastService(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(m memStore)
		on     string
		want   string // "" for none
	}{
		{"a note recording a service", nil, "2026-03-20", "2026-03-05"},
		{"a plan service started", nil, "2026-04-10", "2026-04-10"}, // S1 runs 04-01 to 06-30
		{"a plan service ended", nil, "2026-09-01", "2026-06-30"},
		{"a note without services is no service", func(m memStore) {
			delete(m, "cases/W1/iep.yaml")
			m["cases/W1/notes/2026-03-05-ab12.yaml"] = "id: 2026-03-05-ab12\ndate: 2026-03-05\nauthor: mrivera\nkind: contact\nmode: phone\ntwo_way: true\n"
		}, "2026-03-20", ""},
		{"a referral updated", func(m memStore) {
			m["cases/W1/services.yaml"] = "referrals:\n  - id: R1\n    service: Bus pass\n    provider: Transit\n    referred: 2026-07-01\n    status: completed\n    updated: 2026-07-20\n"
		}, "2026-09-01", "2026-07-20"},
		{"a plan service without an end counts on its start", func(m memStore) {
			m.edit("cases/W1/iep.yaml", "    end: 2026-06-30\n", "")
		}, "2026-09-01", "2026-04-01"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			if tt.change != nil {
				tt.change(m)
			}
			c := loadCase(t, m, "W1")
			got, ok := LastService(c.Case, day(tt.on))
			if s := got.Format(time.DateOnly); (tt.want == "" && ok) || (tt.want != "" && s != tt.want) {
				t.Errorf("LastService on %s = %s, %v; want %q", tt.on, s, ok, tt.want)
			}
		})
	}
}

// loadCase reads one case of a memory store, with the store's settings.
func loadCase(t *testing.T, m memStore, id string) *Context {
	t.Helper()
	snap := loadSnap(t, m)
	c := snap.Case(id)
	if c == nil {
		t.Fatalf("no case %s", id)
	}
	return &Context{Config: snap.Config, Case: c}
}

func loadSnap(t *testing.T, m memStore) *store.Snapshot {
	t.Helper()
	snap, _, err := store.Load(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}
