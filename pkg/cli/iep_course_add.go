package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepCourseAddOptions struct {
	*globals
	noCommit   bool
	start, end string // parsed into change.Course
	change     casework.AddSkillCourse
}

func newCmdIEPCourseAdd(g *globals, runF func(*iepCourseAddOptions) error) *cobra.Command {
	opts := &iepCourseAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --course NAME [--provider P] [--start DATE] [--end DATE] [--status STATUS]",
		Short: "Add a course to the skill development plan",
		Long: `Add a course to the skill development plan of CASE: the courses the
candidate will take and who offers them (document 000). --status is planned
(the default), enrolled, completed or dropped. A work security case needs a
skill plan by the layoff date (rule ws-iep-plan). The course's ID (e.g.
SK-K7QX2), which iep course status takes, is printed on stdout.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep course add 2026-K7QX2 --course 'Excel, intermediate' \
      --provider 'Example Learning Center' --start 2026-04-06 --end 2026-05-01`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			co := &opts.change.Course
			var err error
			if co.Start, err = optionalDate("start", opts.start); err != nil {
				return err
			}
			if co.End, err = optionalDate("end", opts.end); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepCourseAddRun(opts)
		},
	}
	f := c.Flags()
	co := &opts.change.Course
	f.StringVar(&co.Course, "course", "", "the course `NAME` (required)")
	f.StringVar(&co.Provider, "provider", "", "who offers it")
	dateVar(f, &opts.start, "start", "the start `DATE`")
	dateVar(f, &opts.end, "end", "the end `DATE`")
	f.StringVar(&co.Status, "status", "", "`STATUS`: "+choicesOf("iep course add", "status")+" (default planned)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("course")
	return c
}

func iepCourseAddRun(opts *iepCourseAddOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlanDate)
}
