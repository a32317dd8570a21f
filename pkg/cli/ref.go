package cli

import "github.com/spf13/cobra"

func newCmdRef(g *globals) *cobra.Command {
	return newGroupCmd("ref", "Professional references", newCmdRefAdd(g, nil), newCmdRefList(g, nil))
}
