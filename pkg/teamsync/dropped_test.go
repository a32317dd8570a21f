package teamsync

import (
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// TestDroppedCommitWhy: a dropped commit whose record value lost to the
// remote's says which field of which file, where it is read back and the
// command that sets it again; one the remote had already says so.
func TestDroppedCommitWhy(t *testing.T) {
	h := plumbing.NewHash("0123456789abcdef0123456789abcdef01234567")
	d := DroppedCommit{Commit: h, Lost: []Conflict{{
		FieldConflict: FieldConflict{Field: "participant.phone", At: []string{"participant", "phone"}, Local: "555-0199", Kept: "555-0100"},
		Path:          "cases/W-1/intake.yaml", LocalCommit: h,
	}}}
	why := d.Why("refs/caseplan/refused/" + h.String())
	for _, want := range []string{
		"Commit 0123456789ab was dropped, not sent",
		"its change to participant.phone of cases/W-1/intake.yaml was lost to the remote's",
		"git show refs/caseplan/refused/" + h.String() + ":cases/W-1/intake.yaml",
		"set it again: caseplan case set W-1 --phone 555-0199",
	} {
		if !strings.Contains(why, want) {
			t.Errorf("why = %q\nwant it to hold %q", why, want)
		}
	}
	if why := (DroppedCommit{Commit: h}).Why(""); !strings.Contains(why, "the remote's commits already make its changes") {
		t.Errorf("why = %q", why)
	}
}
