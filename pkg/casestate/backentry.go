package casestate

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/calendar"
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

// clearCommand is, for a kind of due item on case id, the dated record
// that clears it when the paper file has it: the command to type, with
// its date flag and every flag the command refuses to go without, so
// that it is refused for nothing but its placeholders (DATE, MODE,
// CODE, TEXT, ...). A contact is recorded as the program counts one
// (calendar.Contact: two-way everywhere, 002; with a recognised service
// and a detailed note for WIOA, 002), else the note is kept but clears
// nothing. "" for a kind no dated record clears.
func clearCommand(kind, id string, contact calendar.Contact) string {
	note := func(noteKind string) string {
		return NoteAddCommand(id, noteKind, contact) + " --date DATE"
	}
	switch kind {
	case DueContact:
		return note("contact")
	case DueIntakeMeeting:
		return note(NoteIntake)
	case DueTrackerReview:
		return note(NoteTrackerReview)
	case DuePlanReview:
		return "caseplan iep review " + id + " --date DATE"
	case DueReferences:
		// ref add requires --name and --relationship; a reference counts
		// with the permission date and a phone or email an employer can
		// check it by, and 000 asks for three (layoffDue).
		return "caseplan ref add " + id + " --name NAME --relationship TEXT --phone PHONE --permission DATE --briefed DATE, one for each reference"
	case DuePeriodEnd:
		return "caseplan placement set " + id + " --employer EMPLOYER --position POSITION --start DATE --recorded DATE, caseplan extension request " + id + " --date DATE or caseplan case close " + id + " --date DATE --reason REASON"
	case DuePotentialExit:
		return "caseplan case exit " + id + " --date DATE"
	case DueFollowUp:
		return "caseplan followup add " + id + " --date DATE"
	case DueMilestone:
		return "caseplan iep milestone done " + id + " MILESTONE --date DATE"
	case DueNextStep:
		return "caseplan iep step done " + id + " STEP --date DATE"
	}
	return ""
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
// opened, whose state on today is s and whose program counts a contact
// as contact says; nil when its first contact is not overdue (see
// BackEntry).
func BackEntryOf(id string, opened record.Date, s *State, contact calendar.Contact) *BackEntry {
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
		what := clearCommand(d.Kind, id, contact)
		if what == "" || seen[d.Kind] {
			continue
		}
		seen[d.Kind] = true
		gone = append(gone, d.Kind+" ("+what+")")
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
