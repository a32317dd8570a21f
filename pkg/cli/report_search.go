package cli

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

type reportSearchOptions struct {
	reportOptions
	manager string
	all     bool
	cases   []string
}

func newCmdReportSearch(g *globals, runF func(*reportSearchOptions) error) *cobra.Command {
	opts := &reportSearchOptions{reportOptions: reportOptions{globals: g, label: "report search"}}
	c := &cobra.Command{
		Use:   "search [CASE...]",
		Short: "The status report on candidate search, for the coordinators",
		Long: `The status report on candidate search that a case manager gives the work
security coordinators (000, "Work Security Period": "Provide a status report
on candidate search to work security coordinators"): for each work-security
case, where the search stands on the day.

Which cases: by default the open work-security cases of the acting author
(when on the staff roster); --manager ID those of another case manager (a
staff ID of the roster, as report caseload takes it); --all every open
work-security case; or the cases named, whatever their status on the day,
in the order named. Open means open on the day, as report caseload counts
it: a case opened later is not listed. A case is its manager's of the day
(a transfer dated later is undone). Naming a case of another program is
refused (exit 2), as is naming cases together with --manager or --all.

The day is --today; with --as-of DATE it is DATE. Every figure is as of the
day: what the records date later is left out. For each case:
  phase              as case show names it (notification, work-security,
                     extension, extension-pending, placed, separated), with
                     its first and last day and the days left in it
  layoff date        and the last day of the work security period (and of
                     an approved extension)
  job targets        the job search plan (caseplan iep target add)
  applications       how many, internal and external, by status; the 5
                     latest with their status and feedback
  job interviews     every one, newest first, with its feedback (000: "Get
                     feedback from each interview and share with employee")
                     — in every feedback, what the leak guard says belongs
                     in the sealed fields is shown as [withheld: pii-term]
                     or [withheld: pii-dob], as in the case file
  mock interviews    the tracker's interviews of kind mock and the notes of
                     kind mock-interview, one a day; informational
                     interviews from the tracker
  references         agreed to be named (not withdrawn) of the
                     references_required (3), and how many were briefed
  toolbox            resume, cover letter, thank-you letter: final of 3
  last contact       as the program counts one (a two-way contact, 000)
  weekly check-ins   the complete weeks (Monday to Sunday) since the case
                     opened with a contact: kept of complete weeks
  extension criteria regular contact and applications in every complete
                     week of the work security period so far, weighed as
                     caseplan extension request weighs them; "not yet"
                     before the layoff date; a request awaiting the joint
                     committee's decision on the day is named with its date;
                     "not in question (placed)" once the candidate is placed;
                     "approved by the committee" or "refused by the
                     committee" once it has decided (and no request waits)

References are counted, never named; participants as every report shows
them (below); no sealed field is read.

Formats: -o text, md, html, csv, json:
  {"report":"search","as_of","organization","commit","committed",
   "caseplan","participants","scope" ("manager", "all" or "cases"),
   "manager" and "manager_name" (scope manager), "named" (scope cases),
   "unread":[{"case","records"}],
   "cases":[{"id","participant","manager","program","status","phase",
   "phase_start","phase_ends","days_left","layoff_date",
   "work_security_ends","extended_until",
   "job_targets":[{"id","title","job_family","grade_min","grade_max","scope"}],
   "applications":{"total","internal","external","unstated",
   "by_status":[{"status","count"}],"latest":[{"id","date","organization",
   "position","internal","grade","status","feedback"}]},
   "interviews":[{"id","date","organization","position","kind","feedback"}],
   "mock_interviews":{"count","last"},
   "informational_interviews":{"count","last"},
   "references":{"named","required","briefed"},
   "toolbox":{"resume","cover_letter","thank_you_letter"},
   "last_contact","contacts",
   "check_ins":{"from","to","complete_weeks","kept","weeks_without","met",
   "says"},"extension":{"weighed","met","contact":{as check_ins},
   "applications":{as check_ins},"moot"},"extension_requested"}]}
extension_requested is the date of a request awaiting the decision, or
"". extension.moot is "placed" when an extension is not in question on
the day because the candidate is placed, "approved" or "refused" once
the joint committee has decided and no other request waits, ""
otherwise (the criteria are weighed either way); -o csv has it as
extension_moot. A date or text the records do not hold is "" (a toolbox
document not recorded: ""); days_left is null when the phase has no set
end. -o csv writes one row per case with every figure; --table
applications the latest applications, --table interviews the job
interviews, a row each led by the case.

` + reportHelp + "\n" + exitStatusHelp,
		Example: `  caseplan report search                      # my open work-security cases
  caseplan report search --manager dpatel -o md --out search.md
  caseplan report search 2026-K7QX2 --names   # one candidate, with the name
  caseplan report search --all -o csv --table applications`,
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.reportOptions.check(c); err != nil {
				return err
			}
			opts.cases = args
			switch {
			case opts.all && opts.manager != "":
				return usageErrorf("--manager and --all both say whose cases; give one")
			case len(args) > 0 && (opts.all || opts.manager != ""):
				return &UsageError{Msg: "name cases, or give --manager or --all, not both", Hint: "caseplan report search CASE... reports the cases named, whoever manages them"}
			}
			if runF != nil {
				return runF(opts)
			}
			return reportSearchRun(opts)
		},
	}
	onceVar(c.Flags(), &opts.manager, "manager", "report the open work-security cases of this case manager's staff `ID` (default: the acting author)")
	c.Flags().BoolVar(&opts.all, "all", false, "report every open work-security case")
	addReportFlags(c, &opts.reportOptions)
	return c
}

