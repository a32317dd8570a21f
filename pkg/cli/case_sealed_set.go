package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/caseplan/caseplan/pkg/store"
)

type caseSealedSetOptions struct {
	*globals
	noCommit bool
	file     string
	from     string // --from: the commit whose sealed fields to start from
	change   casework.SetSealed
}

func newCmdCaseSealedSet(g *globals, runF func(*caseSealedSetOptions) error) *cobra.Command {
	opts := &caseSealedSetOptions{globals: g}
	values := map[string]*string{}
	c := &cobra.Command{
		Use:   "set CASE [--FIELD VALUE...] [--clear FIELD...] [--file FILE|-]",
		Short: "Set the case's sealed fields",
		Long: `Set or clear the sensitive fields of CASE that TEGL 39-11 calls sensitive PII.
They are kept in cases/CASE/sealed.age, encrypted with age to the case's
team as the roster stands — its manager, the staff on its team and the
supervisors, each by the age recipient the roster holds — and never appear
in a record, a report, the tickler, the calendar, the log or an error. The
file is rewritten whole; to change one field you must be able to read the
others (caseplan case sealed show).

Only the last four digits of an SSN are kept: a full SSN is refused here as
everywhere. Values typed on the command line stay in the shell's history
and are visible to other users of the machine while the command runs:
--file - reads them from standard input instead, as YAML
(date_of_birth: 1980-04-05).

--from COMMIT starts from the fields as COMMIT holds them instead of the
ones now committed, and seals them again to the case's team as it now
stands: the way back when cases/CASE/sealed.age was changed by hand and
no longer decrypts (caseplan case sealed show names the commit that
changed it last, and the one before it to give here).

The fields, each set with its flag (--date-of-birth) and cleared with
--clear by either name:
` + helpList(sealed.Names) + "\n" + exitStatusHelp,
		Example: `  caseplan case sealed set W-001 --date-of-birth 1980-04-05 --ssn-last4 6789
  caseplan case sealed set W-001 --file - < fields.yaml
  caseplan case sealed set W-001 --clear health --clear date-of-birth
  caseplan case sealed set W-001 --from 3f2a9c1e4b7d^`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			opts.change.Set = map[string]string{}
			for name, v := range values {
				if c.Flags().Changed(sealedFlag(name)) {
					opts.change.Set[name] = *v
				}
			}
			if opts.file != "" {
				if err := opts.readFields(); err != nil {
					return err
				}
			}
			// A field both given a value and cleared would lose the value
			// typed, whichever came last: refuse it rather than guess.
			for _, name := range opts.change.Clear {
				if _, set := opts.change.Set[name]; set {
					return &UsageError{Msg: fmt.Sprintf("--clear %s: %s is given a value too", name, name), Hint: fmt.Sprintf("give either --clear %s or a value (--%s, --file), not both", name, sealedFlag(name))}
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return caseSealedSetRun(opts)
		},
	}
	f := c.Flags()
	for _, name := range sealed.Names {
		values[name] = f.String(sealedFlag(name), "", sealed.About[name])
	}
	f.Var((*sealedFields)(&opts.change.Clear), "clear", "`FIELD`s to clear, named as their flags (date-of-birth) or as in --file (date_of_birth)")
	f.StringVar(&opts.file, "file", "", "read the fields from `FILE` (- for standard input), as YAML")
	f.StringVar(&opts.from, "from", "", "start from the fields as `COMMIT` holds them (a hash, branch or tag), to go back to them")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

// sealedFlag is the flag of a sealed field: date_of_birth is
// --date-of-birth.
func sealedFlag(field string) string { return strings.ReplaceAll(field, "_", "-") }

// sealedFields is --clear's value: fields named as their flags are
// (date-of-birth) or as --file and show name them (date_of_birth), kept
// in the latter spelling; repeatable, or separated by commas.
type sealedFields []string

func (v *sealedFields) Set(s string) error {
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			*v = append(*v, strings.ReplaceAll(name, "-", "_"))
		}
	}
	return nil
}

// String is "" when empty, so help shows no default.
func (v *sealedFields) String() string {
	if len(*v) == 0 {
		return ""
	}
	return "[" + strings.Join(*v, ",") + "]"
}

func (v *sealedFields) Type() string { return "stringSlice" }

// Append, Replace and GetSlice make it a pflag.SliceValue, whose values
// the flag-value check and completion read one by one.
func (v *sealedFields) Append(s string) error { return v.Set(s) }

func (v *sealedFields) Replace(names []string) error {
	*v = nil
	for _, name := range names {
		if err := v.Set(name); err != nil {
			return err
		}
	}
	return nil
}

func (v *sealedFields) GetSlice() []string { return *v }

// readFields reads field values from --file, a YAML mapping of field names
// to values. A value in it is never repeated in an error.
func (opts *caseSealedSetOptions) readFields() error {
	var data []byte
	var err error
	if opts.file == "-" {
		data, err = io.ReadAll(opts.env.Stdin)
	} else {
		path := opts.file
		if !isAbs(path) {
			path = opts.env.Dir + "/" + path
		}
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return usageErrorf("--file: %v", err)
	}
	var m map[string]string
	if err := yaml.Unmarshal(data, &m); err != nil {
		return usageErrorf("--file: not a YAML mapping of sealed fields to text values")
	}
	for k, v := range m {
		if _, dup := opts.change.Set[k]; dup {
			return usageErrorf("--file sets %s, which a flag sets too", k)
		}
		opts.change.Set[k] = v
	}
	return nil
}

func caseSealedSetRun(opts *caseSealedSetOptions) error {
	if opts.from != "" {
		repo, err := opts.openRepo()
		if err != nil {
			return err
		}
		defer repo.Close()
		at, err := repo.ResolveRevision(opts.from)
		if err != nil {
			return revisionError(repo, "--from", err)
		}
		tree, err := repo.TreeAt(at)
		if err != nil {
			return err
		}
		opts.change.From = store.GitTree{Tree: tree}
	}
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
