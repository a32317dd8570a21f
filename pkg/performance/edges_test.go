package performance

import (
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// wioaCase is storetest's W1 (opened 2026-03-02; a career-counselling
// contact on 2026-03-05) without its plan, with the given intake lines
// added and the given files besides.
func wioaCase(intakeExtra string, files map[string]string) storetest.MemStore {
	m := storetest.ThreePrograms()
	delete(m, "cases/W1/iep.yaml")
	m.Edit("cases/W1/intake.yaml", "participant:", intakeExtra+"participant:")
	for p, s := range files {
		m[p] = s
	}
	return m
}

// Someone whose only staff-assisted service came before eligibility was
// determined never became a participant (PIRL 900), so has no exit to
// record (PIRL 901): the report neither lists the case in a cohort nor
// asks for its exit, as rule wioa-potential-exit does not.
func TestNoPotentialExitWithoutParticipation(t *testing.T) {
	m := wioaCase("eligibility:\n  - program: WIOA adult\n    determined: 2026-03-20\n    eligible: true\n", nil)
	snap := storetest.Load(t, m)
	day := storetest.Day("2026-09-30")
	f, ok := FactsOf(snap.Case("W1"), snap.Config, day)
	if !ok {
		t.Fatal("W1 is not read as a WIOA case")
	}
	if f.Participant || !f.PotentialExit.IsZero() {
		t.Errorf("participant %v, potential exit %v; want neither", f.Participant, f.PotentialExit)
	}
	// Program year 2026 counts the 2nd quarter after exit of the exits of
	// 2025-07-01 to 2026-06-30, which holds 2026-03-05.
	r := Compute(snap, mustPeriod(t, 2026, 0), day)
	for _, ind := range r.Indicators {
		for _, row := range ind.Cases {
			if row.Case == "W1" {
				t.Errorf("%s: W1 listed (%s: %s)", ind.Key, row.Status, row.Why)
			}
		}
		for _, mi := range ind.Missing {
			if mi.Case == "W1" {
				t.Errorf("%s: W1 asked for %q", ind.Key, mi.Record)
			}
		}
	}
}

// PIRL 1800-1805 hold the credentials attained during participation or
// within one year after exit (PIRL 1800; TEGL 10-16), the ones the
// credential indicator counts: not a degree earned years before the
// participation date, nor a licence earned more than a year after exit.
func TestPIRLCredentialsInTheirWindow(t *testing.T) {
	m := wioaCase("exited: 2026-06-30\n", map[string]string{
		"cases/W1/outcome.yaml": `credentials:
  - kind: bachelor-degree
    date: 2010-06-01
  - kind: occupational-certificate
    date: 2026-05-15
  - kind: occupational-licensure
    date: 2027-07-01
`,
	})
	rows := PIRLRows(storetest.Load(t, m), mustPeriod(t, 2025, 0), storetest.Day("2027-09-30"))
	if len(rows) != 1 || rows[0][0] != "W1" {
		t.Fatalf("rows %v, want W1's alone", rows)
	}
	for i, col := range PIRLColumns {
		want, ok := map[string]string{"900": "20260305", "901": "20260630", "1800": "5", "1801": "20260515", "1802": "", "1803": "", "1804": "", "1805": ""}[strings.Fields(col)[0]]
		if ok && rows[0][i] != want {
			t.Errorf("%s = %q, want %q", col, rows[0][i], want)
		}
	}
}

// Earnings recorded as 0 for a quarter of employment are said to be 0,
// not "not recorded", and are left out of the median.
func TestMedianEarningsRecordedZero(t *testing.T) {
	exit := storetest.Day("2025-08-15")
	q2from, q2to := calendar.QuarterAfterExit(exit, 2)
	zero, some := 0.0, 6000.0
	facts := func(id string, earnings *float64) Facts {
		f := Facts{Case: id, Exit: exit, Participant: true}
		f.Quarters[2] = Quarter{K: 2, Span: calendar.Span{From: q2from, To: q2to}, Employment: Employed, Earnings: earnings}
		return f
	}
	ind := medianEarnings([]Facts{facts("Z", &zero), facts("N", nil), facts("S", &some)},
		calendar.Span{From: storetest.Day("2025-07-01"), To: storetest.Day("2026-06-30")}, storetest.Day("2026-09-30"))
	why := map[string]string{}
	for _, r := range ind.Cases {
		why[r.Case] = r.Why
	}
	if !strings.Contains(why["Z"], "recorded as 0") || !strings.Contains(why["N"], "no earnings are recorded") || !strings.Contains(why["S"], "earnings 6000") {
		t.Errorf("why: %q", why)
	}
	if ind.Median == nil || *ind.Median != 6000 {
		t.Errorf("median %v, want 6000", ind.Median)
	}
}

// Earnings on a self-attestation show the employment but not the amount
// earned: without a wage record, earnings evidence is pay stubs, an
// employer letter or call, or tax forms (TEGL 10-16; KNOWLEDGE.md). The
// participant counts as employed, but the earnings stay out of the median
// and out of PIRL 1704, and the evidence of them is asked for.
func TestMedianEarningsNotOnSelfAttestation(t *testing.T) {
	m := wioaCase("exited: 2026-03-05\n", map[string]string{
		"cases/W1/outcome.yaml": `follow_ups:
  - due: 2026-08-10
    done: 2026-08-10
    quarter: 2
    employed: true
    employer: Cedar Cafe
    earnings: 4000
    evidence: self-attestation
    evidence_note: 2026-08-10-w1aa
`,
	})
	snap := storetest.Load(t, m)
	day, period := storetest.Day("2026-10-15"), mustPeriod(t, 2026, 0)
	r := Compute(snap, period, day)
	for _, ind := range r.Indicators {
		switch ind.Key {
		case EmploymentQ2:
			if ind.Numerator != 1 || ind.Denominator != 1 {
				t.Errorf("employment Q2 %d of %d, want 1 of 1: a self-attestation shows employment", ind.Numerator, ind.Denominator)
			}
		case MedianEarnings:
			if ind.Median != nil || ind.Denominator != 0 {
				t.Errorf("median %v over %d, want none: self-attested earnings are not evidence of earnings", ind.Median, ind.Denominator)
			}
			if len(ind.Cases) != 1 || ind.Cases[0].Status != NotCounted || !strings.Contains(ind.Cases[0].Why, "without evidence of earnings") {
				t.Errorf("rows %+v", ind.Cases)
			}
			if len(ind.Missing) != 1 || !strings.Contains(ind.Missing[0].Record, "evidence of the quarter's earnings") {
				t.Errorf("missing %+v", ind.Missing)
			}
		}
	}
	rows := PIRLRows(snap, period, day)
	for i, col := range PIRLColumns {
		if want, ok := map[string]string{"1602": "1", "1704": ""}[strings.Fields(col)[0]]; ok && rows[0][i] != want {
			t.Errorf("%s = %q, want %q", col, rows[0][i], want)
		}
	}
}

// Someone who moved from one employer to another within the 2nd quarter
// after exit and stayed with the second into the 4th is retained (TEGL
// 10-16; PIRL 1618), and the row names the employer kept, not the one
// left.
func TestRetentionNamesTheEmployerKept(t *testing.T) {
	exit := storetest.Day("2024-02-29")
	f := Facts{Case: "R", Exit: exit, Participant: true}
	for _, k := range []int{2, 4} {
		from, to := calendar.QuarterAfterExit(exit, k)
		f.Quarters[k] = Quarter{K: k, Span: calendar.Span{From: from, To: to}, Employment: Employed}
	}
	f.Quarters[2].Employers = []Employer{{Name: "Oak Co", FEIN: "13-1313131"}, {Name: "Pine Co", FEIN: "14-1414141"}}
	f.Quarters[4].Employers = []Employer{{Name: "Pine Co", FEIN: "14-1414141"}}
	ind := retention([]Facts{f}, calendar.Span{From: storetest.Day("2024-01-01"), To: storetest.Day("2024-12-31")}, storetest.Day("2026-09-30"))
	if len(ind.Cases) != 1 || ind.Cases[0].Status != InNumerator || !strings.Contains(ind.Cases[0].Why, "(Pine Co)") {
		t.Errorf("rows %+v, want R retained with Pine Co", ind.Cases)
	}
}

// Someone employed in the 2nd quarter after exit with no employer ID
// recorded, and not in unsubsidised employment in the 4th (a subsidised
// job, or none), is not retained whatever the 2nd quarter's employer was:
// the row says why, as PIRL 1618's 0 does, and the report asks for no
// employer ID that could change nothing (TEGL 10-16).
func TestRetentionDecidedByTheFourthQuarter(t *testing.T) {
	exit := storetest.Day("2024-11-20")
	for _, c := range []struct {
		name       string
		subsidized bool
		why        string
	}{
		{"subsidised", true, "only subsidised employment in 2025-Q4, which WIOA does not count"},
		{"not employed", false, "not employed in 2025-Q4"},
	} {
		f := Facts{Case: "R", Exit: exit, Participant: true}
		for _, k := range []int{2, 4} {
			from, to := calendar.QuarterAfterExit(exit, k)
			f.Quarters[k] = Quarter{K: k, Span: calendar.Span{From: from, To: to}, Employment: Employed}
		}
		f.Quarters[2].Employers = []Employer{{Name: "Corner Shop"}}
		f.Quarters[4].Employment, f.Quarters[4].Subsidized = NotEmployed, c.subsidized
		ind := retention([]Facts{f}, calendar.Span{From: storetest.Day("2024-01-01"), To: storetest.Day("2024-12-31")}, storetest.Day("2026-08-15"))
		if len(ind.Cases) != 1 || ind.Cases[0].Status != InDenominator || ind.Cases[0].Why != c.why {
			t.Errorf("%s: rows %+v, want R in the denominator: %s", c.name, ind.Cases, c.why)
		}
		if len(ind.Missing) != 0 {
			t.Errorf("%s: missing %+v, want none: the 4th quarter decides it", c.name, ind.Missing)
		}
		if got := retentionCode(f); got != "0" {
			t.Errorf("%s: PIRL 1618 = %q, want 0", c.name, got)
		}
	}
}

// PIRL 1806-1810 hold the latest gain of each kind made during
// participation, as the skill gains indicator counts them (TEGL 10-16):
// not a training milestone recorded after the exit, nor a functioning
// level gained before the participation date.
func TestPIRLGainsDuringParticipation(t *testing.T) {
	m := wioaCase("exited: 2026-06-30\n", map[string]string{
		"cases/W1/outcome.yaml": `skill_gains:
  - kind: educational-functioning-level
    date: 2026-01-10
  - kind: training-milestone
    date: 2026-05-01
  - kind: training-milestone
    date: 2026-08-01
`,
	})
	rows := PIRLRows(storetest.Load(t, m), mustPeriod(t, 2025, 0), storetest.Day("2026-09-30"))
	if len(rows) != 1 {
		t.Fatalf("rows %v, want W1's alone", rows)
	}
	for i, col := range PIRLColumns {
		if want, ok := map[string]string{"900": "20260305", "901": "20260630", "1806": "", "1809": "20260501"}[strings.Fields(col)[0]]; ok && rows[0][i] != want {
			t.Errorf("%s = %q, want %q", col, rows[0][i], want)
		}
	}
}

// An exit by the definition and not recorded is asked for from the day it
// can be recorded (the 91st without a participation-causing service; case
// exit refuses on the 90th) and is overdue only after that day.
func TestMissingExitDueWhenRecordable(t *testing.T) {
	snap := storetest.Load(t, wioaCase("", nil)) // last service 2026-03-05: day 90 is 2026-06-03
	for _, tt := range []struct {
		on   string
		want string // "" when the exit is not asked for
	}{
		{"2026-06-03", ""},
		{"2026-06-04", "2026-06-04"},
		{"2026-06-05", "2026-06-04 overdue"},
	} {
		r := Compute(snap, mustPeriod(t, 2026, 0), storetest.Day(tt.on))
		for _, ind := range r.Indicators[:1] {
			got := ""
			for _, mi := range ind.Missing {
				if mi.Case == "W1" && strings.HasPrefix(mi.Record, "the exit:") {
					got = mi.By.Format("2006-01-02")
					if mi.Overdue {
						got += " overdue"
					}
				}
			}
			if got != tt.want {
				t.Errorf("on %s, %s: the exit asked for %q, want %q", tt.on, ind.Key, got, tt.want)
			}
		}
	}
}

// A reason to leave a participant out counts "at time of exit or during
// the three quarters following the quarter of exit" (PIRL 923): one dated
// before the exit, with services after it, did not end the participation,
// so the participant is counted and the row says why the record was passed
// over; one dated after the exit leaves them out, through the 3rd quarter
// after the quarter of exit; one dated later is passed over too, said so.
func TestExclusionBeforeExitDoesNotCount(t *testing.T) {
	day := storetest.Day("2027-09-30")
	for _, tt := range []struct {
		date     string
		excluded bool
		code     string
		passed   string // what the rows say of a reason passed over
	}{
		{"2026-03-20", false, "00", "is before the exit"},                  // a stay after participation began, services went on to the exit
		{"2026-06-30", true, "02", ""},                                     // on the exit date: at time of exit
		{"2026-11-02", true, "02", ""},                                     // in the 2nd quarter after the exit quarter
		{"2027-03-31", true, "02", ""},                                     // the last day of the 3rd
		{"2027-04-05", false, "00", "is outside 2026-06-30 to 2027-03-31"}, // in the 4th: counted
	} {
		t.Run(tt.date, func(t *testing.T) {
			m := wioaCase("exited: 2026-06-30\n", map[string]string{
				"cases/W1/outcome.yaml": "exclusions:\n  - kind: health-medical\n    date: " + tt.date + "\n",
			})
			snap := storetest.Load(t, m)
			f, ok := FactsOf(snap.Case("W1"), snap.Config, day)
			if !ok {
				t.Fatal("W1 is not read as a WIOA case")
			}
			if got := f.Exclusion != nil; got != tt.excluded {
				t.Errorf("excluded %v, want %v", got, tt.excluded)
			}
			if got, want := f.Superseded != nil, tt.date < "2026-06-30"; got != want {
				t.Errorf("superseded %v, want %v", got, want)
			}
			if got, want := f.Late != nil, tt.date > "2027-03-31"; got != want {
				t.Errorf("late %v, want %v", got, want)
			}
			rows := PIRLRows(snap, mustPeriod(t, 2026, 0), day)
			for i, col := range PIRLColumns {
				if strings.HasPrefix(col, "923 ") && (len(rows) != 1 || rows[0][i] != tt.code) {
					t.Errorf("PIRL 923 in %v, want %s", rows, tt.code)
				}
			}
			// Program year 2027 counts the 2nd quarter after exit of the
			// exits of 2026-07-01 back a year and a half: 2025-07-01 to
			// 2026-06-30 holds the exit.
			r := Compute(snap, mustPeriod(t, 2027, 0), day)
			found := false
			for _, ind := range r.Indicators {
				for _, row := range ind.Cases {
					if row.Case != "W1" {
						continue
					}
					found = true
					if (row.Status == Excluded) != tt.excluded {
						t.Errorf("%s: %s (%s), excluded want %v", ind.Key, row.Status, row.Why, tt.excluded)
					}
					if !tt.excluded && !strings.Contains(row.Why, "dated "+tt.date+" "+tt.passed) {
						t.Errorf("%s: why %q does not say the record was passed over", ind.Key, row.Why)
					}
				}
			}
			if !found {
				t.Error("W1 in no indicator's cohort")
			}
		})
	}
}

// Measurable skill gains counts a participant in education or training
// while a participant (TEGL 10-16): training that began only after the
// exit, or ended before the participation date, does not bring an exiter
// into the program year's cohort, though it falls in the year.
func TestSkillGainCohortTrainingDuringParticipation(t *testing.T) {
	span := calendar.Span{From: storetest.Day("2025-07-01"), To: storetest.Day("2026-06-30")}
	training := func(start, end string) Facts {
		f := Facts{Case: "G", Participant: true, Participation: storetest.Day("2025-09-01"), Exit: storetest.Day("2026-02-27")}
		f.Training = []record.PlanService{{Start: record.Date(start), End: record.Date(end)}}
		return f
	}
	for _, tt := range []struct {
		name     string
		f        Facts
		inCohort bool
	}{
		{"training before the exit", training("2026-01-10", ""), true},
		{"training begun after the exit, in the year", training("2026-03-16", ""), false},
		{"training ended before participation", training("2025-07-05", "2025-08-15"), false},
		{"training running through participation", training("2025-07-05", "2025-10-15"), true},
	} {
		if got := tt.f.InSkillGainCohort(span); got != tt.inCohort {
			t.Errorf("%s: InSkillGainCohort = %v, want %v", tt.name, got, tt.inCohort)
		}
	}
}

// A skill gain is asked for while the program year runs, as a prompt, and
// never marked overdue: once the year is over, a participant in training
// with no gain recorded is simply in the denominator (README, "The WIOA
// performance report"); the same after the participant's exit.
func TestSkillGainAskedForOnlyWhileTheYearRuns(t *testing.T) {
	span := calendar.Span{From: storetest.Day("2025-07-01"), To: storetest.Day("2026-06-30")}
	f := Facts{Case: "G", Participant: true, Participation: storetest.Day("2025-09-01")}
	f.Training = []record.PlanService{{Start: "2025-09-15"}}
	exited := f
	exited.Exit = storetest.Day("2026-03-31")
	for _, tt := range []struct {
		f    Facts
		on   string
		want string // the missing entry, "" for none
	}{
		{f, "2026-06-30", "2026-06-30"},
		{f, "2026-07-01", ""},
		{exited, "2026-04-02", ""},
	} {
		ind := skillGains([]Facts{tt.f}, span, storetest.Day(tt.on))
		if ind.Denominator != 1 {
			t.Errorf("on %s: denominator %d, want 1", tt.on, ind.Denominator)
		}
		got := ""
		for _, mi := range ind.Missing {
			got = mi.By.Format("2006-01-02")
			if mi.Overdue {
				got += " overdue"
			}
		}
		if got != tt.want {
			t.Errorf("on %s (exit %v): skill gain asked for %q, want %q", tt.on, !tt.f.Exit.IsZero(), got, tt.want)
		}
	}
}

// A skill gain row of a period still running on the report's day says
// what is known on that day: no gain so far, up to the day, not over
// days that have not come.
func TestSkillGainRowSaysSoFarWhileThePeriodRuns(t *testing.T) {
	span := calendar.Span{From: storetest.Day("2025-07-01"), To: storetest.Day("2026-06-30")}
	f := Facts{Case: "G", Participant: true, Participation: storetest.Day("2025-09-01")}
	f.Training = []record.PlanService{{Start: "2025-09-15"}}
	exited := f
	exited.Exit = storetest.Day("2026-01-30")
	for _, tt := range []struct {
		f    Facts
		on   string
		want string
	}{
		{f, "2026-03-01", "in training in the period; no skill gain recorded so far from 2025-09-01 to 2026-03-01 (the period runs to 2026-06-30)"},
		{f, "2026-06-30", "in training in the period; no skill gain recorded from 2025-09-01 to 2026-06-30"},
		{f, "2026-08-01", "in training in the period; no skill gain recorded from 2025-09-01 to 2026-06-30"},
		{exited, "2026-03-01", "in training in the period; no skill gain recorded from 2025-09-01 to 2026-01-30"},
	} {
		ind := skillGains([]Facts{tt.f}, span, storetest.Day(tt.on))
		if len(ind.Cases) != 1 {
			t.Fatalf("on %s: %d rows, want 1", tt.on, len(ind.Cases))
		}
		if got := ind.Cases[0].Why; got != tt.want {
			t.Errorf("on %s (exit %v): why\n got %q\nwant %q", tt.on, !tt.f.Exit.IsZero(), got, tt.want)
		}
	}
}

// Retention with the same employer counts, of the exits of its cohort,
// those employed in the 2nd quarter after exit (TEGL 10-16; PIRL 1618),
// so a 2nd quarter no follow-up reports on keeps the case out of the
// denominator until one does: the follow-up is a missing outcome of the
// indicator. For an exit of the cohort's first half (2024-03-15: its 2nd
// quarter, 2024-Q3, is the previous program year's employment rate's) no
// other indicator of program year 2025 asks for it.
func TestRetentionAsksForTheSecondQuarter(t *testing.T) {
	exit := storetest.Day("2024-03-15")
	f := Facts{Case: "R", Exit: exit, Participant: true}
	for k := 1; k <= 4; k++ {
		from, to := calendar.QuarterAfterExit(exit, k)
		f.Quarters[k] = Quarter{K: k, Span: calendar.Span{From: from, To: to}}
	}
	undocumented := f
	undocumented.Case = "U"
	undocumented.Quarters[2].Employment = Undocumented
	r := ComputeOf([]Facts{f, undocumented}, mustPeriod(t, 2025, 0), storetest.Day("2025-11-15"))
	asked := map[string][]string{}
	for _, ind := range r.Indicators {
		for _, mi := range ind.Missing {
			if strings.Contains(mi.Record, "2nd quarter after exit") {
				asked[mi.Case] = append(asked[mi.Case], ind.Key)
				if !mi.By.Equal(storetest.Day("2024-09-30")) || !mi.Overdue {
					t.Errorf("%s: %s due %v (overdue %v), want 2024-09-30, overdue", ind.Key, mi.Case, mi.By, mi.Overdue)
				}
			}
		}
	}
	for _, c := range []string{"R", "U"} {
		if !slices.Contains(asked[c], SameEmployer) {
			t.Errorf("%s: the 2nd quarter's follow-up is asked for by %v, want by %s", c, asked[c], SameEmployer)
		}
	}
}

// An exit recorded on a day that is not the last participation-causing
// service's (PIRL 901; validate warns: wioa-exit-date) is counted as
// recorded, as the state's report would count it, and each of its rows
// says the date is in doubt and what the records show, for the analyst
// to have it corrected before the report goes out. An exit on that
// service's day says nothing of the kind.
func TestExitInDoubtSaidOnItsRows(t *testing.T) {
	day := storetest.Day("2027-09-30")
	for _, tt := range []struct {
		exit, doubt string
	}{
		{"2026-06-30", "the exit recorded on 2026-06-30 is in doubt (wioa-exit-date): the last participation-causing service before it was on 2026-03-05"},
		{"2026-03-05", ""},
	} {
		t.Run(tt.exit, func(t *testing.T) {
			snap := storetest.Load(t, wioaCase("exited: "+tt.exit+"\n", nil))
			r := Compute(snap, mustPeriod(t, 2027, 0), day)
			rows := 0
			for _, ind := range r.Indicators {
				for _, row := range ind.Cases {
					if row.Case != "W1" {
						continue
					}
					rows++
					if got := strings.Contains(row.Why, "in doubt"); got != (tt.doubt != "") || !strings.Contains(row.Why, tt.doubt) {
						t.Errorf("%s: why %q, want it to say %q", ind.Key, row.Why, tt.doubt)
					}
				}
			}
			if rows == 0 {
				t.Error("W1 in no indicator's cohort")
			}
		})
	}
	// A service after the exit recorded says so too: the exit was
	// recorded too early, or a new period of participation began.
	later := "id: 2026-04-02-cd34\ndate: 2026-04-02\nauthor: mrivera\nkind: contact\nmode: in-person\ntwo_way: true\nservices: [career-counseling]\ncontent: Mock interview\n"
	snap := storetest.Load(t, wioaCase("exited: 2026-03-05\n", map[string]string{"cases/W1/notes/2026-04-02-cd34.yaml": later}))
	f, ok := FactsOf(snap.Case("W1"), snap.Config, day)
	if want := "a participation-causing service on 2026-04-02 comes after it"; !ok || f.ExitDoubt != want {
		t.Errorf("exit doubt %q, want %q", f.ExitDoubt, want)
	}
	// A plan service with no end recorded counts as given every day: the
	// doubt names it, not "a service on" the report's day.
	open := "created: 2026-03-02\nservices:\n  - id: S1\n    name: Job club\n    code: job-search\n    start: 2026-03-03\n"
	snap = storetest.Load(t, wioaCase("exited: 2026-03-05\n", map[string]string{"cases/W1/iep.yaml": open}))
	f, ok = FactsOf(snap.Case("W1"), snap.Config, day)
	if want := "plan service S1, started on 2026-03-03, has no end recorded and runs past it"; !ok || f.ExitDoubt != want {
		t.Errorf("exit doubt %q, want %q", f.ExitDoubt, want)
	}
}

// A participant whose recorded exit comes before the training they were
// in during the program year is out of the skill gains cohort (training
// counts only while a participant), but the records contradict each
// other (wioa-exit-date), so the indicator says so on a row of its own,
// not counted, where before it left them out without a word. An exit
// not in doubt leaves no such row.
func TestSkillGainsSaysTrainingAfterAnExitInDoubt(t *testing.T) {
	f := Facts{Case: "T", Participant: true, Participation: storetest.Day("2025-08-01"), Exit: storetest.Day("2025-09-01")}
	f.Training = []record.PlanService{{Start: "2025-10-01"}}
	for _, doubt := range []string{"a participation-causing service on 2025-10-01 comes after it", ""} {
		f.ExitDoubt = doubt
		r := ComputeOf([]Facts{f}, mustPeriod(t, 2025, 0), storetest.Day("2026-08-15"))
		var rows []Row
		for _, ind := range r.Indicators {
			if ind.Key == SkillGains {
				rows = ind.Cases
				if ind.Denominator != 0 {
					t.Errorf("doubt %q: denominator %d, want 0 (counted as recorded)", doubt, ind.Denominator)
				}
			}
		}
		if doubt == "" {
			if len(rows) != 0 {
				t.Errorf("exit not in doubt: rows %+v, want none", rows)
			}
			continue
		}
		want := "in training in the period only after the exit recorded on 2025-09-01, which is in doubt (wioa-exit-date): " + doubt
		if len(rows) != 1 || rows[0].Status != NotCounted || !strings.Contains(rows[0].Why, want) {
			t.Errorf("rows %+v, want one not counted saying %q", rows, want)
		}
	}
}

// A training service left under way (no end) on a case that was closed
// ended with the closure: nothing is served on a closed case, as
// calendar.ParticipationOf reads it for the exit (README, "How caseplan
// decides"). So measurable skill gains counts the participant in the
// program year the closure falls in, and not in a later one, nor asks
// them for a gain a year after the case closed.
func TestSkillGainTrainingEndsWithTheClosure(t *testing.T) {
	m := wioaCase("", map[string]string{
		"cases/W1/iep.yaml":     "created: 2026-03-02\nservices:\n  - id: S1\n    name: CNA training\n    code: training\n    start: 2026-03-10\n",
		"cases/W1/outcome.yaml": "closures:\n  - date: 2026-04-30\n    reason: other\n",
	})
	snap := storetest.Load(t, m)
	day := storetest.Day("2026-11-30")
	for _, tt := range []struct {
		year   int
		listed bool
	}{{2025, true}, {2026, false}} {
		r := Compute(snap, mustPeriod(t, tt.year, 0), day)
		ind := r.Indicators[slices.IndexFunc(r.Indicators, func(i Indicator) bool { return i.Key == SkillGains })]
		listed := slices.ContainsFunc(ind.Cases, func(row Row) bool { return row.Case == "W1" })
		if listed != tt.listed {
			t.Errorf("program year %d: W1 in the skill gains cohort %v, want %v (rows %+v)", tt.year, listed, tt.listed, ind.Cases)
		}
		if asked := slices.ContainsFunc(ind.Missing, func(mi Missing) bool { return mi.Case == "W1" }); asked && !tt.listed {
			t.Errorf("program year %d: a skill gain asked of W1, closed on 2026-04-30", tt.year)
		}
	}
}

// A follow-up made for a quarter but recording no outcome (no answer) is
// told apart from no follow-up at all, in each indicator's row, so a
// coordinator asked about the row knows an attempt was made: what is
// awaited is its outcome (TEGL 10-16 counts neither as employed).
func TestNoAnswerToldApartFromNoFollowUp(t *testing.T) {
	exit := storetest.Day("2024-11-20")
	day := storetest.Day("2026-08-15")
	cohort := calendar.Span{From: storetest.Day("2024-01-01"), To: storetest.Day("2024-12-31")}
	for _, c := range []struct {
		name string
		e    Employment
		why  string
	}{
		{"no answer", Unstated, "the follow-up for 2025-Q2 records no outcome (no answer: employed or not is unknown): counted as not employed until its outcome is recorded"},
		{"none", NoFollowUp, "no follow-up shows employment in 2025-Q2: counted as not employed until one is recorded"},
	} {
		f := Facts{Case: "R", Exit: exit, Participant: true}
		for _, k := range []int{2, 4} {
			from, to := calendar.QuarterAfterExit(exit, k)
			f.Quarters[k] = Quarter{K: k, Span: calendar.Span{From: from, To: to}, Employment: c.e}
		}
		ind := employmentRate([]Facts{f}, cohort, 2, day)
		if len(ind.Cases) != 1 || ind.Cases[0].Why != c.why {
			t.Errorf("%s: employment rate rows %+v, want %q", c.name, ind.Cases, c.why)
		}
		ret := retention([]Facts{f}, cohort, day)
		wantRet := "no follow-up shows employment in 2025-Q2: not in the denominator until one does"
		if c.e == Unstated {
			wantRet = "the follow-up for 2025-Q2 records no outcome (no answer: employed or not is unknown): not in the denominator until its outcome is recorded"
		}
		if len(ret.Cases) != 1 || ret.Cases[0].Why != wantRet {
			t.Errorf("%s: retention rows %+v, want %q", c.name, ret.Cases, wantRet)
		}
	}
}

// A service more than 90 days after the last hides the exit those days
// made (TEGL 10-16, PIRL 901): with none recorded, no indicator counts it
// (the state counts the exits recorded), and the report does not invent
// it, but lists it among the exits not recorded, with the day it could
// first be recorded; so does the PIRL export's check. Once the exit is
// recorded it is counted, and no longer listed.
func TestUnrecordedExitHiddenByALaterService(t *testing.T) {
	back := map[string]string{"cases/W1/notes/2026-07-01-ab13.yaml": "id: 2026-07-01-ab13\ndate: 2026-07-01\nauthor: mrivera\nkind: contact\nmode: phone\ntwo_way: true\nservices: [career-counseling]\ncontent: Back to look for work\n"}
	day := storetest.Day("2026-08-01")
	// Program year 2026 counts the 2nd quarter after exit of the exits of
	// 2025-07-01 to 2026-06-30, which holds 2026-03-05.
	period := mustPeriod(t, 2026, 0)
	snap := storetest.Load(t, wioaCase("", back))
	r := Compute(snap, period, day)
	want := []UnrecordedExit{{Case: "W1", Name: "Ana Example", Manager: "mrivera", Exit: storetest.Day("2026-03-05"), Returned: storetest.Day("2026-07-01"), Known: storetest.Day("2026-06-04")}}
	if !slices.Equal(r.Unrecorded, want) {
		t.Errorf("unrecorded exits %+v, want %+v", r.Unrecorded, want)
	}
	for _, ind := range r.Indicators {
		if ind.Denominator != 0 {
			t.Errorf("%s: denominator %d, want 0: an exit no record holds is not counted", ind.Key, ind.Denominator)
		}
	}
	if got := PIRLUnrecorded(AllFacts(snap, day), period); !slices.Equal(got, want) {
		t.Errorf("PIRL: unrecorded exits %+v, want %+v", got, want)
	}
	// Made before the later service, the report sees a potential exit
	// (its rows and missing outcomes ask for it), not a hidden one.
	if r := Compute(snap, period, storetest.Day("2026-06-30")); len(r.Unrecorded) != 0 {
		t.Errorf("on 2026-06-30, before the later service: unrecorded %+v, want none", r.Unrecorded)
	}
	// A program year whose cohorts do not hold the exit lists none.
	if r := Compute(snap, mustPeriod(t, 2025, 0), day); len(r.Unrecorded) != 0 {
		t.Errorf("program year 2025: unrecorded %+v, want none", r.Unrecorded)
	}
	// Recorded, it is counted, and not listed.
	snap = storetest.Load(t, wioaCase("exited: 2026-03-05\n", back))
	r = Compute(snap, period, day)
	if len(r.Unrecorded) != 0 || r.Indicators[0].Denominator+len(r.Indicators[0].Cases) == 0 {
		t.Errorf("exit recorded: unrecorded %+v, employment Q2 cases %+v; want none listed and W1 counted", r.Unrecorded, r.Indicators[0].Cases)
	}
}
