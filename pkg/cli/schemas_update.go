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
}

func newCmdSchemasUpdate(g *globals, runF func(*schemasUpdateOptions) error) *cobra.Command {
	opts := &schemasUpdateOptions{globals: g}
	c := &cobra.Command{
		Use:   "update",
		Short: "Rewrite the store's copies of the schemas from this caseplan's",
		Long: `Rewrite the store's copies of the JSON Schemas (schemas/*.schema.json, which
caseplan init wrote for the editors) from the schemas this binary validates
with, after an upgrade of caseplan: the copies that are missing, older, or
edited by hand, in one commit. It prints the files it wrote; when every copy
is already this caseplan's it says so and writes nothing.

Each schema file carries its version (x-caseplan-version; a copy without it
is older than any that has it). A copy newer than this caseplan's means the
store was moved to a newer caseplan: it is never replaced by an older one;
install the release caseplan_version in cases/caseplan.yaml names instead. caseplan validate reports each copy that is not this caseplan's
(schema-copy).` + "\n" + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return schemasUpdateRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func schemasUpdateRun(opts *schemasUpdateOptions) error {
	err := opts.write(opts.noCommit, nil, casework.UpdateSchemas{}.Build, sayWhat)
	if errors.Is(err, casework.ErrSchemasCurrent) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: %s; nothing to write\n", casework.ErrSchemasCurrent)
		return nil
	}
	return err
}
