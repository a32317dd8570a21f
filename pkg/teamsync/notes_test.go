package teamsync

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// Two clones that draw one note ID for one case on one day both keep
// their note: the second to sync gives its own, never published, a new
// ID, and what its commits say of the note (an amendment, an action item
// closed in the plan, the commit messages) follows it.
func TestSyncRenamesANoteMadeInBothClones(t *testing.T) {
	_, url, a := newTeam(t)
	a.newCase("W-1", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)

	same := bytes.Repeat([]byte{7}, 4) // both draw the same suffix
	a.rand = bytes.NewReader(same)
	mine := a.addNote("W-1", "Called about the job fair")
	a.rand = nil
	b.rand = bytes.NewReader(same)
	theirs := b.apply([]string{"W-1"}, casework.AddNote{Case: "W-1", Note: record.Note{
		Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"job-search"}, Content: "Discussed the resume",
		Actions: []record.Action{{Owner: "participant", Text: "Send the resume"}},
	}}.Build)
	b.rand = nil
	if mine != theirs {
		t.Fatalf("the clones drew %s and %s; the test needs one ID", mine, theirs)
	}
	amendment := b.apply([]string{"W-1"}, casework.AddNote{Case: "W-1", Note: record.Note{
		Kind: "amendment", Mode: "none", Amends: theirs, Content: "The call was on Monday",
	}}.Build)
	b.apply([]string{"W-1"}, casework.CloseActionItem{Case: "W-1", Note: theirs, Item: 1, Status: "done"}.Build)
	a.sync()

	res := b.sync()
	if len(res.Renamed) != 1 || res.Renamed[0].Case != "W-1" || res.Renamed[0].From != theirs || res.Renamed[0].To == theirs {
		t.Fatalf("Renamed = %+v, want W-1's %s renamed", res.Renamed, theirs)
	}
	renamed := res.Renamed[0].To
	if !strings.HasPrefix(renamed, "2026-03-16-") {
		t.Errorf("new ID %s does not start with the note's date", renamed)
	}
	if res.Sent != 3 {
		t.Errorf("Sent = %d, want 3", res.Sent)
	}
	if got := b.read(layout.Note("W-1", theirs)); !strings.Contains(got, "job fair") {
		t.Errorf("%s is not alice's note:\n%s", theirs, got)
	}
	got := b.read(layout.Note("W-1", renamed))
	if !strings.Contains(got, "id: "+renamed+"\n") || !strings.Contains(got, "Discussed the resume") {
		t.Errorf("%s is not bob's note under its new ID:\n%s", renamed, got)
	}
	if got := b.read(layout.Note("W-1", amendment)); !strings.Contains(got, "amends: "+renamed+"\n") {
		t.Errorf("the amendment does not name the new ID:\n%s", got)
	}
	if got := b.read(casework.PlanPath("W-1")); !strings.Contains(got, "note: "+renamed+"\n") || strings.Contains(got, theirs) {
		t.Errorf("the plan's action item does not name the new ID:\n%s", got)
	}
	log := b.git("log", "--format=%s", "-3")
	if !strings.Contains(log, "amend note "+renamed) || !strings.Contains(log, "mark action "+renamed+"#1") || strings.Contains(log, theirs) {
		t.Errorf("the messages do not name the new ID:\n%s", log)
	}
	b.assertClean()
	a.sync()
	a.assertClean()
	if got := a.read(layout.Note("W-1", renamed)); !strings.Contains(got, "Discussed the resume") {
		t.Errorf("alice has no %s:\n%s", renamed, got)
	}
}

// Only a whole note ID is replaced: not one that is part of a longer ID.
func TestReplaceNoteID(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"id: 2026-03-16-5xjb\n", "id: 2026-03-16-k2p9\n"},
		{"action 2026-03-16-5xjb#2 done", "action 2026-03-16-k2p9#2 done"},
		{"notes/2026-03-16-5xjb.yaml", "notes/2026-03-16-k2p9.yaml"},
		{"id: 2026-03-16-5xjbx\n", "id: 2026-03-16-5xjbx\n"},
		{"x2026-03-16-5xjb", "x2026-03-16-5xjb"},
		{"2026-03-16-5xjb 2026-03-16-5xjb", "2026-03-16-k2p9 2026-03-16-k2p9"},
	} {
		if got := string(replaceNoteID([]byte(c.in), "2026-03-16-5xjb", "2026-03-16-k2p9")); got != c.want {
			t.Errorf("replaceNoteID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A sync stopped after it pushed a renamed note, run again, draws the
// same new ID (from the note's own bytes), finds its copy on the remote
// and does not send the note a second time.
func TestSyncRenameAfterStoppedPush(t *testing.T) {
	_, url, a := newTeam(t)
	a.newCase("W-1", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	same := bytes.Repeat([]byte{9}, 4)
	a.rand = bytes.NewReader(same)
	a.addNote("W-1", "Called about the job fair")
	a.rand = nil
	b.rand = bytes.NewReader(same)
	b.addNote("W-1", "Discussed the resume")
	b.rand = nil
	a.sync()

	stopped := errors.New("stopped")
	if _, err := b.trySyncWith(func(func() error) error { return stopped }); !errors.Is(err, stopped) {
		t.Fatalf("stopped sync: %v", err)
	}
	r := b.sync()
	if len(r.Renamed) != 1 || r.AlreadySent != 1 || r.Sent != 0 {
		t.Errorf("sync after the stopped one = %+v; want the note renamed as before, 1 already sent, 0 sent", r)
	}
	if got := b.git("log", "--format=%an|%s", "HEAD"); strings.Count(got, "Bob Brown|") != 1 {
		t.Errorf("bob's commits in the history:\n%s", got)
	}
	b.assertClean()
}
