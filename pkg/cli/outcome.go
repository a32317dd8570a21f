package cli

import "github.com/spf13/cobra"

func newExtensionCmd(g *globals) *cobra.Command {
	return newGroupCmd("extension", "Work-security extension requests and decisions")
}

func newPlacementCmd(g *globals) *cobra.Command {
	return newGroupCmd("placement", "The job a participant was placed in")
}

func newFollowupCmd(g *globals) *cobra.Command {
	return newGroupCmd("followup", "Follow-ups after placement or exit")
}
