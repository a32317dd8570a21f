package cli

import "github.com/spf13/cobra"

func newCmdCase(g *globals) *cobra.Command {
	return newGroupCmd("case", "Cases: open, list, show, intake, transfer, exit, close, reopen",
		newCmdCaseNew(g, nil), newCmdCaseList(g, nil), newCmdCaseShow(g, nil),
		newCmdCaseClose(g, nil), newCmdCaseReopen(g, nil), newCmdCaseTransfer(g, nil),
		newCmdCaseSet(g, nil), newCmdCaseToolbox(g, nil), newCmdCaseAssessment(g), newCmdCaseBarrier(g),
		newCmdCaseTeam(g), newCmdCaseEligibility(g), newCmdCaseConsent(g), newCmdCaseExit(g, nil), newCmdCaseSealed(g),
		newCmdCaseImport(g, nil))
}

// The intake record's lists, one group each: assessments, barriers, the
// team, eligibility determinations and the participant's permissions.

func newCmdCaseAssessment(g *globals) *cobra.Command {
	return newGroupCmd("assessment", "Assessments: skills, readiness, interests, aptitude (ongoing, 001)", newCmdCaseAssessmentAdd(g, nil), newCmdCaseAssessmentUpdate(g, nil))
}

func newCmdCaseBarrier(g *globals) *cobra.Command {
	return newGroupCmd("barrier", "Barriers to employment: child care, transportation, housing, ...", newCmdCaseBarrierAdd(g, nil), newCmdCaseBarrierResolve(g, nil))
}

func newCmdCaseTeam(g *globals) *cobra.Command {
	return newGroupCmd("team", "Others on the case: union representative, HR officers, counselors", newCmdCaseTeamAdd(g, nil), newCmdCaseTeamUpdate(g, nil), newCmdCaseTeamRemove(g, nil))
}

func newCmdCaseEligibility(g *globals) *cobra.Command {
	return newGroupCmd("eligibility", "Eligibility determinations", newCmdCaseEligibilityAdd(g, nil), newCmdCaseEligibilityUpdate(g, nil))
}

func newCmdCaseConsent(g *globals) *cobra.Command {
	return newGroupCmd("consent", "The participant's permissions, e.g. to visit their job site (003)",
		newCmdCaseConsentAdd(g, nil), newCmdCaseConsentUpdate(g, nil), newCmdCaseConsentWithdraw(g, nil))
}

func newCmdCaseSealed(g *globals) *cobra.Command {
	return newGroupCmd("sealed", "Fields encrypted to the case team: birth date, SSN last four, ...",
		newCmdCaseSealedSet(g, nil), newCmdCaseSealedShow(g, nil), newCmdCaseSealedReseal(g, nil))
}
