package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type extensionDecideOptions struct {
	*globals
	noCommit         bool
	date, until      string // parsed into change
	approved, denied bool
	change           casework.DecideExtension
}

func newCmdExtensionDecide(g *globals, runF func(*extensionDecideOptions) error) *cobra.Command {
	opts := &extensionDecideOptions{globals: g}
	c := &cobra.Command{
		Use:   "decide CASE --date DATE (--approved --until DATE | --denied) --by WHO",
		Short: "Record the decision on the pending extension request",
		Long: `Record the Joint Work Security Committee's decision on CASE's pending
extension request (document 000): --approved with the extension's last day
(--until), or --denied; --by says who decided. The request in outcome.yaml is
decided in place and an extension note records the decision, in one commit.
Open cases only: a request still pending when the case closed is decided
after the case is reopened (caseplan case reopen), if the decision stands.

An approved extension must run past the work security period, and past any
extension already approved (a later request that the committee approves
extends the period further; an --until on or before its end would change
nothing, and is refused with the days --until may take), and may end at most
extension_max_days (90) after the period: the ws-extension rule refuses a
later --until (exit 1), and the hint names the last day allowed. --approved
without --until is refused with the days --until may take, and an --until
typed as a length (2m, 60d, 60) with the day each reading gives, counted
from the period's last day. A decision dated before the request is refused.
--notes follow the note's sentence with their first letter capitalised;
outcome.yaml keeps them as typed.` + "\n" + exitStatusHelp,
		Example: `  caseplan extension decide WS-001 --date 2026-07-28 --approved \
      --until 2026-10-28 \
      --by "Joint Work Security Committee"
  caseplan extension decide WS-001 --date 2026-07-28 --denied \
      --by "Joint Work Security Committee"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if err := opts.parse(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return extensionDecideRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` of the decision")
	f.BoolVar(&opts.approved, "approved", false, "the extension was approved (needs --until)")
	f.BoolVar(&opts.denied, "denied", false, "the extension was denied")
	dateVar(f, &opts.until, "until", "approved: the extension's last `DATE`")
	f.StringVar(&opts.change.By, "by", "", "who decided, e.g. \"Joint Work Security Committee\"")
	f.StringVar(&opts.change.Notes, "notes", "", "notes on the decision")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("date")
	_ = c.MarkFlagRequired("by")
	return c
}

// parse checks the decision's flags and puts them into the change.
func (o *extensionDecideOptions) parse() error {
	dx := &o.change
	dx.Approved = o.approved
	switch {
	case o.approved == o.denied:
		return &UsageError{Msg: "give one of --approved and --denied", Hint: "--approved --until DATE, or --denied"}
	case o.denied && o.until != "":
		return &UsageError{Msg: "--until goes with --approved; a denied extension has no end"}
	}
	var err error
	if dx.Date, err = parseDate("date", o.date); err != nil {
		return err
	}
	// --approved without --until is refused by the change, which knows
	// the case's period and so the days --until may take.
	if o.approved && o.until != "" {
		if _, err := time.Parse(time.DateOnly, o.until); err != nil && casework.IsLength(o.until) {
			// 2m, 60d: the change knows the period, and so the day
			// each reading gives.
			dx.UntilLength = o.until
			return nil
		}
		if dx.Until, err = parseDate("until", o.until); err != nil {
			return err
		}
	}
	return nil
}

func extensionDecideRun(opts *extensionDecideOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
