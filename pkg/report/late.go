package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// LateEntries are the records a monthly report counts that were not yet
// committed when its month ended: a note dated November 25 and committed
// December 2 is in November's report made in December, not in one made on
// November 30 (--as-of). Event dates decide the month, commits only what
// was known when (DESIGN.md §5); the report says which of its records
// came in late, so that a figure sent on at the month's end and the one
// shown now can be told apart.
type LateEntries struct {
	Notes int `json:"notes"` // notes dated in the month, committed after it
	// Placements are the placements counted in the month (a start in it)
	// that the case's outcome did not have as the month ended: entered
	// later, often with --recorded from a paper file (AddLatePlacements).
	Placements int      `json:"placements"`
	Cases      []string `json:"cases"` // their cases, in ID order
	// AsOf is the month's last day (the report's To), and AsOfCommit the
	// last commit made on or before it, from the commit the report reads
	// (caseplan report monthly --as-of AsOf reads it).
	AsOf       string `json:"as_of"`
	AsOfCommit string `json:"as_of_commit"`
}

// LateNotes returns the notes of cases (what each case gives the month,
// MonthlyOf) that are among added, the paths of the files the commit read
// has and the one asOfCommit, the last made by the month's last day,
// had not; nil when none is. A note edited after the month, there at its
// end, is not late: its file was committed by then.
func LateNotes(cases []MonthlyCase, added []string, asOf, asOfCommit string) *LateEntries {
	inMonth := map[string]bool{}
	for _, cm := range cases {
		for _, name := range cm.Notes {
			inMonth[layout.NotesOf(cm.Row.ID)+"/"+name] = true
		}
	}
	late := &LateEntries{AsOf: asOf, AsOfCommit: asOfCommit, Cases: []string{}}
	for _, p := range added {
		if !inMonth[p] {
			continue
		}
		late.Notes++
		// added is in path order, so a case's notes come together.
		if id, ok := layout.CaseOf(p); ok && (len(late.Cases) == 0 || late.Cases[len(late.Cases)-1] != id) {
			late.Cases = append(late.Cases, id)
		}
	}
	if late.Notes == 0 {
		return nil
	}
	return late
}

// PlacementKey names placement p for MonthlyCase.Placement: its ID, or
// for the legacy single placement, which has none, its start, employer
// and position.
func PlacementKey(p *record.Placement) string {
	if p.ID != "" {
		return p.ID
	}
	return string(p.Start) + " " + p.Employer + " / " + p.Position
}

// AddLatePlacements returns late (which may be nil) with the placements
// counted in the month (MonthlyCase.Placement) that the case's outcome
// did not have as the month ended — then returns it as the last commit
// by the month's last day held it, nil for a case with none — counted
// and their cases named; nil when nothing at all is late. A placement
// entered after the month, its file being outcome.yaml, which the case
// may have had before, is found by what the file held, not by the file
// being new; a correction recorded later is not counted in the month
// (record.PlacementOn), so only a placement the month's figures take is
// looked at.
func AddLatePlacements(late *LateEntries, cases []MonthlyCase, asOf, asOfCommit string, then func(id string) (*record.Outcome, error)) (*LateEntries, error) {
	var ids []string
	for _, cm := range cases {
		if cm.Placement == "" {
			continue
		}
		o, err := then(cm.Row.ID)
		if err != nil {
			return late, err
		}
		had := false
		for _, p := range o.AllPlacements() {
			if PlacementKey(&p) == cm.Placement {
				had = true
				break
			}
		}
		if !had {
			ids = append(ids, cm.Row.ID)
		}
	}
	if len(ids) == 0 {
		return late, nil
	}
	if late == nil {
		late = &LateEntries{AsOf: asOf, AsOfCommit: asOfCommit, Cases: []string{}}
	}
	late.Placements += len(ids)
	for _, id := range ids {
		if !slices.Contains(late.Cases, id) {
			late.Cases = append(late.Cases, id)
		}
	}
	sort.Strings(late.Cases)
	return late, nil
}

// What says what is late, "2 note(s) and 1 placement(s)", for the Late
// line and the CSV's stderr note.
func (l *LateEntries) What() string {
	var parts []string
	if l.Notes > 0 {
		parts = append(parts, fmt.Sprintf("%d note(s)", l.Notes))
	}
	if l.Placements > 0 {
		parts = append(parts, fmt.Sprintf("%d placement(s)", l.Placements))
	}
	return strings.Join(parts, " and ")
}

// NotesDirs returns, by case ID, whether the case has notes dated in the
// month: the case directories worth comparing for late notes.
func NotesDirs(cases []MonthlyCase) map[string]bool {
	out := map[string]bool{}
	for _, cm := range cases {
		if len(cm.Notes) > 0 {
			out[cm.Row.ID] = true
		}
	}
	return out
}

// maxLateNamed is how many cases the late line names.
const maxLateNamed = 5

// LateCommand is the command that makes report r as the records stood at
// its month's end (or at its day, for a month not over): --as-of that
// day, in format (r's own, -o csv's included: the CSV's stderr note says
// it) and with its participants and cohort.
func LateCommand(r *Monthly, format string) string {
	cmd := "caseplan report monthly --month " + r.Month + " --as-of " + r.LateEntries.AsOf
	if r.Cohort != "" {
		cmd += " --cohort " + r.Cohort
	}
	return again(cmd, format, r.Participants)
}

// lateLine is the sentence a monthly report prints under its commit when
// it counts records committed after its month ended ("" when none), with
// text for its words and code for the command and commit (a Markdown
// code span).
func lateLine(r *Monthly, format string, text, code func(string) string) string {
	l := r.LateEntries
	if l == nil {
		return ""
	}
	shown := l.Cases[:min(len(l.Cases), maxLateNamed)]
	whose := "case " + strings.Join(shown, ", ")
	if len(l.Cases) > 1 {
		whose = "cases " + strings.Join(shown, ", ")
	}
	if more := len(l.Cases) - len(shown); more > 0 {
		whose += fmt.Sprintf(" and %d more", more)
	}
	return text(fmt.Sprintf("Late: %s of %s dated in the month were committed after %s and are counted here; ", l.What(), whose, l.AsOf)) +
		code(LateCommand(r, format)) + text(" gives the figures as they stood then (commit ") + code(short(l.AsOfCommit)) + text(").")
}

// plain writes words as they are (the HTML template escapes them).
func plain(s string) string { return s }
