package casework

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// currentWorkflowDigest is Workflow's SHA-256. When Workflow changes, this
// test fails: put the old digest in pastWorkflows (so schemas update
// replaces the old workflow in the stores that have it, rather than take
// it for the office's own), and the new one here.
const currentWorkflowDigest = "336e9f3374246164efb973c68b174ff7d01313128a82d8cf278d92d84d45fbd8"

func TestWorkflowDigest(t *testing.T) {
	sum := sha256.Sum256([]byte(Workflow))
	if got := hex.EncodeToString(sum[:]); got != currentWorkflowDigest {
		t.Errorf("Workflow changed (digest %s): add %s to pastWorkflows, and set currentWorkflowDigest to the new one", got, currentWorkflowDigest)
	}
	if _, ok := pastWorkflows[currentWorkflowDigest]; ok {
		t.Errorf("pastWorkflows holds the current Workflow's digest")
	}
}

func TestCheckWorkflow(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want WorkflowState
	}{
		{"current", []byte(Workflow), WorkflowCurrent},
		{"current with CRLF", []byte(strings.ReplaceAll(Workflow, "\n", "\r\n")), WorkflowCurrent},
		{"none", nil, WorkflowMissing},
		{"an earlier caseplan's", []byte(earliestWorkflow), WorkflowOlder},
		{"edited", []byte(Workflow + "      - run: echo the office's own\n"), WorkflowEdited},
		{"empty", []byte{}, WorkflowEdited},
	} {
		if got := CheckWorkflow(tc.data); got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, got, tc.want)
		}
	}
}

// earliestWorkflow is what the first caseplan's init wrote (2af794b).
const earliestWorkflow = `# caseplan checks the case records on every push and pull request.
name: caseplan
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # verify reads the whole history
      - uses: actions/setup-go@v5
        with:
          go-version: stable
      - run: go install github.com/caseplan/caseplan/cmd/caseplan@latest
      - run: caseplan validate -o github
      - run: caseplan verify
`
