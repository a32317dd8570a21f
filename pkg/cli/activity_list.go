package cli

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

type activityListOptions struct {
	*globals
	caseID string
	week   string
	output string
}

func newCmdActivityList(g *globals, runF func(*activityListOptions) error) *cobra.Command {
	opts := &activityListOptions{globals: g}
	c := &cobra.Command{
		Use:   "list CASE [--week YYYY-Www]",
		Short: "List a case's activity tracker, week by week, with weekly totals",
		Long: `List the entries of CASE's weekly activity tracker (document 000), oldest
week first and by date within a week, then the totals of each week:
applications, and job interviews (informational interviews are not
counted). --week lists one ISO week. The ID column is the entry's ID, which
activity update takes; an entry logged before entries had IDs has none
("-"), and the # column, its number among its week's entries of its kind,
names it instead (activity update --week W --application N).

Piped (not a terminal), each line is one record, its fields separated by
tabs, with no header: an entry's line is its week, #, ID, date, kind,
organization/title/event, position, internal, status and feedback; a
week's totals line is "totals", the week, applications and interviews.

-o json prints an object: "entries", a list of objects with the keys week,
number, id ("" for an entry without one), kind (application,
informational-interview, interview, course or networking), date,
organization, position, internal (true, false or null when not recorded),
grade, status, feedback, contact, notes, kind_of_interview, title, provider,
event and contacts (a number, or null when not recorded) — each "" when it
does not apply or was not recorded; and "weeks", a list of objects with the
keys week, applications and interviews.` + "\n" + exitStatusHelp,
		Example: `  caseplan activity list 2026-K7QX2                   # every week, with totals
  caseplan activity list 2026-K7QX2 --week 2026-W11   # one ISO week
  caseplan activity list 2026-K7QX2 -o json           # for a script`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if opts.week != "" {
				if _, ok := calendar.ParseISOWeek(opts.week); !ok {
					return usageErrorf("--week %q: write an ISO week as YYYY-Www, e.g. 2026-W09", opts.week)
				}
			}
			opts.caseID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return activityListRun(opts)
		},
	}
	c.Flags().StringVar(&opts.week, "week", "", "list only this ISO `WEEK`, e.g. 2026-W11")
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

// activityRow is one entry in activity list's JSON contract.
type activityRow struct {
	Week            string `json:"week"`
	Number          int    `json:"number"`
	ID              string `json:"id"`
	Kind            string `json:"kind"`
	Date            string `json:"date"`
	Organization    string `json:"organization"`
	Position        string `json:"position"`
	Internal        *bool  `json:"internal"`
	Grade           string `json:"grade"`
	Status          string `json:"status"`
	Feedback        string `json:"feedback"`
	Contact         string `json:"contact"`
	Notes           string `json:"notes"`
	KindOfInterview string `json:"kind_of_interview"`
	Title           string `json:"title"`
	Provider        string `json:"provider"`
	Event           string `json:"event"`
	Contacts        *int   `json:"contacts"`
}

// activityWeekTotals is one week's totals in activity list's JSON contract.
type activityWeekTotals struct {
	Week         string `json:"week"`
	Applications int    `json:"applications"`
	Interviews   int    `json:"interviews"`
}

// activityRows flattens a week into rows, by date; entries of one date
// keep the order of the week file's lists.
func activityRows(w *record.ActivityWeek) []activityRow {
	var rows []activityRow
	for i, e := range w.Applications {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, ID: e.ID, Kind: casework.ActivityApplication, Date: string(e.Date),
			Organization: e.Organization, Position: e.Position, Internal: e.Internal, Grade: e.Grade, Status: e.Status, Feedback: e.Feedback})
	}
	for i, e := range w.InformationalInterviews {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, ID: e.ID, Kind: casework.ActivityInformationalInterview, Date: string(e.Date),
			Organization: e.Organization, Contact: e.Contact, Notes: e.Notes})
	}
	for i, e := range w.Interviews {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, ID: e.ID, Kind: casework.ActivityInterview, Date: string(e.Date),
			Organization: e.Organization, Position: e.Position, KindOfInterview: e.Kind, Feedback: e.Feedback})
	}
	for i, e := range w.Courses {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, ID: e.ID, Kind: casework.ActivityCourse, Date: string(e.Date),
			Title: e.Title, Provider: e.Provider, Status: e.Status})
	}
	for i, e := range w.Networking {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, ID: e.ID, Kind: casework.ActivityNetworking, Date: string(e.Date),
			Event: e.Event, Contacts: e.Contacts, Notes: e.Notes})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Date < rows[j].Date })
	return rows
}

func activityListRun(opts *activityListOptions) error {
	snap, err := opts.loadReadable(opts.caseID, layout.ActivityOf(opts.caseID))
	if err != nil {
		return err
	}
	c := snap.Case(opts.caseID)
	out := struct {
		Entries []activityRow        `json:"entries"`
		Weeks   []activityWeekTotals `json:"weeks"`
	}{Entries: []activityRow{}, Weeks: []activityWeekTotals{}}
	for _, w := range c.Activity {
		if opts.week != "" && w.Week != opts.week {
			continue
		}
		out.Entries = append(out.Entries, activityRows(w)...)
		out.Weeks = append(out.Weeks, activityWeekTotals{Week: w.Week, Applications: len(w.Applications), Interviews: len(w.Interviews)})
	}
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, out)
	}
	t := newTable(opts.env, "WEEK", "#", "ID", "DATE", "KIND", "ORG/TITLE/EVENT", "POSITION", "INTERNAL", "STATUS", "FEEDBACK")
	for _, r := range out.Entries {
		internal := "-"
		if r.Internal != nil {
			internal = map[bool]string{true: "yes", false: "no"}[*r.Internal]
		}
		what := r.Organization + r.Title + r.Event
		t.row(r.Week, strconv.Itoa(r.Number), dashIfEmpty(r.ID), r.Date, r.Kind, what, dashIfEmpty(r.Position), internal, dashIfEmpty(r.Status), r.Feedback)
	}
	if err := t.flush(); err != nil {
		return err
	}
	if len(out.Weeks) == 0 {
		return nil
	}
	if !opts.env.IsTerminal {
		// Piped, every line is one record for a script: a week's totals
		// say what they are in their first field, where an entry has its
		// week, with no blank line or header to skip.
		t = newTable(opts.env)
		for _, w := range out.Weeks {
			t.row("totals", w.Week, strconv.Itoa(w.Applications), strconv.Itoa(w.Interviews))
		}
		return t.flush()
	}
	fmt.Fprintln(opts.env.Stdout)
	t = newTable(opts.env, "WEEK", "APPLICATIONS", "INTERVIEWS")
	for _, w := range out.Weeks {
		t.row(w.Week, strconv.Itoa(w.Applications), strconv.Itoa(w.Interviews))
	}
	return t.flush()
}
