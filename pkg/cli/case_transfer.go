package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/progress"
	"github.com/caseplan/caseplan/pkg/store"
)

type caseTransferOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" for --today
	change   casework.TransferCase
	// cases are the cases named when there are several; from is --from,
	// a manager whose every open case is handed on.
	cases []string
	from  string
}

func newCmdCaseTransfer(g *globals, runF func(*caseTransferOptions) error) *cobra.Command {
	opts := &caseTransferOptions{globals: g}
	c := &cobra.Command{
		Use:   "transfer CASE... --to STAFF --reason TEXT",
		Short: "Transfer a case and its IEP to another case manager or center",
		Long: `Transfer CASE to another designated counselor (document 002: one counselor per
case, who may transfer the case and its IEP to another center). In one commit
the intake record names the new manager and center, a transfers entry records
who from, who to, the date and the reason, and a transfer note is written.
The IEP is part of the case's directory, so it moves with the case as it is.

--to must be an active staff member on the roster other than the current
manager (caseplan case show CASE shows who that is; a transfer to them is
refused, exit 2). --center defaults to the new manager's center, else the
case's.

Several CASEs, or --from ID for every open case that ID manages on --today
(as caseplan case list --manager ID --status open lists them), are handed
to the same --to with the same --center and --reason: what a supervisor
does before retiring a case manager who leaves (caseplan staff set ID
--active=false refuses while they manage open WIOA cases). On a past
--today a case closed since was open then, and is handed on by a transfer
dated before its closure; a case opened since, or handed to another
manager since, is left where it is (a transfer dated before its opening,
or before that later transfer, would contradict its records), and a note
on stderr names each: a case handed on since with that transfer's date
and its manager now, a case opened after --today with its opening date.
It is all or nothing: if any case would be refused — no such case,
already the new manager's, one the author may not change — nothing is
written and every refusal is listed. Otherwise all are transferred in
one commit. stdout has the cases transferred, one per line, whichever form
was typed (one CASE, several, or --from).

A transfer dated (--date) before notes the outgoing manager wrote while the
case was theirs is written, and a note on stderr names those notes: they stay,
but from the transfer's date the case is no longer theirs, so a late entry of
theirs after that day is refused. A transfer dated on or after the last of
them, or today, is probably what was meant.

A case whose opening is dated after --today (a hand edit, or a --today
ahead of the clock; validate warns future-date) cannot be handed on on
any day: CASE is refused (exit 1), naming its opening date; if the case
did not open then, correct opened with caseplan edit CASE intake. --from
hands on the rest and exits 0, noting each such case with the same hint;
it stays the manager's, so staff set --active=false still refuses.

A closed case may be transferred too, and a note on stderr says it is
closed: it still has what is due on it — a WIOA case its follow-ups for 12
months after exit (002) — and its new manager answers for them. It stays
closed; caseplan case reopen reopens it.` + "\n" + exitStatusHelp,
		Example: `  caseplan case transfer W-001 --to dshah \
      --reason "Moved closer to the Eastgate office"
  caseplan case transfer --from jlee --to dshah \
      --reason "Jo Lee leaves the board; caseload handed to Devika Shah"`,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			switch {
			case len(args) == 0 && opts.from == "":
				return &UsageError{Msg: "which case? name one or more CASEs, or --from ID", Hint: "for example caseplan case transfer W-001 --to dshah --reason TEXT, or caseplan case transfer --from jlee --to dshah --reason TEXT"}
			case len(args) > 0 && opts.from != "":
				return usageErrorf("name the cases or --from, not both")
			case len(args) == 1:
				opts.change.Case = args[0]
			default:
				opts.cases = args
			}
			if opts.date != "" {
				var err error
				if opts.change.Date, err = parseDate("date", opts.date); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return caseTransferRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.To, "to", "", "the new manager: the `STAFF` ID on the roster")
	// case new and case list call the case manager --manager.
	alsoTriedAs(f, "to", "manager", "new-manager", "case-manager", "counselor")
	f.StringVar(&opts.from, "from", "", "transfer every open case this staff `ID` manages")
	f.StringVar(&opts.change.Center, "center", "", "the new center (default: the new manager's)")
	f.StringVar(&opts.change.Reason, "reason", "", "why the case is transferred")
	dateVar(f, &opts.date, "date", "the `DATE` of the transfer (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("to")
	_ = c.MarkFlagRequired("reason")
	return c
}

func caseTransferRun(opts *caseTransferOptions) error {
	if opts.change.Case != "" {
		return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
	}
	t := casework.TransferCases{Cases: opts.cases, From: opts.from, Date: opts.change.Date, To: opts.change.To, Center: opts.change.Center, Reason: opts.change.Reason}
	load := t.Cases
	var err error
	if opts.from != "" {
		if t.Cases, err = managedCases(opts.globals, opts.from); err != nil {
			return err
		}
		load = t.Cases
	} else if load, t.Meant, err = existingCases(opts.globals, t.Cases); err != nil {
		return err
	} else if len(load) == 0 {
		// "case transfer Ana Souza --to ...": none of the words is a
		// case, and together they may be a name, searched as note add
		// searches one (nameCase).
		if root, rerr := opts.storeRoot(); rerr == nil {
			if known, rerr := caseDirs(root); rerr == nil {
				t.UnknownHint, _ = opts.nameTypedAsCases("case transfer", t.Cases, known)
			}
		}
	}
	// Checking and committing a manager's few hundred cases takes seconds
	// at 10,000 cases too.
	opts.writeMeter = "case transfer"
	return opts.write(opts.noCommit, load, t.Build, sayWhat)
}

// existingCases returns the cases of ids the store has: the others are
// not loaded, which would refuse the lot at the first, but left to the
// build, which lists them with every other case it cannot transfer, with
// the case each was probably meant to be (meant: other capitals, or a
// slip of a key, as a single case's "did you mean" says).
func existingCases(g *globals, ids []string) (out []string, meant map[string]string, err error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, nil, err
	}
	var missing []string
	for _, id := range ids {
		if slices.Contains(out, id) || slices.Contains(missing, id) {
			continue
		}
		if caseid.Check(id) == nil {
			if entries, err := src.List(layout.CaseDir(id)); err == nil && entries != nil {
				out = append(out, id)
				continue
			}
		}
		missing = append(missing, id)
	}
	if len(missing) == 0 {
		return out, nil, nil
	}
	known, err := caseDirs(root)
	if err != nil {
		return out, nil, nil // the build says each is no case; nothing to suggest
	}
	meant = map[string]string{}
	for _, id := range missing {
		meant[id], _ = caseMeant(id, known)
	}
	return out, meant, nil
}

// managedCases returns the cases whose intake names manager as their
// manager now, open or closed, or as one a transfer took the case from,
// from a scan of the intake records (a full load of a large store would
// read every note to find them); casework keeps those open under manager
// on the day (a case closed since was open on a past --today, so its
// status now does not decide) and says which were theirs then but have
// been handed to someone else since. A manager
// no case names and the roster does not know is a typo, refused as case
// list --manager refuses one.
func managedCases(g *globals, manager string) ([]string, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, err
	}
	// Reading every case's intake takes seconds at 10,000 cases: a
	// supervisor at a terminal sees how far it has come (issue 12).
	var reading *progress.Meter
	shown := 0
	keys, err := store.ScanIntakes(src, func(done, total int) {
		if reading == nil {
			reading = g.meter("case transfer", total, "cases read")
		}
		reading.Add(done - shown)
		shown = done
	})
	reading.Done()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, k := range keys {
		if k.Readable && (k.Manager == manager || slices.Contains(k.HandedOnBy, manager)) {
			out = append(out, k.ID)
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	snap, _, err := store.Load(src, []string{}) // the roster: is there such a member?
	if err != nil {
		return nil, err
	}
	if snap.Config != nil {
		if _, ok := snap.Config.StaffByID(manager); !ok {
			return nil, notOnRoster(snap.Config, "--from", manager, managerInRows(keys, func(k store.IntakeKeys) (string, string) { return k.ID, k.Manager }))
		}
	}
	return nil, &UsageError{Msg: manager + " manages no open case to transfer", Hint: "caseplan case list --manager " + manager + " lists their cases"}
}
