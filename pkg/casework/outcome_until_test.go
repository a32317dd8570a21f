package casework

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
)

// TestDecideExtensionUntilExtends: an approval must move the period's last
// day. Once an extension is approved, a second approval ending on or before
// it would be recorded "approved until" a day the period has passed already
// and change nothing, so it is refused with the days --until may take; once
// an approval reaches the longest extension, only --denied is left.
func TestDecideExtensionUntilExtends(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	w := openWorkspace(t, dir, maria)
	w.Today = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	apply := func(build Build) {
		t.Helper()
		if _, err := w.Apply([]string{"WS-1"}, build); err != nil {
			t.Fatal(err)
		}
	}
	decide := func(date, until string) error {
		_, err := w.Apply([]string{"WS-1"}, DecideExtension{Case: "WS-1", Date: day(date), Approved: true,
			Until: day(until), By: "Joint Work Security Committee"}.Build)
		return err
	}
	refused := func(err error, msg, hint string) {
		t.Helper()
		var input *InputError
		if !errors.As(err, &input) {
			t.Fatalf("got %v, want an input error", err)
		}
		if input.Msg != msg || input.Hint != hint {
			t.Errorf("got %q (hint %q),\nwant %q (hint %q)", input.Msg, input.Hint, msg, hint)
		}
	}
	// The layoff is on 2026-05-01; the period ends on 2026-07-30 and the
	// longest extension on 2026-10-28.
	if _, err := w.Apply(nil, NewCase{ID: "WS-1", Program: "work-security", Name: "Sam Sample",
		Opened: day("2026-03-02"), NoticeDate: day("2026-03-02"), LayoffDate: day("2026-05-01")}.Build); err != nil {
		t.Fatal(err)
	}
	apply((&RequestExtension{Case: "WS-1", Date: day("2026-07-20")}).Build)
	refused(decide("2026-07-24", "2026-07-30"),
		"--until 2026-07-30 does not extend the work security period, which ends on 2026-07-30",
		"an approval ends after 2026-07-30 and on or before 2026-10-28, the longest extension the committee may approve (document 000); type --until DATE between them, or --denied")
	if err := decide("2026-07-24", "2026-09-15"); err != nil {
		t.Fatal(err)
	}

	apply((&RequestExtension{Case: "WS-1", Date: day("2026-09-01")}).Build)
	refused(decide("2026-09-04", "2026-09-10"),
		"--until 2026-09-10 does not extend the work security period, which an approved extension already runs to 2026-09-15",
		"an approval ends after 2026-09-15 and on or before 2026-10-28, the longest extension the committee may approve (document 000); type --until DATE between them, or --denied")
	if err := decide("2026-09-04", "2026-10-28"); err != nil {
		t.Fatal(err)
	}

	// The longest extension is reached: a request is refused
	// (TestExtensionRefusalsSayWhatIsAllowed), and a request left
	// pending from before — a hand edit, a setting changed — can only be
	// refused.
	p := calendar.WorkSecurityPeriod{End: day("2026-07-30"), ExtendedUntil: day("2026-10-28"), Longest: day("2026-10-28")}
	refused(untilExtends(p, day("2026-10-20")),
		"--until 2026-10-20 does not extend the work security period, which an approved extension already runs to 2026-10-28",
		"the approved extension already reaches the longest the committee may approve (2026-10-28, document 000): record the decision with --denied")
}

