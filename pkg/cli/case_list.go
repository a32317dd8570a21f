package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/store"
)

type caseListOptions struct {
	output, manager, program, status string
}

func newCaseListCmd(g *globals) *cobra.Command {
	opts := &caseListOptions{}
	c := &cobra.Command{
		Use:   "list",
		Short: "List cases",
		Long: `List cases with their program, status, manager and opening date. On a
terminal the list is an aligned table; piped, one tab-separated line per case.` + "\n" + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			return caseListRun(g, opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	c.Flags().StringVar(&opts.manager, "manager", "", "only cases of this staff `ID`")
	c.Flags().StringVar(&opts.program, "program", "", "only cases of this program `KEY`")
	c.Flags().StringVar(&opts.status, "status", "", "only cases with this `STATUS` (open or closed)")
	return c
}

// caseItem is the JSON contract of case list.
type caseItem struct {
	ID          string `json:"id"`
	Program     string `json:"program"`
	Status      string `json:"status"`
	Manager     string `json:"manager"`
	Center      string `json:"center"`
	Opened      string `json:"opened"`
	Participant string `json:"participant"`
}

func caseListRun(g *globals, opts *caseListOptions) error {
	snap, err := g.loadWorkTree(nil)
	if err != nil {
		return err
	}
	items := []caseItem{}
	for _, c := range snap.Cases {
		in := c.Intake
		if in == nil {
			continue // unreadable: caseplan validate says why
		}
		if (opts.manager != "" && in.Manager != opts.manager) ||
			(opts.program != "" && in.Program != opts.program) ||
			(opts.status != "" && in.Status != opts.status) {
			continue
		}
		items = append(items, caseItem{c.ID, in.Program, in.Status, in.Manager, in.Center, string(in.Opened), in.Participant.Name})
	}
	if opts.output == "json" {
		return writeJSON(g.env.Stdout, items)
	}
	t := newTable(g.env, "ID", "PROGRAM", "STATUS", "MANAGER", "OPENED", "PARTICIPANT")
	for _, it := range items {
		t.row(it.ID, it.Program, it.Status, it.Manager, it.Opened, it.Participant)
	}
	return t.flush()
}

// loadWorkTree reads cases (all when nil) from the store's work tree.
func (g *globals) loadWorkTree(cases []string) (*casefile.Snapshot, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, err
	}
	snap, _, err := store.Load(src, cases)
	if err != nil {
		return nil, err
	}
	if snap.Config == nil {
		return nil, &InvalidError{Msg: "cannot read the store settings " + layout.ConfigPath, Hint: "run caseplan validate to see why"}
	}
	return snap, nil
}
