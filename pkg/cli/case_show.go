package cli

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/store"
)

type caseShowOptions struct {
	id     string
	output string
}

func newCaseShowCmd(g *globals) *cobra.Command {
	opts := &caseShowOptions{}
	c := &cobra.Command{
		Use:   "show CASE",
		Short: "Show a case: who, program, phase, contacts, what is due next, open findings",
		Long: `Show where a case stands as of --today: who it serves, its program and
manager, the phase of the program and the days left in it, its contacts, what
is due next and the findings validate reports for it.

Phases, by program kind:
  work-security    notification (before the layoff date), work-security
                   (work_security_days from the layoff date), extension (an
                   approved extension's until date has not passed), placed,
                   separated (the periods ended without a placement) (000)
  wioa             the career-planning function the records show (002):
                   assessment (no assessment yet), goal-setting (no goals),
                   plan-development (no objectives or no services),
                   service-delivery; after exit, follow-up (follow_up_months)
                   and then exited
  post-employment  active; follow-up for post_assistance_months after cash
                   assistance ended (003)
  every kind       closed

What is due (kinds): contact (the program's contact or check-in interval),
milestone, next-step, action (a note's action item not yet done or taken up
by a later contact), period-end, references (000: three by the layoff date),
plan-review (review_interval_days after the last review), follow-up (after
placement or exit; WIOA: the 2nd and 4th quarter after exit),
benefit-renewal (003), potential-exit (WIOA: inactivity_exit_days without
service). A closed case has nothing due.

  -o json  {"id","program","kind","status","manager","center","opened",
           "participant","phase","phase_start","phase_ends","days_left",
           "notes","contacts","last_contact","next_due","findings"}
           phase_start, phase_ends and last_contact are YYYY-MM-DD or "";
           days_left counts the days from --today to phase_ends (0 on the
           last day, negative once past) or is null when the phase has no
           set end; next_due is a list of {"case","manager","kind","due",
           "overdue","days","detail","path","line"} by due date, where days
           counts from --today to due (negative when overdue); findings are
           validate's -o json findings.` + "\n" + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.id = args[0]
			return caseShowRun(g, opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

// caseDetail is the JSON contract of case show.
type caseDetail struct {
	ID          string            `json:"id"`
	Program     string            `json:"program"`
	Kind        string            `json:"kind"`
	Status      string            `json:"status"`
	Manager     string            `json:"manager"`
	Center      string            `json:"center"`
	Opened      string            `json:"opened"`
	Participant string            `json:"participant"`
	Phase       string            `json:"phase"`
	PhaseStart  string            `json:"phase_start"`
	PhaseEnds   string            `json:"phase_ends"`
	DaysLeft    *int              `json:"days_left"`
	Notes       int               `json:"notes"`
	Contacts    int               `json:"contacts"`
	LastContact string            `json:"last_contact"`
	NextDue     []casestate.Due   `json:"next_due"`
	Findings    []finding.Finding `json:"findings"`
}

func caseShowRun(g *globals, opts *caseShowOptions) error {
	root, err := g.storeRoot()
	if err != nil {
		return err
	}
	today, err := g.todayDate()
	if err != nil {
		return err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return err
	}
	snap, findings, err := check(src, []string{opts.id}, today)
	if err != nil {
		return err
	}
	c := snap.Case(opts.id)
	if c.Intake == nil {
		for _, f := range findings {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", f)
		}
		return &InvalidError{Msg: fmt.Sprintf("cannot read the intake record of case %s", opts.id)}
	}
	in := c.Intake
	st := casestate.Compute(c, snap.Config, today)
	d := caseDetail{
		ID: c.ID, Program: in.Program, Kind: st.Kind, Status: in.Status, Manager: in.Manager, Center: in.Center,
		Opened: string(in.Opened), Participant: in.Participant.Name,
		Phase: st.Phase, PhaseStart: string(st.PhaseStart), PhaseEnds: string(st.PhaseEnds), DaysLeft: st.DaysLeft,
		Notes: len(c.Notes), Contacts: st.Contacts, LastContact: string(st.LastContact),
		NextDue: st.Due, Findings: findings,
	}
	if d.NextDue == nil {
		d.NextDue = []casestate.Due{}
	}
	if d.Findings == nil {
		d.Findings = []finding.Finding{}
	}
	if opts.output == "json" {
		return writeJSON(g.env.Stdout, d)
	}
	programName := in.Program
	if p, ok := snap.Config.Programs[in.Program]; ok && p.Name != "" {
		programName = fmt.Sprintf("%s (%s)", p.Name, in.Program)
	}
	w := g.env.Stdout
	fmt.Fprintf(w, "Case %s: %s\n", d.ID, d.Participant)
	fmt.Fprintf(w, "Program:      %s\n", programName)
	fmt.Fprintf(w, "Status:       %s, opened %s\n", d.Status, d.Opened)
	fmt.Fprintf(w, "Manager:      %s", d.Manager)
	if d.Center != "" {
		fmt.Fprintf(w, ", %s", d.Center)
	}
	fmt.Fprintln(w)
	if l := in.Layoff; l != nil {
		fmt.Fprintf(w, "Layoff:       notice %s, layoff %s\n", l.NoticeDate, l.LayoffDate)
	}
	if d.Phase != "" {
		fmt.Fprintf(w, "Phase:        %s\n", phaseLine(st))
	}
	last := d.LastContact
	if last == "" {
		last = "none"
	}
	fmt.Fprintf(w, "Notes:        %d (%d contacts, last %s)\n", d.Notes, d.Contacts, last)
	if len(st.Due) > 0 {
		fmt.Fprintf(w, "\nNext due:\n")
		writeDue(w, st.Due)
	}
	if len(findings) > 0 {
		fmt.Fprintf(w, "\nFindings:\n")
		for _, f := range findings {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
	return nil
}

// phaseLine says the phase, since when and until when: "work-security
// since 2026-05-01, ends 2026-07-30 (12 days left)".
func phaseLine(st casestate.State) string {
	s := st.Phase
	if st.PhaseStart != "" {
		s += " since " + string(st.PhaseStart)
	}
	if st.PhaseEnds == "" || st.DaysLeft == nil {
		return s
	}
	switch n := *st.DaysLeft; {
	case n < 0:
		return s + ", ended " + string(st.PhaseEnds) + " (" + countDays(-n) + " ago)"
	case n == 0:
		return s + ", ends " + string(st.PhaseEnds) + " (its last day)"
	default:
		return s + ", ends " + string(st.PhaseEnds) + " (" + countDays(n) + " left)"
	}
}

// writeDue prints due items as an aligned block: date, when, kind, detail.
func writeDue(w io.Writer, items []casestate.Due) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, it := range items {
		var when string
		switch {
		case it.Overdue:
			when = countDays(-it.Days) + " overdue"
		case it.Days == 0:
			when = "today"
		default:
			when = "in " + countDays(it.Days)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", it.Due, when, it.Kind, it.Detail)
	}
	tw.Flush()
}

// countDays writes a count of days: "1 day", "12 days".
func countDays(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}
