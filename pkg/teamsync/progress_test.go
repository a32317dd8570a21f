package teamsync

import (
	"context"
	"testing"

	"github.com/caseplan/caseplan/schemas"
)

// TestSyncProgress is issue 12: each check of a history with verify's
// rules tells Options.Progress how far it has come, so sync's first run
// on a long history can show a meter on a terminal.
func TestSyncProgress(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	b.addNote(id, "Called about the job fair")
	b.addNote(id, "Reviewed the resume together")
	repo := b.open()
	defer repo.Close()
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	var calls [][2]int
	_, err = Sync(context.Background(), Options{Repo: repo, Remote: b.remote, Merge: RecordMerger, Schemas: v, Today: today,
		Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{2, 2} {
		t.Errorf("progress calls %v, want the last to be 2 of 2 commits (the two notes to send)", calls)
	}
}
