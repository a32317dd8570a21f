package cli

import "github.com/spf13/cobra"

func newCmdExtension(g *globals) *cobra.Command {
	return newGroupCmd("extension", "Work-security extension requests and decisions",
		newCmdExtensionRequest(g, nil), newCmdExtensionDecide(g, nil))
}
