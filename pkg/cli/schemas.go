package cli

import "github.com/spf13/cobra"

func newCmdSchemas(g *globals) *cobra.Command {
	return newGroupCmd("schemas", "The store's copies of the schemas editors check records against",
		newCmdSchemasUpdate(g, nil))
}
