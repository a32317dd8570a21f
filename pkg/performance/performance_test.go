package performance

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/store"
)

// The fixture store in testdata/store holds 24 exiters (E01-E24) across
// program years 2023 to 2025, five participants who have not exited
// (P01-P05) and a work-security case (WS1, in no indicator: not WIOA). It
// is read for program year 2025 (2025-07-01 to 2026-06-30), whose cohorts
// are (TEGL 10-16; the ETA-9169's reporting periods):
//
//	employment Q2, median earnings   exits 2024-07-01 to 2025-06-30
//	employment Q4, credential,
//	  retention with the same employer   exits 2024-01-01 to 2024-12-31
//	measurable skill gains           in training 2025-07-01 to 2026-06-30
//
// Quarters after exit are calendar quarters after the quarter of exit:
// an exit in 2024-Q3 has its 2nd quarter after exit in 2025-Q1 and its
// 4th in 2025-Q3. Every figure below was worked out by hand from the
// files, on two days: A, 2025-11-15, while the program year is under way,
// and B, 2026-09-30, after it. Only follow-ups done, and credentials,
// gains and exclusions dated, by the day count on it.
//
// The cases (exit; training; what the follow-ups and outcomes say):
//
//	E01 exit 2024-02-15 (2024-Q1: Q2 2024-Q3, Q4 2025-Q1). Occupational
//	    skills training; occupational certification 2024-01-20, during
//	    participation. Employed at FEIN 00-0000101 in Q2 and Q4 (wage
//	    records).
//	E02 exit 2024-03-29. On-the-job training only: out of the credential
//	    denominator. Employed in Q2 (FEIN ...102, pay stubs) and Q4 with
//	    another employer (FEIN ...103, employer letter): not retained.
//	E03 exit 2024-05-10 (2024-Q2: Q2 2024-Q4, Q4 2025-Q2). Customized and
//	    occupational skills training: in the credential denominator.
//	    Not employed in Q2; employed in Q4 only (pay stubs). Occupational
//	    certificate 2025-04-30: within a year after exit (by 2025-05-10).
//	E04 exit 2024-06-20. Institutionalized 2024-09-01, within the three
//	    quarters after the exit quarter (to 2025-03-31): excluded.
//	E05 exit 2024-07-15 (2024-Q3: Q2 2025-Q1, Q4 2025-Q3; both cohorts).
//	    Associate degree 2024-06-01. Employed at FEIN ...105 in Q2
//	    (earnings 9100) and Q4 (wage records).
//	E06 exit 2024-08-30. Employed in Q2 but with no evidence: counted as
//	    not employed, and the evidence is missing (due 2025-03-31). Not
//	    employed in Q4. Secondary diploma 2024-08-01 and postsecondary
//	    education entered 2025-01-15: the diploma counts.
//	E07 exit 2024-09-12. Deceased 2025-05-01 (within the three quarters,
//	    to 2025-06-30): excluded.
//	E08 exit 2024-10-05 (2024-Q4: Q2 2025-Q2, Q4 2025-Q4). Employed at
//	    FEIN ...108 in Q2 (pay stubs, 6000). The 4th quarter ends
//	    2025-12-31: on A not yet in the Q4, credential and retention
//	    cohorts, its follow-up due by 2025-12-31; on B employed at the
//	    same FEIN (wage record, done 2025-12-10). Training, no
//	    credential (a year after exit is 2025-10-05).
//	E09 exit 2024-11-20. Employed in Q2 on a self-attestation with its
//	    note, but no earnings and no employer ID. No 4th-quarter
//	    follow-up ever: on B counted not employed. No training.
//	E10 exit 2024-12-18. Health or medical reason at exit: excluded.
//	E11 exit 2025-01-10 (2025-Q1: Q2 2025-Q3). Employed (employer call,
//	    8000).
//	E12 exit 2025-02-14. Not employed in Q2. Deceased 2026-02-01: after
//	    the three quarters after the exit quarter (to 2025-12-31), so not
//	    an exclusion.
//	E13 exit 2025-03-03. Only a subsidised job in Q2: not counted.
//	E14 exit 2025-03-28. No follow-up: counted not employed; missing, due
//	    2025-09-30.
//	E15 exit 2025-04-15 (2025-Q2: Q2 2025-Q4). Follow-up done 2025-11-01
//	    (tax records, 7200): on A its quarter has not ended (not yet),
//	    on B employed.
//	E16 exit 2025-05-20. No follow-up: on A not yet, due 2025-12-31; on B
//	    counted not employed, missing.
//	E17 exit 2025-06-30, the cohort's last day. Its 2nd-quarter follow-up
//	    was done late, 2026-01-15, naming quarter 2 (wage record, 10400):
//	    on A not yet and missing; on B employed.
//	E18 exit 2025-07-01, the day after the Q2 cohort: in no exit cohort.
//	    In training to its exit, so in the skill gains denominator; its
//	    training milestone of 2025-06-20 is before the program year.
//	E19 exit 2023-12-31, the day before the Q4 cohort: in no cohort.
//	E20 exit 2024-01-01. Only an orientation: never a participant.
//	E21 exit 2024-04-02. Training; secondary diploma 2024-03-15 but not
//	    employed in Q2 or Q4 and no further education: the diploma does
//	    not count.
//	E22 exit 2024-06-28. Adult education; secondary diploma 2024-05-30,
//	    employed in Q2 (state ID ST-0000222, wage record): it counts.
//	    Employed in Q4 with no employer ID recorded: not retained until
//	    it is.
//	E23 exit 2024-12-31. Employed in Q2 (state ID ST-0012345, 4800) and,
//	    on B, in Q4 with the same state ID. Occupational licence
//	    2025-12-20, within a year after exit: on A not recorded yet.
//	E24 exit 2025-06-02. Called to active duty 2026-01-05 (within the
//	    three quarters, to 2026-03-31): on A not yet known, on B excluded.
//	P01 training from 2025-05-01; educational functioning level gain
//	    2025-09-10.
//	P02 participant from 2025-08-01, on-the-job training (in the skill
//	    gains denominator: OJT is left out only of credentials); training
//	    milestone 2026-03-01.
//	P03 training ended 2025-06-15: not in training in the program year.
//	P04 in training; institutionalized 2025-10-01: excluded.
//	P05 last service 2025-03-10, no exit recorded: by the definition it
//	    exited then (known 2025-06-09, after 90 days without service), inside the Q2 cohort;
//	    not counted until the exit is recorded.
//
// The figures:
//
//	                          on A (2025-11-15)          on B (2026-09-30)
//	employment Q2   num E05 E08 E09 E11 E23 = 5    + E15 E17 = 7
//	                den + E06 E12 E13 E14 = 9      + E16 = 12      (58%)
//	                excluded E07 E10               + E24
//	                not yet E15 E16 E17 E24        none
//	employment Q4   num E01 E02 E03 E05 E22 = 5    + E08 E23 = 7
//	                den + E06 E21 = 7              + E09 = 10      (70%)
//	                excluded E04 E07 E10; not a participant E20
//	                not yet E08 E09 E23            none
//	median earnings 4800 6000 8000 9100: 7000      + 7200 10400: (7200+8000)/2 = 7600
//	                (E09 employed, no earnings)
//	credential      num E01 E03 E05 E06 E22 = 5    + E23 = 6
//	                den + E21 = 6                  + E08 = 8       (75%)
//	                out: E02 (OJT only), E09 (no training), E20
//	                not yet E08 E23                none
//	skill gains     num P01 = 1                    + P02 = 2
//	                den P01 P02 E18 = 3            3               (67%)
//	                excluded P04
//	retention       num E01 E05 = 2                + E08 E23 = 4
//	                den + E02 E22 = 4              + E09 = 7       (57%)
//	                out: E03 E21 (not employed in Q2), E06 (no evidence)
var (
	dayA = time.Date(2025, 11, 15, 0, 0, 0, 0, time.UTC)
	dayB = time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
)

