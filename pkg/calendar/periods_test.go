package calendar

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store/storetest"
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

// Quarters after exit are calendar quarters after the quarter of exit
// (TEGL 10-16). The windows below are worked out by hand from that
// definition, one row per month of exit: both the first and the last day
// of the month fall in the same quarter of exit, so they share the row.
func TestQuarterAfterExit(t *testing.T) {
	type window struct{ first, last string }
	q := func(first, last string) window { return window{first, last} }
	for _, tt := range []struct {
		month       string // YYYY-MM of the exit
		q2, q4      window // the 2nd and 4th quarter after exit
		exitQuarter string
	}{
		// Exits in 2026-Q1: 2nd quarter after is 2026-Q3, 4th is 2027-Q1.
		{"2026-01", q("2026-07-01", "2026-09-30"), q("2027-01-01", "2027-03-31"), "2026-Q1"},
		{"2026-02", q("2026-07-01", "2026-09-30"), q("2027-01-01", "2027-03-31"), "2026-Q1"},
		{"2026-03", q("2026-07-01", "2026-09-30"), q("2027-01-01", "2027-03-31"), "2026-Q1"},
		// 2026-Q2: 2026-Q4 and 2027-Q2 (the example: exit 2026-06-01).
		{"2026-04", q("2026-10-01", "2026-12-31"), q("2027-04-01", "2027-06-30"), "2026-Q2"},
		{"2026-05", q("2026-10-01", "2026-12-31"), q("2027-04-01", "2027-06-30"), "2026-Q2"},
		{"2026-06", q("2026-10-01", "2026-12-31"), q("2027-04-01", "2027-06-30"), "2026-Q2"},
		// 2026-Q3: 2027-Q1 and 2027-Q3.
		{"2026-07", q("2027-01-01", "2027-03-31"), q("2027-07-01", "2027-09-30"), "2026-Q3"},
		{"2026-08", q("2027-01-01", "2027-03-31"), q("2027-07-01", "2027-09-30"), "2026-Q3"},
		{"2026-09", q("2027-01-01", "2027-03-31"), q("2027-07-01", "2027-09-30"), "2026-Q3"},
		// 2026-Q4: 2027-Q2 and 2027-Q4.
		{"2026-10", q("2027-04-01", "2027-06-30"), q("2027-10-01", "2027-12-31"), "2026-Q4"},
		{"2026-11", q("2027-04-01", "2027-06-30"), q("2027-10-01", "2027-12-31"), "2026-Q4"},
		{"2026-12", q("2027-04-01", "2027-06-30"), q("2027-10-01", "2027-12-31"), "2026-Q4"},
		// 2027-Q1: 2027-Q3 and 2028-Q1 (a leap year's quarter: 91 days).
		{"2027-01", q("2027-07-01", "2027-09-30"), q("2028-01-01", "2028-03-31"), "2027-Q1"},
		{"2027-02", q("2027-07-01", "2027-09-30"), q("2028-01-01", "2028-03-31"), "2027-Q1"},
		{"2027-03", q("2027-07-01", "2027-09-30"), q("2028-01-01", "2028-03-31"), "2027-Q1"},
		// 2027-Q2: 2027-Q4 and 2028-Q2.
		{"2027-04", q("2027-10-01", "2027-12-31"), q("2028-04-01", "2028-06-30"), "2027-Q2"},
		{"2027-05", q("2027-10-01", "2027-12-31"), q("2028-04-01", "2028-06-30"), "2027-Q2"},
		{"2027-06", q("2027-10-01", "2027-12-31"), q("2028-04-01", "2028-06-30"), "2027-Q2"},
		// 2027-Q3: 2028-Q1 and 2028-Q3.
		{"2027-07", q("2028-01-01", "2028-03-31"), q("2028-07-01", "2028-09-30"), "2027-Q3"},
		{"2027-08", q("2028-01-01", "2028-03-31"), q("2028-07-01", "2028-09-30"), "2027-Q3"},
		{"2027-09", q("2028-01-01", "2028-03-31"), q("2028-07-01", "2028-09-30"), "2027-Q3"},
		// 2027-Q4: 2028-Q2 and 2028-Q4.
		{"2027-10", q("2028-04-01", "2028-06-30"), q("2028-10-01", "2028-12-31"), "2027-Q4"},
		{"2027-11", q("2028-04-01", "2028-06-30"), q("2028-10-01", "2028-12-31"), "2027-Q4"},
		{"2027-12", q("2028-04-01", "2028-06-30"), q("2028-10-01", "2028-12-31"), "2027-Q4"},
		// 2028-02-29 (2028-Q1): 2028-Q3 and 2029-Q1; only its last day is
		// checked below, which is the leap day.
		{"2028-02", q("2028-07-01", "2028-09-30"), q("2029-01-01", "2029-03-31"), "2028-Q1"},
	} {
		first := day(tt.month + "-01")
		last := first.AddDate(0, 1, -1)
		days := []time.Time{first, last}
		if tt.month == "2028-02" {
			days = []time.Time{day("2028-02-29")}
		}
		for _, exit := range days {
			if got := QuarterName(exit); got != tt.exitQuarter {
				t.Errorf("QuarterName(%s) = %s, want %s", exit.Format(time.DateOnly), got, tt.exitQuarter)
			}
			for k, want := range map[int]window{2: tt.q2, 4: tt.q4} {
				f, l := QuarterAfterExit(exit, k)
				if got := (window{f.Format(time.DateOnly), l.Format(time.DateOnly)}); got != want {
					t.Errorf("exit %s: quarter %d after exit = %s..%s, want %s..%s", exit.Format(time.DateOnly), k, got.first, got.last, want.first, want.last)
				}
			}
		}
	}
	// The first quarter after exit follows the quarter of exit directly.
	if f, l := QuarterAfterExit(day("2026-12-31"), 1); f.Format(time.DateOnly) != "2027-01-01" || l.Format(time.DateOnly) != "2027-03-31" {
		t.Errorf("quarter 1 after exit 2026-12-31 = %s..%s", f, l)
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

// note returns a note file of case W1 dated d recording the service codes.
func wioaNote(m storetest.MemStore, d string, codes ...string) {
	id := d + "-t" + strconv.Itoa(len(m))[:1] + "0" + strconv.Itoa(len(m)%10)
	m["cases/W1/notes/"+id+".yaml"] = "id: " + id + "\ndate: " + d + "\nauthor: mrivera\nkind: contact\nmode: phone\ntwo_way: true\nservices: [" + strings.Join(codes, ", ") + "]\ncontent: Talked it over\n"
}

// Exit by WIOA's definition (TEGL 10-16, PIRL 901): 90 days with no
// participation-causing service and none scheduled, dated at the last
// such service. Follow-up, supportive services alone and self-service do
// not keep a participant from exiting; a staff-assisted service on day 89
// does.
func TestParticipationAndExit(t *testing.T) {
	const last = "2026-04-01" // the last participation-causing service in most rows
	on := day(last).AddDate(0, 0, 95).Format(time.DateOnly)
	plus := func(n int) string { return day(last).AddDate(0, 0, n).Format(time.DateOnly) }
	for _, tt := range []struct {
		name      string
		change    func(m storetest.MemStore)
		on        string
		exit      string // "" when the participant has not exited
		lastSvc   string
		scheduled bool
		underWay  string // the service under way with no end; "" when none
	}{
		{"a follow-up service within the 90 days does not prevent exit", func(m storetest.MemStore) {
			wioaNote(m, plus(30), "follow-up")
		}, on, last, last, false, ""},
		{"a supportive service alone does not prevent exit", func(m storetest.MemStore) {
			wioaNote(m, plus(60), "supportive-services")
		}, on, last, last, false, ""},
		{"a self-service does not prevent exit", func(m storetest.MemStore) {
			wioaNote(m, plus(80), "labor-market-info")
		}, on, last, last, false, ""},
		{"all three together do not prevent exit", func(m storetest.MemStore) {
			wioaNote(m, plus(30), "follow-up")
			wioaNote(m, plus(60), "supportive-services")
			wioaNote(m, plus(80), "labor-market-info")
		}, on, last, last, false, ""},
		{"a participation service on day 89 does prevent exit", func(m storetest.MemStore) {
			wioaNote(m, plus(30), "follow-up")
			wioaNote(m, plus(89), "job-search")
		}, on, "", plus(89), false, ""},
		{"90 days exactly have not passed yet", nil, plus(90), "", last, false, ""},
		{"91 days have", nil, plus(91), last, last, false, ""},
		{"a training scheduled to start later prevents exit", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(120) + "\n"
		}, on, "", last, true, ""},
		{"a cancelled one does not", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(120) + "\n    status: cancelled\n"
		}, on, last, last, false, ""},
		{"a training under way is a service every day and prevents exit", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(10) + "\n    end: " + plus(200) + "\n"
		}, on, "", on, true, ""},
		{"a training started with no end date yet is under way and prevents exit", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(-20) + "\n"
		}, on, "", on, true, "S1"},
		{"one completed with no end date counts on its start", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(-20) + "\n    status: completed\n"
		}, on, last, last, false, ""},
		// Nothing is served on a closed case: a service left under way
		// ends with the closure, and one scheduled after it is not given
		// (a closed case counted a service every day and never exited).
		{"a training under way ends with the closure", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(-20) + "\n"
			m["cases/W1/outcome.yaml"] = "closure:\n  date: " + plus(10) + "\n  reason: withdrew\n"
		}, on, "", plus(10), false, ""},
		{"91 days after the closure, the exit is the closure's day", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(-20) + "\n    end: " + plus(200) + "\n"
			m["cases/W1/outcome.yaml"] = "closure:\n  date: " + plus(10) + "\n  reason: withdrew\n"
		}, plus(101), plus(10), plus(10), false, ""},
		{"a training scheduled after the closure is not given", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(120) + "\n"
			m["cases/W1/outcome.yaml"] = "closure:\n  date: " + plus(5) + "\n  reason: moved\n"
		}, on, last, last, false, ""},
		{"reopened, the training under way counts again", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(-20) + "\n"
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: " + plus(10) + "\n    reason: moved\nreopenings:\n  - date: " + plus(20) + "\n    reason: moved back\n"
		}, on, "", on, true, "S1"},
		{"a training that ended is the last service", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(-50) + "\n    end: " + plus(5) + "\n"
		}, plus(100), plus(5), plus(5), false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			delete(m, "cases/W1/iep.yaml")
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
			wioaNote(m, last, "job-search")
			if tt.change != nil {
				tt.change(m)
			}
			c := loadCase(t, m, "W1")
			p := ParticipationOf(c.Case, c.Config, day(tt.on))
			if got := dateOrEmpty(p.Exit); got != tt.exit {
				t.Errorf("exit = %q, want %q", got, tt.exit)
			}
			if got := dateOrEmpty(p.LastService); got != tt.lastSvc {
				t.Errorf("last service = %q, want %q", got, tt.lastSvc)
			}
			if p.Scheduled != tt.scheduled {
				t.Errorf("scheduled = %v, want %v", p.Scheduled, tt.scheduled)
			}
			if p.UnderWay != tt.underWay || tt.underWay != "" && dateOrEmpty(p.UnderWaySince) != plus(-20) {
				t.Errorf("under way = %q since %s, want %q", p.UnderWay, dateOrEmpty(p.UnderWaySince), tt.underWay)
			}
		})
	}
}

