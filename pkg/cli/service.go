package cli

import "github.com/spf13/cobra"

func newCmdService(g *globals) *cobra.Command {
	c := newGroupCmd("service", "Referrals to supportive services and training",
		newCmdServiceAdd(g, nil), newCmdServiceUpdate(g, nil), newCmdServiceList(g, nil))
	// what 001 and 003 call them, and the README's "referrals": "caseplan
	// referral" is answered "did you mean 'caseplan service'?"
	c.SuggestFor = []string{"referral", "referrals", "refer"}
	return c
}
