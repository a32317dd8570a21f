package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/gitstore"
)

// A host that went silent mid-transfer is unreachable (exit 3), and the
// hint says that running sync again is safe.
func TestSyncErrorOfAStalledHost(t *testing.T) {
	g := &globals{}
	err := g.syncError(&gitstore.RemoteError{URL: "git://host.example/store.git", Kind: gitstore.RemoteUnreachable,
		Err: &gitstore.StalledError{After: 2 * time.Minute}}, nil)
	var h *withHint
	if !errors.As(err, &h) || !strings.Contains(h.h, "safe to run caseplan sync again") {
		t.Fatalf("syncError = %v, want a hint that sync can be run again", err)
	}
	if want := "git://host.example/store.git stopped answering mid-transfer (nothing for 2m0s)"; err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
	if code := exitCode(err); code != 3 {
		t.Errorf("exit status = %d, want 3", code)
	}
}

// sync's help names the two bounds a person waits for, as they are.
func TestSyncHelpNamesItsBounds(t *testing.T) {
	long := newCmdSync(&globals{}, nil).Long
	flat := strings.Join(strings.Fields(long), " ")
	for _, want := range []string{
		fmt.Sprintf("within %d s", int(gitstore.AnswerTimeout.Seconds())),
		fmt.Sprintf("silent for %d minutes", int(gitstore.IdleTimeout.Minutes())),
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("sync --help does not say %q", want)
		}
	}
}

// sync --help names every kind of sync-conflict the merge reports, the
// removal and the layout among them, not only a value changed on both
// sides: a case manager reading it learns what a sync may not keep.
func TestSyncHelpNamesWhatItCannotKeep(t *testing.T) {
	flat := strings.Join(strings.Fields(newCmdSync(&globals{}, nil).Long), " ")
	for _, want := range []string{
		"A field both changed to different values keeps the remote's value",
		"A file removed on one side and changed on the other is kept",
		"a removal stands when the other side changed only layout or comments",
		"a comment or a layout (quoting, key order) this clone gave a record the remote changed too is not kept",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("sync --help does not say %q", want)
		}
	}
}
