package teamsync

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/schemas"
)

// commitEdits commits the clone's hand edits as caseplan commit does.
func (c *clone) commitEdits(message string) error {
	repo := c.open()
	defer repo.Close()
	v, err := schemas.Compile()
	if err != nil {
		return err
	}
	c.clock = c.clock.Add(time.Minute)
	when := c.clock
	ws := &casework.Workspace{Repo: repo, Schemas: v, Today: today, Author: c.author, Now: func() time.Time { return when }, Keys: c.keys}
	_, err = ws.CommitEdits(message)
	return err
}

// A change to a store-level record (a cohort, here removed) is judged
// with the cases that name it, though it names no case itself: bob's case
// names the cohort alice removes, each clone's commit is valid on its
// own, and only the combination leaves the case naming a cohort the store
// does not have (unknown-cohort). CheckMerged checks no case for it (the
// commits change none), and the check of the commits sync would push
// (verify) refuses it; this keeps it so.
func TestSyncRefusesRemovedCohortACaseNames(t *testing.T) {
	_, url, a := newTeam(t)
	const cohort = "cases/cohorts/2026-ACME.yaml"
	writeIn(t, a.dir, cohort, "id: 2026-ACME\nemployer: Acme Example Works\nnotice_date: 2026-03-02\nlayoff_dates: [2026-05-01]\n")
	if err := a.commitEdits("Cohort 2026-ACME"); err != nil {
		t.Fatal(err)
	}
	a.sync()

	b := cloneAs(t, url, bob)
	id := b.newCase("W-001", "Ana Example")
	intake := "cases/" + id + "/intake.yaml"
	writeIn(t, b.dir, intake, b.read(intake)+"cohort: 2026-ACME\n")
	if err := b.commitEdits("W-001 is of cohort 2026-ACME"); err != nil {
		t.Fatal(err)
	}
	b.sync()

	if err := os.Remove(filepath.Join(a.dir, filepath.FromSlash(cohort))); err != nil {
		t.Fatal(err)
	}
	if err := a.commitEdits("Remove cohort 2026-ACME"); err != nil {
		t.Fatal(err) // alice's clone has no case of the cohort yet
	}
	mine := a.head()
	_, err := a.trySync()
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("sync = %v, want the combination refused", err)
	}
	found := false
	for _, f := range refused.Findings {
		found = found || (f.Rule == "unknown-cohort" && f.Case == id)
	}
	if !found {
		t.Errorf("findings %v lack unknown-cohort on %s", refused.Findings, id)
	}
	if a.head() != mine {
		t.Error("a refused sync moved alice's clone")
	}
	if st := a.git("status", "--porcelain"); strings.TrimSpace(st) != "" {
		t.Errorf("a refused sync changed alice's work tree:\n%s", st)
	}
}
