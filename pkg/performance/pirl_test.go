package performance

import (
	"fmt"
	"github.com/caseplan/caseplan/pkg/calendar"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

// The PIRL rows of the fixture for program year 2025 on day B, worked out
// by hand from the files (see performance_test.go): every participant
// served in the program year or exited in one of its exit cohorts — all
// but E19 (exited 2023-12-31, before both cohorts) and E20 (never a
// participant) — by case ID.
func TestPIRLRows(t *testing.T) {
	rows := PIRLRows(fixture(t), mustPeriod(t, 2025, 0), dayB)
	var ids []string
	for _, r := range rows {
		if len(r) != len(PIRLColumns) {
			t.Fatalf("%s: %d cells, want %d", r[0], len(r), len(PIRLColumns))
		}
		ids = append(ids, r[0])
	}
	want := "E01 E02 E03 E04 E05 E06 E07 E08 E09 E10 E11 E12 E13 E14 E15 E16 E17 E18 E21 E22 E23 E24 P01 P02 P03 P04 P05"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("rows %s\nwant %s", got, want)
	}
	byID := map[string][]string{}
	for _, r := range rows {
		byID[r[0]] = r
	}
	for id, want := range map[string]map[string]string{
		"E01": {"100": "E01", "900": "20230905", "901": "20240215", "923": "00", "1300": "1", "1302": "20231002",
			"1602": "1", "1606": "1", "1618": "1", "1704": "7000.00", "1706": "7600.00",
			"1800": "6", "1801": "20240120", // occupational certification: code 6
			"program": "wioa", "training types": "occupational-skills", "evidence 2nd": "wage-record", "evidence 4th": "wage-record"},
		// A secondary diploma (1800 code 1); employed in Q4 with no employer
		// ID, so 1618 is left for the ID to decide.
		"E22": {"100": "E22", "900": "20231205", "901": "20240628", "923": "00", "1300": "1", "1302": "20240108",
			"1602": "1", "1606": "1", "1704": "5100.00", "1706": "5300.00", "1800": "1", "1801": "20240530",
			"program": "wioa", "training types": "adult-education", "evidence 2nd": "wage-record", "evidence 4th": "wage-record"},
		// Institutionalized: 923 code 01; no training.
		"E04": {"100": "E04", "900": "20231205", "901": "20240620", "923": "01", "1300": "0", "program": "wioa"},
		// Only a subsidised job in Q2: not employed (0), so outside the
		// retention denominator: 1618 does not apply and is blank.
		"E13": {"100": "E13", "900": "20240903", "901": "20250303", "923": "00", "1300": "0", "1602": "0", "program": "wioa"},
		// Employed in Q2 without evidence: that cell stays empty, and so
		// does 1618 (not in the denominator until the evidence is
		// recorded), though Q4 shows no employment.
		"E06": {"100": "E06", "900": "20240109", "901": "20240830", "923": "00", "1300": "1", "1302": "20240205",
			"1606": "0", "1800": "1", "1801": "20240801", "program": "wioa", "training types": "occupational-skills"},
		// Not exited: no 901, 923 or quarters. On-the-job training; a
		// training milestone (1809).
		"P02": {"100": "P02", "900": "20250801", "1300": "1", "1302": "20250815", "1809": "20260301",
			"program": "wioa", "training types": "on-the-job"},
		// An educational functioning level gain (1806).
		"P01": {"100": "P01", "900": "20250304", "1300": "1", "1302": "20250501", "1806": "20250910",
			"program": "wioa", "training types": "occupational-skills"},
	} {
		for i, col := range PIRLColumns {
			key, _, _ := strings.Cut(strings.TrimPrefix(col, "caseplan: "), " ")
			switch {
			case strings.HasPrefix(col, "caseplan: evidence"):
				key = "evidence " + strings.Fields(col)[2]
			case strings.HasPrefix(col, "caseplan: training"):
				key = "training types"
			case col == "caseplan: case":
				want[key] = id
			}
			if got := byID[id][i]; got != want[key] {
				t.Errorf("%s %s = %q, want %q", id, col, got, want[key])
			}
		}
	}
	// Element numbers are in order, caseplan's own columns last.
	prev := 0
	for i, c := range PIRLColumns {
		var n int
		if _, err := fmtSscan(c, &n); err != nil {
			if !strings.HasPrefix(c, "caseplan: ") || i < 20 {
				t.Errorf("column %q is neither a PIRL element nor caseplan's", c)
			}
			continue
		}
		if n <= prev {
			t.Errorf("column %q out of element order", c)
		}
		prev = n
	}
}

func fmtSscan(s string, n *int) (int, error) { return fmt.Sscan(s, n) }

