package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/record"
)

type activityAddOptions struct {
	*globals
	noCommit bool
	v        activityValues // the entry's flags, made into change.Entry
	change   casework.AddActivity
}

func newCmdActivityAdd(g *globals, runF func(*activityAddOptions) error) *cobra.Command {
	opts := &activityAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --date DATE --kind KIND [flags]",
		Short: "Log an application, interview, course or networking for a week",
		Long: `Log one entry of CASE's weekly candidate activity tracker (document 000) in
activity/<ISO week of --date>.yaml — the file is created when the week has
none — and commit it. Printed on stdout: the entry's ID, e.g. AP-K7QX2 for
an application (II-, IV-, AC- and NW- for the other kinds), which activity
list shows and activity update takes. Each entry has its own, so that
entries logged in one week in two clones at once stay two.

Each kind takes its own flags; one that does not apply is refused:
  application              --org --position (both needed), --internal
                           (--internal=false for an external position),
                           --grade, --status (default applied), --feedback
  informational-interview  --org (needed), --contact, --notes
  interview                --org (needed), --position, --kind-of-interview
                           (` + strings.Join(casework.InterviewKinds, ", ") + `),
                           --feedback
  course                   --title (needed), --provider, --status
  networking               --event (needed), --contacts N (new contacts
                           made), --notes

The statuses --status takes depend on --kind (schemas/activity.schema.json):
an application's is ` + choiceList(casework.ApplicationStatuses...) + `,
a course's ` + choiceList(casework.CourseStatuses...) + `; another is refused, naming
them. The file is edited in place: comments and the order of what a
person wrote stay as they are, and the commit shows only the new lines.` + "\n" + exitStatusHelp,
		Example: `  caseplan activity add 2026-K7QX2 --date 2026-03-10 --kind application \
      --org 'Example Clinic' --position 'Office Coordinator' --internal=false
  caseplan activity add 2026-K7QX2 --date 2026-03-12 --kind networking \
      --event 'Chamber of Commerce breakfast' --contacts 3`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Entry, err = activityEntry(opts.v, c.Flags().Changed); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return activityAddRun(opts)
		},
	}
	f := c.Flags()
	v := &opts.v
	f.StringVar(&v.kind, "kind", "", "`KIND`: "+strings.Join(casework.ActivityKinds, ", "))
	dateVar(f, &v.date, "date", "the `DATE` of the activity; it picks the week's file")
	f.StringVar(&v.org, "org", "", "the employer, unit or organisation")
	f.StringVar(&v.position, "position", "", "the position")
	f.BoolVar(&v.internal, "internal", false, "the position is inside the organisation (000); --internal=false records an external one")
	oppositeTriedAs(f, "internal", "external", "outside")
	f.StringVar(&v.grade, "grade", "", "the position's grade (000)")
	f.StringVar(&v.status, "status", "", activityStatusHelp)
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

// activityStatusHelp is --status's help: the statuses each kind that
// takes one has, as the schema lists them and activityEntry checks them.
var activityStatusHelp = fmt.Sprintf("`STATUS` of an application (%s; default applied) or a course (%s): it depends on --kind",
	choiceList(casework.ApplicationStatuses...), choiceList(casework.CourseStatuses...))

func activityAddRun(opts *activityAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
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
		hint := fmt.Sprintf("--kind %s takes --date, %s", v.kind, dashed(spec.takes))
		if v.date == "" {
			// No default of today: entries are often logged at the
			// next check-in, and today would move them into the
			// wrong week, the unit an extension is weighed by (000).
			hint = "--date is the day it happened, as YYYY-MM-DD, e.g. --date 2026-03-10; " + hint
		}
		return nil, &UsageError{Msg: fmt.Sprintf("--kind %s needs %s", v.kind, display.ProseList(missing)), Hint: hint}
	}
	if _, err := parseDate("date", v.date); err != nil {
		return nil, err
	}
	d := record.Date(v.date)
	oneOf := func(flag string, val *string, allowed []string) error {
		if *val != "" && !readChoice(val, allowed...) {
			return &UsageError{
				Msg:  fmt.Sprintf("--%s %q: for --kind %s use one of %s", flag, *val, v.kind, strings.Join(allowed, ", ")),
				Hint: choiceHint(flag, allowed, *val, nil),
			}
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
		if err := oneOf("status", &a.Status, casework.ApplicationStatuses); err != nil {
			return nil, err
		}
		return a, nil
	case casework.ActivityInformationalInterview:
		return record.InformationalInterview{Date: d, Organization: v.org, Contact: v.contact, Notes: v.notes}, nil
	case casework.ActivityInterview:
		if err := oneOf("kind-of-interview", &v.interviewKind, casework.InterviewKinds); err != nil {
			return nil, err
		}
		return record.Interview{Date: d, Organization: v.org, Position: v.position, Kind: v.interviewKind, Feedback: v.feedback}, nil
	case casework.ActivityCourse:
		if err := oneOf("status", &v.status, casework.CourseStatuses); err != nil {
			return nil, err
		}
		return record.ActivityCourse{Date: d, Title: v.title, Provider: v.provider, Status: v.status}, nil
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

func dashed(flags []string) string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = "--" + f
	}
	return strings.Join(out, ", ")
}
