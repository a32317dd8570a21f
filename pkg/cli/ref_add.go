package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type refAddOptions struct {
	*globals
	noCommit            bool
	permission, briefed string // parsed into change.Reference
	change              casework.AddReference
}

func newCmdRefAdd(g *globals, runF func(*refAddOptions) error) *cobra.Command {
	opts := &refAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --name NAME --relationship TEXT",
		Short: "Add a professional reference and commit it",
		Long: `Add a professional reference to CASE's references.yaml and commit it; the
reference's ID (RF- and five characters, e.g. RF-7QX2K: random, so that
references added in two clones never collide) is printed on stdout. ref
update and ref withdraw take it.

Work security asks the candidate to secure three professional references
before the layoff date (document 000; the program setting
references_required): --permission records the date the reference agreed to
be named, --briefed the date the candidate pre-planned with them what they
will say. A reference counts toward the three only with a permission date
and a --phone or --email: an employer cannot check a reference it cannot
reach. A reference added without either is kept (a name may come before a
number), with a warning on stderr naming the ref update command that makes
it count; validate and due name it too.

The file is edited in place: comments and the order of what a person wrote
stay as they are, and the commit shows only the new lines. A second
reference with the same name is refused; correct one with caseplan ref
update.` + "\n" + exitStatusHelp,
		Example: `  caseplan ref add 2026-K7QX2 --name 'Pat Example' \
      --relationship 'former supervisor' \
      --title 'Office Manager' --organization 'Example Clinic' \
      --phone 555-0142 \
      --email pat@example.org --permission 2026-03-10
  # a name before a number: kept, with a warning that it does not count
  caseplan ref add 2026-K7QX2 --name 'Lou Example' \
      --relationship colleague --permission 2026-03-10`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			ref := &opts.change.Reference
			if strings.TrimSpace(ref.Name) == "" || strings.TrimSpace(ref.Relationship) == "" {
				return &UsageError{Msg: "a reference needs --name and --relationship", Hint: "for example --name 'Pat Example' --relationship 'former supervisor'"}
			}
			for _, d := range []struct {
				flag, v string
				dst     *record.Date
			}{{"permission", opts.permission, &ref.Permission}, {"briefed", opts.briefed, &ref.Briefed}} {
				var err error
				if *d.dst, err = optionalDate(d.flag, d.v); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return refAddRun(opts)
		},
	}
	f := c.Flags()
	ref := &opts.change.Reference
	f.StringVar(&ref.Name, "name", "", "the reference's full `NAME`")
	f.StringVar(&ref.Relationship, "relationship", "", "how they know the candidate, e.g. 'former supervisor'")
	f.StringVar(&ref.Title, "title", "", "their job title")
	f.StringVar(&ref.Organization, "organization", "", "where they work")
	f.StringVar(&ref.Phone, "phone", "", "their phone number")
	f.StringVar(&ref.Email, "email", "", "their email address")
	dateVar(f, &opts.permission, "permission", "the `DATE` they agreed to be named (000)")
	dateVar(f, &opts.briefed, "briefed", "the `DATE` the candidate pre-planned with them (000)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the reference but do not commit it")
	return c
}

func refAddRun(opts *refAddOptions) error {
	res, err := opts.writeResult(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
	if err != nil {
		return err
	}
	opts.sayNotCounted(res)
	return nil
}

// sayNotCounted warns, after the write, that a work-security reference
// added without what makes it count toward the references the program
// asks for — the date they agreed to be named and a phone or an email
// (calendar.Reachable; 000: "Ask contact's permission to use his/her
// name") — does not count, naming the ref update command that makes it
// count, so the case manager learns it now rather than at the next
// validate. The write is not refused: a name may come before a number,
// and the asking before the yes.
func (opts *refAddOptions) sayNotCounted(res *casework.Result) {
	r := opts.change.Reference
	reachable, agreed := calendar.Reachable(r), r.Permission != ""
	if (reachable && agreed) || res.After == nil {
		return
	}
	c := res.After.Case(opts.change.Case)
	if c == nil {
		return
	}
	want := casestate.ReferencesRequired(c, res.After.Config)
	if want == 0 {
		return // only work security counts references (000)
	}
	ref := strings.TrimSpace(res.Change.Output)
	var lacks, when, cmd string
	switch {
	case !agreed && !reachable:
		lacks = "has neither a date they agreed to be named (--permission) nor a phone or an email, so"
		when = "record them when you have them"
		cmd = "caseplan ref update " + c.ID + " " + ref + " --permission DATE --phone PHONE (or --email EMAIL)"
	case !agreed:
		lacks = "has no date they agreed to be named (--permission), so"
		when = "record the day they agree"
		cmd = "caseplan ref update " + c.ID + " " + ref + " --permission DATE"
	default:
		lacks = "has neither a phone nor an email, so no employer can check it and"
		when = "add one when you have it"
		cmd = casestate.ReferenceReachCommand(c.ID, ref)
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: warning: reference %s %s it does not count toward the %d references work security asks for by the layoff date\n", ref, lacks, want)
	fmt.Fprintf(opts.env.Stderr, "caseplan: hint: %s with %s\n", when, cmd)
}
