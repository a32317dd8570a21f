package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/personname"
	"github.com/caseplan/caseplan/pkg/record"
)

type caseListOptions struct {
	*globals
	output, manager, program, status string
	cohort                           string
	phase, center                    string
	name                             string // --name: words of the participant's name (personname.Search)
	closedBefore, closedAfter        string
	overdue                          bool
}

func newCmdCaseList(g *globals, runF func(*caseListOptions) error) *cobra.Command {
	opts := &caseListOptions{globals: g}
	c := &cobra.Command{
		Use:   "list",
		Short: "List cases",
		Long: `List cases with their program, status, manager and opening date. On a
terminal the list is an aligned table; piped, one tab-separated line per case.
--cohort ID lists a layoff cohort's cases (those caseplan case import opened
for it). --manager takes a staff ID of the roster (caseplan staff list), as
due --manager does; a name or an email is refused with the ID meant. The
count is said on stderr ("3 cases of 15" when filters left some out).

--name TEXT finds a participant by name, for the call from someone who
gives theirs: the cases whose participant's name has a word beginning
with each word of TEXT, in any order, each its own word ("souza", "ana
sou" and "Souza Ana" find Ana Souza; "an" finds Ana and Anabel; "ana a"
finds Ana Alves, not Ana Souza). Names are compared as validate's
duplicate-person compares them: accents, capitals, a Cyrillic or Greek
letter that looks Latin and runs of spaces aside ("jose pena" finds José
Peña). It searches the participant's name the list shows and the name
they go by (the intake's preferred name, alone or with their name: "nia"
and "nia souza" find Ana Souza who goes by Nia), nothing else: not the
notes or the sealed fields. With --name a last column, BY PREFERRED
NAME, gives the preferred name a case was found by ("-": found by the
name the list shows). When it finds nothing, a hint on stderr says what
would, as a count and the --name to type: one word alone of several
("Ana Sousa" as heard), or a word's first letters; a TEXT with no letter
(a phone number) is said to be no name.

--phase PHASE lists the cases in that phase on --today, as case show
names it; --overdue the cases with anything overdue on the tickler (what
caseplan due --overdue lists, a closed case's planned follow-ups
included); --center CENTER the cases of one center of caseplan.yaml's
centers. The status, the manager and the center are the case's on
--today: on a past day, a case closed since lists as open, and a case
transferred since under the manager and center it had then, as case show
and due show it (and --status, --manager and --center filter by them).
--status open lists the cases open at the end of --today, as the reports
count them; --status closed those closed then. --closed-before DATE
lists the cases closed at the end of --today whose closing is dated
before DATE, with its date and reason: for a records review, the cases
whose retention may have run (2 CFR 200.334 keeps a grant's records
three years from its final expenditure report; nothing is deleted:
README, How long records are kept). --closed-after DATE lists those
whose closing is dated after DATE; with --closed-before, the closings
between the two days (neither included): --closed-after 2026-10-31
--closed-before 2026-12-01 lists November's, for a supervisor's
month-end review: every case closed in the range by --today, one a
reopening has undone since too (its status is then open), with the
reopening's date as a last column, REOPENED ("-" for a closing in
force); a case closed twice in the range is listed with its later
closing. --closed-before alone lists only the cases closed on --today. A
case opened after --today was no case yet: it is left out, and the count
on stderr says how many were (with no --today, a case whose opening is
dated in the future), with -o json as with the table: stdout is the list
alone. -o json: [{"id","program","status","manager","center","opened",
"participant","cohort" (imported cases only),"phase" (on --today),
"closed" (the closing date, for a case closed on --today),
"closed_reason" (its reason),"reopened" (with --closed-after, the
reopening that undid the closing listed),"matched_preferred_name" (with
--name, the preferred name a case was found by)}]. Filters combine: caseplan
case list --center "Lakeview Career Center" --phase assessment
--overdue; caseplan case list --name souza --status open; caseplan
case list --status open --today 2026-05-31 lists the cases open at the
end of May. The phases:
` + helpList(casestate.Phases) + "\n" + exitStatusHelp,
		Example: `  caseplan case list --manager dpatel --status open   # one manager's open cases
  caseplan case list --name 'ana sou'      # the caller said "Ana Souza"
  caseplan case list --phase assessment --overdue     # in assessment, late
  # the cases open at the end of May
  caseplan case list --status open --today 2026-05-31
  # closed before July 2024: for the records review at program year end
  caseplan case list --closed-before 2024-07-01 -o json
  # the cases closed in November, for the month-end review
  caseplan case list --closed-after 2026-10-31 --closed-before 2026-12-01`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseListRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	onceVar(c.Flags(), &opts.manager, "manager", "only cases of this staff `ID`")
	c.Flags().StringVar(&opts.program, "program", "", "only cases of this program `KEY`")
	c.Flags().StringVar(&opts.status, "status", "", "only cases with this `STATUS` ("+choicesOf("case list", "status")+")")
	c.Flags().StringVar(&opts.cohort, "cohort", "", "only the cases of this layoff cohort `ID` (cases/cohorts/ID.yaml)")
	c.Flags().StringVar(&opts.phase, "phase", "", "only cases in this `PHASE` on --today, e.g. assessment, work-security")
	c.Flags().StringVar(&opts.center, "center", "", "only cases of this `CENTER` (caseplan.yaml's centers)")
	c.Flags().StringVar(&opts.name, "name", "", "only cases whose participant's name has a word beginning with each word of `TEXT`, accents and capitals aside")
	c.Flags().BoolVar(&opts.overdue, "overdue", false, "only cases with anything overdue on the tickler")
	dateVar(c.Flags(), &opts.closedBefore, "closed-before", "only cases closed on --today by a closing dated before `DATE`")
	dateVar(c.Flags(), &opts.closedAfter, "closed-after", "only cases with a closing dated after `DATE`, reopened since or not")
	return c
}

// caseItem is the JSON contract of case list.
type caseItem struct {
	ID          string `json:"id"`
	Program     string `json:"program"`
	Status      string `json:"status"`
	Manager     string `json:"manager"`
	Center      string `json:"center"`
	Opened      string `json:"opened"`
	Participant string `json:"participant"`
	Cohort      string `json:"cohort,omitempty"` // the layoff cohort, for imported cases (case import)
	// Phase is where the case stands on --today, as case show names it;
	// computed only for -o json and --phase (the plain list does not
	// depend on the day).
	Phase string `json:"phase"`
	// Closed is the date of the closing in force at the end of --today,
	// for a case closed then (a case reopened since its closing is open,
	// and has none); computed, as Phase, only for -o json and the
	// filters that ask the day.
	Closed string `json:"closed,omitempty"`
	// ClosedReason is that closing's reason (placed, separated, ...),
	// for a review of the closings.
	ClosedReason string `json:"closed_reason,omitempty"`
	// Reopened is the date of the reopening that ended the closing
	// listed, by --today: with --closed-after, a closing of the month
	// undone since is listed, and says so (record.Outcome.ClosingBetween).
	Reopened string `json:"reopened,omitempty"`
	// MatchedPreferredName is the participant's preferred name, when
	// --name found the case by it rather than by the name the list
	// shows: a caller gives the name they go by (intake.yaml's
	// participant.preferred_name), and the case manager sees why a
	// case whose name does not read like it was listed.
	MatchedPreferredName string `json:"matched_preferred_name,omitempty"`
}

// caseRow is what case list keeps of a case: its item, and where it
// stands on --today when a filter or -o json asks (casestate says).
type caseRow struct {
	caseItem
	Overdue bool `json:"overdue,omitempty"` // anything overdue on the tickler
	// PreferredName is the intake's participant.preferred_name, which
	// --name searches too.
	PreferredName string `json:"preferred_name,omitempty"`
	// Closing is the closure in force at the end of --today, which
	// --closed-after and --closed-before ask (record.Closure.DatedBetween).
	Closing *record.Closure `json:"closing,omitempty"`
}

func caseListRun(opts *caseListOptions) error {
	sel, err := caseListSelect(opts)
	if err != nil {
		return err
	}
	items, closings := sel.items, sel.closings
	if opts.output == "json" {
		if err := writeJSON(opts.env.Stdout, items); err != nil {
			return err
		}
		// The count on stderr, as the table has it: a case left out
		// because it opens after --today is said whichever the format,
		// and stdout stays the document alone.
		opts.sayCount(len(items), sel.all, sel.later, sel.today)
		opts.sayNameHint(sel.nameHint)
		return nil
	}
	// --closed-before and --closed-after list cases for a review of
	// their closings, so the list shows the closing's date and reason,
	// as columns the plain list's lines do not have. The reason came
	// after the date: added last, so the date stays the seventh column a
	// script reads by place. --closed-after lists a closing a reopening
	// undid since, and the date of that reopening is the last column
	// ("-" for one in force): added after the reason for the same cause.
	head := []string{"ID", "PROGRAM", "STATUS", "MANAGER", "OPENED", "PARTICIPANT"}
	if closings {
		head = append(head, "CLOSED", "REASON")
	}
	if sel.reopened {
		head = append(head, "REOPENED")
	}
	// --name searches the preferred name too (foundByName), and a case
	// found by it lists a name that may not read like the one typed: a
	// last column says the preferred name it was found by ("-": found by
	// the name the list shows). Only with --name, and last, so that the
	// columns a script reads by place stay where they are.
	if sel.byName {
		head = append(head, "BY PREFERRED NAME")
	}
	t := newTable(opts.env, head...)
	for _, it := range items {
		// A value the intake lacks (a hand edit deleted its line) is a
		// "-", as the other lists show an empty cell, not a blank that
		// shifts the columns; validate names the field. The JSON keeps "".
		cells := []string{it.ID, dashIfEmpty(it.Program), dashIfEmpty(it.Status), dashIfEmpty(it.Manager), dashIfEmpty(it.Opened), dashIfEmpty(it.Participant)}
		if closings {
			cells = append(cells, it.Closed, dashIfEmpty(it.ClosedReason))
		}
		if sel.reopened {
			cells = append(cells, dashIfEmpty(it.Reopened))
		}
		if sel.byName {
			cells = append(cells, dashIfEmpty(it.MatchedPreferredName))
		}
		t.row(cells...)
	}
	if err := t.flush(); err != nil {
		return err
	}
	opts.sayCount(len(items), sel.all, sel.later, sel.today)
	opts.sayNameHint(sel.nameHint)
	return nil
}

// sayNameHint gives nameMissHint's hint, when there is one.
func (opts *caseListOptions) sayNameHint(hint string) {
	if hint != "" {
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: %s\n", hint)
	}
}

// caseListSelection is what case list lists: the cases its filters
// select, of all the cases it read, less those opened after today
// (later).
type caseListSelection struct {
	items      []caseItem
	all, later int
	today      time.Time
	closings   bool   // --closed-before or --closed-after: the closing's columns
	reopened   bool   // --closed-after: the column of the reopening that undid a closing listed
	byName     bool   // --name: the column of the preferred name a case was found by
	nameHint   string // --name found none: what it finds read more loosely (nameMissHint)
}

// caseListSelect reads the store's cases and selects those case list's
// filters ask for: case list's list, and the cases the hint of a name
// given for a case counts (nameCase), which are then the ones the
// command it names lists.
func caseListSelect(opts *caseListOptions) (caseListSelection, error) {
	// Phase and what is overdue depend on the day, and so do the
	// status and the manager on a past --today (a case closed or
	// transferred since was open, or someone else's, then: casestate
	// says, as case show and due do). The plain list of the real today
	// does not, so it keeps its cached rows from one day to the next: no
	// closure or transfer is dated after today. Whether a case has opened
	// yet is asked of the row's opening date below, on either path.
	today, err := opts.todayDate()
	if err != nil {
		return caseListSelection{}, err
	}
	closedBefore, err := optionalDate("closed-before", opts.closedBefore)
	if err != nil {
		return caseListSelection{}, err
	}
	closedAfter, err := optionalDate("closed-after", opts.closedAfter)
	if err != nil {
		return caseListSelection{}, err
	}
	if err := closedRange(closedAfter, closedBefore); err != nil {
		return caseListSelection{}, err
	}
	closings := closedAfter != "" || closedBefore != ""
	search, ok := personname.NewSearch(opts.name)
	if opts.name != "" && !ok {
		return caseListSelection{}, &UsageError{Msg: fmt.Sprintf("--name %q has no letter or digit to search names by", opts.name),
			Hint: "give a word of the participant's name, or its beginning: --name souza, --name 'ana sou'"}
	}
	now := opts.env.Now()
	past := today.Before(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC))
	// --status asks the status on --today too: open at the end of the
	// day, as casestate.OpenOn counts a case, which also knows a case not
	// opened yet (casestate rewinds only what is dated after the day).
	stage, params, state := "case-list", []string(nil), opts.phase != "" || opts.overdue || opts.output == "json" || opts.status != "" || closings || past
	if state {
		stage, params = "case-list-state", []string{"today " + today.Format(time.DateOnly)}
		if closedAfter != "" {
			// The rows hold the closing in the range, which the
			// bounds pick: cached apart for each range.
			params = append(params, "closed-after "+string(closedAfter), "closed-before "+string(closedBefore))
		}
	}
	s, err := opts.workTreeStore("case list", stage, params...)
	if err != nil {
		return caseListSelection{}, err
	}
	if err := knownCohort(s.snap, opts.cohort); err != nil {
		return caseListSelection{}, err
	}
	rows, err := scanRows(opts.globals, s, "case list", func(c *casefile.Case, cfg *record.Config) (caseRow, bool) {
		in := c.Intake
		if in == nil {
			return caseRow{}, false // unreadable: caseplan validate says why
		}
		r := caseRow{caseItem: caseItem{ID: c.ID, Program: in.Program, Status: in.Status, Manager: in.Manager, Center: in.Center,
			Opened: string(in.Opened), Participant: in.Participant.Name, Cohort: in.Cohort}, PreferredName: in.Participant.PreferredName}
		if state {
			st := casestate.Compute(c, cfg, today)
			r.Phase, r.Status, r.Manager, r.Center = st.Phase, st.Status, st.Manager, st.Center
			r.Overdue = slices.ContainsFunc(st.Due, func(d casestate.Due) bool { return d.Overdue })
			// The status on the day is whether the case was open at
			// its end, as the reports and case transfer --from count
			// it (casestate.OpenOn, one owner). A case not opened yet
			// is left out below. (Without an opening date casestate's
			// status stands: validate names the missing field.)
			if _, ok := in.Opened.Time(); ok && st.Status != casestate.StatusNotOpened {
				r.Status = "closed"
				if casestate.OpenOn(c, today) {
					r.Status = "open"
				} else if cl := c.Outcome.ClosedOn(record.Date(today.Format(time.DateOnly))); cl != nil {
					r.Closed, r.ClosedReason, r.Closing = string(cl.Date), cl.Reason, cl
				}
				if closedAfter != "" {
					// A review of closings (a month's, with
					// --closed-before) lists every case closed
					// in the range, one a reopening has undone
					// since too, with that reopening's date: the
					// case was closed in the month, for a reason
					// the supervisor reads (decided; README, case
					// list). --closed-before alone is the records
					// review, which asks what is closed now.
					day := record.Date(today.Format(time.DateOnly))
					r.Closed, r.ClosedReason, r.Closing, r.Reopened = "", "", nil, ""
					if cl := c.Outcome.ClosingBetween(closedAfter, closedBefore, day); cl != nil {
						r.Closed, r.ClosedReason, r.Closing = string(cl.Date), cl.Reason, cl
						if at := c.Outcome.ReopeningAfter(*cl); at != "" && at <= day {
							r.Reopened = string(at)
						}
					}
				}
			}
		}
		return r, true
	})
	if err != nil {
		return caseListSelection{}, err
	}
	all := make([]caseItem, len(rows))
	for i, r := range rows {
		all[i] = r.caseItem
	}
	if opts.manager != "" {
		if _, ok := s.snap.Config.StaffByID(opts.manager); !ok && !managesAny(all, opts.manager) {
			// A typed name, email or other capitals listed nothing and
			// said nothing, as if the colleague had no cases. A case
			// whose manager has left the roster can still be listed by
			// that ID (validate reports the case).
			return caseListSelection{}, notOnRoster(s.snap.Config, "--manager", opts.manager, managerInRows(all, func(c caseItem) (string, string) { return c.ID, c.Manager }))
		}
	}
	if opts.center != "" && len(s.snap.Config.Centers) == 0 {
		// A store without caseplan.yaml's centers: the flag check had
		// no list, so the cases' centers are the valid ones.
		if err := knownCenter(all, opts.center); err != nil {
			return caseListSelection{}, err
		}
	}
	items, later := []caseItem{}, 0
	var named []string // the participants the filters but --name leave, for nameMissHint
	for _, r := range rows {
		it := r.caseItem
		// A case opened after --today was no case yet on it
		// (casestate.NotOpenedOn: case show says "not opened yet", due
		// lists nothing of it), on the real today as on a past day.
		// Asked here, not in the row, so that the plain list's cached
		// rows, kept from one day to the next, list the case from the
		// day it opens.
		if casestate.OpensAfter(record.Date(it.Opened), today) {
			later++
			continue
		}
		if (opts.manager != "" && it.Manager != opts.manager) ||
			(opts.program != "" && it.Program != opts.program) ||
			(opts.status != "" && it.Status != opts.status) ||
			(opts.cohort != "" && it.Cohort != opts.cohort) ||
			(opts.center != "" && it.Center != opts.center) ||
			(opts.phase != "" && r.Phase != opts.phase) ||
			(opts.overdue && !r.Overdue) ||
			(closings && (r.Closing == nil || !r.Closing.DatedBetween(closedAfter, closedBefore))) {
			continue
		}
		if opts.name != "" {
			named = append(named, strings.TrimSpace(r.PreferredName+" "+it.Participant))
			if !foundByName(search, &it, r.PreferredName) {
				continue
			}
		}
		items = append(items, it)
	}
	sel := caseListSelection{items: items, all: len(all), later: later, today: today, closings: closings, reopened: closedAfter != "", byName: opts.name != ""}
	if opts.name != "" && len(items) == 0 {
		sel.nameHint = nameMissHint(opts.name, named)
	}
	return sel, nil
}