// searchRow is what the search report keeps of one case: its program and,
// for a work-security case, its part of the report.
type searchRow struct {
	ID         string             `json:"id"`
	Program    string             `json:"program"`
	Kind       string             `json:"kind"`
	Unreadable bool               `json:"unreadable"` // no intake could be read
	Search     *report.SearchCase `json:"search"`
	// Open: open at the end of the day (casestate.OpenOn), what --all and
	// --manager list; a case opened after the day is not yet anyone's.
	Open bool `json:"open"`
}

func reportSearchRun(opts *reportSearchOptions) error {
	w, err := opts.writer()
	if err != nil {
		return err
	}
	day, err := opts.reportDay()
	if err != nil {
		return err
	}
	cfg, rows, src, err := scanReport(&opts.reportOptions, "report-search", []string{"day " + day.Format(time.DateOnly), fmt.Sprint("names ", opts.names)},
		func(c *casefile.Case, cfg *record.Config) (searchRow, bool) {
			if c.Intake == nil {
				return searchRow{ID: c.ID, Unreadable: true}, true
			}
			r := searchRow{ID: c.ID, Program: c.Intake.Program, Kind: cfg.ProgramKind(c.Intake.Program), Open: casestate.OpenOn(c, day)}
			if sc, ok := report.SearchOf(c, cfg, day, opts.names); ok {
				r.Search = &sc
			}
			return r, true
		})
	if err != nil {
		return err
	}
	var kept []report.SearchCase
	scope, manager := "cases", ""
	switch {
	case len(opts.cases) > 0:
		if kept, err = namedSearchCases(opts.cases, rows, src); err != nil {
			return err
		}
	case opts.all:
		scope = "all"
	default:
		scope, manager = "manager", opts.manager
		if manager == "" {
			if manager, err = opts.dueManager(cfg, "cases"); err != nil {
				return err
			}
		} else if _, ok := cfg.StaffByID(manager); !ok && !slices.ContainsFunc(rows, func(r searchRow) bool {
			return r.Search != nil && r.Search.Manager == manager
		}) {
			return notOnRoster(cfg, "--manager", manager, managerInRows(rows, func(r searchRow) (string, string) {
				if r.Search == nil {
					return r.ID, ""
				}
				return r.ID, r.Search.Manager
			}))
		}
	}
	if scope != "cases" {
		for _, r := range rows {
			if s := r.Search; s != nil && r.Open && s.Status == "open" && (manager == "" || s.Manager == manager) {
				kept = append(kept, *s)
			}
		}
		if len(kept) == 0 {
			whose := "there is no"
			if manager != "" {
				whose = manager + " has no"
			}
			fmt.Fprintf(opts.env.Stderr, "caseplan: note: %s open work-security case on %s, so the report lists none\n", whose, day.Format(time.DateOnly))
			if scope == "manager" && opts.manager == "" {
				// The acting author's own cases, by default: the
				// coordinators the report is for manage none.
				fmt.Fprintf(opts.env.Stderr, "caseplan: hint: that is %s's own caseload; caseplan report search --all reports every case manager's candidates, --manager ID a colleague's\n", manager)
			}
		}
	}
	var named []string
	if scope == "cases" {
		for _, c := range kept {
			named = append(named, c.ID)
		}
	}
	// The report goes to the coordinators: what the leak guard says
	// belongs in the sealed fields is withheld, as from the case file.
	g, _ := validate.Guard(cfg)
	for i := range kept {
		kept[i] = kept[i].Withhold(validate.Withhold(g))
	}
	r := report.AssembleSearch(cfg, day, src, opts.names, scope, manager, named, kept)
	return opts.writeReport("the search report as of "+r.AsOf, func(b *bytes.Buffer) error {
		return w.Search(b, r)
	})
}

// namedSearchCases are the cases named on the command line, in the order
// named (each once): every one must be a work-security case of the
// commit read.
func namedSearchCases(ids []string, rows []searchRow, src report.Source) ([]report.SearchCase, error) {
	byID := map[string]searchRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	var out []report.SearchCase
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		r, ok := byID[id]
		switch {
		case !ok:
			return nil, &store.UnknownCaseError{ID: id, Commit: src.Commit}
		case r.Unreadable:
			return nil, &InvalidError{Msg: fmt.Sprintf("cannot read the intake of case %s at commit %s", id, src.Commit[:12]), Hint: "caseplan validate " + id + " shows why"}
		case r.Search == nil:
			kind := r.Kind
			if kind == "" {
				kind = "a program caseplan.yaml does not define"
			}
			return nil, &UsageError{
				Msg:  fmt.Sprintf("case %s is in program %s (%s), not work security; the search report is about work-security candidates (000)", id, r.Program, kind),
				Hint: "name only work-security cases; caseplan case list shows each case's program",
			}
		}
		out = append(out, *r.Search)
	}
	return out, nil
}
