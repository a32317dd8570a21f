package cli

import (
	"strings"

	"github.com/spf13/cobra"

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
reach (a reference added without either is kept, and validate and due name
the ref update command that makes it count).

The file is edited in place: comments and the order of what a person wrote
stay as they are, and the commit shows only the new lines. A second
reference with the same name is refused; correct one with caseplan ref
update.` + "\n" + exitStatusHelp,
		Example: `  caseplan ref add 2026-K7QX2 --name 'Pat Example' \
      --relationship 'former supervisor' \
      --title 'Office Manager' --organization 'Example Clinic' \
      --phone 555-0142 \
      --email pat@example.org --permission 2026-03-10`,
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
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
}
