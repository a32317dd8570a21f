package report

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
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
	// Figures are the month's other counts that records committed after
	// it moved (AddLateFigures): an activity week entered or changed
	// later with applications dated in the month, a closure dated in it
	// recorded later, ... ([] when none moved).
	Figures []LateFigure `json:"figures"`
}

// LateFigure is one figure of the month that records committed after
// it moved, and by how much.
type LateFigure struct {
	// Figure is the figure's field in the summary (summary.applications):
	// opened, reopened, closed, extensions_requested,
	// extensions_approved, extensions_refused, follow_ups_due,
	// follow_ups_done, applications, interviews or exits.
	Figure string `json:"figure"`
	// By is the figure now less the figure as the month ended, over the
	// cases below: negative when a later change took records out of the
	// month (an entry removed, a date corrected).
	By int `json:"by"`
	// Cases are the cases whose count of it moved, in ID order (their
	// moves may cancel out, By 0).
	Cases []string `json:"cases"`
}

// lateFigures are the figures AddLateFigures follows, in the order the
// report says them, each with its words and its count.
var lateFigures = []struct {
	name, words string
	of          func(*Counts) int
}{
	{"opened", "cases opened", func(c *Counts) int { return c.Opened }},
	{"reopened", "reopenings", func(c *Counts) int { return c.Reopened }},
	{"closed", "closures", func(c *Counts) int { return c.Closed }},
	// Contacts move when a note there at the month's end is voided
	// later (caseplan note amend --void: it did not happen, 001) or,
	// against the rule that a committed note is never edited, changed
	// or removed; a note added later is a late note (Notes), not a move
	// of this figure (ThenContacts).
	{"contacts", "contacts", func(c *Counts) int { return c.Contacts }},
	{"extensions_requested", "extensions requested", func(c *Counts) int { return c.ExtensionsRequested }},
	{"extensions_approved", "extensions approved", func(c *Counts) int { return c.ExtensionsApproved }},
	{"extensions_refused", "extensions refused", func(c *Counts) int { return c.ExtensionsRefused }},
	{"follow_ups_due", "follow-ups due", func(c *Counts) int { return c.FollowUpsDue }},
	{"follow_ups_done", "follow-ups done", func(c *Counts) int { return c.FollowUpsDone }},
	{"applications", "applications", func(c *Counts) int { return c.Applications }},
	{"interviews", "interviews", func(c *Counts) int { return c.Interviews }},
	// A WIOA exit is often recorded after the month it is dated in:
	// caseplan case exit proposes the date the definition gives, the
	// last participation-causing service, once 90 days have passed
	// after it (TEGL 10-16), so the month's figure sent on at its end
	// grows later.
	{"exits", "WIOA exits", func(c *Counts) int { return c.Exits }},
}

// newLate is a LateEntries of asOf and asOfCommit with nothing in it.
func newLate(asOf, asOfCommit string) *LateEntries {
	return &LateEntries{AsOf: asOf, AsOfCommit: asOfCommit, Cases: []string{}, Figures: []LateFigure{}}
}

// LateFile is one record file of a case that differs between the last
// commit made by the month's end and the commit the report reads: its
// content on each side (nil: absent there).
type LateFile struct {
	Rel  string // the path inside the case directory (layout.InCase)
	Then []byte
	Now  []byte
}

// LateDir says whether AddLateFigures needs the files below dir, a
// directory inside a case directory: activity, whose weeks FileCounts
// counts, and notes, whose changes CaseLate.NoteChanged notes (the notes
// themselves are read only when they may have moved the contacts:
// ThenContacts). No other directory holds a file either looks at.
func LateDir(dir string) bool { return dir == layout.ActivityDir || dir == layout.NotesDir }

// IsLateFile says whether the file at rel, inside a case directory, is
// one FileCounts counts: intake.yaml, outcome.yaml or an activity week.
func IsLateFile(rel string) bool {
	return rel == layout.FileName(layout.KindIntake) || rel == layout.FileName(layout.KindOutcome) ||
		strings.HasPrefix(rel, layout.ActivityDir+"/") && !strings.Contains(rel[len(layout.ActivityDir)+1:], "/")
}

