package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type iepStepAddOptions struct {
	caseID   string
	owner    string
	text     string
	due      string
	noCommit bool
}

func newIEPStepAddCmd(g *globals) *cobra.Command {
	opts := &iepStepAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --owner participant|manager --text TEXT [--due DATE]",
		Short: "Add a next step; prints its ID",
		Long: `Add a next step to CASE's plan and print its ID (N1, N2, ...). Next steps
are the actions to take now — by the participant or by the manager — and
are updated as they are completed (001); caseplan iep step done records
that.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep step add 2026-K7QX2 --owner participant --text 'Bring eligibility documents' --due 2026-03-20`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			due, err := iepDate("due", opts.due)
			if err != nil {
				return err
			}
			a := casework.AddNextStep{Case: opts.caseID, Owner: opts.owner, Text: opts.text, Due: due}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.owner, "owner", "", "who takes the step: `participant` or manager (required)")
	f.StringVar(&opts.text, "text", "", "the action (required)")
	f.StringVar(&opts.due, "due", "", "the `DATE` it is due")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("owner")
	c.MarkFlagRequired("text")
	return c
}

func newIEPStepDoneCmd(g *globals) *cobra.Command {
	return newIEPDoneCmd(g, &cobra.Command{
		Use:   "done CASE STEP [--date DATE]",
		Short: "Record the date a next step was done",
		Long: `Record that next step STEP (N1, ...) of CASE's plan was done on --date
(default: --today). The date may not be after today nor before the case
opened; given for a step already done, a different date corrects it.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep step done 2026-K7QX2 N1 --date 2026-03-19`,
	}, "done", func(caseID, step string, d record.Date) casework.Build {
		return casework.NextStepDone{Case: caseID, Step: step, Date: d}.Build
	})
}

// iepDoneOptions are the flags of a plan item's done command.
type iepDoneOptions struct {
	caseID, item string
	date         string
	noCommit     bool
}

// newIEPDoneCmd completes c — its usage, help and example — as the command
// recording that an item of CASE's plan (a milestone, a next step) was done
// on --date, by default --today: it takes CASE and the item's ID, and
// build makes the change. when says, in the --date flag's help, what
// happened to the item on that date ("reached", "done").
func newIEPDoneCmd(g *globals, c *cobra.Command, when string, build func(caseID, item string, date record.Date) casework.Build) *cobra.Command {
	opts := &iepDoneOptions{}
	c.Args = cobra.ExactArgs(2)
	c.RunE = func(c *cobra.Command, args []string) error {
		opts.caseID, opts.item = args[0], args[1]
		d, err := g.iepDoneDate(opts.date)
		if err != nil {
			return err
		}
		return g.write(opts.noCommit, []string{opts.caseID}, build(opts.caseID, opts.item, d), sayWhat)
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` it was "+when+" (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

type iepTargetAddOptions struct {
	caseID   string
	target   record.JobTarget
	noCommit bool
}

func newIEPTargetAddCmd(g *globals) *cobra.Command {
	opts := &iepTargetAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --title TITLE [--job-family F] [--grade-min G] [--grade-max G] [--scope internal|external|both]",
		Short: "Add a job target to the job search plan",
		Long: `Add a position or job family to the job search plan of CASE: the range of
appropriate positions the candidate should apply for, agreed at the intake
meeting, with the grades to aim between — not too high, not too low — and
whether inside the organisation, outside it or both (document 000). A work
security case needs a job search plan by the layoff date (rule ws-iep-plan).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep target add 2026-K7QX2 --title 'Administrative Assistant' \
      --job-family 'Office support' --grade-min 5 --grade-max 7 --scope both`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.AddJobTarget{Case: opts.caseID, Target: opts.target}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.target.Title, "title", "", "the position title (required)")
	f.StringVar(&opts.target.JobFamily, "job-family", "", "the job `FAMILY`")
	f.StringVar(&opts.target.GradeMin, "grade-min", "", "the lowest `GRADE` to apply for")
	f.StringVar(&opts.target.GradeMax, "grade-max", "", "the highest `GRADE` to apply for")
	f.StringVar(&opts.target.Scope, "scope", "", "`SCOPE`: internal, external or both")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("title")
	return c
}

type iepCourseAddOptions struct {
	caseID     string
	course     record.Course
	start, end string
	noCommit   bool
}

func newIEPCourseAddCmd(g *globals) *cobra.Command {
	opts := &iepCourseAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --course NAME [--provider P] [--start DATE] [--end DATE] [--status STATUS]",
		Short: "Add a course to the skill development plan",
		Long: `Add a course to the skill development plan of CASE: the courses the
candidate will take and who offers them (document 000). --status is planned
(the default), enrolled, completed or dropped. A work security case needs a
skill plan by the layoff date (rule ws-iep-plan).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep course add 2026-K7QX2 --course 'Excel, intermediate' \
      --provider 'Example Learning Center' --start 2026-04-06 --end 2026-05-01`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			co := opts.course
			var err error
			if co.Start, err = iepDate("start", opts.start); err != nil {
				return err
			}
			if co.End, err = iepDate("end", opts.end); err != nil {
				return err
			}
			a := casework.AddSkillCourse{Case: opts.caseID, Course: co}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.course.Course, "course", "", "the course `NAME` (required)")
	f.StringVar(&opts.course.Provider, "provider", "", "who offers it")
	f.StringVar(&opts.start, "start", "", "the start `DATE`")
	f.StringVar(&opts.end, "end", "", "the end `DATE`")
	f.StringVar(&opts.course.Status, "status", "", "`STATUS`: planned (default), enrolled, completed or dropped")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("course")
	return c
}

type iepReviewOptions struct {
	caseID   string
	date     string
	summary  string
	noCommit bool
}

func newIEPReviewCmd(g *globals) *cobra.Command {
	opts := &iepReviewOptions{}
	c := &cobra.Command{
		Use:   "review CASE [--date DATE] [--summary TEXT]",
		Short: "Record a dated review of the plan",
		Long: `Record that the acting staff member reviewed CASE's plan on --date
(default: --today), with what was reviewed and changed. The plan is referenced
often and updated regularly (001); its "updated" date is the date of its
latest review (every other change is in git's history).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep review 2026-K7QX2 --summary 'Enrolled in the CNA course; moved the exam milestone to June'`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			d, err := g.iepDoneDate(opts.date)
			if err != nil {
				return err
			}
			a := casework.ReviewPlan{Case: opts.caseID, Date: d, Summary: opts.summary}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` of the review (default: --today)")
	f.StringVar(&opts.summary, "summary", "", "what was reviewed and changed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}
