package cli

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

func newActivityCmd(g *globals) *cobra.Command {
	return newGroupCmd("activity", "The weekly candidate activity tracker",
		newActivityAddCmd(g), newActivityListCmd(g), newActivityUpdateCmd(g))
}

// activityValues are the values of activity add's flags.
type activityValues struct {
	kind, date                     string
	org, position, grade, status   string
	feedback, contact, notes       string
	interviewKind, title, provider string
	event                          string
	internal                       bool
	contacts                       int
}

// activityKindFlags says which entry flags each kind of activity takes
// (the week file's fields for it: schemas/activity.schema.json) and which
// of them it needs. --kind and --date apply to every kind.
var activityKindFlags = map[string]struct{ takes, needs []string }{
	casework.ActivityApplication:            {takes: []string{"org", "position", "internal", "grade", "status", "feedback"}, needs: []string{"org", "position"}},
	casework.ActivityInformationalInterview: {takes: []string{"org", "contact", "notes"}, needs: []string{"org"}},
	casework.ActivityInterview:              {takes: []string{"org", "position", "kind-of-interview", "feedback"}, needs: []string{"org"}},
	casework.ActivityCourse:                 {takes: []string{"title", "provider", "status"}, needs: []string{"title"}},
	casework.ActivityNetworking:             {takes: []string{"event", "contacts", "notes"}, needs: []string{"event"}},
}

// activityEntryFlags are the flags that fill an entry, in the order help
// and messages name them.
var activityEntryFlags = []string{"org", "position", "internal", "grade", "status", "feedback", "contact", "notes", "kind-of-interview", "title", "provider", "event", "contacts"}

// activityEntry maps activity add's flags to the week file's entry for the
// kind: a record.Application, record.InformationalInterview,
// record.Interview, record.ActivityCourse or record.NetworkingEvent. given
// reports whether a flag was given on the command line; a flag that does
// not apply to the kind is a usage error naming the ones that do, so a
// value is never dropped silently.
func activityEntry(v activityValues, given func(flag string) bool) (any, error) {
	spec, ok := activityKindFlags[v.kind]
	if !ok {
		if v.kind == "" {
			return nil, &UsageError{Msg: "activity add needs --kind", Hint: "one of " + strings.Join(casework.ActivityKinds, ", ")}
		}
		return nil, usageErrorf("--kind %q: use one of %s", v.kind, strings.Join(casework.ActivityKinds, ", "))
	}
	var stray []string
	for _, f := range activityEntryFlags {
		if given(f) && !slices.Contains(spec.takes, f) {
			stray = append(stray, "--"+f)
		}
	}
	if len(stray) > 0 {
		verb := "does"
		if len(stray) > 1 {
			verb = "do"
		}
		return nil, &UsageError{
			Msg:  fmt.Sprintf("%s %s not apply to --kind %s", strings.Join(stray, ", "), verb, v.kind),
			Hint: fmt.Sprintf("--kind %s takes --date, %s", v.kind, dashed(spec.takes)),
		}
	}
	var missing []string
	for _, f := range spec.needs {
		if !given(f) || strings.TrimSpace(flagText(v, f)) == "" {
			missing = append(missing, "--"+f)
		}
	}
	if v.date == "" {
		missing = append([]string{"--date"}, missing...)
	}
	if len(missing) > 0 {
		return nil, &UsageError{
			Msg:  fmt.Sprintf("--kind %s needs %s", v.kind, andList(missing)),
			Hint: fmt.Sprintf("--kind %s takes --date, %s", v.kind, dashed(spec.takes)),
		}
	}
	if _, err := parseDate("date", v.date); err != nil {
		return nil, err
	}
	d := record.Date(v.date)
	oneOf := func(flag, val string, allowed []string) error {
		if val != "" && !slices.Contains(allowed, val) {
			return usageErrorf("--%s %q: for --kind %s use one of %s", flag, val, v.kind, strings.Join(allowed, ", "))
		}
		return nil
	}
	switch v.kind {
	case casework.ActivityApplication:
		a := record.Application{Date: d, Organization: v.org, Position: v.position, Grade: v.grade, Status: v.status, Feedback: v.feedback}
		if a.Status == "" {
			a.Status = "applied"
		}
		if given("internal") {
			internal := v.internal
			a.Internal = &internal
		}
		return a, oneOf("status", a.Status, casework.ApplicationStatuses)
	case casework.ActivityInformationalInterview:
		return record.InformationalInterview{Date: d, Organization: v.org, Contact: v.contact, Notes: v.notes}, nil
	case casework.ActivityInterview:
		return record.Interview{Date: d, Organization: v.org, Position: v.position, Kind: v.interviewKind, Feedback: v.feedback},
			oneOf("kind-of-interview", v.interviewKind, casework.InterviewKinds)
	case casework.ActivityCourse:
		return record.ActivityCourse{Date: d, Title: v.title, Provider: v.provider, Status: v.status},
			oneOf("status", v.status, casework.CourseStatuses)
	default: // networking
		e := record.NetworkingEvent{Date: d, Event: v.event, Notes: v.notes}
		if given("contacts") {
			if v.contacts < 0 {
				return nil, usageErrorf("--contacts %d: the number of new contacts cannot be negative", v.contacts)
			}
			n := v.contacts
			e.Contacts = &n
		}
		return e, nil
	}
}

