package cli

import "github.com/spf13/cobra"

func newCmdWaiver(g *globals) *cobra.Command {
	return newGroupCmd("waiver", "A supervisor's waiver of an obligation for a case", newCmdWaiverAdd(g, nil), newCmdWaiverRemove(g, nil))
}