// The 90th day after the last participation-causing service is the last on
// which a service still prevents the exit (ServeBy); the exit is known, and
// can be recorded, from the next (ExitKnown), the day Exit is first set. The
// tickler, case exit and the performance report all read these, so they
// must agree with Exit on every day around the boundary.
func TestExitServeByAndKnown(t *testing.T) {
	const last = "2026-03-02"
	m := base()
	delete(m, "cases/W1/iep.yaml")
	delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
	wioaNote(m, last, "job-search")
	c := loadCase(t, m, "W1")
	for _, tt := range []struct {
		on       string
		exited   bool
		serveBy  string
		exitKnow string
	}{
		{"2026-05-30", false, "2026-05-31", "2026-06-01"},
		{"2026-05-31", false, "2026-05-31", "2026-06-01"}, // day 90: a service today still prevents the exit
		{"2026-06-01", true, "2026-05-31", "2026-06-01"},  // day 91: exited, recordable
	} {
		p := ParticipationOf(c.Case, c.Config, day(tt.on))
		if got := !p.Exit.IsZero(); got != tt.exited {
			t.Errorf("on %s: exited %v, want %v", tt.on, got, tt.exited)
		}
		if got := dateOrEmpty(p.ServeBy()); got != tt.serveBy {
			t.Errorf("on %s: serve by %s, want %s", tt.on, got, tt.serveBy)
		}
		if got := dateOrEmpty(p.ExitKnown()); got != tt.exitKnow {
			t.Errorf("on %s: exit known %s, want %s", tt.on, got, tt.exitKnow)
		}
		if got := !day(tt.on).Before(p.ExitKnown()); got != tt.exited {
			t.Errorf("on %s: on or after ExitKnown %v, but exited %v", tt.on, got, tt.exited)
		}
	}
	// A service scheduled: neither day.
	m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: 2026-07-01\n"
	c = loadCase(t, m, "W1")
	if p := ParticipationOf(c.Case, c.Config, day("2026-06-01")); !p.ServeBy().IsZero() || !p.ExitKnown().IsZero() || !p.Exit.IsZero() {
		t.Errorf("scheduled: serve by %v, known %v, exit %v; want none", p.ServeBy(), p.ExitKnown(), p.Exit)
	}
}

