package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepCourseStatusOptions struct {
	*globals
	noCommit bool
	change   casework.SetCourseStatus
}

func newCmdIEPCourseStatus(g *globals, runF func(*iepCourseStatusOptions) error) *cobra.Command {
	opts := &iepCourseStatusOptions{globals: g}
	c := &cobra.Command{
		Use:   "status CASE COURSE --status planned|enrolled|completed|dropped",
		Short: "Move a course of the skill plan along",
		Long: `Set the status of a course in CASE's skill development plan (document 000):
planned, enrolled, completed or dropped. COURSE is the course's ID
(SK-K7QX2, as iep course add printed it); its place in the skill plan, 1 for
the first, in the order caseplan iep show lists them, or its name (ignoring
case) name it too. Only its status line changes.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep course status WS-001 1 --status completed
  caseplan iep course status WS-001 'Excel, intermediate' --status enrolled`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Course = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return iepCourseStatusRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Status, "status", "", "`STATUS`: "+choicesOf("iep course status", "status")+" (required)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("status")
	return c
}

func iepCourseStatusRun(opts *iepCourseStatusOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
