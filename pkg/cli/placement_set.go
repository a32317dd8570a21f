package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// wageUnits are the units a wage is given in, as the outcome schema lists
// them.
var wageUnits = schemas.Enum("outcome", "placements", "[]", "wage_unit")

type placementSetOptions struct {
	*globals
	noCommit                            bool
	employer, position, start, wageUnit string // made into change.Placement
	recorded                            string
	wage, hours                         float64
	internal                            bool
	change                              casework.SetPlacement
}

func newCmdPlacementSet(g *globals, runF func(*placementSetOptions) error) *cobra.Command {
	opts := &placementSetOptions{globals: g}
	c := &cobra.Command{
		Use:   "set CASE --employer E --position P --start DATE",
		Short: "Record the job a participant was placed in",
		Long: `Record CASE's placement in outcome.yaml: employer (or hiring unit), position,
start date and, when known, the wage (--wage with --wage-unit hour or year),
the hours per week and whether the job is internal to the organisation
(--internal, document 000: work-security candidates have preference for
internal jobs). It prints the placement's ID. A placement already recorded
is corrected, not replaced: the new one is added with the ID of the one it
supersedes (and --reason, why), and the earlier one stays on record, so a
report about a past month reads the placement as it was known then.

The start may be after today: a job offer accepted to start next month is
recorded when it is accepted. The participant is placed from the start, not
before (the case keeps its phase and its tickler until then, case show says
when it starts, and the case closes as placed on or after it). A start more
than placement_start_max_days (180, caseplan's choice; cases/caseplan.yaml
settings) after the day it is recorded is recorded with a warning
(placement-start): a typo in the year?

A placement entered late, from a paper file, takes --recorded: the day the
offer was accepted (default: --today). The reports and case show of the
days since then read the job as known from that day, and an offer that
fell through before today can then be recorded so (placement fell-through
--date). A job that has started counts from its start without it.` + "\n" + exitStatusHelp,
		Example: `  caseplan placement set WS-001 --employer "Northfield University Library" \
      --position "Library Assistant" --start 2026-06-01 --wage 24.50 \
      --wage-unit hour \
      --hours 37.5 --internal`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if err := opts.parse(c); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return placementSetRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.employer, "employer", "", "the employer or hiring unit")
	f.StringVar(&opts.position, "position", "", "the position")
	dateVar(f, &opts.start, "start", "the start `DATE`")
	dateVar(f, &opts.recorded, "recorded", "the `DATE` the offer was accepted, for a late entry from a paper file (default: --today)")
	f.Float64Var(&opts.wage, "wage", 0, "the wage, per --wage-unit")
	f.StringVar(&opts.wageUnit, "wage-unit", "", "`UNIT` of the wage: "+choicesOf("placement set", "wage-unit"))
	f.Float64Var(&opts.hours, "hours", 0, "hours per week")
	f.BoolVar(&opts.internal, "internal", false, "the job is inside the organisation (--internal=false: outside)")
	oppositeTriedAs(f, "internal", "external", "outside")
	f.StringVar(&opts.change.Reason, "reason", "", "why a recorded placement is corrected")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	for _, name := range []string{"employer", "position", "start"} {
		_ = c.MarkFlagRequired(name)
	}
	return c
}

// parse checks the placement's flags and makes the placement: the
// optional fields whose flags were not given are left out.
func (o *placementSetOptions) parse(c *cobra.Command) error {
	p := record.Placement{Employer: o.employer, Position: o.position, WageUnit: o.wageUnit}
	var err error
	if p.Start, err = requiredDate("start", o.start); err != nil {
		return err
	}
	flags := c.Flags()
	if flags.Changed("recorded") {
		if p.Recorded, err = requiredDate("recorded", o.recorded); err != nil {
			return err
		}
	}
	if flags.Changed("wage") {
		if o.wage < 0 {
			return usageErrorf("--wage %v: a wage is not negative", o.wage)
		}
		if o.wageUnit == "" {
			return &UsageError{Msg: "--wage needs --wage-unit", Hint: "--wage-unit hour for an hourly wage, year for a salary"}
		}
		p.Wage = &o.wage
	}
	switch {
	case o.wageUnit != "" && !flags.Changed("wage"):
		return usageErrorf("--wage-unit goes with --wage")
	case o.wageUnit != "" && !slices.Contains(wageUnits, o.wageUnit):
		return usageErrorf("--wage-unit %q: use one of %s", o.wageUnit, strings.Join(wageUnits, ", "))
	}
	if flags.Changed("hours") {
		if o.hours < 0 {
			return usageErrorf("--hours %v: hours are not negative", o.hours)
		}
		p.Hours = &o.hours
	}
	if flags.Changed("internal") {
		p.Internal = &o.internal
	}
	o.change.Placement = p
	return nil
}

// placementSetRun records the placement and says if its start is
// implausibly far off (placement-start: a typo in the year?), which the
// write itself, a warning, does not refuse.
func placementSetRun(opts *placementSetOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlacementStart)
}
