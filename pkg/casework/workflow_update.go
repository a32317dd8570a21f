package casework

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
)

// pastWorkflows are the SHA-256 digests of every Workflow an earlier
// caseplan's init wrote, with the commit of caseplan that changed it
// next. A store's workflow with one of these digests is caseplan's own,
// out of date, and schemas update replaces it; one that matches neither
// these nor Workflow was edited by the office, and is replaced only when
// asked (--workflow). When Workflow changes, its old digest goes here:
// TestWorkflowDigest fails until it does.
var pastWorkflows = map[string]string{
	// on: [push, pull_request], caseplan@latest, verify without an anchor (until f649b73).
	"d6e7a154b6911c0c606437b3e4d922bb7daef38210c2ab403c92affbc2c436a6": "2af794b",
	// caseplan_version, verify anchored on github.event.before, not --full (until 06bd816).
	"9697f8435e4b73e320313052698dd68eded263417ace64e526c54e5a915095d7": "f649b73",
	// verify --full, anchored on a pull request's previous head too (until 537c3e1).
	"965ac1838adfbfa140bce9e3524972d0e147db8b272be0a1de298b6644313122": "06bd816",
	// verify anchored on a push only; the binary's cache saved only when the job passed (until the cache/save step).
	"0bf81de089f4071b69df4288bd50004eb7b0c0e5b82c4b531c95fe36d4aeb8d8": "537c3e1",
}

// WorkflowState is how a store's CI workflow stands against Workflow.
type WorkflowState int

const (
	// WorkflowCurrent is Workflow itself.
	WorkflowCurrent WorkflowState = iota
	// WorkflowMissing is none at WorkflowPath.
	WorkflowMissing
	// WorkflowOlder is one an earlier caseplan wrote.
	WorkflowOlder
	// WorkflowEdited is none that any caseplan wrote: the office's own.
	WorkflowEdited
)

// CheckWorkflow says how data, a store's workflow (nil: none), stands
// against Workflow. Line ends do not count: a checkout on Windows may
// turn LF into CRLF, and the file is the same workflow.
func CheckWorkflow(data []byte) WorkflowState {
	if data == nil {
		return WorkflowMissing
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if string(data) == Workflow {
		return WorkflowCurrent
	}
	sum := sha256.Sum256(data)
	if _, ok := pastWorkflows[hex.EncodeToString(sum[:])]; ok {
		return WorkflowOlder
	}
	return WorkflowEdited
}