// FileCounts returns the counts of month m that the record file rel of a
// case (inside its directory: intake.yaml, outcome.yaml or
// activity/WEEK.yaml) holding data gives, as MonthlyOf counts them: the
// opening and the WIOA exit recorded, from intake.yaml; closures, reopenings, extensions and
// follow-ups, from outcome.yaml (countOutcome); applications and
// interviews, from an activity week (countActivity, 000). Nil data, or
// a file holding no date of the month, gives none; so does any other
// file.
func FileCounts(rel string, data []byte, m Month) (Counts, error) {
	var n Counts
	first, last := m.First(), m.Last()
	// Every count is of a date in the month, and a date is YYYY-MM-DD
	// (record.DateLayout): a file without the month's prefix counts
	// nothing, and is not parsed.
	if !bytes.Contains(data, []byte(first.Format("2006-01-"))) {
		return n, nil
	}
	inMonth := func(d record.Date) bool { return within(d, first, last) }
	var err error
	switch {
	case rel == layout.FileName(layout.KindIntake):
		var in record.Intake
		if err = yaml.Unmarshal(data, &in); err == nil && inMonth(in.Opened) {
			n.Opened = 1
		}
		// The exit recorded (PIRL 901), the file's part of the exits
		// MonthlyOf counts (performance.Facts.CountedExit): whether the
		// person became a participant is the notes' and the plan's,
		// which a late exit does not change. case exit records one on a
		// WIOA case only.
		if err == nil && inMonth(in.Exited) {
			n.Exits = 1
		}
	case rel == layout.FileName(layout.KindOutcome):
		var o record.Outcome
		if err = yaml.Unmarshal(data, &o); err == nil {
			countOutcome(&n, &o, last, inMonth)
		}
	case strings.HasPrefix(rel, layout.ActivityDir+"/"):
		var w record.ActivityWeek
		if err = yaml.Unmarshal(data, &w); err == nil {
			countActivity(&n, &w, inMonth)
		}
	}
	return n, err
}

// CaseLate is what the files of one case directory that changed
// between the last commit by the month's end and the commit read give:
// the figures they moved and, when outcome.yaml changed, the placements
// it held then. It depends on the directory's two trees and the month
// alone, so a caller may keep it by those.
type CaseLate struct {
	Moved map[string]int `json:"moved"` // figure (LateFigure.Figure) -> now less then; only those that moved
	// OutcomeChanged says outcome.yaml differs (added, changed or gone),
	// and ThenPlacements are the placements it held then (PlacementKey;
	// none when the case had no outcome.yaml).
	OutcomeChanged bool     `json:"outcome_changed"`
	ThenPlacements []string `json:"then_placements"`
	// NotesGone says a note file dated on or after the month's first
	// day that the case had then was changed or removed since, and
	// NotesAdded that one was added (NoteChanged): the first may move the
	// month's contacts whatever it held, the second only when it is an
	// amendment voiding a note of the month.
	NotesGone  bool `json:"notes_gone"`
	NotesAdded bool `json:"notes_added"`
}

// NoteChanged records in cl a change of the file at rel, inside the case
// directory, between the two commits (had: the file was there then, has:
// it is now), when it is a note named with a date on or after month m's
// first day: a note of the month, or one that could amend one (an
// amendment is dated on or after the note it amends, validate's
// integrity rule; a note's file name begins with its date). Only names
// are looked at, no file read.
func (cl *CaseLate) NoteChanged(rel string, had, has bool, m Month) {
	name, ok := strings.CutPrefix(rel, layout.NotesDir+"/")
	if !ok || strings.Contains(name, "/") || !NoteFrom(name, m) {
		return
	}
	if had {
		cl.NotesGone = true
	} else if has {
		cl.NotesAdded = true
	}
}

