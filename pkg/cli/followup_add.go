package cli

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

type followupAddOptions struct {
	*globals
	noCommit              bool
	date, due, quarter    string // parsed into change
	employed, notEmployed bool
	wage, earnings        float64
	change                casework.AddFollowUp
}

func newCmdFollowupAdd(g *globals, runF func(*followupAddOptions) error) *cobra.Command {
	opts := &followupAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --date DATE [--employed|--not-employed] [--employer-fein NN-NNNNNNN] [--earnings N] [--evidence KIND]",
		Short: "Record a follow-up done after placement or exit",
		Long: `Record a follow-up of CASE done on --date, in outcome.yaml: whether the
participant was employed, the wage at follow-up and notes (job retention
help needed, say). Follow-up runs for 12 months after exit (001; for WIOA,
the 2nd and 4th quarters after exit, TEGL 10-16).

--due names the follow-up this one fulfils (default: --date). When
outcome.yaml already plans a follow-up due that day, it is marked done;
otherwise a follow-up done on --date is added, with an ID of its own (e.g.
FU-K7QX2). The follow-up's ID is printed on stdout.

The follow-up is recorded in outcome.yaml only, not as a case note: the
command cannot know how the follow-up happened (phone, visit, ...) or whether
it was two-way, and a note would count as a contact. When the follow-up is
worth a narrative, add one with caseplan note add --kind follow-up.

After a WIOA exit, a follow-up is what caseplan report performance reads for
the employment indicators (TEGL 10-16): record, for the quarter after exit it
reports on,
  --employed / --not-employed   in unsubsidised employment in the quarter
                                (--subsidized marks a job a program pays for,
                                which WIOA does not count)
  --employer, --employer-fein,  the employer, and its FEIN (12-3456789) or
  --employer-state-id           state UI tax account number: retention with
                                the same employer in the 2nd and 4th quarters
  --earnings                    the quarter's total earnings (median earnings
                                reads the 2nd quarter's); given before the
                                quarter has ended, they may be only part of
                                it: written with a warning
                                (wioa-earnings-early)
  --evidence                    wage-record, pay-stubs, employer-letter,
                                employer-call, tax-records or
                                self-attestation; a self-attestation needs the
                                dated note that records it (--evidence-note),
                                and shows the employment but not the earnings:
                                median earnings does not count them
--quarter is the quarter after exit (1 to 4) it reports on; by default the
quarter --due falls in (or --date, when --due is not given), counted from the
case's exit date: quarters after exit are the calendar quarters after the
quarter of exit. It is never a calendar quarter: --quarter 2026-Q4 (or Q4,
2026Q4) is refused, with a hint saying which quarter after the case's exit
it is (2026-Q4 is the 2nd after an exit in 2026-Q2: --quarter 2). A
follow-up for the 2nd or 4th quarter made after that quarter ended is
recorded, met late, and stderr says the warning it brings
(wioa-follow-up-late), as validate will.

A follow-up with neither --employed nor --not-employed (an attempt with no
answer) is recorded and covers its quarter for the tickler and validate,
but the outcome is still unknown: the performance report lists it as
missing, and stderr says so (caseplan: note:). Record the outcome when it
is learned with another follow-up for the quarter, --employed or
--not-employed.` + "\n" + exitStatusHelp,
		Example: `  caseplan followup add W-001 --date 2026-07-01 --due 2026-06-30 --employed \
      --wage 19.75 \
      --notes "Settled in; asked about the evening bus schedule"
  caseplan followup add W-001 --date 2027-02-10 --employed \
      --employer "Example Care Home" \
      --employer-fein 00-0000123 --earnings 8450 --evidence pay-stubs
  # an attempt with no answer, for the 2nd quarter after exit:
  caseplan followup add W-001 --date 2027-01-07 --quarter 2 --notes "no answer"`,
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
	dateVar(f, &opts.date, "date", "the `DATE` the follow-up was done")
	dateVar(f, &opts.due, "due", "the `DATE` it was due (default: --date)")
	f.BoolVar(&opts.employed, "employed", false, "the participant was employed")
	f.BoolVar(&opts.notEmployed, "not-employed", false, "the participant was not employed")
	f.Float64Var(&opts.wage, "wage", 0, "the wage at follow-up")
	f.StringVar(&opts.change.Notes, "notes", "", "notes, e.g. job retention help needed")
	// Read as text, so that a calendar quarter typed instead (2026-Q4,
	// Q4) reaches the follow-up's build, which knows the case's exit and
	// says which quarter after it that is.
	f.StringVar(&opts.quarter, "quarter", "", "the quarter after exit, `1-4`, it reports on (default: from the exit date and --due)")
	f.BoolVar(&opts.change.Subsidized, "subsidized", false, "the employment is subsidised (WIOA counts only unsubsidised employment)")
	f.StringVar(&opts.change.Employer, "employer", "", "the employer's `NAME`")
	f.StringVar(&opts.change.EmployerFEIN, "employer-fein", "", "the employer's FEIN, `NN-NNNNNNN`")
	f.StringVar(&opts.change.EmployerStateID, "employer-state-id", "", "the employer's state UI tax account `NUMBER`")
	f.Float64Var(&opts.earnings, "earnings", 0, "the quarter's total earnings, in dollars")
	f.StringVar(&opts.change.Evidence, "evidence", "", "how the employment is known: "+strings.Join(record.EvidenceKinds, ", "))
	f.StringVar(&opts.change.EvidenceNote, "evidence-note", "", "the `NOTE` that records the evidence (needed for self-attestation)")
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
	if c.Flags().Changed("earnings") {
		if o.earnings < 0 {
			return usageErrorf("--earnings %v: earnings are not negative", o.earnings)
		}
		f.Earnings = &o.earnings
	}
	if c.Flags().Changed("quarter") {
		// Anything but 1 to 4 is refused by the build, with the case's
		// exit at hand for the hint.
		if n, err := strconv.Atoi(strings.TrimSpace(o.quarter)); err == nil && n >= 1 && n <= 4 {
			f.Quarter = n
		} else {
			f.QuarterTyped = o.quarter
		}
	}
	if f.Evidence != "" && !readChoice(&f.Evidence, record.EvidenceKinds...) {
		return usageErrorf("--evidence %q: use one of %s", f.Evidence, strings.Join(record.EvidenceKinds, ", "))
	}
	if f.EmployerFEIN != "" && !feinRE.MatchString(f.EmployerFEIN) {
		return usageErrorf("--employer-fein %q: a FEIN is two digits, a hyphen and seven digits, like 12-3456789", f.EmployerFEIN)
	}
	if f.Subsidized && !o.employed {
		return usageErrorf("--subsidized describes employment: give --employed too")
	}
	return nil
}

// feinRE is the schema's form of a Federal Employer Identification Number.
var feinRE = regexp.MustCompile(`^[0-9]{2}-[0-9]{7}$`)

func followupAddRun(opts *followupAddOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RuleWIOAEarningsEarly, validate.RuleWIOAFollowUpLate)
}
