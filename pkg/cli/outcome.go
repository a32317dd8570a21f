package cli

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

func newExtensionCmd(g *globals) *cobra.Command {
	return newGroupCmd("extension", "Work-security extension requests and decisions",
		newExtensionRequestCmd(g), newExtensionDecideCmd(g))
}

func newPlacementCmd(g *globals) *cobra.Command {
	return newGroupCmd("placement", "The job a participant was placed in",
		newPlacementSetCmd(g))
}

func newFollowupCmd(g *globals) *cobra.Command {
	return newGroupCmd("followup", "Follow-ups after placement or exit",
		newFollowupAddCmd(g))
}

type extensionRequestOptions struct {
	caseID, date, notes, output string
	noCommit                    bool
}

func newExtensionRequestCmd(g *globals) *cobra.Command {
	opts := &extensionRequestOptions{}
	c := &cobra.Command{
		Use:   "request CASE --date DATE",
		Short: "Request an extension of the work security period, and show the evidence",
		Long: `Record a request to extend CASE's work security period: a pending extension in
outcome.yaml and an extension note, in one commit. Open work-security cases only.
The Joint Work Security Committee may extend wages and benefits for up to
three months beyond the work security period (document 000); record its
decision with caseplan extension decide. One request may be pending at a time.

The command prints the evidence for the two criteria of document 000 —
"regular contact with his/her case manager" and applying "for all relevant
positions ... throughout the work security time period" — from the layoff
date to --date (at most to the end of the work security period). caseplan
weighs both week by week, the weekly check-ins 000 asks for, over ISO weeks
(Monday to Sunday): for each week, the contacts (two-way notes recording a
service, as document 002 defines a contact) and the job applications in the
activity tracker. A criterion is met when every complete week has at least
one. A week the period covers only in part (the week of the layoff, the week
of the request) counts what it holds but is never held against the
candidate. The note records the same summary.

-o json prints the evidence as an object:
  case                  the case ID
  from, to              the days weighed (YYYY-MM-DD)
  weeks[]               week (2026-W19), from, to, partial, contacts, applications
  contact, applications each: met, complete_weeks, weeks_without (ISO weeks), total` + "\n" + exitStatusHelp,
		Example: `  caseplan extension request WS-001 --date 2026-07-20 --notes "Two interviews pending"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			d, err := parseDate("date", opts.date)
			if err != nil {
				return err
			}
			req := &casework.RequestExtension{Case: opts.caseID, Date: d, Notes: opts.notes}
			if err := g.write(opts.noCommit, []string{opts.caseID}, req.Build, sayWhat); err != nil {
				return err
			}
			if opts.output == "json" {
				return writeJSON(g.env.Stdout, newEvidenceJSON(opts.caseID, req.Evidence))
			}
			return writeEvidence(g.env, req.Evidence)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` of the request")
	f.StringVar(&opts.notes, "notes", "", "notes on the request")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	addOutputFlag(c, &opts.output, "text", "json")
	_ = c.MarkFlagRequired("date")
	return c
}

// evidenceJSON is the JSON contract of extension request.
type evidenceJSON struct {
	Case         string        `json:"case"`
	From         string        `json:"from"`
	To           string        `json:"to"`
	Weeks        []weekJSON    `json:"weeks"`
	Contact      criterionJSON `json:"contact"`
	Applications criterionJSON `json:"applications"`
}

type weekJSON struct {
	Week         string `json:"week"`
	From         string `json:"from"`
	To           string `json:"to"`
	Partial      bool   `json:"partial"`
	Contacts     int    `json:"contacts"`
	Applications int    `json:"applications"`
}

type criterionJSON struct {
	Met           bool     `json:"met"`
	CompleteWeeks int      `json:"complete_weeks"`
	WeeksWithout  []string `json:"weeks_without"`
	Total         int      `json:"total"`
}

func newEvidenceJSON(caseID string, ev casework.ExtensionEvidence) evidenceJSON {
	out := evidenceJSON{
		Case: caseID, From: ev.From.Format(time.DateOnly), To: ev.To.Format(time.DateOnly),
		Weeks: []weekJSON{}, Contact: newCriterionJSON(ev.Contact), Applications: newCriterionJSON(ev.Applications),
	}
	for _, w := range ev.Weeks {
		out.Weeks = append(out.Weeks, weekJSON{
			Week: w.Week, From: w.From.Format(time.DateOnly), To: w.To.Format(time.DateOnly),
			Partial: w.Partial, Contacts: w.Contacts, Applications: w.Applications,
		})
	}
	return out
}

func newCriterionJSON(c casework.Criterion) criterionJSON {
	out := criterionJSON{Met: c.Met, CompleteWeeks: c.CompleteWeeks, WeeksWithout: c.WeeksWithout, Total: c.Total}
	if out.WeeksWithout == nil {
		out.WeeksWithout = []string{}
	}
	return out
}

// writeEvidence prints the weeks as a table, then one line per criterion.
func writeEvidence(env Env, ev casework.ExtensionEvidence) error {
	t := newTable(env, "WEEK", "FROM", "TO", "CONTACTS", "APPLICATIONS", "")
	for _, w := range ev.Weeks {
		flag := ""
		switch {
		case w.Partial:
			flag = "partial week"
		case w.Contacts == 0 && w.Applications == 0:
			flag = "no contact, no applications"
		case w.Contacts == 0:
			flag = "no contact"
		case w.Applications == 0:
			flag = "no applications"
		}
		t.row(w.Week, w.From.Format(time.DateOnly), w.To.Format(time.DateOnly), strconv.Itoa(w.Contacts), strconv.Itoa(w.Applications), flag)
	}
	if err := t.flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "regular contact: %s\n", ev.Contact.Describe("contact"))
	fmt.Fprintf(env.Stdout, "applications: %s\n", ev.Applications.Describe("applications"))
	return nil
}

