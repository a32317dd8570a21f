package cli

import "github.com/spf13/cobra"

func newCmdSkillGain(g *globals) *cobra.Command {
	return newGroupCmd("skill-gain", "A WIOA participant's measurable skill gains in education/training",
		newCmdSkillGainAdd(g, nil))
}
