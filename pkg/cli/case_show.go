package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

type caseShowOptions struct {
	id     string
	output string
}

func newCaseShowCmd(g *globals) *cobra.Command {
	opts := &caseShowOptions{}
	c := &cobra.Command{
		Use:   "show CASE",
		Short: "Show a case: who, program, manager, last contact, open findings",
		Args:  cobra.ExactArgs(1),
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
	Notes       int               `json:"notes"`
	Contacts    int               `json:"contacts"`
	LastContact string            `json:"last_contact"`
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
	d := caseDetail{
		ID: c.ID, Program: in.Program, Status: in.Status, Manager: in.Manager, Center: in.Center,
		Opened: string(in.Opened), Participant: in.Participant.Name, Notes: len(c.Notes),
		Findings: findings,
	}
	programName := in.Program
	if p, ok := snap.Config.Programs[in.Program]; ok {
		d.Kind = p.Kind
		if p.Name != "" {
			programName = fmt.Sprintf("%s (%s)", p.Name, in.Program)
		}
	}
	for _, n := range c.Notes {
		if validate.IsContact(n) {
			d.Contacts++
		}
	}
	if t, ok := validate.LastContact(c.Notes); ok {
		d.LastContact = t.Format(time.DateOnly)
	}
	if d.Findings == nil {
		d.Findings = []finding.Finding{}
	}
	if opts.output == "json" {
		return writeJSON(g.env.Stdout, d)
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
	last := d.LastContact
	if last == "" {
		last = "none"
	}
	fmt.Fprintf(w, "Notes:        %d (%d contacts, last %s)\n", d.Notes, d.Contacts, last)
	if len(findings) > 0 {
		fmt.Fprintf(w, "\nFindings:\n")
		for _, f := range findings {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
	return nil
}
