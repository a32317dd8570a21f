package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

func newCaseCmd(g *globals) *cobra.Command {
	return newGroupCmd("case", "Cases: open, list, show, the intake record, transfer, exit, close and reopen",
		newCaseNewCmd(g), newCaseListCmd(g), newCaseShowCmd(g),
		newCaseCloseCmd(g), newCaseReopenCmd(g), newCaseTransferCmd(g),
		newCaseSetCmd(g), newCaseToolboxCmd(g), newCaseAssessmentCmd(g), newCaseBarrierCmd(g),
		newCaseTeamCmd(g), newCaseEligibilityCmd(g), newCaseConsentCmd(g), newCaseExitCmd(g))
}

type caseNewOptions struct {
	id, program, name, manager, center string
	opened, notice, layoff             string
	grantEnded                         bool
	noCommit                           bool
}

func newCaseNewCmd(g *globals) *cobra.Command {
	opts := &caseNewOptions{}
	c := &cobra.Command{
		Use:   "new --program P --name NAME [--manager STAFF]",
		Short: "Open a case: write its intake record and an empty plan, and commit",
		Long: `Open a case. caseplan writes cases/<id>/intake.yaml and an empty Individual
Employment Plan (iep.yaml), validates them and commits. The case ID is printed
on stdout: by default the year and five random characters (2026-K7QX2), which
cannot collide when cases are opened in several clones at once; --id takes an
ID from another system (never a Social Security number).

Work-security cases need --notice-date and --layoff-date (document 000).` + "\n" + exitStatusHelp,
		Example: `  caseplan case new --program wioa --name "Alex Example" --manager jdoe
  caseplan case new --program work-security --name "Sam Sample" \
      --notice-date 2026-03-02 --layoff-date 2026-05-01`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			nc, err := opts.parse()
			if err != nil {
				return err
			}
			return g.write(opts.noCommit, nil, nc.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.program, "program", "", "the program `KEY` from caseplan.yaml (work-security, wioa, post-employment, ...)")
	f.StringVar(&opts.name, "name", "", "the participant's `NAME`")
	f.StringVar(&opts.manager, "manager", "", "the designated case manager's staff `ID` (default: you)")
	f.StringVar(&opts.id, "id", "", "an external case `ID` (default: a new random one)")
	f.StringVar(&opts.center, "center", "", "the office (default: the manager's)")
	f.StringVar(&opts.opened, "opened", "", "the `DATE` the case opened (default: --today)")
	f.StringVar(&opts.notice, "notice-date", "", "work security: the `DATE` of the layoff notice")
	f.StringVar(&opts.layoff, "layoff-date", "", "work security: the layoff `DATE`")
	f.BoolVar(&opts.grantEnded, "grant-ended", false, "work security: the position's grant funding ended (30-day notification)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the files but do not commit them")
	_ = c.MarkFlagRequired("program")
	_ = c.MarkFlagRequired("name")
	return c
}

func (o *caseNewOptions) parse() (casework.NewCase, error) {
	nc := casework.NewCase{
		ID: o.id, Program: o.program, Name: o.name, Manager: o.manager,
		Center: o.center, GrantEnded: o.grantEnded,
	}
	for _, d := range []struct {
		flag, v string
		to      *time.Time
	}{{"opened", o.opened, &nc.Opened}, {"notice-date", o.notice, &nc.NoticeDate}, {"layoff-date", o.layoff, &nc.LayoffDate}} {
		if d.v == "" {
			continue
		}
		t, err := parseDate(d.flag, d.v)
		if err != nil {
			return nc, err
		}
		*d.to = t
	}
	return nc, nil
}
