package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepServiceAddOptions struct {
	*globals
	noCommit   bool
	start, end string // parsed into change.Service
	change     casework.AddPlanService
}

func newCmdIEPServiceAdd(g *globals, runF func(*iepServiceAddOptions) error) *cobra.Command {
	opts := &iepServiceAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --name NAME [--code CODE] [--provider P] [--start DATE] [--end DATE] [--objective ID]...",
		Short: "Add a service the plan needs; prints its ID",
		Long: `Add a service the customer needs to meet the plan's objectives (001) to
CASE's plan and print its ID (e.g. S-K7QX2). --code is the service code
recorded for reporting (002); --provider who gives it, which may be another
center (002). --objective links it into that objective's services (repeat it
for several); objectives added later name it with --service.

These are the plan's services; referrals to them and their status are kept
by caseplan service in services.yaml.

--training-type gives a training service's type (PIRL 1303): occupational-
skills (the default reading), on-the-job, customized, skill-upgrading,
apprenticeship, entrepreneurial, adult-education, prerequisite,
job-readiness or other. Credential attainment (caseplan report performance)
leaves out participants whose only training was on-the-job or customized
(TEGL 10-16).

A WIOA service that starts more than 90 days (inactivity_exit_days) after
the last one given, with none scheduled between, comes after an exit no one
recorded (TEGL 10-16): it is added with the warning of rule
wioa-unrecorded-exit, which names the exit to record and the new period of
participation to open (case new --returning-from CASE).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep service add 2026-K7QX2 --name 'CNA training course' \
      --code training \
      --provider 'Lakeside College' --start 2026-04-06 --objective O-6WJ2R`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			s := &opts.change.Service
			var err error
			if s.Start, err = optionalDate("start", opts.start); err != nil {
				return err
			}
			if s.End, err = optionalDate("end", opts.end); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepServiceAddRun(opts)
		},
	}
	f := c.Flags()
	s := &opts.change.Service
	f.StringVar(&s.Name, "name", "", "what the service is, e.g. 'CNA training course' (required)")
	f.StringVar(&s.Code, "code", "", "the service `CODE` recorded for reporting (002)")
	f.StringVar(&s.Provider, "provider", "", "who provides it")
	f.StringVar(&s.TrainingType, "training-type", "", "for a training service, its type (PIRL 1303): "+strings.Join(record.TrainingTypes, ", "))
	dateVar(f, &opts.start, "start", "the start `DATE`")
	dateVar(f, &opts.end, "end", "the end `DATE`")
	f.StringArrayVar(&opts.change.Objectives, "objective", nil, "an objective `ID` it serves, e.g. O-6WJ2R (repeatable)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("name")
	return c
}

func iepServiceAddRun(opts *iepServiceAddOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly, validate.RulePlanDate, validate.RuleWIOAUnrecordedExit)
}