// TestExtensionRefusalsSayWhatIsAllowed: each refusal of a request or a
// decision names the days it would take. A request made once an approval
// reaches the longest extension (000: "up to three additional months")
// is refused, as only a refusal could answer it; one dated before the
// layoff names the layoff date; --approved without --until, and an
// --until past the longest extension, name the days --until may take.
func TestExtensionRefusalsSayWhatIsAllowed(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	w := openWorkspace(t, dir, maria)
	w.Today = time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)
	apply := func(build Build) error {
		t.Helper()
		_, err := w.Apply([]string{"WS-1"}, build)
		return err
	}
	refused := func(err error, msg, hint string) {
		t.Helper()
		var input *InputError
		if !errors.As(err, &input) {
			t.Fatalf("got %v, want an input error", err)
		}
		if input.Msg != msg || input.Hint != hint {
			t.Errorf("got %q (hint %q),\nwant %q (hint %q)", input.Msg, input.Hint, msg, hint)
		}
	}
	// The layoff is on 2026-05-01; the period ends on 2026-07-30 and the
	// longest extension on 2026-10-28.
	if _, err := w.Apply(nil, NewCase{ID: "WS-1", Program: "work-security", Name: "Sam Sample",
		Opened: day("2026-03-02"), NoticeDate: day("2026-03-02"), LayoffDate: day("2026-05-01")}.Build); err != nil {
		t.Fatal(err)
	}
	refused(apply((&RequestExtension{Case: "WS-1", Date: day("2026-04-20")}).Build),
		"--date 2026-04-20 is before the layoff date 2026-05-01; the work security period starts on the layoff date",
		"a request is taken from the layoff date on: type --date 2026-05-01 or later")
	if err := apply((&RequestExtension{Case: "WS-1", Date: day("2026-07-20")}).Build); err != nil {
		t.Fatal(err)
	}
	refused(apply(DecideExtension{Case: "WS-1", Date: day("2026-07-24"), Approved: true, By: "JWSC"}.Build),
		"--approved needs --until, the extension's last day",
		"an approval ends after 2026-07-30 and on or before 2026-10-28, the longest extension the committee may approve (document 000); type --until DATE between them, or --denied")
	// Past the longest extension the ws-extension rule refuses it (exit
	// 1); the hint says how far --until may go.
	err := apply(DecideExtension{Case: "WS-1", Date: day("2026-07-24"), Approved: true, Until: day("2026-11-30"), By: "JWSC"}.Build)
	var invalid *RefusedError
	if !errors.As(err, &invalid) {
		t.Fatalf("got %v, want a refusal", err)
	}
	if got, want := invalid.HintFor([]string{"--until"}), "correct --until and run the command again: an approval ends after 2026-07-30 and on or before 2026-10-28, the longest extension the committee may approve (document 000); type --until DATE between them, or --denied"; got != want {
		t.Errorf("hint %q\nwant %q", got, want)
	}
	if err := apply(DecideExtension{Case: "WS-1", Date: day("2026-07-24"), Approved: true, Until: day("2026-10-28"), By: "JWSC"}.Build); err != nil {
		t.Fatal(err)
	}
	before := captureState(t, dir)
	refused(apply((&RequestExtension{Case: "WS-1", Date: day("2026-10-20")}).Build),
		"case WS-1's approved extension already runs to 2026-10-28, the longest the Joint Work Security Committee may approve (document 000: up to three additional months); a further extension cannot be approved",
		"nothing is left to request: the job search ends on 2026-10-28; without a placement by then, the candidate is separated from 2026-10-29 (record it then with caseplan case close WS-1 --date DATE --reason separated)")
	assertSameState(t, before, captureState(t, dir))
}

// TestSentences: notes typed after a sentence start with a capital, and
// no other letter typed changes.
func TestSentences(t *testing.T) {
	for _, tt := range []struct{ text, more, want string }{
		{"Approved.", "regular contact and applications; JWSC met", "Approved. Regular contact and applications; JWSC met"},
		{"Approved.", "  éligible again ", "Approved. Éligible again"},
		{"Approved.", "Three months", "Approved. Three months"},
		{"Approved.", "", "Approved."},
		{"Approved.", "3 months", "Approved. 3 months"},
		{"Approved:", "three months", "Approved: three months"},
	} {
		if got := sentences(tt.text, tt.more); got != tt.want {
			t.Errorf("sentences(%q, %q) = %q, want %q", tt.text, tt.more, got, tt.want)
		}
	}
}

// TestDecideExtensionSlips: the slips of a busy supervisor are refused
// with what to type. A decision dated before the request names the first
// day it may take; an --until typed as a length (2m, 60: the committee
// speaks in months, 000) names the day each reading gives, counted from
// the period's last day.
func TestDecideExtensionSlips(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	w := openWorkspace(t, dir, maria)
	w.Today = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	refused := func(dx DecideExtension, msg, hint string) {
		t.Helper()
		_, err := w.Apply([]string{"WS-1"}, dx.Build)
		var input *InputError
		if !errors.As(err, &input) {
			t.Fatalf("got %v, want an input error", err)
		}
		if input.Msg != msg || input.Hint != hint {
			t.Errorf("got %q (hint %q),\nwant %q (hint %q)", input.Msg, input.Hint, msg, hint)
		}
	}
	if _, err := w.Apply(nil, NewCase{ID: "WS-1", Program: "work-security", Name: "Sam Sample",
		Opened: day("2026-03-02"), NoticeDate: day("2026-03-02"), LayoffDate: day("2026-05-01")}.Build); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Apply([]string{"WS-1"}, (&RequestExtension{Case: "WS-1", Date: day("2026-07-21")}).Build); err != nil {
		t.Fatal(err)
	}
	refused(DecideExtension{Case: "WS-1", Date: day("2026-07-20"), By: "JWSC"},
		"--date 2026-07-20 is before the request (2026-07-21)",
		"the committee decides after the request: type --date with the day of its decision, 2026-07-21 or later")
	refused(DecideExtension{Case: "WS-1", Date: day("2026-07-24"), Approved: true, UntilLength: "2m", By: "JWSC"},
		`--until "2m": a length, not a date; --until takes the extension's last day, as YYYY-MM-DD`,
		"counted from the work security period's last day, 2026-07-30: did you mean --until 2026-09-30 (2 months)?")
}

