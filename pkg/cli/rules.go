package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

type rulesOptions struct {
	*globals
	output string
}

func newCmdRules(g *globals, runF func(*rulesOptions) error) *cobra.Command {
	opts := &rulesOptions{globals: g}
	c := &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its ID, severity, program, setting and source",
		Long: `List every rule caseplan checks: its ID, its severity in this store (a store
may turn a rule off or change its severity under rules: in caseplan.yaml), the
program kind it applies to, the setting it reads, the source document it comes
from (000 work security guide, 001 federal case-management brief, 002 WIOA
career planning, 003 post-employment services, or the federal guidance:
TEGL 10-16, WIOA's performance definitions) and what it requires.

Consistency rules refuse a write that would break them; completeness rules
report what is missing or overdue as of --today but never block a write.
A supervisor may waive a completeness rule for a case (caseplan waiver
add), except the few whose finding is mended by a command: the WAIVABLE
column says yes for each rule waiver add takes.

On a terminal the rules are an aligned table with a header; piped, one
tab-separated line a rule without a header, its fields in this order:
ID, severity ("off" when the store turns the rule off), program ("all"
for every program), source, setting ("-" when none), what it requires,
and waivable (yes or no), last so that scripts reading the fields by
place before it keep working.

  -o json  [{"id","severity","enabled","program","setting","source",
           "completeness","waivable","summary"}]: completeness is true
           for an obligation (something due or missing), waivable for
           one waiver add takes

Outside a store, the built-in defaults are listed.` + "\n" + exitStatusHelp,
		Example: `  caseplan rules            # every rule, as this store sets it
  caseplan rules -o json    # for a script`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return rulesRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

// ruleItem is the JSON contract of rules.
type ruleItem struct {
	ID           string `json:"id"`
	Severity     string `json:"severity"`
	Enabled      bool   `json:"enabled"`
	Program      string `json:"program"`
	Setting      string `json:"setting"`
	Source       string `json:"source"`
	Completeness bool   `json:"completeness"`
	Waivable     bool   `json:"waivable"`
	Summary      string `json:"summary"`
}

func rulesRun(opts *rulesOptions) error {
	var snap *casefile.Snapshot
	if _, err := opts.storeRoot(); err == nil {
		if snap, err = opts.loadWorkTree([]string{}); err != nil {
			return err
		}
	}
	var cfg *record.Config
	if snap != nil {
		cfg = snap.Config
	}
	items := []ruleItem{}
	for _, r := range validate.Rules {
		sev, enabled := validate.Setting(cfg, r.ID, r.Severity)
		items = append(items, ruleItem{
			ID: r.ID, Severity: string(sev), Enabled: enabled, Program: r.Program,
			Setting: r.Setting, Source: r.Source, Completeness: r.Completeness, Waivable: r.CanWaive(), Summary: r.Summary,
		})
	}
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, items)
	}
	// On a terminal WAIVABLE stands before the long REQUIRES text, where
	// it can be read; piped, it ends the line, after the fields scripts
	// already read by place (as due's manager standing does).
	t := newTable(opts.env, "RULE", "SEVERITY", "PROGRAM", "SOURCE", "SETTING", "WAIVABLE", "REQUIRES")
	for _, it := range items {
		sev := it.Severity
		if !it.Enabled {
			sev = "off"
		}
		program := it.Program
		if program == "" {
			program = "all"
		}
		source := it.Source
		if source == "" {
			source = "-"
		}
		setting := it.Setting
		if setting == "" {
			setting = "-"
		}
		waivable := "no"
		if it.Waivable {
			waivable = "yes"
		}
		if opts.env.IsTerminal {
			t.row(it.ID, sev, program, source, setting, waivable, it.Summary)
		} else {
			t.row(it.ID, sev, program, source, setting, it.Summary, waivable)
		}
	}
	return t.flush()
}
