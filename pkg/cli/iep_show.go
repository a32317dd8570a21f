package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

type iepShowOptions struct {
	*globals
	caseID string
	output string
}

func newCmdIEPShow(g *globals, runF func(*iepShowOptions) error) *cobra.Command {
	opts := &iepShowOptions{globals: g}
	c := &cobra.Command{
		Use:   "show CASE",
		Short: "Show the plan: goals, objectives, services, milestones, ...",
		Long: `Show CASE's Individual Employment Plan as a case manager reads it: the
vision and employment goal; each goal with its objectives, the services
that serve them, and its milestones with their due and done dates; the
plan's services; next steps; the job search plan and skill plan (000);
reviews; the schedule for contact agreed with the participant (000, 003:
caseplan iep schedule); and the self-sufficiency plan with its
contingency plans and benefits (003). A milestone or next step past its
due date as of --today and not done is marked overdue.

-o json prints an object with the keys "case" (the case ID),
"participant" (the participant's name), "plan" (the plan as recorded in
iep.yaml, with the same field names as schemas/iep.schema.json, such as
contact_schedule, and fields not recorded left out; null when the case
has no iep.yaml) and "overdue" (the IDs of the milestones and next steps
past due and not done, as of --today; [] when none).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep show 2026-K7QX2                      # the plan as it stands
  caseplan iep show 2026-K7QX2 --today 2026-04-30   # overdue on April 30
  caseplan iep show 2026-K7QX2 -o json              # for a script`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return iepShowRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func iepShowRun(opts *iepShowOptions) error {
	snap, err := opts.loadReadable(opts.caseID, layout.File(opts.caseID, layout.KindIEP))
	if err != nil {
		return err
	}
	today, err := opts.todayDate()
	if err != nil {
		return err
	}
	v := newIEPShowView(snap.Case(opts.caseID), snap.Config, today)
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, v)
	}
	w, done := opts.textOut()
	if v.Participant == "" {
		// The plan was readable but the intake, which names the
		// participant, was not: say so rather than print an empty name.
		fmt.Fprintf(w, "Case %s (participant's name unknown: %s cannot be read; caseplan validate says why)\n", v.Case, layout.File(v.Case, layout.KindIntake))
	} else {
		fmt.Fprintf(w, "Case %s: %s\n", v.Case, v.Participant)
	}
	if v.Plan == nil {
		fmt.Fprintf(w, "No plan yet (no iep.yaml).\n")
		return done()
	}
	iepWritePlan(w, v.Plan, v.state)
	return done()
}

// iepShowView is what iep show shows, and its JSON contract.
type iepShowView struct {
	Case        string      `json:"case"`
	Participant string      `json:"participant"`
	Plan        *record.IEP `json:"plan"`
	Overdue     []string    `json:"overdue"`

	// state marks the overdue items in the text.
	state casestate.State
}

// newIEPShowView builds iep show's view of case c on today. What is
// overdue is casestate's to say, so iep show marks exactly the items case
// show and the tickler list (a dropped goal's milestones are not due;
// nothing on a closed case is).
func newIEPShowView(c *casefile.Case, cfg *record.Config, today time.Time) *iepShowView {
	st := casestate.Compute(c, cfg, today)
	v := &iepShowView{Case: c.ID, Plan: c.IEP, Overdue: iepOverdueIDs(c.IEP, st), state: st}
	if c.Intake != nil {
		v.Participant = c.Intake.Participant.Name
	}
	return v
}

