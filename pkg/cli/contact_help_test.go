package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/record"
)

// TestContactHelp holds the help's definition of a contact to DESIGN.md §4
// and to calendar.Contact, which the rules, reports and tickler count by:
// what counts is a program setting — any two-way note for work security
// (000) and post-employment (003), a two-way note recording a recognised
// service with a detailed note for WIOA (002). note add's help once said
// that every program needs a service, as 002 does.
func TestContactHelp(t *testing.T) {
	cfg := &record.Config{Programs: map[string]record.Program{
		"ws":   {Kind: record.ProgramWorkSecurity},
		"wioa": {Kind: record.ProgramWIOA},
		"pe":   {Kind: record.ProgramPostEmployment},
	}}
	twoWay := &record.Note{Kind: "contact", TwoWay: true}
	withService := &record.Note{Kind: "contact", TwoWay: true, Services: []string{"job-search"}, Content: "Reviewed three postings"}
	oneWay := &record.Note{Kind: "contact", Services: []string{"job-search"}, Content: "Left a message"}
	amendment := &record.Note{Kind: "amendment", TwoWay: true, Services: []string{"job-search"}, Content: "Corrected the date"}
	letter := &record.Note{Kind: "contact", Mode: "letter", TwoWay: true, Services: []string{"job-search"}, Content: "Sent the job leads"}
	noMode := &record.Note{Kind: "contact", Mode: "none", TwoWay: true, Content: "Filed the form"}
	for _, tc := range []struct {
		program string
		says    string // what contactHelp says of the program
		note    *record.Note
		want    bool
	}{
		{"ws", "for work security (000) and post-employment\n(003), a two-way note (--two-way)", twoWay, true},
		{"pe", "for work security (000) and post-employment\n(003), a two-way note (--two-way)", twoWay, true},
		{"wioa", "for WIOA (002), a two-way note that also\nrecords a recognised service (--service CODE) and says what happened", twoWay, false},
		{"wioa", "for WIOA (002), a two-way note that also\nrecords a recognised service (--service CODE) and says what happened", withService, true},
		{"ws", "a two-way note", oneWay, false},
		{"wioa", "a two-way note", oneWay, false},
		{"ws", "Amendments never count", amendment, false},
		{"ws", "nor does a letter\nor a note of mode none", letter, false},
		{"wioa", "nor does a letter\nor a note of mode none", letter, false},
		{"pe", "nor does a letter\nor a note of mode none", noMode, false},
		{"wioa", "Amendments never count", amendment, false},
	} {
		if !strings.Contains(contactHelp, tc.says) {
			t.Errorf("contactHelp does not say %q:\n%s", tc.says, contactHelp)
		}
		if got := calendar.ContactOf(cfg, tc.program).Is(tc.note); got != tc.want {
			t.Errorf("program %s: calendar.Contact.Is(%+v) = %v; contactHelp says %q", tc.program, tc.note, got, tc.says)
		}
	}

	root := newCmdRoot(&globals{})
	find := func(path ...string) *cobra.Command {
		t.Helper()
		c, _, err := root.Find(path)
		if err != nil {
			t.Fatalf("%s: %v", strings.Join(path, " "), err)
		}
		return c
	}
	if long := find("note", "add").Long; !strings.Contains(long, contactHelp) {
		t.Errorf("note add's help does not give the definition of a contact:\n%s", long)
	}
	// The definition 002 gives WIOA is not every program's.
	walkCommands(root, func(c *cobra.Command) {
		long := strings.Join(strings.Fields(c.Long), " ")
		for _, wrong := range []string{"as document 002 defines a contact", "two-way notes that record a service", "two-way notes recording a service"} {
			if strings.Contains(long, wrong) {
				t.Errorf("%s: the help says %q, which only WIOA counts as a contact", c.CommandPath(), wrong)
			}
		}
	})
}
