package cli

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
)

// An editor that is not installed is told apart from one that gave the
// edit up: the first wants another EDITOR, the second the edit again.
func TestEditorErrorHint(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the editor is run by sh")
	}
	for _, tt := range []struct {
		editor, hint string
	}{
		{"caseplan-no-such-editor --wait", "caseplan-no-such-editor is not installed here, or not on PATH: set EDITOR (or VISUAL) to an editor that is, e.g. EDITOR=nano caseplan edit W-001 iep"},
		{"false", "the record is as it was: an editor that exits with an error (vim's :cq) gives the edit up; run caseplan edit W-001 iep again, and save and quit the editor to keep a change"},
	} {
		var stderr bytes.Buffer
		err := runEditor(Env{Stdin: strings.NewReader(""), Stdout: &stderr, Stderr: &stderr, Dir: t.TempDir()}, tt.editor, "record.yaml")
		var ee *editorError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: runEditor = %v, want an editorError", tt.editor, err)
		}
		if got := ee.hint("caseplan edit W-001 iep"); got != tt.hint {
			t.Errorf("%s: hint\ngot  %s\nwant %s", tt.editor, got, tt.hint)
		}
		if !strings.HasPrefix(err.Error(), "the editor ("+tt.editor+") failed: exit status ") {
			t.Errorf("%s: error %q", tt.editor, err)
		}
	}
}
