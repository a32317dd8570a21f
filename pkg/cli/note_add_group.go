package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/store"
)

// noteGroup is note add for a group session: the cases named, or a
// cohort's open cases less the absent.
type noteGroup struct {
	cases  []string
	cohort string
	absent []string
}

func (o *noteGroup) register(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&o.cohort, "cohort", "", "a group session: the note goes to every open case of the layoff cohort `ID`")
	f.StringArrayVar(&o.absent, "absent", nil, "with --cohort: a `CASE` of the cohort that did not attend (repeatable)")
}

// check takes in the cases named and refuses a call that names none, or
// names them two ways.
func (o *noteGroup) check(args []string) error {
	switch {
	case len(args) == 0 && o.cohort == "":
		return &UsageError{Msg: "which case? name one or more CASEs, or --cohort ID", Hint: "for example caseplan note add 2026-K7QX2 --kind contact --mode phone"}
	case len(args) > 0 && o.cohort != "":
		return usageErrorf("name the cases or --cohort, not both")
	case len(o.absent) > 0 && o.cohort == "":
		return usageErrorf("--absent leaves cases of --cohort out; with cases named, leave the absent unnamed")
	}
	o.cases = args
	return nil
}

// noteAddGroupRun adds the note to each case of the group, as one change.
func noteAddGroupRun(opts *noteAddOptions) error {
	cases := opts.group.cases
	if opts.group.cohort != "" {
		var err error
		if cases, err = openCohortCases(opts.globals, opts.group.cohort, opts.group.absent); err != nil {
			return err
		}
	}
	return opts.writeWarning(opts.noCommit, cases, casework.AddGroupNote{Cases: cases, Note: opts.change.Note}.Build, outputOnly, noteWarnings...)
}

// openCohortCases returns the open cases of a cohort, less the absent,
// from a scan of the intake records (a full load of a large store would
// read every note to find them).
func openCohortCases(g *globals, cohort string, absent []string) ([]string, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, err
	}
	snap, _, err := store.Load(src, []string{}) // the store records: is there such a cohort?
	if err != nil {
		return nil, err
	}
	if err := knownCohort(snap, cohort); err != nil {
		return nil, err
	}
	keys, err := store.ScanIntakes(src, nil)
	if err != nil {
		return nil, err
	}
	var in, out []string
	for _, k := range keys {
		if k.Cohort == cohort {
			in = append(in, k.ID)
			if k.Status == "open" && !slices.Contains(absent, k.ID) {
				out = append(out, k.ID)
			}
		}
	}
	for _, a := range absent {
		if !slices.Contains(in, a) {
			return nil, usageErrorf("--absent %s: not a case of cohort %s", a, cohort)
		}
	}
	if len(out) == 0 {
		return nil, usageErrorf("cohort %s has no open case to add the note to", cohort)
	}
	return out, nil
}
