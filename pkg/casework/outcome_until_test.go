package casework

import (
	"errors"
	"testing"
	"time"
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
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
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

	apply((&RequestExtension{Case: "WS-1", Date: day("2026-09-30")}).Build)
	refused(decide("2026-10-01", "2026-10-20"),
		"--until 2026-10-20 does not extend the work security period, which an approved extension already runs to 2026-10-28",
		"the approved extension already reaches the longest the committee may approve (2026-10-28, document 000): record the decision with --denied")
}