// foundByName reports whether search finds the participant of it: by
// the name the list shows, or else by the name they go by, the intake's
// preferred name, alone or with the words of their name ("Nia" and "Nia
// Souza" find Ana Souza who goes by Nia). Found by the preferred name,
// it says so in it (MatchedPreferredName): the list shows the other name.
func foundByName(search personname.Search, it *caseItem, preferred string) bool {
	if search.Finds(it.Participant) {
		return true
	}
	if preferred == "" || !search.Finds(preferred+" "+it.Participant) {
		return false
	}
	it.MatchedPreferredName = preferred
	return true
}

// nameMissHint is the hint for a --name that found none of the names
// the other filters left (named): what a caller's name, typed as heard,
// finds when it is read more loosely — a word alone of several (the
// other misspelt, here or in the record), or a word's first letters —
// said as a count and the --name to type, never as names, since stderr
// can end up in a CI log. A TEXT with no letter (a phone number, a case
// ID) is not a name, and the hint says where those are found.
func nameMissHint(text string, named []string) string {
	words := strings.Fields(text)
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return "--name searches participants' names only, not phone numbers or IDs: ask the caller's name, or, for a case ID, caseplan case show ID"
	}
	finds := func(t string) int {
		s, ok := personname.NewSearch(t)
		if !ok {
			return 0
		}
		n := 0
		for _, name := range named {
			if s.Finds(name) {
				n++
			}
		}
		return n
	}
	if len(words) > 1 {
		best, most := "", 0
		for _, w := range words {
			if n := finds(w); n > most {
				best, most = w, n
			}
		}
		if most > 0 {
			return fmt.Sprintf("no name has a word beginning with each word given; --name %s alone finds %s: another word may be spelt otherwise, as heard or as recorded", shellWord(best), countOf(most, "case"))
		}
	}
	for _, w := range words {
		r := []rune(w)
		if len(r) <= 3 {
			continue
		}
		start := string(r[:3])
		if n := finds(start); n > 0 {
			return fmt.Sprintf("--name %s, the first letters of %s, finds %s: a word is found by its beginning, so type only as much of a name as you are sure of", shellWord(start), strconv.Quote(w), countOf(n, "case"))
		}
	}
	return ""
}

