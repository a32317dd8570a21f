package cli

import "github.com/spf13/cobra"

func newServiceCmd(g *globals) *cobra.Command {
	return newGroupCmd("service", "Referrals to supportive services and training")
}