// NoteFrom says whether the note file name (in a notes directory) is
// dated on or after month m's first day by its name, which begins with
// the note's date (YYYY-MM-DD-suffix.yaml): a note of the month, or one
// that could amend one.
func NoteFrom(name string, m Month) bool {
	return name >= m.First().Format("2006-01-02")
}

// ThenContacts returns the file names of the notes dated in month m that
// counted as contacts in a case's notes as a commit had them (files: the
// notes directory's files named from m's first day on, NoteFrom, by name,
// with their content), as MonthlyOf counts them: contact (the program's,
// calendar.ContactFor) says which note is one, and a note an amendment
// among them voided counts for nothing (casefile.Case.SortNotes; an
// amendment is dated on or after the note it voids, so it is among
// them). A file that does not read is an error naming it (id is the
// case, at the commit).
func ThenContacts(id string, files map[string][]byte, m Month, contact calendar.Contact, at string) ([]string, error) {
	c := casefile.New(id)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var n record.Note
		if err := yaml.Unmarshal(files[name], &n); err != nil {
			return nil, fmt.Errorf("%s/%s at commit %s: %v", layout.NotesOf(id), name, short(at), err)
		}
		c.AddNote(&n, layout.NotesOf(id)+"/"+name)
	}
	c.SortNotes()
	first, last := m.First(), m.Last()
	out := []string{}
	for _, n := range c.Notes {
		if contact.Is(n) && within(n.Date, first, last) {
			out = append(out, path.Base(c.NotePath(n)))
		}
	}
	sort.Strings(out)
	return out, nil
}

// ContactsMoved is how far the month's contacts of a case moved between
// the commit of the month's end and the commit read, over the notes the
// case had then: then are the notes counted as contacts then
// (ThenContacts), present the names of the case's note files then dated
// from the month's first day on (NoteFrom), and now the notes counted
// now (MonthlyCase.ContactNotes; none for a case the report has no row
// of). A contact now whose file was not there then is a late note
// (LateNotes), and not counted here: the Late line says it once.
func ContactsMoved(then, present, now []string) int {
	by := -len(then)
	for _, name := range now {
		if slices.Contains(present, name) {
			by++
		}
	}
	return by
}

// CaseLateOf works out a case's CaseLate for month m from its changed
// files (LateFile; others are left out). A file that does not read on
// one side is an error naming it (id is the case, asOfCommit the commit
// of the month's end).
func CaseLateOf(id string, files []LateFile, m Month, asOfCommit string) (CaseLate, error) {
	cl := CaseLate{Moved: map[string]int{}, ThenPlacements: []string{}}
	for _, f := range files {
		if !IsLateFile(f.Rel) {
			continue
		}
		p := layout.CaseDir(id) + "/" + f.Rel
		then, err := FileCounts(f.Rel, f.Then, m)
		if err != nil {
			return cl, fmt.Errorf("%s at commit %s: %v", p, short(asOfCommit), err)
		}
		now, err := FileCounts(f.Rel, f.Now, m)
		if err != nil {
			return cl, fmt.Errorf("%s: %v", p, err)
		}
		for _, fig := range lateFigures {
			if by := fig.of(&now) - fig.of(&then); by != 0 {
				cl.Moved[fig.name] += by
			}
		}
		if f.Rel == layout.FileName(layout.KindOutcome) {
			cl.OutcomeChanged = true
			if f.Then != nil {
				var o record.Outcome
				if err := yaml.Unmarshal(f.Then, &o); err != nil {
					return cl, fmt.Errorf("%s at commit %s: %v", p, short(asOfCommit), err)
				}
				for _, pl := range o.AllPlacements() {
					cl.ThenPlacements = append(cl.ThenPlacements, PlacementKey(&pl))
				}
			}
		}
	}
	// Files of one case whose moves cancel out (an entry moved from one
	// week's file to another's) moved nothing.
	for k, by := range cl.Moved {
		if by == 0 {
			delete(cl.Moved, k)
		}
	}
	return cl, nil
}

