package cli

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type extensionRequestOptions struct {
	*globals
	noCommit  bool
	date      string // parsed into change.Date
	dateToday bool   // date is --today's, --date left out
	output    string
	change    casework.RequestExtension
}

func newCmdExtensionRequest(g *globals, runF func(*extensionRequestOptions) error) *cobra.Command {
	opts := &extensionRequestOptions{globals: g}
	c := &cobra.Command{
		Use:   "request CASE [--date DATE]",
		Short: "Request a work security period extension; shows the evidence",
		Long: `Record a request to extend CASE's work security period: a pending extension in
outcome.yaml and an extension note, in one commit. Open work-security cases
only. The Joint Work Security Committee may extend wages and benefits for up
to three months beyond the work security period (document 000); record its
decision with caseplan extension decide. One request may be pending at a
time, and none is taken once an approved extension reaches the longest the
committee may approve (it could only be denied), nor one dated before the
layoff or after the last day the longest extension could reach
(extension_max_days, 90, after the period). The decision is due by the last
day of the period the request would extend (the tickler's extension-decision
item); past that day the case is extension-pending — neither extended nor
separated, the weekly check-ins going on — until it is recorded, and case
close --reason separated waits for it. A request dated after that last day
(000 sets the committee no deadline) is taken with a note on stderr: the
candidate is extension-pending already and the decision overdue. A refusal
separates the candidate from the day after the period's last day. --date is
the day of the request, by default --today (CASEPLAN_TODAY, else today): a
request is usually recorded the day it is made, and one dated so is said on
stderr with its date.

The command prints the evidence for the two criteria of document 000 —
"regular contact with his/her case manager" and applying "for all relevant
positions ... throughout the work security time period" — from the layoff
date to --date (at most to the end of the work security period). caseplan
weighs both week by week, the weekly check-ins 000 asks for, over ISO weeks
(Monday to Sunday): for each week, the contacts (two-way notes: work
security counts any two-way contact as one) and the job applications in the
activity tracker. A criterion is met when every complete week has at least
one. A week the period covers only in part (the week of the layoff, the week
of the request) counts what it holds but is never held against the
candidate. The note records the same summary.

-o json prints the evidence as an object:
  case                  the case ID
  from, to              the days weighed (YYYY-MM-DD)
  weeks[]               week (2026-W19), from, to, partial, contacts,
                        applications
  contact, applications each: met, complete_weeks, weeks_without (ISO
                        weeks), total` + "\n" + exitStatusHelp,
		Example: `  caseplan extension request WS-001 --date 2026-07-20 \
      --notes "Two interviews pending"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			var err error
			if opts.date == "" {
				today, err := g.todayDate()
				if err != nil {
					return err
				}
				opts.date, opts.dateToday = today.Format(time.DateOnly), true
			}
			if opts.change.Date, err = parseDate("date", opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return extensionRequestRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` of the request (default: --today)")
	f.StringVar(&opts.change.Notes, "notes", "", "notes on the request")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

// extensionRequestRun records the request, then prints the evidence its
// build weighed.
func extensionRequestRun(opts *extensionRequestOptions) error {
	if err := opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat); err != nil {
		return err
	}
	if opts.dateToday {
		// The evidence is weighed to the request's day: the day taken for
		// the one left out is said before it.
		fmt.Fprintf(opts.env.Stderr, "caseplan: extension request for %s dated %s (--today)\n", opts.change.Case, opts.date)
	}
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, newEvidenceJSON(opts.change.Case, opts.change.Evidence))
	}
	return writeEvidence(opts.env, opts.change.Evidence)
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
