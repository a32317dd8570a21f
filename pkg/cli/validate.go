package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/store"
)

type validateOptions struct {
	args   []string
	output string
}

func newValidateCmd(g *globals) *cobra.Command {
	opts := &validateOptions{}
	c := &cobra.Command{
		Use:   "validate [CASE|PATH...]",
		Short: "Check records against their schemas, each other and the program rules",
		Long: `Check the store's records — every case, or the cases and files named — and
print every finding at once: file:line:col, severity, rule and message.

  -o text    path:line:col: severity rule: message, one per line
  -o json    {"valid","cases","files","errors","warnings","findings":[{"path",
             "line","column","severity","rule","message","case"}]}
  -o github  GitHub Actions workflow annotations

Warnings do not fail validation; errors do (exit 1).` + "\n" + exitStatusHelp,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json", "github"); err != nil {
				return err
			}
			opts.args = args
			return validateRun(g, opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json", "github")
	return c
}

// validateReport is the JSON contract of validate.
type validateReport struct {
	Valid    bool              `json:"valid"`
	Cases    int               `json:"cases"`
	Files    int               `json:"files"`
	Errors   int               `json:"errors"`
	Warnings int               `json:"warnings"`
	Findings []finding.Finding `json:"findings"`
}

func validateRun(g *globals, opts *validateOptions) error {
	root, err := g.storeRoot()
	if err != nil {
		return err
	}
	today, err := g.todayDate()
	if err != nil {
		return err
	}
	cases, files, err := selectTargets(g.env.Dir, root, opts.args)
	if err != nil {
		return err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return err
	}
	snap, findings, err := check(src, cases, today)
	if err != nil {
		return err
	}
	if len(files) > 0 {
		kept := findings[:0]
		for _, f := range findings {
			if selected(files, f.Path) {
				kept = append(kept, f)
			}
		}
		findings = kept
	}
	errs, warns := finding.Count(findings)
	rep := validateReport{Valid: errs == 0, Cases: len(snap.Cases), Files: snap.Files, Errors: errs, Warnings: warns, Findings: findings}
	if rep.Findings == nil {
		rep.Findings = []finding.Finding{}
	}
	switch opts.output {
	case "json":
		if err := writeJSON(g.env.Stdout, rep); err != nil {
			return err
		}
	case "github":
		writeAnnotations(g.env.Stdout, findings)
	default:
		for _, f := range findings {
			fmt.Fprintln(g.env.Stdout, f)
		}
	}
	summary := fmt.Sprintf("%d error(s), %d warning(s) in %d case(s), %d file(s)", errs, warns, rep.Cases, rep.Files)
	if errs > 0 {
		return &InvalidError{Msg: "invalid: " + summary}
	}
	fmt.Fprintf(g.env.Stderr, "caseplan: valid: %s\n", summary)
	return nil
}

// selectTargets maps the command line's cases and paths to the cases to
// load and, when some paths name less than a whole case (a file, or a
// directory such as notes/), the paths whose findings to keep: a finding is
// kept when its path is one of them or lies below one. nil, nil means the
// whole store.
func selectTargets(wd, root string, args []string) (cases []string, files map[string]bool, err error) {
	type target struct{ id, path string } // path: repository-relative, "" for a whole case
	var targets []target
	settings := false
	for _, a := range args {
		if !strings.ContainsAny(a, `/\`) && !strings.HasSuffix(a, layout.Ext) && a != "." && a != ".." && a != layout.CasesDir {
			targets = append(targets, target{id: a})
			continue
		}
		p := a
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			return nil, nil, usageErrorf("%s is outside the store %s", a, root)
		}
		rel = filepath.ToSlash(rel)
		if rel == "." || rel == layout.CasesDir {
			return nil, nil, nil // the whole store
		}
		if !layout.Under(rel) {
			return nil, nil, usageErrorf("%s is not under %s/", a, layout.CasesDir)
		}
		if layout.IsConfig(rel) {
			settings = true
			continue
		}
		id, _ := layout.CaseOf(rel)
		t := target{id: id}
		if rel != layout.CaseDir(id) {
			t.path = rel
		}
		targets = append(targets, t)
	}

	if len(targets) == 0 && !settings {
		return nil, nil, nil
	}
	partial := settings
	for _, t := range targets {
		partial = partial || t.path != ""
	}
	cases = []string{}
	seen := map[string]bool{}
	for _, t := range targets {
		if !seen[t.id] {
			seen[t.id] = true
			cases = append(cases, t.id)
		}
	}
	if !partial {
		return cases, nil, nil
	}
	files = map[string]bool{}
	if settings {
		files[layout.ConfigPath] = true
	}
	for _, t := range targets {
		if t.path != "" {
			files[t.path] = true
		} else {
			files[layout.CasesDir+"/"+t.id] = true
		}
	}
	return cases, files, nil
}

// selected reports whether a finding's path is one of the selected paths or
// lies below one.
func selected(files map[string]bool, p string) bool {
	for f := range files {
		if p == f || strings.HasPrefix(p, f+"/") {
			return true
		}
	}
	return false
}

// writeAnnotations prints findings as GitHub Actions workflow commands, so
// they show on the changed lines of a pull request.
func writeAnnotations(w io.Writer, fs []finding.Finding) {
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	escProp := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	for _, f := range fs {
		level := "error"
		if f.Severity == finding.Warning {
			level = "warning"
		}
		props := "file=" + escProp.Replace(f.Path)
		if f.Line > 0 {
			props += fmt.Sprintf(",line=%d,col=%d", f.Line, max(f.Column, 1))
		}
		props += ",title=" + escProp.Replace("caseplan "+f.Rule)
		fmt.Fprintf(w, "::%s %s::%s\n", level, props, esc.Replace(f.Message))
	}
}

func findingAt(path string, line, col int, msg string) finding.Finding {
	return finding.Finding{Path: path, Line: line, Column: col, Severity: finding.Error, Rule: "schema", Message: msg}
}
