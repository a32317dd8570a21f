package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

// The intake record's lists, one group each: assessments, barriers, the
// team and eligibility determinations.

func newCaseAssessmentCmd(g *globals) *cobra.Command {
	return newGroupCmd("assessment", "Assessments: skills, job-hunt readiness, interests, aptitude (ongoing, 001)", newCaseAssessmentAddCmd(g))
}

func newCaseBarrierCmd(g *globals) *cobra.Command {
	return newGroupCmd("barrier", "Barriers to employment: child care, transportation, housing, ...", newCaseBarrierAddCmd(g))
}

func newCaseTeamCmd(g *globals) *cobra.Command {
	return newGroupCmd("team", "The other people on the case: union representative, HR officers, counselors, ...", newCaseTeamAddCmd(g))
}

func newCaseEligibilityCmd(g *globals) *cobra.Command {
	return newGroupCmd("eligibility", "Eligibility determinations", newCaseEligibilityAddCmd(g))
}

type caseAssessmentAddOptions struct {
	caseID     string
	assessment record.Assessment
	date       string
	noCommit   bool
}

func newCaseAssessmentAddCmd(g *globals) *cobra.Command {
	opts := &caseAssessmentAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --tool TOOL --date DATE [--summary TEXT]",
		Short: "Record a dated assessment",
		Long: `Record an assessment of CASE's participant in intake.yaml: the tool or form
(a skills assessment form, "How ready are you for the job hunt?", an interest
profiler, an aptitude test, ...: document 000), the date it was given, and
what it showed. Assessment is ongoing (001), so a case gathers them over
time. For a WIOA case the first assessment ends the assessment phase and
goal setting begins (002).

The date may not be after today; the same tool on the same date is not
recorded twice.` + "\n" + exitStatusHelp,
		Example: `  caseplan case assessment add W-001 --tool 'O*NET Interest Profiler' --date 2026-03-09 \
      --summary 'Social and conventional interests'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.AddAssessment{Case: opts.caseID, Assessment: opts.assessment}
			var err error
			if a.Assessment.Date, err = intakeDate("date", opts.date); err != nil {
				return err
			}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.assessment.Tool, "tool", "", "the assessment `TOOL` or form (required)")
	f.StringVar(&opts.date, "date", "", "the `DATE` it was given (required)")
	f.StringVar(&opts.assessment.Summary, "summary", "", "what it showed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("tool")
	_ = c.MarkFlagRequired("date")
	return c
}

type caseBarrierAddOptions struct {
	caseID   string
	barrier  record.Barrier
	noCommit bool
}

func newCaseBarrierAddCmd(g *globals) *cobra.Command {
	opts := &caseBarrierAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --kind KIND [--detail TEXT] [--status open|addressed]",
		Short: "Record a barrier to employment",
		Long: `Record a barrier to employment of CASE's participant in intake.yaml (001,
002): --kind is child-care, transportation, disability, housing, language,
health, legal, literacy, digital, financial or other; --detail says what it
is in this case; --status is open (the default) or addressed. A kind the
schema does not know is refused with its finding.` + "\n" + exitStatusHelp,
		Example: `  caseplan case barrier add W-001 --kind transportation --detail 'No car; the clinical sites are off the bus routes'`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.AddBarrier{Case: opts.caseID, Barrier: opts.barrier}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.barrier.Kind, "kind", "", "the `KIND` of barrier (required)")
	f.StringVar(&opts.barrier.Detail, "detail", "", "what the barrier is in this case")
	f.StringVar(&opts.barrier.Status, "status", "", "`STATUS`: open (default) or addressed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	return c
}

type caseTeamAddOptions struct {
	caseID   string
	member   record.TeamMember
	noCommit bool
}

func newCaseTeamAddCmd(g *globals) *cobra.Command {
	opts := &caseTeamAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --name NAME --role ROLE [--organization O] [--phone P] [--email E] [--notes TEXT]",
		Short: "Add a person to the case's team",
		Long: `Add another person working on CASE to its team in intake.yaml, with their
role: union-representative, hr-laying-off (the HR officer of the unit laying
off) or hr-hiring (of a hiring unit) (document 000), counselor (at another
center, 002), navigator (003), employer or other. A role the schema does not
know, or an email address that is not one, is refused with its finding.` + "\n" + exitStatusHelp,
		Example: `  caseplan case team add WS-001 --name 'Alex Example' --role union-representative \
      --organization 'Example Clerical Workers Union' --phone 555-0130`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.AddTeamMember{Case: opts.caseID, Member: opts.member}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.member.Name, "name", "", "their full `NAME` (required)")
	f.StringVar(&opts.member.Role, "role", "", "their `ROLE` on the case (required)")
	f.StringVar(&opts.member.Organization, "organization", "", "the organisation or unit they belong to")
	f.StringVar(&opts.member.Phone, "phone", "", "their phone number")
	f.StringVar(&opts.member.Email, "email", "", "their email address")
	f.StringVar(&opts.member.Notes, "notes", "", "anything else worth knowing about working with them")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("name")
	_ = c.MarkFlagRequired("role")
	return c
}

type caseEligibilityAddOptions struct {
	caseID                string
	eligibility           record.Eligibility
	determined            string
	eligible, notEligible bool
	noCommit              bool
}

func newCaseEligibilityAddCmd(g *globals) *cobra.Command {
	opts := &caseEligibilityAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --program P --determined DATE (--eligible|--not-eligible) [--basis TEXT]",
		Short: "Record an eligibility determination",
		Long: `Record an eligibility determination for CASE's participant in intake.yaml
(document 002): the program or service it is for (wioa, a training account,
cash assistance, ...), the date it was determined, the result and what it
rests on (documents, facts). The date may not be after today.` + "\n" + exitStatusHelp,
		Example: `  caseplan case eligibility add W-001 --program wioa --determined 2026-03-04 --eligible \
      --basis 'Adult, low income'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.AddEligibility{Case: opts.caseID, Eligibility: opts.eligibility}
			var err error
			if a.Eligibility.Determined, err = intakeDate("determined", opts.determined); err != nil {
				return err
			}
			a.Eligibility.Eligible = opts.eligible
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.eligibility.Program, "program", "", "the `PROGRAM` or service it is for (required)")
	f.StringVar(&opts.determined, "determined", "", "the `DATE` it was determined (required)")
	f.BoolVar(&opts.eligible, "eligible", false, "the participant was found eligible")
	f.BoolVar(&opts.notEligible, "not-eligible", false, "the participant was found not eligible")
	f.StringVar(&opts.eligibility.Basis, "basis", "", "the documents or facts it rests on")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("program")
	_ = c.MarkFlagRequired("determined")
	c.MarkFlagsMutuallyExclusive("eligible", "not-eligible")
	c.MarkFlagsOneRequired("eligible", "not-eligible")
	return c
}
