package cli

import "github.com/spf13/cobra"

func newCmdExclusion(g *globals) *cobra.Command {
	return newGroupCmd("exclusion", "Why a WIOA participant is left out of the performance indicators",
		newCmdExclusionAdd(g, nil))
}
