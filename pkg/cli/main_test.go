package cli

import (
	"os"
	"testing"

	"github.com/caseplan/caseplan/pkg/load"
)

// TestMain runs the tests with load.PoisonFreed: a document used after
// the scan of its case freed its memory reads as garbage, not as a
// plausible old value.
func TestMain(m *testing.M) {
	load.PoisonFreed = true
	os.Exit(m.Run())
}
