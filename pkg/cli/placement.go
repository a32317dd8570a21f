package cli

import "github.com/spf13/cobra"

func newCmdPlacement(g *globals) *cobra.Command {
	return newGroupCmd("placement", "The job a participant was placed in",
		newCmdPlacementSet(g, nil),
		newCmdPlacementFellThrough(g, nil))
}
