package cli

import "github.com/spf13/cobra"

func newCmdFollowup(g *globals) *cobra.Command {
	return newGroupCmd("followup", "Follow-ups after placement or exit",
		newCmdFollowupAdd(g, nil))
}
