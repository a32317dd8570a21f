package cli

import "github.com/spf13/cobra"

func newCmdSkillGain(g *globals) *cobra.Command {
	return newGroupCmd("skill-gain", "Measurable skill gains of a WIOA participant in education or training",
		newCmdSkillGainAdd(g, nil))
}
