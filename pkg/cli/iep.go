package cli

import "github.com/spf13/cobra"

func newIEPCmd(g *globals) *cobra.Command {
	return newGroupCmd("iep", "The Individual Employment Plan: goals, objectives, services, milestones, next steps, reviews")
}
