package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepCourseUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateCourse
}

func newCmdIEPCourseUpdate(g *globals, runF func(*iepCourseUpdateOptions) error) *cobra.Command {
	opts := &iepCourseUpdateOptions{globals: g}
	var name, provider, start, end string
	c := &cobra.Command{
		Use:   "update CASE COURSE [--course NAME] [--provider P] [--start DATE] [--end DATE]",
		Short: "Correct or reschedule a course of the skill plan",
		Long: `Change the fields given of course COURSE of CASE's skill development plan
(000) — its ID (SK-K7QX2, as iep course add printed it), its number (1 for
the first, as iep show lists them) or its name — and commit it. An empty
value removes a field; the name cannot be removed. Its status (planned,
enrolled, completed, dropped) moves with caseplan iep course status.` + rewordingHelp("--course") + "\n" + exitStatusHelp,
		Example: `  caseplan iep course update 2026-K7QX2 1 --start 2026-04-13 --end 2026-05-29`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Course = args[0], args[1]
			u.Name, u.Provider = givenFlag(c, "course", &name), givenFlag(c, "provider", &provider)
			var err error
			if u.Start, err = givenDate(c, "start", &start); err != nil {
				return err
			}
			if u.End, err = givenDate(c, "end", &end); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepCourseUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&name, "course", "", "the course's `NAME`")
	f.StringVar(&provider, "provider", "", "who gives it")
	clearableDateVar(f, &start, "start", "the start `DATE`")
	clearableDateVar(f, &end, "end", "the end `DATE`")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepCourseUpdateRun(opts *iepCourseUpdateOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlanDate)
}