type extensionDecideOptions struct {
	caseID, date, until, by, notes string
	approved, denied, noCommit     bool
}

func newExtensionDecideCmd(g *globals) *cobra.Command {
	opts := &extensionDecideOptions{}
	c := &cobra.Command{
		Use:   "decide CASE --date DATE (--approved --until DATE | --denied) --by WHO",
		Short: "Record the decision on the pending extension request",
		Long: `Record the Joint Work Security Committee's decision on CASE's pending
extension request (document 000): --approved with the extension's last day
(--until), or --denied; --by says who decided. The request in outcome.yaml is
decided in place and an extension note records the decision, in one commit.

An approved extension must run past the work security period and may end at
most extension_max_days (90) after it: the ws-extension rule refuses a later
--until.` + "\n" + exitStatusHelp,
		Example: `  caseplan extension decide WS-001 --date 2026-07-28 --approved --until 2026-10-28 \
      --by "Joint Work Security Committee"
  caseplan extension decide WS-001 --date 2026-07-28 --denied --by "Joint Work Security Committee"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			dx, err := opts.parse()
			if err != nil {
				return err
			}
			return g.write(opts.noCommit, []string{opts.caseID}, dx.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` of the decision")
	f.BoolVar(&opts.approved, "approved", false, "the extension was approved (needs --until)")
	f.BoolVar(&opts.denied, "denied", false, "the extension was denied")
	f.StringVar(&opts.until, "until", "", "approved: the extension's last `DATE`")
	f.StringVar(&opts.by, "by", "", "who decided, e.g. \"Joint Work Security Committee\"")
	f.StringVar(&opts.notes, "notes", "", "notes on the decision")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("date")
	_ = c.MarkFlagRequired("by")
	return c
}

func (o *extensionDecideOptions) parse() (casework.DecideExtension, error) {
	dx := casework.DecideExtension{Case: o.caseID, Approved: o.approved, By: o.by, Notes: o.notes}
	switch {
	case o.approved == o.denied:
		return dx, &UsageError{Msg: "give one of --approved and --denied", Hint: "--approved --until DATE, or --denied"}
	case o.approved && o.until == "":
		return dx, &UsageError{Msg: "--approved needs --until, the extension's last day"}
	case o.denied && o.until != "":
		return dx, &UsageError{Msg: "--until goes with --approved; a denied extension has no end"}
	}
	var err error
	if dx.Date, err = parseDate("date", o.date); err != nil {
		return dx, err
	}
	if o.approved {
		if dx.Until, err = parseDate("until", o.until); err != nil {
			return dx, err
		}
	}
	return dx, nil
}

type placementSetOptions struct {
	caseID, employer, position, start, wageUnit, reason string
	wage, hours                                         float64
	internal, noCommit                                  bool
}

func newPlacementSetCmd(g *globals) *cobra.Command {
	opts := &placementSetOptions{}
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
report about a past month reads the placement as it was known then.` + "\n" + exitStatusHelp,
		Example: `  caseplan placement set WS-001 --employer "Northfield University Library" \
      --position "Library Assistant" --start 2026-06-01 --wage 24.50 --wage-unit hour \
      --hours 37.5 --internal`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			sp, err := opts.parse(c)
			if err != nil {
				return err
			}
			return g.write(opts.noCommit, []string{opts.caseID}, sp.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.employer, "employer", "", "the employer or hiring unit")
	f.StringVar(&opts.position, "position", "", "the position")
	f.StringVar(&opts.start, "start", "", "the start `DATE`")
	f.Float64Var(&opts.wage, "wage", 0, "the wage, per --wage-unit")
	f.StringVar(&opts.wageUnit, "wage-unit", "", "`UNIT` of the wage: hour or year")
	f.Float64Var(&opts.hours, "hours", 0, "hours per week")
	f.BoolVar(&opts.internal, "internal", false, "the job is inside the organisation (--internal=false: outside)")
	f.StringVar(&opts.reason, "reason", "", "why a recorded placement is corrected")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	for _, name := range []string{"employer", "position", "start"} {
		_ = c.MarkFlagRequired(name)
	}
	return c
}

func (o *placementSetOptions) parse(c *cobra.Command) (casework.SetPlacement, error) {
	p := record.Placement{Employer: o.employer, Position: o.position, WageUnit: o.wageUnit}
	sp := casework.SetPlacement{Case: o.caseID, Reason: o.reason}
	if _, err := parseDate("start", o.start); err != nil {
		return sp, err
	}
	p.Start = record.Date(o.start)
	flags := c.Flags()
	if flags.Changed("wage") {
		if o.wage < 0 {
			return sp, usageErrorf("--wage %v: a wage is not negative", o.wage)
		}
		if o.wageUnit == "" {
			return sp, &UsageError{Msg: "--wage needs --wage-unit", Hint: "--wage-unit hour for an hourly wage, year for a salary"}
		}
		p.Wage = &o.wage
	}
	switch {
	case o.wageUnit != "" && !flags.Changed("wage"):
		return sp, usageErrorf("--wage-unit goes with --wage")
	case o.wageUnit != "" && o.wageUnit != "hour" && o.wageUnit != "year":
		return sp, usageErrorf("--wage-unit %q: use hour or year", o.wageUnit)
	}
	if flags.Changed("hours") {
		if o.hours < 0 {
			return sp, usageErrorf("--hours %v: hours are not negative", o.hours)
		}
		p.Hours = &o.hours
	}
	if flags.Changed("internal") {
		p.Internal = &o.internal
	}
	sp.Placement = p
	return sp, nil
}

type followupAddOptions struct {
	caseID, date, due, notes        string
	employed, notEmployed, noCommit bool
	wage                            float64
}

func newFollowupAddCmd(g *globals) *cobra.Command {
	opts := &followupAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --date DATE [--employed|--not-employed]",
		Short: "Record a follow-up done after placement or exit",
		Long: `Record a follow-up of CASE done on --date, in outcome.yaml: whether the
participant was employed, the wage at follow-up and notes (job retention
help needed, say). Follow-up runs for 12 months after exit (documents 001,
002, 003).

--due names the follow-up this one fulfils (default: --date). When
outcome.yaml already plans a follow-up due that day, it is marked done;
otherwise a follow-up done on --date is added.

The follow-up is recorded in outcome.yaml only, not as a case note: the
command cannot know how the follow-up happened (phone, visit, ...) or whether
it was two-way, and a note would count as a contact. When the follow-up is
worth a narrative, add one with caseplan note add --kind follow-up.` + "\n" + exitStatusHelp,
		Example: `  caseplan followup add W-001 --date 2026-07-01 --due 2026-06-30 --employed --wage 19.75 \
      --notes "Settled in; asked about the evening bus schedule"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			f, err := opts.parse(c)
			if err != nil {
				return err
			}
			return g.write(opts.noCommit, []string{opts.caseID}, f.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` the follow-up was done")
	f.StringVar(&opts.due, "due", "", "the `DATE` it was due (default: --date)")
	f.BoolVar(&opts.employed, "employed", false, "the participant was employed")
	f.BoolVar(&opts.notEmployed, "not-employed", false, "the participant was not employed")
	f.Float64Var(&opts.wage, "wage", 0, "the wage at follow-up")
	f.StringVar(&opts.notes, "notes", "", "notes, e.g. job retention help needed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	c.MarkFlagsMutuallyExclusive("employed", "not-employed")
	_ = c.MarkFlagRequired("date")
	return c
}

func (o *followupAddOptions) parse(c *cobra.Command) (casework.AddFollowUp, error) {
	f := casework.AddFollowUp{Case: o.caseID, Notes: o.notes}
	var err error
	if f.Date, err = parseDate("date", o.date); err != nil {
		return f, err
	}
	if o.due != "" {
		if f.Due, err = parseDate("due", o.due); err != nil {
			return f, err
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
			return f, usageErrorf("--wage %v: a wage is not negative", o.wage)
		}
		f.Wage = &o.wage
	}
	return f, nil
}