// TestLengthHint: each reading of a length the committee may approve,
// counted from the period's last day; a bare number is read as months,
// weeks and days; none left, the days --until may take.
func TestLengthHint(t *testing.T) {
	p := calendar.WorkSecurityPeriod{End: day("2026-07-30"), Longest: day("2026-10-28")}
	extended := p
	extended.ExtendedUntil = day("2026-09-30")
	for _, tt := range []struct {
		p     calendar.WorkSecurityPeriod
		typed string
		want  string
	}{
		{p, "2m", "counted from the work security period's last day, 2026-07-30: did you mean --until 2026-09-30 (2 months)?"},
		{p, "+60 days", "counted from the work security period's last day, 2026-07-30: did you mean --until 2026-09-28 (60 days)?"},
		{p, "1", "counted from the work security period's last day, 2026-07-30: did you mean --until 2026-08-30 (1 month) or --until 2026-08-06 (1 week) or --until 2026-07-31 (1 day)?"},
		{p, "60", "counted from the work security period's last day, 2026-07-30: did you mean --until 2026-09-28 (60 days)?"},
		{extended, "4W", "counted from the approved extension's last day, 2026-09-30: did you mean --until 2026-10-28 (4 weeks)?"},
		{p, "4 months", untilHint(p)},
	} {
		if !IsLength(tt.typed) {
			t.Errorf("IsLength(%q) = false", tt.typed)
		}
		if got := lengthHint(tt.p, tt.typed); got != tt.want {
			t.Errorf("lengthHint(%q) = %q\nwant %q", tt.typed, got, tt.want)
		}
	}
	for _, v := range []string{"2026", "0", "2026-09-30", "9/30", "two months", "2 fortnights", ""} {
		if IsLength(v) {
			t.Errorf("IsLength(%q) = true, want false", v)
		}
	}
}

// TestRequestPastTheLongestExtension: a request dated after the last day
// the longest extension could reach is refused, as only a refusal could
// answer it, naming the separation; one after the period's end but
// within that reach is taken (000 sets the committee no deadline).
func TestRequestPastTheLongestExtension(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	w := openWorkspace(t, dir, maria)
	w.Today = time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC)
	apply := func(build Build) error {
		_, err := w.Apply([]string{"WS-1"}, build)
		return err
	}
	if _, err := w.Apply(nil, NewCase{ID: "WS-1", Program: "work-security", Name: "Sam Sample",
		Opened: day("2026-03-02"), NoticeDate: day("2026-03-02"), LayoffDate: day("2026-05-01")}.Build); err != nil {
		t.Fatal(err)
	}
	before := captureState(t, dir)
	err := apply((&RequestExtension{Case: "WS-1", Date: day("2026-10-29")}).Build)
	var input *InputError
	if !errors.As(err, &input) {
		t.Fatalf("got %v, want an input error", err)
	}
	if want := "--date 2026-10-29 is past 2026-10-28, the last day the longest extension the Joint Work Security Committee may approve could reach (document 000: up to three additional months); the committee could only refuse it"; input.Msg != want {
		t.Errorf("got %q\nwant %q", input.Msg, want)
	}
	if want := "nothing is left to request: the work security period ended on 2026-07-30, and without a placement the candidate is separated from 2026-07-31 (record it with caseplan case close WS-1 --date DATE --reason separated); a request made earlier is recorded with its own --date"; input.Hint != want {
		t.Errorf("hint %q\nwant %q", input.Hint, want)
	}
	assertSameState(t, before, captureState(t, dir))
	res, err := w.Apply([]string{"WS-1"}, (&RequestExtension{Case: "WS-1", Date: day("2026-10-28")}).Build)
	if err != nil {
		t.Fatalf("a request on the longest extension's last day: %v", err)
	}
	// Taken, but late: the command says what that means for the case.
	if want := []string{"the request of 2026-10-28 was made after the work security period ended on 2026-07-30; it is taken (document 000 sets the Joint Work Security Committee no deadline), but the candidate is extension-pending, neither extended nor separated, since 2026-07-31, and the decision, due by 2026-07-30, is already overdue on the tickler\n" +
		"hint: get the committee's decision soon and record it with caseplan extension decide WS-1 --date DATE --by WHO --approved --until DATE, or with --denied in place of --approved --until DATE"}; !slices.Equal(res.Change.Notes, want) {
		t.Errorf("notes %q\nwant %q", res.Change.Notes, want)
	}
}

// TestRequestInTimeSaysNothingLate: a request on the period's last day
// is in time, and the command notes nothing.
func TestRequestInTimeSaysNothingLate(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	w := openWorkspace(t, dir, maria)
	w.Today = time.Date(2026, 7, 30, 0, 0, 0, 0, time.UTC)
	if _, err := w.Apply(nil, NewCase{ID: "WS-1", Program: "work-security", Name: "Sam Sample",
		Opened: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), NoticeDate: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), LayoffDate: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}.Build); err != nil {
		t.Fatal(err)
	}
	res, err := w.Apply([]string{"WS-1"}, (&RequestExtension{Case: "WS-1", Date: w.Today}).Build)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Change.Notes) != 0 {
		t.Errorf("notes %q, want none for a request in time", res.Change.Notes)
	}
}
