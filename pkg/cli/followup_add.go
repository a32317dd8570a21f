package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type followupAddOptions struct {
	*globals
	noCommit              bool
	date, due             string // parsed into change
	employed, notEmployed bool
	wage                  float64
	change                casework.AddFollowUp
}

func newCmdFollowupAdd(g *globals, runF func(*followupAddOptions) error) *cobra.Command {
	opts := &followupAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --date DATE [--employed|--not-employed]",
		Short: "Record a follow-up done after placement or exit",
		Long: `Record a follow-up of CASE done on --date, in outcome.yaml: whether the
participant was employed, the wage at follow-up and notes (job retention
help needed, say). Follow-up runs for 12 months after exit (documents 001,
002, 003).

--due names the follow-up this one fulfils (default: --date). When
outcome.yaml already plans a follow-up due that day, it is marked done;
otherwise a follow-up done on --date is added, with an ID of its own (e.g.
FU-K7QX2). The follow-up's ID is printed on stdout.

The follow-up is recorded in outcome.yaml only, not as a case note: the
command cannot know how the follow-up happened (phone, visit, ...) or whether
it was two-way, and a note would count as a contact. When the follow-up is
worth a narrative, add one with caseplan note add --kind follow-up.` + "\n" + exitStatusHelp,
		Example: `  caseplan followup add W-001 --date 2026-07-01 --due 2026-06-30 --employed --wage 19.75 \
      --notes "Settled in; asked about the evening bus schedule"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if err := opts.parse(c); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return followupAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` the follow-up was done")
	f.StringVar(&opts.due, "due", "", "the `DATE` it was due (default: --date)")
	f.BoolVar(&opts.employed, "employed", false, "the participant was employed")
	f.BoolVar(&opts.notEmployed, "not-employed", false, "the participant was not employed")
	f.Float64Var(&opts.wage, "wage", 0, "the wage at follow-up")
	f.StringVar(&opts.change.Notes, "notes", "", "notes, e.g. job retention help needed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	c.MarkFlagsMutuallyExclusive("employed", "not-employed")
	_ = c.MarkFlagRequired("date")
	return c
}

// parse checks the follow-up's flags and puts them into the change.
func (o *followupAddOptions) parse(c *cobra.Command) error {
	f := &o.change
	var err error
	if f.Date, err = parseDate("date", o.date); err != nil {
		return err
	}
	if o.due != "" {
		if f.Due, err = parseDate("due", o.due); err != nil {
			return err
		}
	}
	switch {
	case o.employed:
		f.Employed = &o.employed
	case o.notEmployed:
		employed := false
		f.Employed = &employed
	}
	if c.Flags().Changed("wage") {
		if o.wage < 0 {
			return usageErrorf("--wage %v: a wage is not negative", o.wage)
		}
		f.Wage = &o.wage
	}
	return nil
}

func followupAddRun(opts *followupAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
