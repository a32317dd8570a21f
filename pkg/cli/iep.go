package cli

import (
	"github.com/spf13/cobra"
)

func newCmdIEP(g *globals) *cobra.Command {
	c := newGroupCmd("iep", "Individual Employment Plan: goals, services, steps, reviews, ...",
		newCmdIEPShow(g, nil),
		newCmdIEPSet(g, nil),
		newGroupCmd("goal", "The plan's short- and long-term goals", newCmdIEPGoalAdd(g, nil), newCmdIEPGoalUpdate(g, nil), newCmdIEPGoalStatus(g, nil)),
		newGroupCmd("objective", "Objectives: the steps toward a goal", newCmdIEPObjectiveAdd(g, nil), newCmdIEPObjectiveUpdate(g, nil)),
		newGroupCmd("service", "The services the plan's objectives need", newCmdIEPServiceAdd(g, nil), newCmdIEPServiceUpdate(g, nil), newCmdIEPServiceEnd(g, nil), newCmdIEPServiceCancel(g, nil)),
		newGroupCmd("milestone", "Milestones: dated points that show progress toward a goal", newCmdIEPMilestoneAdd(g, nil), newCmdIEPMilestoneUpdate(g, nil), newCmdIEPMilestoneDone(g, nil)),
		newGroupCmd("step", "Next steps: what the participant or the manager does now", newCmdIEPStepAdd(g, nil), newCmdIEPStepUpdate(g, nil), newCmdIEPStepDone(g, nil)),
		newGroupCmd("target", "The job search plan: positions and job families to apply for", newCmdIEPTargetAdd(g, nil), newCmdIEPTargetUpdate(g, nil), newCmdIEPTargetRemove(g, nil)),
		newGroupCmd("course", "The skill development plan: courses and providers", newCmdIEPCourseAdd(g, nil), newCmdIEPCourseUpdate(g, nil), newCmdIEPCourseStatus(g, nil)),
		newCmdIEPReview(g, nil),
		newCmdIEPAgree(g, nil),
		newCmdIEPSchedule(g, nil),
		newCmdIEPSelfSufficiency(g, nil),
		newGroupCmd("benefit", "Post-employment benefits to keep, with their renewal dates", newCmdIEPBenefitAdd(g, nil), newCmdIEPBenefitRenew(g, nil)),
	)
	c.Long = `The Individual Employment Plan of a case, cases/<id>/iep.yaml: the
customer's vision and employment goal; goals, short- or long-term, each with
objectives (the steps toward it), linked to the services that serve them, and
milestones that are specific and dated (documents 001, 002); next steps; the
job search and skill development plans (000); dated reviews; the
participant's agreements to the plan (001, 002); the schedule
for contact agreed with the participant (000, 003); and for
post-employment cases the self-sufficiency plan, contingency plans and
benefits with their renewal dates (003).

Every item an add command adds gets an ID of its own, which it prints: a
prefix and five random characters, G-K7QX2 for a goal, O- for an objective,
S- a service, M- a milestone, N- a next step (JT-, SK-, BN- for job targets,
courses and benefits, AG- the participant's agreements). Random IDs let two
people add items to one plan in two clones and keep both when they sync.
Plans written before keep their numbered IDs (G1, O1, S1, M1, N1), which
stay valid. The commands take IDs in any case (g-k7qx2 is G-K7QX2), and iep
show lists them. Job targets, courses and benefits are named by their ID
too, or by their number in the plan (1 for the first, as iep show numbers
them) or their title or name. Each kind has an update command; services also
end or are cancelled, goals change status, milestones and next steps are
done, and job targets are removed.

Every command edits iep.yaml in place and commits it: comments, blank lines
and key order that a person wrote stay, and the commit changes only the
lines it must.`
	return c
}
