package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseBarrierAddOptions struct {
	*globals
	noCommit bool
	change   casework.AddBarrier
}

func newCmdCaseBarrierAdd(g *globals, runF func(*caseBarrierAddOptions) error) *cobra.Command {
	opts := &caseBarrierAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --kind KIND [--detail TEXT] [--status open|addressed]",
		Short: "Record a barrier to employment",
		Long: `Record a barrier to employment of CASE's participant in intake.yaml (001,
002): --kind is child-care, transportation, disability, housing, language,
health, legal, literacy, digital, financial or other; --detail says what it
is in this case; --status is open (the default) or addressed. A kind the
schema does not know is refused with its finding. The barrier's ID (e.g.
BR-K7QX2) is printed on stdout.

The detail of a health or disability barrier is health information,
sensitive PII (TEGL 39-11): record the kind alone here, which services are
planned by, and keep the detail in the case's sealed fields (caseplan case
sealed set CASE --health TEXT, or --disability TEXT). A detail given for
one is written, with a pii-term warning at its line.` + "\n" + exitStatusHelp,
		Example: `  caseplan case barrier add W-001 --kind transportation \
      --detail 'No car; the clinical sites are off the bus routes'
  # a health barrier's detail goes in the sealed fields (case sealed set
  # W-001 --health TEXT); the barrier records its kind alone
  caseplan case barrier add W-001 --kind health`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if runF != nil {
				return runF(opts)
			}
			return caseBarrierAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Barrier.Kind, "kind", "", "the `KIND` of barrier: "+choicesOf("case barrier add", "kind")+" (required)")
	f.StringVar(&opts.change.Barrier.Detail, "detail", "", "what the barrier is in this case (a health or disability barrier's goes in the sealed fields: caseplan case sealed set)")
	f.StringVar(&opts.change.Barrier.Status, "status", "", "`STATUS`: "+choicesOf("case barrier add", "status")+" (default open)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	return c
}

func caseBarrierAddRun(opts *caseBarrierAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
