package cli

import "github.com/spf13/cobra"

func newCmdStaff(g *globals) *cobra.Command {
	return newGroupCmd("staff", "The staff roster: who may act on the store",
		newCmdStaffAdd(g, nil), newCmdStaffSet(g, nil), newCmdStaffList(g, nil))
}