// A service given after the participant had exited by the definition
// does not undo the exit (TEGL 10-16: it begins a new period of
// participation): EarlierExit keeps it, dated at the last service before
// the gap, with the service that came after it, once the case's last
// service no longer shows it. A gap of exactly inactivity_exit_days is no
// exit, as on the day itself (ServeBy).
func TestParticipationEarlierExit(t *testing.T) {
	const last = "2026-04-01"
	plus := func(n int) string { return day(last).AddDate(0, 0, n).Format(time.DateOnly) }
	for _, tt := range []struct {
		name     string
		change   func(m storetest.MemStore)
		on       string
		exit     string // "" when no later service hides an exit
		returned string
	}{
		{"a service 91 days later hides the exit", func(m storetest.MemStore) {
			wioaNote(m, plus(91), "job-search")
		}, plus(100), last, plus(91)},
		{"one 90 days later prevented it", func(m storetest.MemStore) {
			wioaNote(m, plus(90), "job-search")
		}, plus(100), "", ""},
		{"a follow-up alone is no service", func(m storetest.MemStore) {
			wioaNote(m, plus(91), "follow-up")
		}, plus(100), "", ""},
		{"the exit not yet hidden is Exit's, not EarlierExit's", nil, plus(100), "", ""},
		{"a service after today is scheduled, not given", func(m storetest.MemStore) {
			wioaNote(m, plus(120), "job-search")
		}, plus(100), "", ""},
		{"a training that ran through the gap covers it", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(10) + "\n    end: " + plus(80) + "\n"
			wioaNote(m, plus(170), "job-search")
		}, plus(200), "", ""},
		{"the gap after its end is counted from the end", func(m storetest.MemStore) {
			m["cases/W1/iep.yaml"] = "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: " + plus(10) + "\n    end: " + plus(80) + "\n"
			wioaNote(m, plus(171), "job-search")
		}, plus(200), plus(80), plus(171)},
		{"the first of two such gaps", func(m storetest.MemStore) {
			wioaNote(m, plus(100), "job-search")
			wioaNote(m, plus(300), "job-search")
		}, plus(310), last, plus(100)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			delete(m, "cases/W1/iep.yaml")
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
			wioaNote(m, last, "job-search")
			if tt.change != nil {
				tt.change(m)
			}
			c := loadCase(t, m, "W1")
			p := ParticipationOf(c.Case, c.Config, day(tt.on))
			if got := dateOrEmpty(p.EarlierExit); got != tt.exit {
				t.Errorf("earlier exit = %q, want %q", got, tt.exit)
			}
			if got := dateOrEmpty(p.Returned); got != tt.returned {
				t.Errorf("returned = %q, want %q", got, tt.returned)
			}
		})
	}
}