// flagText returns the text value of a required entry flag.
func flagText(v activityValues, flag string) string {
	switch flag {
	case "org":
		return v.org
	case "position":
		return v.position
	case "title":
		return v.title
	case "event":
		return v.event
	}
	return ""
}

// andList joins words as "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func dashed(flags []string) string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = "--" + f
	}
	return strings.Join(out, ", ")
}

type activityAddOptions struct {
	caseID   string
	v        activityValues
	noCommit bool
}

func newActivityAddCmd(g *globals) *cobra.Command {
	opts := &activityAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --date DATE --kind KIND [flags]",
		Short: "Log an application, interview, course or networking in the week's tracker",
		Long: `Log one entry of CASE's weekly candidate activity tracker (document 000) in
activity/<ISO week of --date>.yaml — the file is created when the week has
none — and commit it. Printed on stdout: the week, the kind and the entry's
number among that week's entries of its kind, e.g. "2026-W11 application 2";
activity update takes the week and the number.

Each kind takes its own flags; one that does not apply is refused:
  application              --org --position (both needed), --internal
                           (--internal=false for an external position),
                           --grade, --status (default applied), --feedback
  informational-interview  --org (needed), --contact, --notes
  interview                --org (needed), --position, --kind-of-interview
                           (screening, hiring-manager, panel, mock, other),
                           --feedback
  course                   --title (needed), --provider, --status (enrolled,
                           completed, dropped)
  networking               --event (needed), --contacts N (new contacts
                           made), --notes

An application's status is applied, interview, offer, hired, rejected or
withdrawn. The file is edited in place: comments and the order of what a
person wrote stay as they are, and the commit shows only the new lines.` + "\n" + exitStatusHelp,
		Example: `  caseplan activity add 2026-K7QX2 --date 2026-03-10 --kind application \
      --org 'Example Clinic' --position 'Office Coordinator' --internal=false
  caseplan activity add 2026-K7QX2 --date 2026-03-12 --kind networking \
      --event 'Chamber of Commerce breakfast' --contacts 3`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			entry, err := activityEntry(opts.v, c.Flags().Changed)
			if err != nil {
				return err
			}
			return g.write(opts.noCommit, []string{opts.caseID}, casework.AddActivity{Case: opts.caseID, Entry: entry}.Build, outputOnly)
		},
	}
	f := c.Flags()
	v := &opts.v
	f.StringVar(&v.kind, "kind", "", "`KIND`: "+strings.Join(casework.ActivityKinds, ", "))
	f.StringVar(&v.date, "date", "", "the `DATE` of the activity; it picks the week's file")
	f.StringVar(&v.org, "org", "", "the employer, unit or organisation")
	f.StringVar(&v.position, "position", "", "the position")
	f.BoolVar(&v.internal, "internal", false, "the position is inside the organisation (000); --internal=false records an external one")
	f.StringVar(&v.grade, "grade", "", "the position's grade (000)")
	f.StringVar(&v.status, "status", "", "`STATUS` of an application or a course")
	f.StringVar(&v.feedback, "feedback", "", "feedback received (000)")
	f.StringVar(&v.contact, "contact", "", "the person met at an informational interview")
	f.StringVar(&v.notes, "notes", "", "notes")
	f.StringVar(&v.interviewKind, "kind-of-interview", "", "`KIND` of interview: "+strings.Join(casework.InterviewKinds, ", "))
	f.StringVar(&v.title, "title", "", "the course title")
	f.StringVar(&v.provider, "provider", "", "who offers the course")
	f.StringVar(&v.event, "event", "", "the networking event or group")
	f.IntVar(&v.contacts, "contacts", 0, "the number `N` of new contacts made at a networking event")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the entry but do not commit it")
	return c
}

type activityUpdateOptions struct {
	update   casework.UpdateApplication
	noCommit bool
}

