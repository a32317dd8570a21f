package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casework"
)

type activityUpdateOptions struct {
	*globals
	noCommit bool
	// The entry to update — one of an application, an interview or a
	// course — by its ID, or by its number in --week.
	application, interview, course string
	week, status, feedback         string
	build                          casework.Build // the change the flags name, set by RunE
	caseID                         string
}

func newCmdActivityUpdate(g *globals, runF func(*activityUpdateOptions) error) *cobra.Command {
	opts := &activityUpdateOptions{globals: g}
	c := &cobra.Command{
		Use:   "update CASE (--application ID --status STATUS | --interview ID --feedback TEXT | --course ID --status STATUS)",
		Short: "Move an application or course along, or record interview feedback",
		Long: `Change one entry of CASE's activity tracker, and commit it. Name the entry
by its ID (AP-K7QX2 an application, IV- an interview, AC- a course; in any
case), as activity add printed it and activity list shows it: its week is
found. An entry logged before entries had IDs has none: name it by its
number among its week's applications, interviews or courses, as activity
list shows it, with --week. Given with an ID, --week is checked against the
entry's week. The entry stays in the week it was logged in; only the lines
that change do, so an old week's file need not be edited by hand. The
entry's ID (or, for one without, its week, kind and number) is printed on
stdout.

  --application ID --status STATUS [--feedback TEXT]
      an application's status: applied, interview, offer, hired, rejected
      or withdrawn, and the feedback received (000)
  --interview ID --feedback TEXT
      the feedback from an interview, which often comes days later
  --course ID --status STATUS
      a course's status: enrolled, completed or dropped

Feedback is added to the entry's earlier feedback, after a "; ", as the
employer gives it ("phone screen went well; panel next week"): what was
recorded is never replaced. The same feedback typed again adds nothing. To
correct a feedback's wording, edit the week's file and run caseplan commit.

Informational interviews and networking events are what happened on their
day; they are not updated.` + "\n" + exitStatusHelp,
		Example: `  caseplan activity update 2026-K7QX2 --application AP-3MZ8Q \
      --status interview \
      --feedback 'phone screen went well; panel next week'
  caseplan activity update 2026-K7QX2 --interview IV-9TQ2D \
      --feedback 'strong on scheduling'
  caseplan activity update 2026-K7QX2 --week 2026-W12 --course 1 \
      --status completed`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			if err := opts.pick(c); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return activityUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.application, "application", "", "the application's `ID` (AP-K7QX2), or for one without an ID its number in --week")
	f.StringVar(&opts.interview, "interview", "", "the interview's `ID` (IV-K7QX2), or for one without an ID its number in --week")
	f.StringVar(&opts.course, "course", "", "the course's `ID` (AC-K7QX2), or for one without an ID its number in --week")
	f.StringVar(&opts.week, "week", "", "the ISO `WEEK` the entry was logged in, e.g. 2026-W11 (needed with a number)")
	f.StringVar(&opts.status, "status", "", "`STATUS` of an application ("+strings.Join(casework.ApplicationStatuses, ", ")+") or a course ("+strings.Join(casework.CourseStatuses, ", ")+")")
	f.StringVar(&opts.feedback, "feedback", "", "feedback received (000), added to the entry's earlier feedback")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

// pick checks the flags and sets the change they name.
func (opts *activityUpdateOptions) pick(c *cobra.Command) error {
	list := "caseplan activity list " + opts.caseID + " shows the entries with their IDs"
	var which []string
	for _, f := range []string{"application", "interview", "course"} {
		if c.Flags().Changed(f) {
			which = append(which, f)
		}
	}
	switch {
	case len(which) == 0:
		return &UsageError{Msg: "activity update needs --application, --interview or --course", Hint: list}
	case len(which) > 1:
		return usageErrorf("activity update changes one entry: give only one of --%s", strings.Join(which, ", --"))
	}
	if c.Flags().Changed("week") {
		if _, ok := calendar.ParseISOWeek(opts.week); !ok {
			return usageErrorf("--week %q: write an ISO week as YYYY-Www, e.g. 2026-W09", opts.week)
		}
	}
	entry := map[string]string{"application": opts.application, "interview": opts.interview, "course": opts.course}[which[0]]
	// A number without --week is refused when the change is built: the
	// hint is what to type for the entries of that number, as they are.
	if n, err := strconv.Atoi(strings.TrimSpace(entry)); err == nil && n < 1 {
		return usageErrorf("--%s %d: entries are numbered from 1", which[0], n)
	}
	status := func(allowed []string) error {
		switch {
		case !c.Flags().Changed("status"):
			return &UsageError{Msg: "activity update --" + which[0] + " needs --status", Hint: "one of " + strings.Join(allowed, ", ")}
		case !readChoice(&opts.status, allowed...):
			return &UsageError{
				Msg:  fmt.Sprintf("--status %q: for --%s use one of %s", opts.status, which[0], strings.Join(allowed, ", ")),
				Hint: choiceHint("status", allowed, opts.status, nil),
			}
		}
		return nil
	}
	switch which[0] {
	case "application":
		if err := status(casework.ApplicationStatuses); err != nil {
			return err
		}
		opts.build = casework.UpdateApplication{Case: opts.caseID, Week: opts.week, Application: entry, Status: opts.status, Feedback: opts.feedback}.Build
	case "interview":
		switch {
		case c.Flags().Changed("status"):
			return usageErrorf("an interview has no status; give --feedback")
		case strings.TrimSpace(opts.feedback) == "":
			return &UsageError{Msg: "activity update --interview needs --feedback"}
		}
		opts.build = casework.UpdateInterview{Case: opts.caseID, Week: opts.week, Interview: entry, Feedback: opts.feedback}.Build
	case "course":
		if err := status(casework.CourseStatuses); err != nil {
			return err
		}
		if c.Flags().Changed("feedback") {
			return usageErrorf("a course has no feedback; give --status")
		}
		opts.build = casework.UpdateActivityCourse{Case: opts.caseID, Week: opts.week, Course: entry, Status: opts.status}.Build
	}
	return nil
}

func activityUpdateRun(opts *activityUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.caseID}, opts.build, outputOnly)
}
