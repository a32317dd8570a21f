package cli

import "github.com/spf13/cobra"

func newCmdService(g *globals) *cobra.Command {
	return newGroupCmd("service", "Referrals to supportive services and training",
		newCmdServiceAdd(g, nil), newCmdServiceUpdate(g, nil), newCmdServiceList(g, nil))
}