// The participation date is the first staff-assisted service after
// eligibility was determined (PIRL 900), not the day the case opened.
func TestParticipationDate(t *testing.T) {
	m := base()
	m.Edit("cases/W1/intake.yaml", "participant:", "eligibility:\n  - program: WIOA adult\n    determined: 2026-03-20\n    eligible: true\nparticipant:")
	// 2026-03-05: a contact before eligibility (in the fixture) does not
	// start participation; the supportive service after it does not
	// either; the assessment of 03-30 does (before the plan's training
	// starts on 04-01).
	wioaNote(m, "2026-03-25", "supportive-services")
	wioaNote(m, "2026-03-30", "assessment")
	c := loadCase(t, m, "W1")
	p := ParticipationOf(c.Case, c.Config, day("2026-05-01"))
	if got := dateOrEmpty(p.Date); got != "2026-03-30" {
		t.Errorf("participation date = %s, want 2026-03-30", got)
	}
	if !p.EligibleRecorded || dateOrEmpty(p.Eligible) != "2026-03-20" {
		t.Errorf("eligible = %v, %v", p.Eligible, p.EligibleRecorded)
	}
	// Without a recorded determination, eligibility counts from opening.
	c = loadCase(t, base(), "W1")
	if p := ParticipationOf(c.Case, c.Config, day("2026-05-01")); dateOrEmpty(p.Date) != "2026-03-05" || p.EligibleRecorded {
		t.Errorf("without eligibility: participation %v, recorded %v", p.Date, p.EligibleRecorded)
	}
}

// FollowUpEnd runs to the end of the 4th quarter after exit when that is
// later than 12 months after it.
func TestFollowUpEnd(t *testing.T) {
	m := base()
	m.Edit("cases/W1/intake.yaml", "participant:", "exited: 2026-06-01\nparticipant:")
	c := loadCase(t, m, "W1")
	if end, ok := FollowUpEnd(c.Case, c.Config); !ok || end.Format(time.DateOnly) != "2027-06-30" {
		t.Errorf("FollowUpEnd = %s, %v; want 2027-06-30 (end of 2027-Q2)", end, ok)
	}
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// testCase is one case of a fixture store, with the store's settings.
type testCase struct {
	Case   *casefile.Case
	Config *record.Config
}

// loadCase reads one case of a memory store, with the store's settings.
func loadCase(t *testing.T, m storetest.MemStore, id string) testCase {
	t.Helper()
	snap := storetest.Load(t, m)
	c := snap.Case(id)
	if c == nil {
		t.Fatalf("no case %s", id)
	}
	return testCase{Config: snap.Config, Case: c}
}

func day(s string) time.Time { return storetest.Day(s) }

func base() storetest.MemStore { return storetest.ThreePrograms() }

func evContact(d string) *record.Note {
	return &record.Note{Date: record.Date(d), Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"job-search"}, Content: "Weekly check-in"}
}

// serviceContact counts contacts as WIOA does (a recognised service and a
// detailed note), the strictest definition, which the weighing tests use
// so that each of their notes is a contact or not for one reason.
var serviceContact = ContactOf(&record.Config{Programs: map[string]record.Program{"w": {Kind: record.ProgramWIOA}}}, "w")

