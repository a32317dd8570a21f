package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepTargetUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateJobTarget
}

func newCmdIEPTargetUpdate(g *globals, runF func(*iepTargetUpdateOptions) error) *cobra.Command {
	opts := &iepTargetUpdateOptions{globals: g}
	var title, family, gmin, gmax, scope string
	c := &cobra.Command{
		Use:   "update CASE TARGET [--title TITLE] [--job-family F] [--grade-min G] [--grade-max G] [--scope internal|external|both]",
		Short: "Change a job target of the job search plan",
		Long: `Change the fields given of job target TARGET of CASE's job search plan (000)
— its ID (JT-K7QX2, as iep target add printed it), its number in the plan
(1 for the first, as iep show lists them) or its title — and commit it. An
empty value removes a field; the title cannot be removed. A target no longer
pursued is taken out with caseplan iep target remove.` + rewordingHelp("--title") + "\n" + exitStatusHelp,
		Example: `  caseplan iep target update 2026-K7QX2 1 --grade-max 7 --scope both`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Target = args[0], args[1]
			u.Title, u.JobFamily = givenFlag(c, "title", &title), givenFlag(c, "job-family", &family)
			u.GradeMin, u.GradeMax, u.Scope = givenFlag(c, "grade-min", &gmin), givenFlag(c, "grade-max", &gmax), givenFlag(c, "scope", &scope)
			if runF != nil {
				return runF(opts)
			}
			return iepTargetUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&title, "title", "", "the position's `TITLE`")
	f.StringVar(&family, "job-family", "", "the job family")
	f.StringVar(&gmin, "grade-min", "", "the lowest grade to apply for")
	f.StringVar(&gmax, "grade-max", "", "the highest grade to apply for")
	f.StringVar(&scope, "scope", "", "`SCOPE`: "+choicesOf("iep target add", "scope"))
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepTargetUpdateRun(opts *iepTargetUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
