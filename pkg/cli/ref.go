package cli

import "github.com/spf13/cobra"

func newRefCmd(g *globals) *cobra.Command {
	return newGroupCmd("ref", "Professional references")
}