// Work security's "regular contact" (000) is any two-way contact: a check-in
// that records no service counts there, and not for WIOA (002).
func TestContactPerProgram(t *testing.T) {
	cfg := &record.Config{Programs: map[string]record.Program{
		"ws": {Kind: record.ProgramWorkSecurity}, "w": {Kind: record.ProgramWIOA}, "pe": {Kind: record.ProgramPostEmployment},
	}}
	checkIn := &record.Note{Date: "2026-05-13", Kind: "contact", Mode: "phone", TwoWay: true, Content: "Weekly check-in"}
	oneWay := &record.Note{Date: "2026-05-13", Kind: "contact", Mode: "letter", Services: []string{"job-search"}, Content: "Letter"}
	unknown := &record.Note{Date: "2026-05-13", Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"jobsearch"}, Content: "Typo"}
	bare := &record.Note{Date: "2026-05-13", Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"job-search"}}
	for _, tt := range []struct {
		program string
		note    *record.Note
		want    bool
	}{
		{"ws", checkIn, true}, {"w", checkIn, false}, {"pe", checkIn, true},
		{"ws", oneWay, false}, {"w", oneWay, false},
		{"w", unknown, false}, {"ws", unknown, true},
		{"w", bare, false}, // no detailed note (002)
		{"w", evContact("2026-05-13"), true},
	} {
		if got := ContactOf(cfg, tt.program).Is(tt.note); got != tt.want {
			t.Errorf("%s: Is(%+v) = %v, want %v", tt.program, tt.note, got, tt.want)
		}
	}
	yes := true
	cfg.Programs["ws2"] = record.Program{Kind: record.ProgramWorkSecurity, Settings: record.Settings{ContactRequiresService: &yes}}
	if ContactOf(cfg, "ws2").Is(checkIn) {
		t.Error("contact_requires_service: true is not followed")
	}
}

func evApplications(week string, dates ...string) *record.ActivityWeek {
	w := &record.ActivityWeek{Week: week}
	for _, d := range dates {
		w.Applications = append(w.Applications, record.Application{Date: record.Date(d), Organization: "Example Co", Position: "Clerk", Status: "applied"})
	}
	return w
}

// evPeriod is a work security period from layoff to end.
func evPeriod(layoff, end string) WorkSecurityPeriod {
	return WorkSecurityPeriod{Layoff: day(layoff), End: day(end)}
}

