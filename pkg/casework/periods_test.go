package casework

import (
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/store"
)

// A case that may continue a changed period of participation but cannot
// be read — its directory unreadable, as after chmod 000 — is not taken
// for a case that continues none: the write that changes the period is
// refused, naming it, rather than committed unchecked against it.
func TestLaterPeriodsUnreadableCase(t *testing.T) {
	isolateHome(t)
	dir, _ := cached(t, "returning", func(t *testing.T, dir string) string {
		ws := openWorkspace(t, dir, maria)
		if _, err := ws.Apply(nil, NewCase{ID: "W-001", Program: "wioa", Name: "Ana Example", Opened: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)}.Build); err != nil {
			t.Fatal(err)
		}
		exit := &ExitCase{Case: "W-001", Date: time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)}
		if _, err := ws.Apply([]string{"W-001"}, exit.Build); err != nil {
			t.Fatal(err)
		}
		if _, err := ws.Apply(nil, NewCase{ID: "W-002", Program: "wioa", Opened: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), ReturningFrom: "W-001"}.Build); err != nil {
			t.Fatal(err)
		}
		return ""
	})
	work, err := store.NewWorkTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	intake := "cases/W-001/intake.yaml"
	data := readTestFile(t, dir, intake)
	if !strings.Contains(data, "exited: 2026-01-20") {
		t.Fatalf("W-001's intake has no exit:\n%s", data)
	}
	files := map[string][]byte{intake: []byte(strings.Replace(data, "exited: 2026-01-20", "exited: 2026-03-10", 1))}
	load := func(src store.Source) loadedStore {
		snap, loaded, err := store.Load(src, []string{"W-001"})
		if err != nil {
			t.Fatal(err)
		}
		return loadedStore{snap, loaded, src}
	}

	// Readable, W-002 is checked with W-001.
	_, after, err := withLaterPeriods(load(work), load(newOverlay(work, files)))
	if err != nil || after.snap.Case("W-002") == nil {
		t.Fatalf("withLaterPeriods: W-002 loaded %v, err %v; want it loaded", after.snap.Case("W-002") != nil, err)
	}
	// Unreadable, it is an error naming it.
	broken := listFails{work, "cases/W-002"}
	_, after, err = withLaterPeriods(load(broken), load(newOverlay(broken, files)))
	if err == nil || !strings.Contains(err.Error(), "cases/W-002") {
		t.Fatalf("withLaterPeriods with cases/W-002 unreadable: err %v (W-002 loaded %v); want an error naming cases/W-002", err, after.snap.Case("W-002") != nil)
	}
}

// TestNewCaseReturningProgram: a returning participant's new period is
// the earlier case's program when --program is left out (TEGL 10-16: a
// period of participation continues the program's), as its name is.
func TestNewCaseReturningProgram(t *testing.T) {
	dir := initTestStore(t)
	ws := openWorkspace(t, dir, maria)
	ws.Today = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	if _, err := ws.Apply(nil, NewCase{ID: "W-001", Program: "wioa", Name: "Ana Example", Opened: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)}.Build); err != nil {
		t.Fatal(err)
	}
	exit := &ExitCase{Case: "W-001", Date: time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)}
	if _, err := ws.Apply([]string{"W-001"}, exit.Build); err != nil {
		t.Fatal(err)
	}
	res, err := ws.Apply(nil, NewCase{ID: "W-002", ReturningFrom: "W-001"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Change.Summary; !strings.Contains(got, "open case (wioa,") {
		t.Errorf("summary %q, want the earlier case's program", got)
	}
	if data := readTestFile(t, dir, "cases/W-002/intake.yaml"); !strings.Contains(data, "\nprogram: wioa\n") || !strings.Contains(data, "\nreturning_from: W-001\n") {
		t.Errorf("W-002's intake:\n%s", data)
	}
}