// TestPIRLRowsReturning: a participant who exited and came back has a
// row for each period of participation, both under the first period's
// case ID (PIRL 100 stays the same across periods, TEGL 10-16), in the
// order of their participation dates; a third case of another person
// keeps its own.
func TestPIRLRowsReturning(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	all := []Facts{
		{Case: "Z-LATER", ReturningFrom: "A-FIRST", Program: "wioa", Participant: true, Participation: d("2025-11-03")},
		{Case: "A-FIRST", Program: "wioa", Participant: true, Participation: d("2025-01-06"), Exit: d("2025-06-30")},
		{Case: "M-OTHER", Program: "wioa", Participant: true, Participation: d("2025-02-03")},
	}
	var got []string
	for _, r := range PIRLRowsOf(all, mustPeriod(t, 2025, 0)) {
		got = append(got, r[0]+" "+r[1]+" "+r[2]+" "+r[len(r)-1])
	}
	// The last column names the case each row was read from, so the
	// later period's row is traced to Z-LATER, not only to its person.
	want := "A-FIRST 20250106 20250630 A-FIRST|A-FIRST 20251103  Z-LATER|M-OTHER 20250203  M-OTHER"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("rows\n%s\nwant\n%s", s, want)
	}
}

// TestRetentionCodeOutsideDenominator: PIRL 1618 is 1 or 0 only for the
// exiters the retention indicator counts — employed in the 2nd quarter
// after exit, not excluded (TEGL 10-16, Change 1); for the others it does
// not apply and is blank, never a 0 that reads as "not retained".
func TestRetentionCodeOutsideDenominator(t *testing.T) {
	exit := time.Date(2024, 2, 15, 0, 0, 0, 0, time.UTC)
	acme := []Employer{{Name: "Acme", FEIN: "00-0000101"}}
	other := []Employer{{Name: "Other", FEIN: "00-0000999"}}
	mk := func(q2, q4 Employment, e2, e4 []Employer, excluded bool) Facts {
		f := Facts{Case: "X", Participant: true, Exit: exit}
		f.Quarters[2] = Quarter{K: 2, Employment: q2, Employers: e2}
		f.Quarters[4] = Quarter{K: 4, Employment: q4, Employers: e4}
		if excluded {
			f.Exclusion = &record.Exclusion{Kind: record.ExclusionDeceased, Date: "2024-06-01"}
		}
		return f
	}
	for _, c := range []struct {
		name string
		f    Facts
		want string
	}{
		{"retained", mk(Employed, Employed, acme, acme, false), "1"},
		{"another employer", mk(Employed, Employed, acme, other, false), "0"},
		{"not employed in Q4", mk(Employed, NotEmployed, acme, nil, false), "0"},
		{"Q4 not known yet", mk(Employed, NoFollowUp, acme, nil, false), ""},
		{"not employed in Q2", mk(NotEmployed, Employed, nil, acme, false), ""},
		{"not employed in Q2 or Q4", mk(NotEmployed, NotEmployed, nil, nil, false), ""},
		{"Q2 without evidence", mk(Undocumented, NotEmployed, acme, nil, false), ""},
		{"excluded, not retained", mk(Employed, NotEmployed, acme, nil, true), ""},
		{"excluded, retained", mk(Employed, Employed, acme, acme, true), ""},
	} {
		if got := retentionCode(c.f); got != c.want {
			t.Errorf("%s: 1618 = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPIRLRowsExitAfterPeriod: a participant served in program year 2025
// (to 2026-06-30) who exited after it had not exited in it: the row is
// there, with no exit (901), exit reason (923) or quarters after exit;
// an exit on the program year's last day is the year's.
func TestPIRLRowsExitAfterPeriod(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	after := Facts{Case: "A-AFTER", Program: "wioa", Participant: true, Participation: d("2025-09-02"), Exit: d("2026-07-01")}
	after.Quarters[1] = Quarter{K: 1, Employment: NotEmployed}
	last := Facts{Case: "B-LAST", Program: "wioa", Participant: true, Participation: d("2025-09-02"), Exit: d("2026-06-30")}
	var got []string
	for _, r := range PIRLRowsOf([]Facts{after, last}, mustPeriod(t, 2025, 0)) {
		got = append(got, strings.Join(r[:10], ","))
	}
	want := "A-AFTER,20250902,,,0,,,,,|B-LAST,20250902,20260630,00,0,,,,,"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("rows\n%s\nwant\n%s", s, want)
	}
	// The quarterly export ends with its quarter: an exit after it is not
	// the quarter's either.
	got = nil
	for _, r := range PIRLRowsOf([]Facts{last}, mustPeriod(t, 2025, 3)) {
		got = append(got, strings.Join(r[:4], ","))
	}
	if s, want := strings.Join(got, "|"), "B-LAST,20250902,,"; s != want {
		t.Errorf("quarter 3 rows %s, want %s", s, want)
	}
}

// TestPIRLRowsEveryCaseCounted: the export has a row for every
// participant the report counts (in an indicator's numerator or
// denominator, excluded, or not yet in its cohort), for the program year
// and each of its quarters. Measurable skill gains counts, for a
// quarterly report, the participants in training from the program year's
// start to the quarter's end (TEGL 14-18, Appendix V), some of whom
// exited before the quarter began.
func TestPIRLRowsEveryCaseCounted(t *testing.T) {
	snap := fixture(t)
	for q := 0; q <= 4; q++ {
		period := mustPeriod(t, 2025, q)
		rows := map[string]bool{}
		for _, r := range PIRLRows(snap, period, dayB) {
			rows[r[0]] = true
		}
		for _, ind := range Compute(snap, period, dayB).Indicators {
			for _, c := range ind.Cases {
				if c.Status != NotCounted && !rows[c.Case] {
					t.Errorf("quarter %d: %s counts %s (%s), which has no PIRL row", q, ind.Key, c.Case, c.Status)
				}
			}
		}
	}
}

// TestPIRLRowsAsOfPeriodEnd: every element of a row is the participant
// as of the period's end, not only the exit. Training started, a
// credential attained, a skill gain made, an exclusion or a quarter after
// exit that began after it are not in the period's row; a follow-up made
// after the period's end on a quarter in it is (the wage record arrives
// late). The quarterly export ends with its quarter alike.
func TestPIRLRowsAsOfPeriodEnd(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	earn := 6100.0
	open := Facts{Case: "A-OPEN", Program: "wioa", Participant: true, Participation: d("2025-09-02"),
		Training: []record.PlanService{
			{Code: "T1", Start: "2025-10-06", TrainingType: record.TrainingOccupationalSkills},
			{Code: "T2", Start: "2026-08-03", TrainingType: record.TrainingOnTheJob},
		},
		Credentials: []record.Credential{{Kind: record.CredentialKinds[5], Date: "2026-05-29"}, {Kind: record.CredentialKinds[3], Date: "2026-07-15"}},
		Gains:       []record.SkillGain{{Kind: gainElements[3], Date: "2026-03-02"}, {Kind: gainElements[3], Date: "2026-07-20"}, {Kind: gainElements[4], Date: "2026-08-10"}},
	}
	// Exited in the 3rd quarter of the program year: its 1st quarter after
	// exit (April to June) is the year's, recorded late; its 2nd (July to
	// September) and an exclusion in it are the next year's.
	exit := d("2026-02-27")
	exited := Facts{Case: "B-EXIT", Program: "wioa", Participant: true, Participation: d("2025-08-04"), Exit: exit,
		Exclusion: &record.Exclusion{Kind: record.ExclusionInstitutionalized, Date: "2026-08-20"}}
	for k := 1; k <= 4; k++ {
		first, last := calendar.QuarterAfterExit(exit, k)
		exited.Quarters[k] = Quarter{K: k, Span: calendar.Span{From: first, To: last}, Employment: Employed, Earnings: &earn, Evidence: "wage-record", Late: k == 1}
	}
	rows := func(q int) string {
		var got []string
		for _, r := range PIRLRowsOf([]Facts{open, exited}, mustPeriod(t, 2025, q)) {
			got = append(got, strings.Join(r[:28], ","))
		}
		return strings.Join(got, "\n")
	}
	want := "A-OPEN,20250902,,,1,20251006,,,,,,,,,,6,20260529,,,,,,,,20260302,,wioa,occupational-skills\n" +
		"B-EXIT,20250804,20260227,00,0,,1,,,,,6100.00,,,,,,,,,,,,,,,wioa,"
	if got := rows(0); got != want {
		t.Errorf("program year rows\n%s\nwant\n%s", got, want)
	}
	// Quarter 3 (January to March 2026): the certification of May and the
	// 1st quarter after exit (from April) come after it.
	want = "A-OPEN,20250902,,,1,20251006,,,,,,,,,,,,,,,,,,,20260302,,wioa,occupational-skills\n" +
		"B-EXIT,20250804,20260227,00,0,,,,,,,,,,,,,,,,,,,,,,wioa,"
	if got := rows(3); got != want {
		t.Errorf("quarter 3 rows\n%s\nwant\n%s", got, want)
	}
}

// TestPIRLRowsTrainingAfterExit: PIRL 1300/1302 and the training types
// are the training received during participation, as credential
// attainment counts it: a training service started after the exit (a
// record of another period) does not make the row "received training"
// while the indicator leaves the exiter out for having none.
func TestPIRLRowsTrainingAfterExit(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	f := Facts{Case: "C-AFTER", Program: "wioa", Participant: true, Participation: d("2025-08-04"), Exit: d("2026-02-27"),
		Training: []record.PlanService{{Code: "T1", Start: "2026-03-16", TrainingType: record.TrainingOccupationalSkills}}}
	rows := PIRLRowsOf([]Facts{f}, mustPeriod(t, 2025, 0))
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	if got := strings.Join(append(rows[0][4:6:6], rows[0][27]), ","); got != "0,," {
		t.Errorf("1300, 1302, training types = %s, want 0,,", got)
	}
}