func newActivityUpdateCmd(g *globals) *cobra.Command {
	opts := &activityUpdateOptions{}
	c := &cobra.Command{
		Use:   "update CASE --week YYYY-Www --application N --status STATUS",
		Short: "Move an application along: interview, offer, hired, rejected, withdrawn",
		Long: `Set the status (and, with --feedback, the feedback) of application N of week
--week in CASE's activity tracker, and commit it. N is the application's
number in that week, as activity add printed it and activity list shows it.
The application stays in the week it was made; only its status and feedback
lines change, so an old week's file need not be edited by hand.

The status is one of applied, interview, offer, hired, rejected or
withdrawn.` + "\n" + exitStatusHelp,
		Example: `  caseplan activity update 2026-K7QX2 --week 2026-W11 --application 2 --status interview \
      --feedback 'phone screen went well; panel next week'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.update
			u.Case = args[0]
			var missing []string
			for _, f := range []string{"week", "application", "status"} {
				if !c.Flags().Changed(f) {
					missing = append(missing, "--"+f)
				}
			}
			if len(missing) > 0 {
				return &UsageError{Msg: "activity update needs " + strings.Join(missing, ", "), Hint: "caseplan activity list " + u.Case + " shows the weeks and the applications' numbers"}
			}
			if _, ok := calendar.ParseISOWeek(u.Week); !ok {
				return usageErrorf("--week %q: write an ISO week as YYYY-Www, e.g. 2026-W09", u.Week)
			}
			if u.Application < 1 {
				return usageErrorf("--application %d: applications are numbered from 1", u.Application)
			}
			if !slices.Contains(casework.ApplicationStatuses, u.Status) {
				return usageErrorf("--status %q: use one of %s", u.Status, strings.Join(casework.ApplicationStatuses, ", "))
			}
			return g.write(opts.noCommit, []string{u.Case}, u.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.update.Week, "week", "", "the ISO `WEEK` the application was logged in, e.g. 2026-W11")
	f.IntVar(&opts.update.Application, "application", 0, "the application's number `N` in that week")
	f.StringVar(&opts.update.Status, "status", "", "`STATUS`: "+strings.Join(casework.ApplicationStatuses, ", "))
	f.StringVar(&opts.update.Feedback, "feedback", "", "feedback received (000)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

type activityListOptions struct {
	caseID string
	week   string
	output string
}

func newActivityListCmd(g *globals) *cobra.Command {
	opts := &activityListOptions{}
	c := &cobra.Command{
		Use:   "list CASE [--week YYYY-Www]",
		Short: "List a case's activity tracker, week by week, with weekly totals",
		Long: `List the entries of CASE's weekly activity tracker (document 000), oldest
week first and by date within a week, then the totals of each week:
applications, and job interviews (informational interviews are not
counted). --week lists one ISO week. The # column is the entry's number
among its week's entries of its kind, as activity update takes it.

-o json prints an object: "entries", a list of objects with the keys week,
number, kind (application, informational-interview, interview, course or
networking), date, organization, position, internal (true, false or null
when not recorded), grade, status, feedback, contact, notes,
kind_of_interview, title, provider, event and contacts (a number, or null
when not recorded) — each "" when it does not apply or was not recorded;
and "weeks", a list of objects with the keys week, applications and
interviews.` + "\n" + exitStatusHelp,
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
			return activityListRun(g, opts)
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
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, Kind: casework.ActivityApplication, Date: string(e.Date),
			Organization: e.Organization, Position: e.Position, Internal: e.Internal, Grade: e.Grade, Status: e.Status, Feedback: e.Feedback})
	}
	for i, e := range w.InformationalInterviews {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, Kind: casework.ActivityInformationalInterview, Date: string(e.Date),
			Organization: e.Organization, Contact: e.Contact, Notes: e.Notes})
	}
	for i, e := range w.Interviews {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, Kind: casework.ActivityInterview, Date: string(e.Date),
			Organization: e.Organization, Position: e.Position, KindOfInterview: e.Kind, Feedback: e.Feedback})
	}
	for i, e := range w.Courses {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, Kind: casework.ActivityCourse, Date: string(e.Date),
			Title: e.Title, Provider: e.Provider, Status: e.Status})
	}
	for i, e := range w.Networking {
		rows = append(rows, activityRow{Week: w.Week, Number: i + 1, Kind: casework.ActivityNetworking, Date: string(e.Date),
			Event: e.Event, Contacts: e.Contacts, Notes: e.Notes})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Date < rows[j].Date })
	return rows
}

func activityListRun(g *globals, opts *activityListOptions) error {
	snap, err := g.loadReadable(opts.caseID, layout.ActivityOf(opts.caseID))
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
		return writeJSON(g.env.Stdout, out)
	}
	t := newTable(g.env, "WEEK", "#", "DATE", "KIND", "ORG/TITLE/EVENT", "POSITION", "INTERNAL", "STATUS", "FEEDBACK")
	for _, r := range out.Entries {
		internal := "-"
		if r.Internal != nil {
			internal = map[bool]string{true: "yes", false: "no"}[*r.Internal]
		}
		what := r.Organization + r.Title + r.Event
		t.row(r.Week, strconv.Itoa(r.Number), r.Date, r.Kind, what, dashIfEmpty(r.Position), internal, dashIfEmpty(r.Status), r.Feedback)
	}
	if err := t.flush(); err != nil {
		return err
	}
	if len(out.Weeks) == 0 {
		return nil
	}
	fmt.Fprintln(g.env.Stdout)
	t = newTable(g.env, "WEEK", "APPLICATIONS", "INTERVIEWS")
	for _, w := range out.Weeks {
		t.row(w.Week, strconv.Itoa(w.Applications), strconv.Itoa(w.Interviews))
	}
	return t.flush()
}
