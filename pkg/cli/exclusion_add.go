package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type exclusionAddOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Exclusion
	change   casework.AddExclusion
}

func newCmdExclusionAdd(g *globals, runF func(*exclusionAddOptions) error) *cobra.Command {
	opts := &exclusionAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --kind KIND --date DATE",
		Short: "Record why a participant is left out of the indicators",
		Long: `Record, in outcome.yaml, that CASE's participant is left out of WIOA's
performance indicators, and print its ID (EX-XXXXX). PIRL 923 ("Other
Reasons for Exit") lists the reasons, at exit or in the three quarters after
the quarter of exit (TEGL 10-16):
  institutionalized    01  incarcerated, or living in a facility that gives
                           24-hour support, such as a hospital or treatment
                           center
  health-medical       02  medical treatment expected to last over 90 days
                           that keeps the person from work or services
  deceased             03
  reserve-active-duty  04  a member of the National Guard or a reserve unit
                           called to active duty for 90 days or more
The report counts an exclusion dated from the exit date (the last
participation-causing service) through the 3rd quarter after the quarter of
exit: "at time of exit or during the three quarters following the quarter of
exit" (PIRL 923). One dated before the exit was followed by services, so it
did not end the participation: the report counts the participant and says
so (README, The WIOA performance report).
Only the kind and the date are recorded: the details are health and custody
matters, which belong in the case's sealed fields, never in plain records or
commit messages.` + "\n" + exitStatusHelp,
		Example: `  caseplan exclusion add W-001 --kind reserve-active-duty --date 2026-11-02`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			x := &opts.change.Exclusion
			if !slices.Contains(record.ExclusionKinds, x.Kind) {
				return &UsageError{Msg: fmt.Sprintf("--kind %q: use one of %s", x.Kind, strings.Join(record.ExclusionKinds, ", ")), Hint: choiceHint("kind", record.ExclusionKinds, x.Kind, nil)}
			}
			var err error
			if x.Date, err = requiredDate("date", opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return exclusionAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Exclusion.Kind, "kind", "", "the reason (PIRL 923): "+strings.Join(record.ExclusionKinds, ", "))
	dateVar(f, &opts.date, "date", "the `DATE` it began")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	_ = c.MarkFlagRequired("date")
	return c
}

func exclusionAddRun(opts *exclusionAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
}
