package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseSealedResealOptions struct {
	*globals
	all      bool
	noCommit bool
	change   casework.ResealCases
}

func newCmdCaseSealedReseal(g *globals, runF func(*caseSealedResealOptions) error) *cobra.Command {
	opts := &caseSealedResealOptions{globals: g}
	c := &cobra.Command{
		Use:   "reseal CASE... | --all",
		Short: "Re-encrypt sealed fields to the case team as the roster stands",
		Long: `Re-encrypt the sealed fields of the cases named (--all: every case that has
them) to their teams as the roster stands now, in one commit. Commands that
change a team or the roster re-seal what the person running them can read;
validate reports the rest (sealed-recipients), and one of their recipients
— a supervisor can read every case — runs this. Cases already sealed to
their team are left alone; those you cannot read are named and left too.
With --all, so are the cases your role does not let you change (a
supervisor made a case manager can still read every case): the others are
re-sealed and committed, exit status 0, and validate names who may re-seal
the ones left (sealed-recipients); when every case that needs it is one you
may not change, nothing is written and the exit status is 2. When every
case is already sealed to its team, nothing is written and the exit status
is 0.` + "\n" + exitStatusHelp,
		Example: `  caseplan case sealed reseal 2026-K7QX2 2026-F3VD6   # two cases, one commit
  caseplan case sealed reseal --all                   # each case you may change`,
		Args: func(c *cobra.Command, args []string) error {
			if opts.all == (len(args) > 0) {
				return usageErrorf("name the cases to re-seal, or give --all")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Cases = args
			if runF != nil {
				return runF(opts)
			}
			return caseSealedResealRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.all, "all", false, "every case that has sealed fields")
	c.Flags().BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func caseSealedResealRun(opts *caseSealedResealOptions) error {
	err := opts.write(opts.noCommit, opts.change.Cases, opts.change.Build, sayWhat)
	if errors.Is(err, casework.ErrNothingToReseal) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: %v\n", err)
		return nil
	}
	return err
}
