package cli

import "github.com/spf13/cobra"

func newCmdRef(g *globals) *cobra.Command {
	return newGroupCmd("ref", "Professional references",
		newCmdRefAdd(g, nil), newCmdRefUpdate(g, nil), newCmdRefWithdraw(g, nil), newCmdRefList(g, nil))
}
