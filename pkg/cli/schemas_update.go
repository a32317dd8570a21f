package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type schemasUpdateOptions struct {
	*globals
	noCommit bool
	workflow bool
}

func newCmdSchemasUpdate(g *globals, runF func(*schemasUpdateOptions) error) *cobra.Command {
	opts := &schemasUpdateOptions{globals: g}
	c := &cobra.Command{
		Use:   "update",
		Short: "Rewrite the store's copies of the schemas from this caseplan's",
		Long: `Rewrite the store's copies of the JSON Schemas (schemas/*.schema.json, which
caseplan init wrote for the editors) from the schemas this binary validates
with, after an upgrade of caseplan: the copies that are missing, older, or
edited by hand, in one commit. The same commit brings caseplan's entries of
yaml.schemas in .vscode/settings.json (which init wrote: each record kind's
schema and the glob of its files) up to date, keeping every other setting
there; a settings file that is not plain JSON (VS Code allows comments) is
left as it is, with a warning. The same commit writes the CI workflow init
writes (.github/workflows/caseplan.yml) when the store has none or one an
earlier release's init wrote; one that matches no release's, because the
office edited it, is left as it is, with a warning, unless --workflow
replaces it (its text stays in the history). It prints the files it wrote;
when every copy is already this caseplan's it says so and writes nothing.

Each schema file carries its version (x-caseplan-version; a copy without it
is older than any that has it). A copy newer than this caseplan's means the
store was moved to a newer caseplan: it is never replaced by an older one;
install the release caseplan_version in cases/caseplan.yaml names instead.
caseplan validate reports each copy that is not this caseplan's
(schema-copy).

The CI workflow installs caseplan_version, which only an admin changes:
when it names a release other than this one, schemas update warns that CI
goes on judging the records by that release, which refuses the fields and
choices only this one knows; the admin sets it to this caseplan's release
(README: Upgrading an office).` + "\n" + exitStatusHelp,
		Example: `  # after upgrading caseplan; then the admin sets caseplan_version to it
  caseplan schemas update
  caseplan schemas update --workflow   # the CI workflow too, though edited`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return schemasUpdateRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.workflow, "workflow", false, "replace the CI workflow with this caseplan's even when the office edited it")
	c.Flags().BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func schemasUpdateRun(opts *schemasUpdateOptions) error {
	u := &casework.UpdateSchemas{ReplaceWorkflow: opts.workflow, Running: opts.env.Build.Installable()}
	err := opts.write(opts.noCommit, nil, u.Build, sayWhat)
	if u.SettingsLeft != "" && (err == nil || errors.Is(err, casework.ErrSchemasCurrent)) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %s\n", u.SettingsLeft)
	}
	if u.WorkflowLeft != "" && (err == nil || errors.Is(err, casework.ErrSchemasCurrent)) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %s\n", u.WorkflowLeft)
	}
	if u.PinBehind != "" && (err == nil || errors.Is(err, casework.ErrSchemasCurrent)) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %s\n", u.PinBehind)
	}
	if errors.Is(err, casework.ErrSchemasCurrent) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: %s; nothing to write\n", casework.ErrSchemasCurrent)
		return nil
	}
	return err
}