func TestWeighExtension(t *testing.T) {
	// The layoff is on Friday 2026-05-01 (in 2026-W18); the request on
	// Wednesday 2026-05-27 (in 2026-W22). W19, W20 and W21 are complete.
	c := &casefile.Case{
		Notes: []*record.Note{
			evContact("2026-04-28"), // before the layoff: not in the period
			evContact("2026-05-02"), // the layoff's partial week
			evContact("2026-05-05"),
			evContact("2026-05-07"),
			evContact("2026-05-19"),
			{Date: "2026-05-12", Kind: "contact", Mode: "phone", TwoWay: false, Services: []string{"job-search"}}, // one-way: no contact
			{Date: "2026-05-13", Kind: "contact", Mode: "phone", TwoWay: true},                                    // no service: no contact
			{Date: "2026-05-14", Kind: "amendment", Mode: "none", TwoWay: true, Services: []string{"job-search"}, Amends: "x"},
			evContact("2026-05-28"), // after the request
		},
		Activity: []*record.ActivityWeek{
			evApplications("2026-W19", "2026-05-04", "2026-05-08"),
			evApplications("2026-W20", "2026-05-11"),
			evApplications("2026-W22", "2026-05-26", "2026-05-29"), // the 29th is after the request
		},
	}
	ev := WeighExtension(c, serviceContact, evPeriod("2026-05-01", "2026-07-30"), day("2026-05-27"))

	type row struct {
		Week, From, To string
		Partial        bool
		Contacts, Apps int
	}
	var got []row
	for _, w := range ev.Weeks {
		got = append(got, row{w.Week, w.From.Format(time.DateOnly), w.To.Format(time.DateOnly), w.Partial, w.Contacts, w.Applications})
	}
	want := []row{
		{"2026-W18", "2026-05-01", "2026-05-03", true, 1, 0},
		{"2026-W19", "2026-05-04", "2026-05-10", false, 2, 2},
		{"2026-W20", "2026-05-11", "2026-05-17", false, 0, 1},
		{"2026-W21", "2026-05-18", "2026-05-24", false, 1, 0},
		{"2026-W22", "2026-05-25", "2026-05-27", true, 0, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weeks:\n got %+v\nwant %+v", got, want)
	}
	wantContact := Criterion{Met: false, CompleteWeeks: 3, WeeksWithout: []string{"2026-W20"}, Total: 4}
	if !reflect.DeepEqual(ev.Contact, wantContact) {
		t.Errorf("contact = %+v, want %+v", ev.Contact, wantContact)
	}
	wantApps := Criterion{Met: false, CompleteWeeks: 3, WeeksWithout: []string{"2026-W21"}, Total: 4}
	if !reflect.DeepEqual(ev.Applications, wantApps) {
		t.Errorf("applications = %+v, want %+v", ev.Applications, wantApps)
	}
	if s := ev.Summary(); !strings.Contains(s, "regular contact not met: no contact in 1 of 3 complete week(s) (2026-W20)") {
		t.Errorf("summary = %q", s)
	}
}

func TestWeighExtensionMet(t *testing.T) {
	// Monday to Sunday, two whole weeks, one contact and application each.
	c := &casefile.Case{
		Notes:    []*record.Note{evContact("2026-05-04"), evContact("2026-05-17")},
		Activity: []*record.ActivityWeek{evApplications("2026-W19", "2026-05-10"), evApplications("2026-W20", "2026-05-11")},
	}
	ev := WeighExtension(c, serviceContact, evPeriod("2026-05-04", "2026-08-02"), day("2026-05-17"))
	if len(ev.Weeks) != 2 || ev.Weeks[0].Partial || ev.Weeks[1].Partial {
		t.Fatalf("weeks = %+v, want two complete weeks", ev.Weeks)
	}
	if !ev.Contact.Met || !ev.Applications.Met {
		t.Errorf("contact %+v, applications %+v: want both met", ev.Contact, ev.Applications)
	}
	if got := ev.Contact.Describe("contact"); got != "met (contact in each of 2 complete week(s))" {
		t.Errorf("Describe = %q", got)
	}
}

func TestWeighExtensionNoCompleteWeek(t *testing.T) {
	// A request in the layoff's own week: nothing to hold against the
	// candidate, but nothing shows the criteria either.
	c := &casefile.Case{Notes: []*record.Note{evContact("2026-05-06")}}
	ev := WeighExtension(c, serviceContact, evPeriod("2026-05-05", "2026-08-03"), day("2026-05-08"))
	if len(ev.Weeks) != 1 || !ev.Weeks[0].Partial || ev.Weeks[0].Contacts != 1 {
		t.Fatalf("weeks = %+v", ev.Weeks)
	}
	if ev.Contact.Met || ev.Contact.CompleteWeeks != 0 || len(ev.Contact.WeeksWithout) != 0 {
		t.Errorf("contact = %+v: not met, no complete week, no week held against", ev.Contact)
	}
	if got := ev.Applications.Describe("applications"); got != "not met: no complete week in the period yet" {
		t.Errorf("Describe = %q", got)
	}
}

func TestWeighExtensionAcrossTheYear(t *testing.T) {
	// ISO weeks cross the new year: 2026-12-28 is in 2026-W53, 2027-01-04
	// starts 2027-W01.
	ev := WeighExtension(&casefile.Case{}, serviceContact, evPeriod("2026-12-28", "2027-03-28"), day("2027-01-10"))
	var weeks []string
	for _, w := range ev.Weeks {
		weeks = append(weeks, w.Week)
	}
	if want := []string{"2026-W53", "2027-W01"}; !reflect.DeepEqual(weeks, want) {
		t.Errorf("weeks = %v, want %v", weeks, want)
	}
	if want := []string{"2026-W53", "2027-W01"}; !reflect.DeepEqual(ev.Contact.WeeksWithout, want) {
		t.Errorf("weeks without contact = %v, want %v", ev.Contact.WeeksWithout, want)
	}
}

func TestWeighExtensionWithinThePeriod(t *testing.T) {
	// A request after the work security period ended: its evidence is the
	// period's, not the weeks after it. The period ends on Thursday
	// 2026-07-30, so 2026-W31 is partial.
	c := &casefile.Case{Notes: []*record.Note{evContact("2026-07-28"), evContact("2026-08-04")}}
	ev := WeighExtension(c, serviceContact, evPeriod("2026-05-01", "2026-07-30"), day("2026-08-12"))
	if got := ev.To.Format(time.DateOnly); got != "2026-07-30" {
		t.Errorf("weighed to %s, want the period's end 2026-07-30", got)
	}
	last := ev.Weeks[len(ev.Weeks)-1]
	if last.Week != "2026-W31" || !last.Partial || last.Contacts != 1 || ev.Contact.Total != 1 {
		t.Errorf("last week %+v, %d contacts in all: want 2026-W31, partial, the August contact left out", last, ev.Contact.Total)
	}
	// A request before the layoff has nothing to weigh.
	if ev := WeighExtension(c, serviceContact, evPeriod("2026-05-01", "2026-07-30"), day("2026-04-20")); len(ev.Weeks) != 0 {
		t.Errorf("weeks before the layoff = %+v", ev.Weeks)
	}
}

// TestStandingOf: one answer for where a work-security case stands on a
// day (000). A request the joint committee has not decided keeps the
// candidate from separation once the period ended (extension-pending, and
// still in the job search); a refusal separates them from the day after
// the period's last day, and before the refusal's date the request was
// still pending.
func TestStandingOf(t *testing.T) {
	pending := "extensions:\n  - requested: 2026-07-20\n    decision: pending\n"
	denied := "extensions:\n  - requested: 2026-07-20\n    decided: 2026-08-10\n    decision: denied\n    by: Joint committee\n"
	approved := "extensions:\n  - requested: 2026-07-20\n    decided: 2026-08-10\n    decision: approved\n    by: Joint committee\n    until: 2026-09-30\n"
	offer := "placements:\n  - id: PL-AAAAA\n    employer: Library\n    position: Clerk\n    start: 2026-08-17\n    recorded: 2026-07-10\n"
	fellThrough := "    fell_through: 2026-08-10\n    fell_through_reason: the employer withdrew the offer\n"
	newOffer := "  - id: PL-BBBBB\n    employer: Museum\n    position: Guide\n    start: 2026-08-31\n    recorded: 2026-08-12\n"
	// lost is a job started in the period, the case closed as placed on
	// it; reopened adds the reopening, and closures follow it.
	lost := "placements:\n  - id: PL-AAAAA\n    employer: Library\n    position: Clerk\n    start: 2026-06-01\n    recorded: 2026-05-25\n"
	reopened := func(on string) string {
		return "reopenings:\n  - date: " + on + "\n    reason: laid off again\nclosures:\n  - date: 2026-06-01\n    reason: placed\n"
	}
	second := "extensions:\n  - requested: 2026-07-20\n    decided: 2026-07-28\n    decision: approved\n    by: Joint committee\n    until: 2026-09-30\n  - requested: 2026-09-25\n    decision: pending\n"
	for _, tt := range []struct {
		name, outcome, on, want string
		separated, searching    bool
	}{
		{"in the period with a request pending", pending, "2026-07-30", StandingWorkSecurity, false, true},
		{"past the period with a request pending", pending, "2026-07-31", StandingExtensionPending, false, true},
		{"long past the period with a request pending", pending, "2026-12-01", StandingExtensionPending, false, true},
		{"no request", "", "2026-07-31", StandingSeparated, true, false},
		{"before the refusal it was pending", denied, "2026-08-05", StandingExtensionPending, false, true},
		{"refused after the period ended", denied, "2026-08-10", StandingSeparated, true, false},
		{"before the approval it was pending", approved, "2026-08-05", StandingExtensionPending, false, true},
		{"approved after the period ended", approved, "2026-08-10", StandingExtension, false, true},
		{"a second request pending past the extension", second, "2026-10-01", StandingExtensionPending, false, true},
		// An offer accepted before the period ended, to start after it,
		// keeps the candidate in the period until it falls through; from
		// then on they were separated from the day after its last day
		// (or extension-pending, with a request undecided).
		{"an offer secured", offer, "2026-08-05", StandingWorkSecurity, false, false},
		{"before the offer fell through", offer + fellThrough, "2026-08-09", StandingWorkSecurity, false, false},
		{"the offer fell through", offer + fellThrough, "2026-08-10", StandingSeparated, true, false},
		{"the offer fell through, a request pending", pending + offer + fellThrough, "2026-08-10", StandingExtensionPending, false, true},
		{"the offer fell through in the period", offer + "    fell_through: 2026-07-15\n", "2026-07-20", StandingWorkSecurity, false, true},
		{"a new offer after the period does not undo it", offer + fellThrough + newOffer, "2026-09-01", StandingSeparated, true, false},
		// A job started in the period and lost (the case closed as
		// placed on it, then reopened: record.Outcome.JobEnded): placed
		// until the reopening, then back in the search while the period
		// has days left, and separated once it has none.
		{"placed", lost + "closures:\n  - date: 2026-06-01\n    reason: placed\n", "2026-06-20", StandingPlaced, false, false},
		{"the job lost in the period", lost + reopened("2026-07-06"), "2026-07-06", StandingWorkSecurity, false, true},
		{"the job lost, the period over", lost + reopened("2026-07-06"), "2026-07-31", StandingSeparated, true, false},
		{"the job lost, a request pending", pending + lost + reopened("2026-07-06"), "2026-07-31", StandingExtensionPending, false, true},
		{"the job lost in an extension", approved + lost + reopened("2026-08-20"), "2026-08-20", StandingExtension, false, true},
		{"the job lost after the period", lost + reopened("2026-08-20"), "2026-08-20", StandingSeparated, true, false},
		{"before the job was lost after the period", lost + reopened("2026-08-20"), "2026-08-19", StandingPlaced, false, false},
		{"placed again", lost + "  - id: PL-BBBBB\n    employer: Museum\n    position: Guide\n    start: 2026-07-20\n    recorded: 2026-07-13\n" + reopened("2026-07-06"), "2026-07-20", StandingPlaced, false, false},
		{"closed as placed again on the same job", lost + reopened("2026-07-06") + "  - date: 2026-07-08\n    reason: placed\n", "2026-07-08", StandingPlaced, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			if tt.outcome != "" {
				m["cases/WS1/outcome.yaml"] = tt.outcome
			}
			c := loadCase(t, m, "WS1")
			on := day(tt.on)
			if got := StandingOf(c.Case, c.Config, on).Standing; got != tt.want {
				t.Errorf("standing on %s = %s, want %s", tt.on, got, tt.want)
			}
			if _, got := Separated(c.Case, c.Config, on); got != tt.separated {
				t.Errorf("separated on %s = %v, want %v", tt.on, got, tt.separated)
			}
			if got := JobSearchActive(c.Case, c.Config, on); got != tt.searching {
				t.Errorf("job search active on %s = %v, want %v", tt.on, got, tt.searching)
			}
		})
	}
}

