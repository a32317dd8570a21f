package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/findingout"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/store"
)

type validateOptions struct {
	*globals
	args   []string
	output string
}

func newCmdValidate(g *globals, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{globals: g}
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
			if err := outputFormat(opts.output, findingout.StoreFormats...); err != nil {
				return err
			}
			opts.args = args
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, findingout.StoreFormats...)
	return c
}

func validateRun(opts *validateOptions) error {
	root, err := opts.storeRoot()
	if err != nil {
		return err
	}
	today, err := opts.todayDate()
	if err != nil {
		return err
	}
	cases, files, err := selectTargets(opts.env.Dir, root, opts.args)
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
	out, err := findingout.ForStore(opts.env.Stdout, opts.output, len(snap.Cases), snap.Files)
	if err != nil {
		return usageErrorf("-o: %v", err)
	}
	if err := findingout.WriteAll(out, findings); err != nil {
		return err
	}
	errs, warns := finding.Count(findings)
	summary := fmt.Sprintf("%d error(s), %d warning(s) in %d case(s), %d file(s)", errs, warns, len(snap.Cases), snap.Files)
	if errs > 0 {
		return &InvalidError{Msg: "invalid: " + summary}
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: valid: %s\n", summary)
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
	var records []string // store-level records named
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
		id, isCase := layout.CaseOf(rel)
		if !isCase {
			// A store-level record (a cohort, import rules) or their
			// directory: read with the settings, whatever cases are.
			records = append(records, rel)
			continue
		}
		t := target{id: id}
		if rel != layout.CaseDir(id) {
			t.path = rel
		}
		targets = append(targets, t)
	}

	if len(targets) == 0 && !settings && len(records) == 0 {
		return nil, nil, nil
	}
	partial := settings || len(records) > 0
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
	for _, r := range records {
		files[r] = true
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
