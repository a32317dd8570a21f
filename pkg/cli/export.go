package cli

import "github.com/spf13/cobra"

func newCmdExport(g *globals) *cobra.Command {
	return newGroupCmd("export", "The records in a state system's shape",
		newCmdExportPIRL(g, nil))
}