func fixture(t testing.TB) *casefile.Snapshot {
	t.Helper()
	src, err := store.NewWorkTree("testdata/store")
	if err != nil {
		t.Fatal(err)
	}
	snap, _, err := store.Load(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// want is one indicator's expected figures: each status with its cases,
// and the missing outcomes as "CASE DUE" (with " overdue" when they are).
type want struct {
	num, den int
	median   float64
	cases    map[Status]string
	missing  []string
}

func TestIndicators(t *testing.T) {
	snap := fixture(t)
	py, err := calendar.NewReportPeriod(2025, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		day  time.Time
		want map[string]want
	}{
		{dayA, map[string]want{
			EmploymentQ2: {num: 5, den: 9, cases: map[Status]string{
				InNumerator: "E05 E08 E09 E11 E23", InDenominator: "E06 E12 E13 E14", Excluded: "E07 E10",
				NotCounted: "P05", NotYet: "E15 E16 E17 E24"},
				missing: []string{"E06 2025-03-31 overdue", "P05 2025-06-09 overdue", "E14 2025-09-30 overdue", "E16 2025-12-31", "E17 2025-12-31", "E24 2025-12-31"}},
			EmploymentQ4: {num: 5, den: 7, cases: map[Status]string{
				InNumerator: "E01 E02 E03 E05 E22", InDenominator: "E06 E21", Excluded: "E04 E07 E10",
				NotCounted: "E20", NotYet: "E08 E09 E23"},
				missing: []string{"E08 2025-12-31", "E09 2025-12-31", "E23 2025-12-31"}},
			MedianEarnings: {num: 0, den: 4, median: 7000, cases: map[Status]string{
				InNumerator: "E05 E08 E11 E23", Excluded: "E07 E10", NotCounted: "E06 E09 E12 E13 E14 P05",
				NotYet: "E15 E16 E17 E24"},
				missing: []string{"P05 2025-06-09 overdue", "E09 2025-06-30 overdue"}},
			Credential: {num: 5, den: 6, cases: map[Status]string{
				InNumerator: "E01 E03 E05 E06 E22", InDenominator: "E21", Excluded: "E04 E07 E10",
				NotCounted: "E02 E09 E20", NotYet: "E08 E23"},
				missing: []string{"E23 2025-12-31"}},
			SkillGains: {num: 1, den: 3, cases: map[Status]string{
				InNumerator: "P01", InDenominator: "E18 P02", Excluded: "P04"},
				missing: []string{"P02 2026-06-30"}},
			SameEmployer: {num: 2, den: 4, cases: map[Status]string{
				InNumerator: "E01 E05", InDenominator: "E02 E22", Excluded: "E04 E07 E10",
				NotCounted: "E03 E06 E20 E21", NotYet: "E08 E09 E23"},
				missing: []string{"E06 2025-03-31 overdue", "E09 2025-06-30 overdue", "E22 2025-06-30 overdue", "E08 2025-12-31", "E09 2025-12-31", "E23 2025-12-31"}},
		}},
		{dayB, map[string]want{
			EmploymentQ2: {num: 7, den: 12, cases: map[Status]string{
				InNumerator: "E05 E08 E09 E11 E15 E17 E23", InDenominator: "E06 E12 E13 E14 E16", Excluded: "E07 E10 E24",
				NotCounted: "P05"},
				missing: []string{"E06 2025-03-31 overdue", "P05 2025-06-09 overdue", "E14 2025-09-30 overdue", "E16 2025-12-31 overdue"}},
			EmploymentQ4: {num: 7, den: 10, cases: map[Status]string{
				InNumerator: "E01 E02 E03 E05 E08 E22 E23", InDenominator: "E06 E09 E21", Excluded: "E04 E07 E10",
				NotCounted: "E20"},
				missing: []string{"E09 2025-12-31 overdue"}},
			MedianEarnings: {num: 0, den: 6, median: 7600, cases: map[Status]string{
				InNumerator: "E05 E08 E11 E15 E17 E23", Excluded: "E07 E10 E24", NotCounted: "E06 E09 E12 E13 E14 E16 P05"},
				missing: []string{"P05 2025-06-09 overdue", "E09 2025-06-30 overdue"}},
			Credential: {num: 6, den: 8, cases: map[Status]string{
				InNumerator: "E01 E03 E05 E06 E22 E23", InDenominator: "E08 E21", Excluded: "E04 E07 E10",
				NotCounted: "E02 E09 E20"}},
			SkillGains: {num: 2, den: 3, cases: map[Status]string{
				InNumerator: "P01 P02", InDenominator: "E18", Excluded: "P04"}},
			SameEmployer: {num: 4, den: 7, cases: map[Status]string{
				InNumerator: "E01 E05 E08 E23", InDenominator: "E02 E09 E22", Excluded: "E04 E07 E10",
				NotCounted: "E03 E06 E20 E21"},
				missing: []string{"E06 2025-03-31 overdue", "E09 2025-06-30 overdue", "E22 2025-06-30 overdue"}},
		}},
	} {
		r := Compute(snap, py, tc.day)
		if len(r.Indicators) != 6 {
			t.Fatalf("%d indicators, want the six", len(r.Indicators))
		}
		for _, ind := range r.Indicators {
			w, ok := tc.want[ind.Key]
			if !ok {
				t.Errorf("unexpected indicator %s", ind.Key)
				continue
			}
			at := tc.day.Format(time.DateOnly) + " " + ind.Key
			if ind.Numerator != w.num || ind.Denominator != w.den {
				t.Errorf("%s: %d/%d, want %d/%d", at, ind.Numerator, ind.Denominator, w.num, w.den)
			}
			if w.median != 0 && (ind.Median == nil || *ind.Median != w.median) {
				t.Errorf("%s: median %v, want %v", at, ind.Median, w.median)
			}
			got := map[Status]string{}
			for _, c := range ind.Cases {
				got[c.Status] = strings.TrimSpace(got[c.Status] + " " + c.Case)
			}
			for _, st := range []Status{InNumerator, InDenominator, Excluded, NotCounted, NotYet} {
				if got[st] != w.cases[st] {
					t.Errorf("%s %s: %q, want %q", at, st, got[st], w.cases[st])
				}
			}
			var missing []string
			for _, m := range ind.Missing {
				s := m.Case + " " + m.By.Format(time.DateOnly)
				if m.Overdue {
					s += " overdue"
				}
				missing = append(missing, s)
			}
			if !slices.Equal(missing, w.missing) {
				t.Errorf("%s missing:\n got %q\nwant %q", at, missing, w.missing)
			}
		}
	}
}

// The rates are the numerator over the denominator; none without a
// denominator; the median of an even count is the mean of the middle two.
func TestRatesAndMedian(t *testing.T) {
	r := Compute(fixture(t), mustPeriod(t, 2025, 0), dayB)
	for _, ind := range r.Indicators {
		switch {
		case ind.Kind == kindMedian && ind.Rate != nil:
			t.Errorf("%s: a median has no rate", ind.Key)
		case ind.Kind == kindRate && *ind.Rate != float64(ind.Numerator)/float64(ind.Denominator):
			t.Errorf("%s: rate %v", ind.Key, *ind.Rate)
		}
	}
	// Program year 2030: no one in any cohort.
	for _, ind := range Compute(fixture(t), mustPeriod(t, 2030, 0), dayB).Indicators {
		if ind.Rate != nil || ind.Median != nil || ind.Denominator != 0 || len(ind.Cases) != 0 {
			t.Errorf("PY 2030 %s: %+v", ind.Key, ind)
		}
	}
	for _, tc := range []struct {
		in   []float64
		want float64
	}{{[]float64{3}, 3}, {[]float64{4, 1, 2}, 2}, {[]float64{1, 2, 3, 10}, 2.5}, {[]float64{0.015, 0.02}, 0.02}} {
		if got := median(tc.in); got == nil || *got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if median(nil) != nil {
		t.Error("median of nothing")
	}
}

func mustPeriod(t *testing.T, year, quarter int) calendar.ReportPeriod {
	t.Helper()
	p, err := calendar.NewReportPeriod(year, quarter)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The exclusion's kind never leaves the record in a report's words: the
// reasons are health and custody matters.
func TestExclusionReasonNotShown(t *testing.T) {
	r := Compute(fixture(t), mustPeriod(t, 2025, 0), dayB)
	for _, ind := range r.Indicators {
		for _, c := range ind.Cases {
			for _, word := range []string{"health", "medical", "deceased", "institution", "duty"} {
				if strings.Contains(c.Why, word) {
					t.Errorf("%s %s: %q names the reason", ind.Key, c.Case, c.Why)
				}
			}
		}
	}
}

// TestYearAfterExit: the credential window ends a calendar year after the
// exit, on the last day of the month when the day does not exist then.
func TestYearAfterExit(t *testing.T) {
	for exit, want := range map[string]string{
		"2024-02-29": "2025-02-28",
		"2025-10-05": "2026-10-05",
		"2023-03-31": "2024-03-31",
	} {
		e, _ := time.Parse(time.DateOnly, exit)
		if got := yearAfterExit(e).Format(time.DateOnly); got != want {
			t.Errorf("yearAfterExit(%s) = %s, want %s", exit, got, want)
		}
	}
}
