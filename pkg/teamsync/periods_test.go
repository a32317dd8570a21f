package teamsync

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// A change to an earlier period that breaks a later one the other clone
// opened is refused by sync's check of the combination, though the
// change names only the earlier case: alice moves W-001's exit after the
// day bob's W-002, returning from it, opened.
func TestSyncRefusesChangedEarlierPeriod(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.apply(nil, casework.NewCase{ID: "W-001", Program: record.ProgramWIOA, Name: "Ana Example", Opened: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)}.Build)
	exit := &casework.ExitCase{Case: id, Date: time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)}
	a.apply([]string{id}, exit.Build)
	a.sync()
	b := cloneAs(t, url, bob)
	b.apply(nil, casework.NewCase{ID: "W-002", Program: record.ProgramWIOA, Opened: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), ReturningFrom: id}.Build)
	b.sync()

	intake := "cases/" + id + "/intake.yaml"
	edited := strings.Replace(a.read(intake), "exited: 2026-01-20", "exited: 2026-03-10", 1)
	writeIn(t, a.dir, intake, edited)
	repo := a.open()
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	ws := &casework.Workspace{Repo: repo, Schemas: v, Today: today, Author: a.author, Now: time.Now, Keys: a.keys}
	if _, err := ws.CommitEdits("W-001: the exit was later"); err != nil {
		t.Fatal(err) // alice's clone has no W-002 yet
	}
	repo.Close()
	mine := a.head()

	_, err = a.trySync()
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("sync = %v, want the combination refused", err)
	}
	found := false
	for _, f := range refused.Findings {
		found = found || (f.Rule == validate.RuleReturning && f.Case == "W-002")
	}
	if !found {
		t.Errorf("findings %v lack %s on W-002", refused.Findings, validate.RuleReturning)
	}
	if a.head() != mine {
		t.Error("a refused sync moved alice's clone")
	}
}