// AddLateFigures returns late (which may be nil) with the figures the
// cases' changed files moved (byCase, by case ID): for each, the cases
// whose count of it moved and by how much in all; nil when nothing at
// all is late.
func AddLateFigures(late *LateEntries, byCase map[string]CaseLate, asOf, asOfCommit string) *LateEntries {
	for _, fig := range lateFigures {
		lf := LateFigure{Figure: fig.name, Cases: []string{}}
		for id, cl := range byCase {
			if by := cl.Moved[fig.name]; by != 0 {
				lf.By += by
				lf.Cases = append(lf.Cases, id)
			}
		}
		if len(lf.Cases) == 0 {
			continue
		}
		sort.Strings(lf.Cases)
		if late == nil {
			late = newLate(asOf, asOfCommit)
		}
		late.Figures = append(late.Figures, lf)
	}
	return late
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
	late := newLate(asOf, asOfCommit)
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
// did not have as the month ended — had says whether it had the
// placement of key then — counted and their cases named; nil when
// nothing at all is late. A placement entered after the month, its file
// being outcome.yaml, which the case may have had before, is found by
// what the file held, not by the file being new; a correction recorded
// later is not counted in the month (record.PlacementOn), so only a
// placement the month's figures take is looked at.
func AddLatePlacements(late *LateEntries, cases []MonthlyCase, asOf, asOfCommit string, had func(id, key string) (bool, error)) (*LateEntries, error) {
	var ids []string
	for _, cm := range cases {
		if cm.Placement == "" {
			continue
		}
		ok, err := had(cm.Row.ID, cm.Placement)
		if err != nil {
			return late, err
		}
		if !ok {
			ids = append(ids, cm.Row.ID)
		}
	}
	if len(ids) == 0 {
		return late, nil
	}
	if late == nil {
		late = newLate(asOf, asOfCommit)
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
	return text("Late: "+l.Said("dated in the month", "are counted here", true)+"; ") +
		code(LateCommand(r, format)) + text(" gives the figures as they stood then (commit ") + code(short(l.AsOfCommit)) + text(").")
}

// whose names cases, the first max of them: "case W-001", "cases
// W-001, W-002 and 3 more".
func whose(cases []string, max int) string {
	shown := cases[:min(len(cases), max)]
	s := "case " + strings.Join(shown, ", ")
	if len(cases) > 1 {
		s = "cases " + strings.Join(shown, ", ")
	}
	if more := len(cases) - len(shown); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

// Moved says which figures records committed late moved, "applications
// up 2 (case W-001) and closures up 1 (case W-002)"; "" when none did.
func (l *LateEntries) Moved() string {
	var parts []string
	for _, f := range l.Figures {
		words := f.Figure
		for _, fig := range lateFigures {
			if fig.name == f.Figure {
				words = fig.words
			}
		}
		switch {
		case f.By > 0:
			words += fmt.Sprintf(" up %d", f.By)
		case f.By < 0:
			words += fmt.Sprintf(" down %d", -f.By)
		default:
			words += " up and down, the same in all"
		}
		parts = append(parts, words+" ("+whose(f.Cases, maxLateNamed)+")")
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Said is what is late in a sentence, for the Late line and the CSV's
// stderr note: the notes and placements dated (dated: "in the month")
// and committed after AsOf, which are counted (counted: "are counted
// here"), with their cases when named, then the figures records
// committed after it moved.
func (l *LateEntries) Said(dated, counted string, named bool) string {
	var s string
	if w := l.What(); w != "" {
		s = w
		if named {
			s += " of " + whose(l.Cases, maxLateNamed)
		}
		s += " " + dated + " were committed after " + l.AsOf + " and " + counted
	}
	if mv := l.Moved(); mv != "" {
		if s != "" {
			s += ", and records committed after it moved " + mv
		} else {
			s = "records committed after " + l.AsOf + " moved " + mv
		}
	}
	return s
}

// plain writes words as they are (the HTML template escapes them).
func plain(s string) string { return s }
