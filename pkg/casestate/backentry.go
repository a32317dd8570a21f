package casestate

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// BackEntry is what case new says of a case opened further back than its
// first contact was due — an office moving its paper files in, opening
// each case on the day it opened (--opened): every item of the first
// months is overdue on the day it is typed in, though the file records
// most of them done. Lines holds the sentences to say (without the
// "caseplan: note: " before them): that the older records are entered
// with their own dates, by the commands that take one, and which of the
// overdue items each clears once it is. Nil when the opening is recent:
// the first contact (000: the intake meeting "as soon as possible",
// within 7 days; 002: within 10 days; 003: within 30 days, the program's
// contact interval) is not overdue yet, and what is due is new work.
type BackEntry struct {
	Lines []string
}

// clears names, for a kind of due item, the dated record that clears it
// when the paper file has it: the command to type, with its date flag.
var clears = map[string]string{
	DueContact:       "caseplan note add CASE --date DATE --two-way ...",
	DueIntakeMeeting: "caseplan note add CASE --kind intake --date DATE ...",
	DueTrackerReview: "caseplan note add CASE --kind tracker-review --date DATE ...",
	DuePlanReview:    "caseplan iep review CASE --date DATE",
	DueReferences:    "caseplan ref add CASE --permission DATE --briefed DATE ...",
	DuePeriodEnd:     "caseplan placement set CASE --recorded DATE ..., extension request CASE --date DATE or case close CASE --date DATE ...",
	DuePotentialExit: "caseplan case exit CASE --date DATE",
	DueFollowUp:      "caseplan followup add CASE --date DATE ...",
	DueMilestone:     "caseplan iep milestone done CASE ID --date DATE",
	DueNextStep:      "caseplan iep step done CASE ID --date DATE",
}

// datedCommands are the commands that record a past event with its own
// date, by program kind, in the order a file is usually read.
func datedCommands(kind string) string {
	cmds := []string{"note add --date", "iep review --date", "iep agree --date"}
	switch kind {
	case record.ProgramWorkSecurity:
		cmds = append(cmds, "activity add --date", "ref add --permission --briefed", "extension request --date", "placement set --recorded")
	case record.ProgramWIOA:
		cmds = append(cmds, "service add --date", "iep service add --start", "placement set --recorded", "case exit --date")
	default:
		cmds = append(cmds, "placement set --recorded", "followup add --date")
	}
	return strings.Join(append(cmds, "case close --date"), ", ")
}

// BackEntryOf returns what case new says of the new case id, opened on
// opened, whose state on today is s; nil when its first contact is not
// overdue (see BackEntry).
func BackEntryOf(id string, opened record.Date, s *State) *BackEntry {
	first := -1
	for i, d := range s.Due {
		if d.Kind == DueContact || d.Kind == DueIntakeMeeting {
			if d.Overdue {
				first = i
			}
			break
		}
	}
	if first < 0 {
		return nil
	}
	b := &BackEntry{}
	b.Lines = append(b.Lines, fmt.Sprintf(
		"the case opened %s, %d days ago, past the day its first contact was due (%s): if it is entered from a paper file, enter its earlier records with their own dates, not today's: %s",
		opened, -s.Due[first].Days+daysBetween(opened, s.Due[first].Due), s.Due[first].Due, datedCommands(s.Kind)))
	var gone []string
	seen := map[string]bool{}
	for _, d := range s.Due {
		if !d.Overdue {
			continue
		}
		what, ok := clears[d.Kind]
		if !ok || seen[d.Kind] {
			continue
		}
		seen[d.Kind] = true
		gone = append(gone, d.Kind+" ("+strings.ReplaceAll(what, "CASE", id)+")")
	}
	if len(gone) > 0 {
		b.Lines = append(b.Lines, "overdue now, gone once the file's records are entered with their dates: "+strings.Join(gone, "; "))
	}
	return b
}

// daysBetween is the number of days from a to b (both dates), 0 when
// either is not one.
func daysBetween(a, b record.Date) int {
	ta, okA := a.Time()
	tb, okB := b.Time()
	if !okA || !okB {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}
