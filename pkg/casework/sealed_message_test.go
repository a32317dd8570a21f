package casework

import (
	"testing"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/record"
)

// TestResealedMessage: a sealed set's message, given the team its copy is
// sealed to, names that team in its subject and keeps its trailers; any
// other commit's message, or another case's, is left as it is.
func TestResealedMessage(t *testing.T) {
	team := []record.Staff{{ID: "mbell"}, {ID: "alucero"}}
	orig := audit.Message([]string{"W-1"}, audit.ActionSealedSet, sealedSummary([]record.Staff{{ID: "mbell"}, {ID: "alucero"}, {ID: "nferreira"}}))
	want := audit.Message([]string{"W-1"}, audit.ActionSealedSet, "update the sealed fields (readable by mbell, alucero)")
	if got := ResealedMessage(orig, "W-1", team); got != want {
		t.Errorf("ResealedMessage = %q\nwant %q", got, want)
	}
	if _, action, ok := audit.Trailers(ResealedMessage(orig, "W-1", team)); !ok || action != audit.ActionSealedSet {
		t.Errorf("trailers lost: %q %v", action, ok)
	}
	for _, msg := range []string{
		audit.Message([]string{"W-1"}, audit.ActionNoteAdd, "add a contact note"),
		audit.Message([]string{"W-1"}, audit.ActionSealedSet, "clear the sealed fields"),
	} {
		if got := ResealedMessage(msg, "W-1", team); got != msg {
			t.Errorf("ResealedMessage(%q) = %q, want it unchanged", msg, got)
		}
	}
	if got := ResealedMessage(orig, "W-2", team); got != orig {
		t.Errorf("another case's message changed: %q", got)
	}
}
