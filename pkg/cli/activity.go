package cli

import "github.com/spf13/cobra"

func newActivityCmd(g *globals) *cobra.Command {
	return newGroupCmd("activity", "The weekly candidate activity tracker")
}