// iepOverdueIDs returns the IDs of the plan's overdue milestones, then its
// overdue next steps, in plan order.
func iepOverdueIDs(p *record.IEP, st casestate.State) []string {
	ids := []string{}
	if p == nil {
		return ids
	}
	for _, g := range p.Goals {
		for _, m := range g.Milestones {
			if st.IsOverdue(casestate.DueMilestone, m.ID) {
				ids = append(ids, m.ID)
			}
		}
	}
	for _, s := range p.NextSteps {
		if st.IsOverdue(casestate.DueNextStep, s.ID) {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// iepWritePlan prints the plan in the order a case manager reads it.
func iepWritePlan(w io.Writer, p *record.IEP, st casestate.State) {
	plan := "created " + string(p.Created)
	if p.Updated != "" {
		plan += ", updated " + string(p.Updated)
	}
	var last record.Date
	for _, r := range p.Reviews {
		last = max(last, r.Date)
	}
	if last != "" {
		plan += ", last reviewed " + string(last)
	}
	if a := p.LastAgreement(); a != nil {
		plan += ", last agreed " + string(a.Date) + " (" + a.How + ")"
	}
	fmt.Fprintf(w, "Plan:             %s\n", plan)
	if p.Vision != "" {
		fmt.Fprintf(w, "Vision:           %s\n", iepIndent(p.Vision, 18))
	}
	if p.EmploymentGoal != "" {
		fmt.Fprintf(w, "Employment goal:  %s\n", iepIndent(p.EmploymentGoal, 18))
	}
	if cs := p.ContactSchedule; cs != nil {
		fmt.Fprintf(w, "Contact schedule: %s\n", scheduleLine(*cs, 18))
	}

	services := map[string]record.PlanService{}
	for _, s := range p.Services {
		services[s.ID] = s
	}
	for _, g := range p.Goals {
		var attrs []string
		if g.Term != "" {
			attrs = append(attrs, g.Term+"-term")
		}
		attrs = append(attrs, iepOr(g.Status, "active"))
		if g.Target != "" {
			attrs = append(attrs, "target "+string(g.Target))
		}
		fmt.Fprintf(w, "\nGoal %s (%s): %s\n", g.ID, strings.Join(attrs, ", "), iepIndent(g.Text, 2))
		for _, o := range g.Objectives {
			fmt.Fprintf(w, "  Objective %s: %s\n", o.ID, iepIndent(o.Text, 4))
			for _, id := range o.Services {
				if s, ok := services[id]; ok {
					fmt.Fprintf(w, "    served by %s: %s\n", id, s.Name)
				} else {
					fmt.Fprintf(w, "    served by %s (not in the plan's services)\n", id)
				}
			}
		}
		for _, m := range g.Milestones {
			fmt.Fprintf(w, "  Milestone %s: %s (%s)\n", m.ID, iepIndent(m.Text, 4), iepDueState(m.Due, m.Done, st.IsOverdue(casestate.DueMilestone, m.ID)))
		}
	}

	if len(p.Services) > 0 {
		fmt.Fprintf(w, "\nServices:\n")
		for _, s := range p.Services {
			var attrs []string
			if s.Code != "" {
				attrs = append(attrs, "code "+s.Code)
			}
			if s.Provider != "" {
				attrs = append(attrs, s.Provider)
			}
			if span := iepDateSpan(s.Start, s.End); span != "" {
				attrs = append(attrs, span)
			}
			if s.Status != "" {
				attrs = append(attrs, s.Status)
			}
			fmt.Fprintf(w, "  %s  %s%s\n", s.ID, s.Name, iepAttrs(attrs))
		}
	}
	if len(p.NextSteps) > 0 {
		fmt.Fprintf(w, "\nNext steps:\n")
		for _, s := range p.NextSteps {
			fmt.Fprintf(w, "  %s  %-11s  %s (%s)\n", s.ID, s.Owner, iepIndent(s.Text, len(s.ID)+17), iepDueState(s.Due, s.Done, st.IsOverdue(casestate.DueNextStep, s.ID)))
		}
	}
	if len(p.JobTargets) > 0 {
		fmt.Fprintf(w, "\nJob search plan:\n")
		for i, t := range p.JobTargets {
			var attrs []string
			if t.JobFamily != "" {
				attrs = append(attrs, t.JobFamily)
			}
			switch {
			case t.GradeMin != "" && t.GradeMax != "":
				attrs = append(attrs, "grades "+t.GradeMin+" to "+t.GradeMax)
			case t.GradeMin != "":
				attrs = append(attrs, "grade "+t.GradeMin+" or above")
			case t.GradeMax != "":
				attrs = append(attrs, "grade "+t.GradeMax+" or below")
			}
			if t.Scope != "" {
				attrs = append(attrs, t.Scope)
			}
			fmt.Fprintf(w, "  %d  %s%s\n", i+1, t.Title, iepAttrs(attrs))
		}
	}
	if len(p.SkillPlan) > 0 {
		fmt.Fprintf(w, "\nSkill plan:\n")
		for i, c := range p.SkillPlan {
			var attrs []string
			if c.Provider != "" {
				attrs = append(attrs, c.Provider)
			}
			if span := iepDateSpan(c.Start, c.End); span != "" {
				attrs = append(attrs, span)
			}
			if c.Status != "" {
				attrs = append(attrs, c.Status)
			}
			fmt.Fprintf(w, "  %d  %s%s\n", i+1, c.Course, iepAttrs(attrs))
		}
	}
	if len(p.Reviews) > 0 {
		fmt.Fprintf(w, "\nReviews:\n")
		for _, r := range p.Reviews {
			line := "  " + string(r.Date) + "  " + iepOr(r.By, "-")
			if r.Summary != "" {
				line += "  " + iepIndent(r.Summary, 4)
			}
			fmt.Fprintln(w, line)
		}
	}
	if len(p.Agreements) > 0 {
		fmt.Fprintf(w, "\nAgreed by the participant:\n")
		for _, a := range p.Agreements {
			line := "  " + iepOr(a.ID, "-") + "  " + string(a.Date) + "  " + a.How
			if a.Notes != "" {
				line += "  " + iepIndent(a.Notes, 4)
			}
			fmt.Fprintln(w, line)
		}
	}
	if ss := p.SelfSufficiency; ss != nil {
		fmt.Fprintf(w, "\nSelf-sufficiency plan: %s\n", iepIndent(iepOr(ss.Plan, "none"), 2))
		var cc record.Contingency
		if ss.Contingency != nil {
			cc = *ss.Contingency
		}
		fmt.Fprintf(w, "  Contingency, child care:      %s\n", iepIndent(iepOr(cc.ChildCare, "none"), 32))
		fmt.Fprintf(w, "  Contingency, transportation:  %s\n", iepIndent(iepOr(cc.Transportation, "none"), 32))
		fmt.Fprintf(w, "  Contingency, crises:          %s\n", iepIndent(iepOr(cc.Crisis, "none"), 32))
		for _, b := range ss.Benefits {
			var attrs []string
			if b.Renewal != "" {
				state := "renewal " + string(b.Renewal)
				if st.IsOverdue(casestate.DueBenefit, b.Name) {
					state += ", overdue"
				}
				attrs = append(attrs, state)
			}
			if b.Status != "" {
				attrs = append(attrs, b.Status)
			}
			// Its ID, as goals and milestones show theirs: benefit renew
			// takes it, and its refusal points here for it. One written
			// before benefits had IDs is named by its name alone.
			id := ""
			if b.ID != "" {
				id = b.ID + ": "
			}
			fmt.Fprintf(w, "  Benefit %s%s%s\n", id, b.Name, iepAttrs(attrs))
			if b.Notes != "" {
				fmt.Fprintf(w, "    %s\n", iepIndent(b.Notes, 4))
			}
		}
	}
}

// scheduleLine says an agreed contact schedule on one line, its note on
// the next ones indented by n: "Tuesdays 18:00 by phone, agreed
// 2026-03-05".
func scheduleLine(cs record.ContactSchedule, n int) string {
	line := calendar.ScheduleWords(cs) + ", agreed " + string(cs.Agreed)
	if cs.Note != "" {
		line += "\n" + strings.Repeat(" ", n) + iepIndent(cs.Note, n)
	}
	return line
}

// iepDueState says where a dated item stands: done, overdue or due.
func iepDueState(due, done record.Date, overdue bool) string {
	switch {
	case done != "" && due != "":
		return "due " + string(due) + ", done " + string(done)
	case done != "":
		return "done " + string(done)
	case overdue:
		return "due " + string(due) + ", overdue"
	case due != "":
		return "due " + string(due)
	}
	return "open"
}

func iepDateSpan(start, end record.Date) string {
	switch {
	case start != "" && end != "":
		return string(start) + " to " + string(end)
	case start != "":
		return "from " + string(start)
	case end != "":
		return "until " + string(end)
	}
	return ""
}

func iepAttrs(attrs []string) string {
	if len(attrs) == 0 {
		return ""
	}
	return " (" + strings.Join(attrs, ", ") + ")"
}

func iepOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// iepIndent trims a text and indents its continuation lines by n spaces,
// so a multi-line value written by hand stays under its label.
func iepIndent(s string, n int) string {
	s = strings.TrimSpace(s)
	return strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", n))
}
