package cli

import (
	"strings"
	"testing"
)

// TestFollowupAddHelpSources holds followup add's help to what the
// documents say of follow-up's length: 12 months after exit is 001's
// ("some programs ... require follow-up for 12 months after program
// exit") and the quarters after exit are TEGL 10-16's; 002 and 003 set
// no length after exit (003's 12 months run from the end of cash
// assistance). followup add's help once credited all three documents,
// and due's help 001 and 002.
func TestFollowupAddHelpSources(t *testing.T) {
	long := newCmdFollowupAdd(&globals{}, nil).Long
	if strings.Contains(long, "documents 001,\n002, 003") || strings.Contains(long, "(documents 001, 002, 003)") {
		t.Errorf("followup add's help credits 002 and 003 with 12 months of follow-up after exit:\n%s", long)
	}
	if !strings.Contains(long, "TEGL 10-16") {
		t.Errorf("followup add's help does not cite TEGL 10-16 for the quarters after exit:\n%s", long)
	}
	due := newCmdDue(&globals{}, nil).Long
	if strings.Contains(due, "WIOA exit (001, 002)") {
		t.Errorf("due's help credits 002 with the follow-up year after a WIOA exit:\n%s", due)
	}
}