// sayCount says on stderr how many cases of all the list has, and how
// many it left out because they open after today (later), as due and
// validate say theirs: a long list's count is not to be counted by hand,
// and an empty one is not mistaken for a failure.
func (opts *caseListOptions) sayCount(listed, all, later int, today time.Time) {
	count := countOf(listed, "case")
	if listed != all {
		count += fmt.Sprintf(" of %d", all)
	}
	if later > 0 {
		// Said, so that a case is not missed without a word: on a past
		// --today it did not exist yet; on the real today its opening
		// date is in the future (validate's future-date).
		count += fmt.Sprintf(" (%s opened after %s, left out)", countOf(later, "case"), today.Format(time.DateOnly))
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: %s\n", count)
}

// closedRange refuses --closed-after and --closed-before that leave no
// day between them: both days are excluded, so the closings of November
// are after October 31 and before December 1.
func closedRange(after, before record.Date) error {
	if after == "" || before == "" {
		return nil
	}
	a, _ := after.Time()
	b, _ := before.Time()
	if a.AddDate(0, 0, 1).Before(b) {
		return nil
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	hint := fmt.Sprintf("both days are left out: the closings on %s are --closed-after %s --closed-before %s",
		day(a), day(a.AddDate(0, 0, -1)), day(a.AddDate(0, 0, 1)))
	if b.Before(a) {
		hint = fmt.Sprintf("the earlier day is --closed-after's: --closed-after %s --closed-before %s", before, after)
	}
	return &UsageError{Msg: fmt.Sprintf("--closed-after %s --closed-before %s: no day is between them", after, before), Hint: hint}
}

// managesAny says whether manager is the manager of any of the cases.
func managesAny(cases []caseItem, manager string) bool {
	for _, it := range cases {
		if it.Manager == manager {
			return true
		}
	}
	return false
}

// knownCenter refuses a center no case has, naming those the cases have.
func knownCenter(cases []caseItem, center string) error {
	var have []string
	for _, it := range cases {
		if it.Center == center {
			return nil
		}
		if it.Center != "" && !slices.Contains(have, it.Center) {
			have = append(have, it.Center)
		}
	}
	slices.Sort(have)
	hint := "no case of this store names its center"
	if len(have) > 0 {
		hint = "use one of " + strings.Join(have, ", ")
	}
	return &UsageError{Msg: fmt.Sprintf("--center %q: no case is at that center", center), Hint: hint}
}
