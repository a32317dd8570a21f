package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casework"
)

type activityUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateApplication
}

func newCmdActivityUpdate(g *globals, runF func(*activityUpdateOptions) error) *cobra.Command {
	opts := &activityUpdateOptions{globals: g}
	c := &cobra.Command{
		Use:   "update CASE --application ID --status STATUS",
		Short: "Move an application along: interview, offer, hired, rejected, withdrawn",
		Long: `Set the status (and, with --feedback, the feedback) of an application in
CASE's activity tracker, and commit it. Name the application by its ID
(AP-K7QX2, in any case), as activity add printed it and activity list shows
it. An application logged before applications had IDs has none: name it by
its number in its week, as activity list shows it, with --week. Given with
an ID, --week is checked against the week the application is in.

The application stays in the week it was made; only its status and feedback
lines change, so an old week's file need not be edited by hand. The
application's ID (or, for one without, its week, "application" and its
number) is printed on stdout.

The status is one of applied, interview, offer, hired, rejected or
withdrawn.` + "\n" + exitStatusHelp,
		Example: `  caseplan activity update 2026-K7QX2 --application AP-3MZ8Q --status interview \
      --feedback 'phone screen went well; panel next week'
  caseplan activity update 2026-K7QX2 --week 2026-W11 --application 2 --status rejected`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case = args[0]
			var missing []string
			for _, f := range []string{"application", "status"} {
				if !c.Flags().Changed(f) {
					missing = append(missing, "--"+f)
				}
			}
			if len(missing) > 0 {
				return &UsageError{Msg: "activity update needs " + strings.Join(missing, ", "), Hint: "caseplan activity list " + u.Case + " shows the applications with their IDs"}
			}
			if u.Week != "" {
				if _, ok := calendar.ParseISOWeek(u.Week); !ok {
					return usageErrorf("--week %q: write an ISO week as YYYY-Www, e.g. 2026-W09", u.Week)
				}
			}
			if n, err := strconv.Atoi(strings.TrimSpace(u.Application)); err == nil {
				switch {
				case n < 1:
					return usageErrorf("--application %d: applications are numbered from 1", n)
				case u.Week == "":
					return &UsageError{Msg: fmt.Sprintf("--application %d: a number names an application of one week; give --week, or name it by its ID", n),
						Hint: "caseplan activity list " + u.Case + " shows the applications with their IDs"}
				}
			}
			if !slices.Contains(casework.ApplicationStatuses, u.Status) {
				return usageErrorf("--status %q: use one of %s", u.Status, strings.Join(casework.ApplicationStatuses, ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return activityUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Application, "application", "", "the application's `ID` (AP-K7QX2), or for one without an ID its number in --week")
	f.StringVar(&opts.change.Week, "week", "", "the ISO `WEEK` the application was logged in, e.g. 2026-W11 (needed with a number)")
	f.StringVar(&opts.change.Status, "status", "", "`STATUS`: "+strings.Join(casework.ApplicationStatuses, ", "))
	f.StringVar(&opts.change.Feedback, "feedback", "", "feedback received (000)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func activityUpdateRun(opts *activityUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
}