func TestWeighWeeksFromTheOpening(t *testing.T) {
	// The check-ins the search report counts run from the opening, the
	// notification period included: opened Wednesday 2026-04-01 (W14,
	// partial), to Sunday 2026-04-19: W15 and W16 complete, W16 without.
	c := &casefile.Case{Notes: []*record.Note{evContact("2026-04-02"), evContact("2026-04-08")}}
	ev := WeighWeeks(c, serviceContact, day("2026-04-01"), day("2026-04-19"))
	want := Criterion{CompleteWeeks: 2, WeeksWithout: []string{"2026-W16"}, Total: 2}
	if !reflect.DeepEqual(ev.Contact, want) {
		t.Errorf("contact = %+v, want %+v", ev.Contact, want)
	}
	if ev := WeighWeeks(c, serviceContact, day("2026-04-20"), day("2026-04-19")); len(ev.Weeks) != 0 || ev.Contact.CompleteWeeks != 0 {
		t.Errorf("to before from: %+v, want no week", ev)
	}
}

func TestReferencesBriefed(t *testing.T) {
	c := &casefile.Case{References: &record.References{References: []record.Reference{
		{Name: "A", Phone: "555-0101", Permission: "2026-03-01", Briefed: "2026-03-05"},
		{Name: "B", Email: "b@example.org", Permission: "2026-03-01", Briefed: "2026-04-05"},                     // briefed after the day
		{Name: "C", Phone: "555-0103", Permission: "2026-03-01", Briefed: "2026-03-05", Withdrawn: "2026-03-20"}, // withdrew
		{Name: "D", Phone: "555-0104", Briefed: "2026-03-05"},                                                    // never agreed to be named
		{Name: "E", Phone: "555-0105", Permission: "2026-03-02"},                                                 // not briefed
	}}}
	if got := ReferencesBriefed(c, "2026-03-31"); got != 1 {
		t.Errorf("briefed = %d, want 1 (A)", got)
	}
	if got := ReferencesWithPermission(c, "2026-03-31"); got != 3 {
		t.Errorf("with permission = %d, want 3 (A, B, E)", got)
	}
	if got := ReferencesBriefed(c, "2026-04-05"); got != 2 {
		t.Errorf("briefed on 2026-04-05 = %d, want 2 (A, B)", got)
	}
}

