package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/history"
)

// A tree git itself would not write stops verify (exit 3) with what it
// means and what to do, not the bare read error.
func TestVerifyMalformedTreeHint(t *testing.T) {
	err := verifyReadError(nil, fmt.Errorf("verify commit 1560b21: read tree da3adf7: %w", history.ErrMalformedTree))
	var h *withHint
	if !errors.As(err, &h) || !strings.Contains(h.h, "git fsck names the tree") || !strings.Contains(h.h, "restore the branch") {
		t.Fatalf("verifyReadError = %v, want the malformed tree's hint", err)
	}
	if code := exitCode(err); code != ExitOther {
		t.Errorf("exit %d, want %d", code, ExitOther)
	}
}
