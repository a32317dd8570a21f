package cli

import "github.com/spf13/cobra"

func newCmdCredential(g *globals) *cobra.Command {
	return newGroupCmd("credential", "Recognised credentials a WIOA participant attained",
		newCmdCredentialAdd(g, nil))
}