// A reference nobody can reach does not count toward the three (000: an
// employer checks a reference by calling it): one with neither a phone
// nor an email is left out of the count, briefed or not, and
// UnreachableReferences names it while its permission stands.
func TestReferencesUnreachable(t *testing.T) {
	c := &casefile.Case{References: &record.References{References: []record.Reference{
		{Name: "A", Phone: "555-0101", Permission: "2026-03-01"},
		{Name: "B", Email: "b@example.org", Permission: "2026-03-01"},
		{Name: "C", Permission: "2026-03-01", Briefed: "2026-03-05"},   // no way to reach them
		{Name: "D", Phone: "  ", Permission: "2026-03-01"},             // spaces are no number
		{Name: "E", Permission: "2026-03-01", Withdrawn: "2026-03-10"}, // withdrew: not named at all
		{Name: "F", Permission: "2026-04-01"},                          // not yet agreed
	}}}
	if got := ReferencesWithPermission(c, "2026-03-31"); got != 2 {
		t.Errorf("with permission = %d, want 2 (A, B: C and D cannot be reached)", got)
	}
	if got := ReferencesBriefed(c, "2026-03-31"); got != 0 {
		t.Errorf("briefed = %d, want 0 (C is briefed but cannot be reached)", got)
	}
	if got := UnreachableReferences(c, "2026-03-31"); !reflect.DeepEqual(got, []int{2, 3}) {
		t.Errorf("unreachable = %v, want [2 3] (C, D)", got)
	}
	if got := UnreachableReferences(c, "2026-04-01"); !reflect.DeepEqual(got, []int{2, 3, 5}) {
		t.Errorf("unreachable on 2026-04-01 = %v, want [2 3 5] (C, D, F)", got)
	}
}
