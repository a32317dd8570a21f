package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type iepSetOptions struct {
	caseID         string
	vision         string
	employmentGoal string
	noCommit       bool
}

func newIEPSetCmd(g *globals) *cobra.Command {
	opts := &iepSetOptions{}
	c := &cobra.Command{
		Use:   "set CASE [--vision TEXT] [--employment-goal TEXT]",
		Short: "Set the plan's vision and employment goal",
		Long: `Set the vision of CASE's plan — where the customer would like to be after
the education, training or other services (document 001) — and its
employment goal (002). Only the fields given change.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep set 2026-K7QX2 --vision 'Working as a CNA after training' \
      --employment-goal 'Certified Nursing Assistant at a care home'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.SetPlan{
				Case:           opts.caseID,
				Vision:         givenFlag(c, "vision", &opts.vision),
				EmploymentGoal: givenFlag(c, "employment-goal", &opts.employmentGoal),
			}
			if a.Vision == nil && a.EmploymentGoal == nil {
				return &UsageError{Msg: "nothing to set", Hint: "give --vision, --employment-goal or both"}
			}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.vision, "vision", "", "where the customer would like to be after the services (001)")
	f.StringVar(&opts.employmentGoal, "employment-goal", "", "the employment goal the plan works toward (002)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

// givenFlag returns v when flag was given on the command line and nil when
// not, for the set commands, which change only the fields whose flags are
// given (a nil field is left as it is).
func givenFlag(c *cobra.Command, flag string, v *string) *string {
	if c.Flags().Changed(flag) {
		return v
	}
	return nil
}

type iepGoalAddOptions struct {
	caseID   string
	term     string
	text     string
	target   string
	noCommit bool
}

func newIEPGoalAddCmd(g *globals) *cobra.Command {
	opts := &iepGoalAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --term short|long --text TEXT [--target DATE]",
		Short: "Add a goal to the plan; prints its ID",
		Long: `Add a goal to CASE's plan, active, and print its ID (G1, G2, ...).

A goal says what the customer wants to achieve, generally a specific
employment goal (001). Short-term goals cover the time services are
rendered; long-term goals the 9 to 12 months after the customer exits the
program (001). --target is the date it should be reached.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep goal add 2026-K7QX2 --term short --text 'Certified Nursing Assistant' --target 2026-09-30`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			target, err := iepDate("target", opts.target)
			if err != nil {
				return err
			}
			a := casework.AddGoal{Case: opts.caseID, Term: opts.term, Text: opts.text, Target: target}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.term, "term", "", "`short` or long (required)")
	f.StringVar(&opts.text, "text", "", "what the customer wants to achieve (required)")
	f.StringVar(&opts.target, "target", "", "the `DATE` the goal should be reached")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("term")
	c.MarkFlagRequired("text")
	return c
}

type iepGoalStatusOptions struct {
	caseID, goal string
	status       string
	noCommit     bool
}

func newIEPGoalStatusCmd(g *globals) *cobra.Command {
	opts := &iepGoalStatusOptions{}
	c := &cobra.Command{
		Use:   "status CASE GOAL --status active|achieved|dropped",
		Short: "Mark a goal achieved or dropped (or active again)",
		Long: `Set the status of goal GOAL (G1, ...) of CASE's plan: achieved when the
customer reached it, dropped when the plan no longer pursues it, active to
take it up again. The plan changes as the customer does (001); git keeps
what it was.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep goal status 2026-K7QX2 G1 --status achieved`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID, opts.goal = args[0], args[1]
			a := casework.SetGoalStatus{Case: opts.caseID, Goal: opts.goal, Status: opts.status}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.status, "status", "", "`STATUS`: active, achieved or dropped (required)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("status")
	return c
}

type iepObjectiveAddOptions struct {
	caseID   string
	goal     string
	text     string
	services []string
	noCommit bool
}

func newIEPObjectiveAddCmd(g *globals) *cobra.Command {
	opts := &iepObjectiveAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --goal GOAL --text TEXT [--service S]...",
		Short: "Add an objective to a goal; prints its ID",
		Long: `Add an objective — a specific step the customer will take to realise the
goal (001) — to goal GOAL of CASE's plan, and print its ID (O1, O2, ...;
numbered across all the plan's goals). --service names a service of the
plan (S1, ...) that serves the objective; repeat it for several. A service
not yet in the plan is added with caseplan iep service add, which can also
link it to objectives already there.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep objective add 2026-K7QX2 --goal G1 --text 'Attain a CNA certificate' --service S1`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.AddObjective{Case: opts.caseID, Goal: opts.goal, Text: opts.text, Services: opts.services}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.goal, "goal", "", "the `GOAL` it serves, e.g. G1 (required)")
	f.StringVar(&opts.text, "text", "", "the step (required)")
	f.StringArrayVar(&opts.services, "service", nil, "a plan service `ID` that serves it, e.g. S1 (repeatable)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("goal")
	c.MarkFlagRequired("text")
	return c
}

type iepServiceAddOptions struct {
	caseID     string
	service    record.PlanService
	start, end string
	objectives []string
	noCommit   bool
}

func newIEPServiceAddCmd(g *globals) *cobra.Command {
	opts := &iepServiceAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --name NAME [--code C] [--provider P] [--start DATE] [--end DATE] [--objective O]...",
		Short: "Add a service the plan needs; prints its ID",
		Long: `Add a service the customer needs to meet the plan's objectives (001) to
CASE's plan and print its ID (S1, S2, ...). --code is the service code
recorded for reporting (002); --provider who gives it, which may be another
center (002). --objective links it into that objective's services (repeat it
for several); objectives added later name it with --service.

These are the plan's services; referrals to them and their status are kept
by caseplan service in services.yaml.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep service add 2026-K7QX2 --name 'CNA training course' --code training \
      --provider 'Lakeside College' --start 2026-04-06 --objective O1`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			s := opts.service
			var err error
			if s.Start, err = iepDate("start", opts.start); err != nil {
				return err
			}
			if s.End, err = iepDate("end", opts.end); err != nil {
				return err
			}
			a := casework.AddPlanService{Case: opts.caseID, Service: s, Objectives: opts.objectives}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.service.Name, "name", "", "what the service is, e.g. 'CNA training course' (required)")
	f.StringVar(&opts.service.Code, "code", "", "the service `CODE` recorded for reporting (002)")
	f.StringVar(&opts.service.Provider, "provider", "", "who provides it")
	f.StringVar(&opts.start, "start", "", "the start `DATE`")
	f.StringVar(&opts.end, "end", "", "the end `DATE`")
	f.StringArrayVar(&opts.objectives, "objective", nil, "an objective `ID` it serves, e.g. O1 (repeatable)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("name")
	return c
}

type iepMilestoneAddOptions struct {
	caseID   string
	goal     string
	text     string
	due      string
	noCommit bool
}

func newIEPMilestoneAddCmd(g *globals) *cobra.Command {
	opts := &iepMilestoneAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --goal GOAL --text TEXT --due DATE",
		Short: "Add a dated milestone to a goal; prints its ID",
		Long: `Add a milestone to goal GOAL of CASE's plan and print its ID (M1, M2, ...;
numbered across all the plan's goals). A milestone marks when a step of the
plan is complete or an objective achieved; it is specific, measurable and
attainable within a designated timeframe (001), so it has a due date.
caseplan iep milestone done records when it is reached.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep milestone add 2026-K7QX2 --goal G1 --text 'Enrolled in a CNA course' --due 2026-04-30`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			due, err := iepDate("due", opts.due)
			if err != nil {
				return err
			}
			a := casework.AddMilestone{Case: opts.caseID, Goal: opts.goal, Text: opts.text, Due: due}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.goal, "goal", "", "the `GOAL` it belongs to, e.g. G1 (required)")
	f.StringVar(&opts.text, "text", "", "what will have happened (required)")
	f.StringVar(&opts.due, "due", "", "the `DATE` it should be reached (required)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("goal")
	c.MarkFlagRequired("text")
	c.MarkFlagRequired("due")
	return c
}

func newIEPMilestoneDoneCmd(g *globals) *cobra.Command {
	return newIEPDoneCmd(g, &cobra.Command{
		Use:   "done CASE MILESTONE [--date DATE]",
		Short: "Record the date a milestone was reached",
		Long: `Record that milestone MILESTONE (M1, ...) of CASE's plan was reached on
--date (default: --today). The date may not be after today nor before the
case opened. Given for a milestone already done, a different date corrects
the one recorded.

Only the milestone's done line changes in iep.yaml: comments, blank lines
and the order of what a person wrote stay as they are.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep milestone done 2026-K7QX2 M2 --date 2026-04-22`,
	}, "reached", func(caseID, milestone string, d record.Date) casework.Build {
		return casework.MilestoneDone{Case: caseID, Milestone: milestone, Date: d}.Build
	})
}
