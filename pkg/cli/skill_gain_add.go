package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type skillGainAddOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Gain
	change   casework.AddSkillGain
}

func newCmdSkillGainAdd(g *globals, runF func(*skillGainAddOptions) error) *cobra.Command {
	opts := &skillGainAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --kind KIND --date DATE",
		Short: "Record a measurable skill gain; prints its ID",
		Long: `Record a measurable skill gain of CASE's participant, in outcome.yaml, and
print its ID (SG-XXXXX). Measurable skill gains, one of WIOA's primary
indicators (TEGL 10-16; PIRL 1806-1810), counts the participants in education
or training during the program year who made at least one documented gain:
  educational-functioning-level  a gain of at least one educational
                                 functioning level (PIRL 1806)
  postsecondary-transcript       a transcript or report card showing the
  secondary-transcript           school's academic standards met (1807, 1808)
  training-milestone             a satisfactory or better progress report from
                                 an employer or training provider toward an
                                 established milestone, e.g. completing OJT
                                 (1809)
  skills-progression             passing an exam required for an occupation,
                                 or progress shown by trade-related benchmarks
                                 (1810)
The fifth kind, a secondary school diploma, is recorded once, with caseplan
credential add --kind secondary-diploma, and counts here too. A gain dated
before the case opened is refused (rule date-order): only one made during
participation counts.` + "\n" + exitStatusHelp,
		Example: `  caseplan skill-gain add W-001 --kind training-milestone --date 2026-05-29 \
      --notes "Mid-course progress report: clinical skills satisfactory"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			sg := &opts.change.Gain
			if !readChoice(&sg.Kind, append(slices.Clone(record.SkillGainKinds), record.CredentialSecondaryDiploma)...) {
				return &UsageError{Msg: fmt.Sprintf("--kind %q: use one of %s", sg.Kind, strings.Join(record.SkillGainKinds, ", ")), Hint: choiceHint("kind", record.SkillGainKinds, sg.Kind, nil)}
			}
			var err error
			if sg.Date, err = requiredDate("date", opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return skillGainAddRun(opts)
		},
	}
	f := c.Flags()
	sg := &opts.change.Gain
	f.StringVar(&sg.Kind, "kind", "", "the kind of gain: "+strings.Join(record.SkillGainKinds, ", "))
	dateVar(f, &opts.date, "date", "the `DATE` the gain was documented")
	f.StringVar(&sg.Notes, "notes", "", "what was achieved")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	_ = c.MarkFlagRequired("date")
	return c
}

func skillGainAddRun(opts *skillGainAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
}
