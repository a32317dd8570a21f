package teamsync

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casework"
)

// A sync stopped after its push landed and before it moved the clone's
// branch (Ctrl-C, a crash) leaves this clone's commits here and their
// copies on the remote. The next sync finds nothing left to send for
// them: it counts them as sent already, not as changes someone else made
// (Dropped), which would read as if the notes had been lost; a commit
// whose change a colleague made independently is still Dropped.
func TestSyncAfterStoppedPush(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	phone := "555-0101"
	a.apply([]string{id}, casework.SetIntake{Case: id, Phone: &phone}.Build)
	a.addNote(id, "Called about the job fair")
	a.sync()

	note := b.addNote(id, "Reviewed the resume together")
	noteCommit := b.head()
	stopped := errors.New("stopped")
	if _, err := b.trySyncWith(func(func() error) error { return stopped }); !errors.Is(err, stopped) {
		t.Fatalf("stopped sync: %v", err)
	}
	if b.head() != noteCommit {
		t.Fatalf("the stopped sync moved bob's branch")
	}
	// The copy of bob's note is on the host: the push landed.
	if got := b.git("log", "--format=%an|%s", "origin/main"); !strings.Contains(got, "Bob Brown|") {
		t.Fatalf("host's log lacks bob's copy:\n%s", got)
	}
	// Meanwhile bob sets the phone alice set, to the same value: a change
	// the remote had already, made by someone else.
	b.apply([]string{id}, casework.SetIntake{Case: id, Phone: &phone}.Build)
	a.addNote(id, "Sent the job fair list")
	a.sync()

	r := b.sync()
	if r.AlreadySent != 1 || r.Dropped != 1 || r.Sent != 0 || r.Received != 3 {
		t.Errorf("sync after the stopped one = %+v; want 1 already sent, 1 dropped, 0 sent, 3 received (alice's phone and two notes)", r)
	}
	// Bob's note is on the host once.
	if got := b.git("log", "--format=%an|%s", "HEAD"); strings.Count(got, "Bob Brown|") != 1 {
		t.Errorf("bob's commits in the history:\n%s", got)
	}
	if a.sync(); a.head() != b.head() {
		t.Errorf("heads differ: %s and %s", a.head(), b.head())
	}
	if !strings.Contains(a.read("cases/"+id+"/notes/"+note+".yaml"), "id: "+note) {
		t.Errorf("alice lacks bob's note %s", note)
	}
	a.assertClean()
	b.assertClean()
}
