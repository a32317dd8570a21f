package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/record"
)

func newIEPCmd(g *globals) *cobra.Command {
	c := newGroupCmd("iep", "The Individual Employment Plan: goals, objectives, services, milestones, next steps, reviews",
		newIEPShowCmd(g),
		newIEPSetCmd(g),
		newGroupCmd("goal", "The plan's short- and long-term goals", newIEPGoalAddCmd(g), newIEPGoalStatusCmd(g)),
		newGroupCmd("objective", "Objectives: the steps toward a goal", newIEPObjectiveAddCmd(g)),
		newGroupCmd("service", "The services the plan's objectives need", newIEPServiceAddCmd(g)),
		newGroupCmd("milestone", "Milestones: dated points that show progress toward a goal", newIEPMilestoneAddCmd(g), newIEPMilestoneDoneCmd(g)),
		newGroupCmd("step", "Next steps: what the participant or the manager does now", newIEPStepAddCmd(g), newIEPStepDoneCmd(g)),
		newGroupCmd("target", "The job search plan: positions and job families to apply for", newIEPTargetAddCmd(g)),
		newGroupCmd("course", "The skill development plan: courses and providers", newIEPCourseAddCmd(g), newIEPCourseStatusCmd(g)),
		newIEPReviewCmd(g),
		newIEPSelfSufficiencyCmd(g),
		newGroupCmd("benefit", "Post-employment: benefits whose eligibility must be kept, with renewal dates", newIEPBenefitAddCmd(g), newIEPBenefitRenewCmd(g)),
	)
	c.Long = `The Individual Employment Plan of a case, cases/<id>/iep.yaml: the
customer's vision and employment goal; goals, short- or long-term, each with
objectives (the steps toward it), linked to the services that serve them, and
milestones that are specific and dated (documents 001, 002); next steps; the
job search and skill development plans (000); dated reviews; and for
post-employment cases the self-sufficiency plan, contingency plans and
benefits with their renewal dates (003).

Goals, objectives, services, milestones and next steps get IDs — G1, O1, S1,
M1, N1 — numbered within the case (objectives and milestones across all its
goals): each add command prints the new ID, and iep show lists them.

Every command edits iep.yaml in place and commits it: comments, blank lines
and key order that a person wrote stay, and the commit changes only the
lines it must.`
	return c
}

// iepDate parses an optional date flag.
func iepDate(flag, v string) (record.Date, error) {
	if v == "" {
		return "", nil
	}
	if _, err := parseDate(flag, v); err != nil {
		return "", err
	}
	return record.Date(v), nil
}

// iepDoneDate parses a --date flag that defaults to --today.
func (g *globals) iepDoneDate(v string) (record.Date, error) {
	if v != "" {
		return iepDate("date", v)
	}
	t, err := g.todayDate()
	if err != nil {
		return "", err
	}
	return record.Date(t.Format(time.DateOnly)), nil
}
