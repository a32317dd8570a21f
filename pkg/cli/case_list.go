package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

type caseListOptions struct {
	*globals
	output, manager, program, status string
	cohort                           string
}

func newCmdCaseList(g *globals, runF func(*caseListOptions) error) *cobra.Command {
	opts := &caseListOptions{globals: g}
	c := &cobra.Command{
		Use:   "list",
		Short: "List cases",
		Long: `List cases with their program, status, manager and opening date. On a
terminal the list is an aligned table; piped, one tab-separated line per case.
--cohort ID lists a layoff cohort's cases (those caseplan case import opened
for it). --manager takes a staff ID of the roster (caseplan staff list), as
due --manager does; a name or an email is refused with the ID meant. The
count is said on stderr ("3 cases of 15" when filters left some out).` + "\n" + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseListRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	c.Flags().StringVar(&opts.manager, "manager", "", "only cases of this staff `ID`")
	c.Flags().StringVar(&opts.program, "program", "", "only cases of this program `KEY`")
	c.Flags().StringVar(&opts.status, "status", "", "only cases with this `STATUS` (open or closed)")
	c.Flags().StringVar(&opts.cohort, "cohort", "", "only the cases of this layoff cohort `ID` (cases/cohorts/ID.yaml)")
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
	Cohort      string `json:"cohort,omitempty"` // the layoff cohort, for imported cases (case import)
}

func caseListRun(opts *caseListOptions) error {
	s, err := opts.workTreeStore("case-list")
	if err != nil {
		return err
	}
	if err := knownCohort(s.snap, opts.cohort); err != nil {
		return err
	}
	all, err := scanRows(opts.globals, s, "case list", func(c *casefile.Case, _ *record.Config) (caseItem, bool) {
		in := c.Intake
		if in == nil {
			return caseItem{}, false // unreadable: caseplan validate says why
		}
		return caseItem{c.ID, in.Program, in.Status, in.Manager, in.Center, string(in.Opened), in.Participant.Name, in.Cohort}, true
	})
	if err != nil {
		return err
	}
	if opts.manager != "" {
		if _, ok := s.snap.Config.StaffByID(opts.manager); !ok && !managesAny(all, opts.manager) {
			// A typed name, email or other capitals listed nothing and
			// said nothing, as if the colleague had no cases. A case
			// whose manager has left the roster can still be listed by
			// that ID (validate reports the case).
			return notOnRoster(s.snap.Config, "--manager", opts.manager)
		}
	}
	items := []caseItem{}
	for _, it := range all {
		if (opts.manager != "" && it.Manager != opts.manager) ||
			(opts.program != "" && it.Program != opts.program) ||
			(opts.status != "" && it.Status != opts.status) ||
			(opts.cohort != "" && it.Cohort != opts.cohort) {
			continue
		}
		items = append(items, it)
	}
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, items)
	}
	t := newTable(opts.env, "ID", "PROGRAM", "STATUS", "MANAGER", "OPENED", "PARTICIPANT")
	for _, it := range items {
		t.row(it.ID, it.Program, it.Status, it.Manager, it.Opened, it.Participant)
	}
	if err := t.flush(); err != nil {
		return err
	}
	// How many, as due and validate say: a long list's count is not to be
	// counted by hand, and an empty one is not mistaken for a failure.
	count := countOf(len(items), "case")
	if len(items) != len(all) {
		count += fmt.Sprintf(" of %d", len(all))
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: %s\n", count)
	return nil
}

// managesAny says whether manager is the manager of any of the cases.
func managesAny(cases []caseItem, manager string) bool {
	for _, it := range cases {
		if it.Manager == manager {
			return true
		}
	}
	return false
}
