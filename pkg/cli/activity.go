package cli

import "github.com/spf13/cobra"

func newCmdActivity(g *globals) *cobra.Command {
	return newGroupCmd("activity", "The weekly candidate activity tracker",
		newCmdActivityAdd(g, nil), newCmdActivityList(g, nil), newCmdActivityUpdate(g, nil))
}
