package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepServiceUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdatePlanService
}

func newCmdIEPServiceUpdate(g *globals, runF func(*iepServiceUpdateOptions) error) *cobra.Command {
	opts := &iepServiceUpdateOptions{globals: g}
	var name, code, provider, start, end string
	c := &cobra.Command{
		Use:   "update CASE SERVICE [--name NAME] [--code CODE] [--provider P] [--start DATE] [--end DATE]",
		Short: "Correct or reschedule a plan service",
		Long: `Change the fields given of service SERVICE (S-K7QX2, ...) of CASE's plan and
commit it. An empty value removes a field; the name cannot be removed. For
WIOA the dates decide participation and exit (TEGL 10-16): a service not yet
started, or still under way, is scheduled and keeps the participant from
exiting. When a service has ended, record it with caseplan iep service end;
when it will not be given, caseplan iep service cancel.` + rewordingHelp("--name") + "\n" + exitStatusHelp,
		Example: `  caseplan iep service update 2026-K7QX2 S-2HX7M --start 2026-04-13 \
      --provider 'Northfield College'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Service = args[0], args[1]
			u.Name, u.Code, u.Provider = givenFlag(c, "name", &name), givenFlag(c, "code", &code), givenFlag(c, "provider", &provider)
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
			return iepServiceUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&name, "name", "", "what the service is")
	f.StringVar(&code, "code", "", "the service `CODE` recorded for reporting (002)")
	f.StringVar(&provider, "provider", "", "who provides it")
	clearableDateVar(f, &start, "start", "the start `DATE`")
	clearableDateVar(f, &end, "end", "the end `DATE`")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepServiceUpdateRun(opts *iepServiceUpdateOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlanDate, validate.RuleWIOAUnrecordedExit)
}
