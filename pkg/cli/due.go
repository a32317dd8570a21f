package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/tickler"
	"github.com/caseplan/caseplan/pkg/validate"
)

type dueOptions struct {
	*globals
	output  string
	manager string
	all     bool
	within  string // parsed into window
	window  time.Duration
	ics     string
	kinds   []string // --kind: only these kinds ("" none given: every kind)
	overdue bool     // --overdue: only what is overdue
	summary bool     // --summary: per manager, the counts, not the items
	bom     bool     // --bom: with -o csv, a UTF-8 byte order mark first
}

func newCmdDue(g *globals, runF func(*dueOptions) error) *cobra.Command {
	opts := &dueOptions{globals: g}
	c := &cobra.Command{
		Use:   "due",
		Short: "The tickler: everything due or overdue, by case manager",
		Long: `List everything due or overdue as of --today on the cases of one case manager
(--manager ID; by default the acting author, when on the staff roster) or of
every manager (--all): the tickler that reminds counselors of time-sensitive
tasks (001, 002). The manager is the case's on --today: on a past day, a
case transferred since is its manager's of then, as case show and case list
have it.

A supervisor's tickler (the acting author's, or --manager's, when their
roster role is supervisor or admin, active) lists besides the cases they
manage the items of every case that only a supervisor can close: the
joint committee's decision on a pending extension request
(extension-decision), which only a supervisor or an admin records with
caseplan extension decide (000). Those of other managers' cases come
after their own, their detail beginning "awaits a supervisor, on ID's
case: " (in the calendar's titles too), so a supervisor who manages no
case still sees what waits on them. Nothing else is due for a
supervisor: a waiver answers no request on record. --all lists each item
once, under its case's manager.

The window: every overdue item, however old, and every pending extension
request's decision, plus the items due within --within of --today. A day is
in the window when it starts no later than --today plus --within: the
default 14d takes in the 14th day from --today, 0 lists only what is overdue
or due today, 36h takes in tomorrow. --within takes days (14d), weeks (2w)
or a Go duration (36h, 90m). --overdue lists only what was due before
--today and is not done, so the count on stderr names that day ("nothing
overdue for mrivera on 2026-05-15"), not the window's last day.

What is due, by kind (on an open case, the items case show lists; how each
is decided is in the README, "How caseplan decides"):
  contact          the next contact by the program's interval: weekly check-ins
                   while a work-security candidate searches (000), the first
                   WIOA contact within first_contact_days then one every
                   contact_interval_days (002), post-employment contacts (003)
  intake-meeting   a work-security candidate's intake meeting, "as soon as
                   possible" (000): due on the last day of the first
                   checkin_interval_days after the opening, until a note of
                   kind intake records it
  milestone        an open milestone of the plan, by its due date
  next-step        an open next step of the plan
  action           an action item of a note (NOTE#N), until it is done in
                   its note or an amendment, or recorded done or dropped
                   with caseplan action done or caseplan action drop
  period-end       the last day of the notification period, the work security
                   period or its extension (000); of the follow-up year after a
                   WIOA exit (001, TEGL 10-16); of the post-employment
                   services (003)
  extension-decision  the joint committee's decision on a pending extension
                   request, due by the last day of the period it would extend;
                   overdue after it, while the candidate is neither extended
                   nor separated (extension-pending) (000). Listed whatever
                   --within says, from the day of the request, so that
                   caseplan due --all --kind extension-decision lists every
                   request awaiting the committee
  references       references missing before the layoff date (000)
  search-plan      the job search plan and skill plan, by the layoff date (000)
  toolbox          the resume, cover letter and thank-you letter made final,
                   by the layoff date (000)
  plan-review      the plan's next review (review_interval_days)
  tracker-review   the monthly review of the weekly activity tracker, a
                   calendar month after the last tracker-review note (after
                   the opening while there is none), while a work-security
                   candidate searches (000)
  follow-up        a planned follow-up after a placement or an exit not yet
                   done, and the 2nd and 4th quarter after a WIOA exit that no
                   follow-up covers (001, 002; TEGL 10-16), overdue from the
                   quarter's end even once the follow-up months are over,
                   as validate and report performance still ask for it
  benefit-renewal  a benefit's renewal date (003)
  potential-exit   the day a WIOA participant has exited and the exit can be
                   recorded: the day after inactivity_exit_days (90) without
                   a participation-causing service. Until then it says the
                   last day a service still prevents the exit ("exits
                   unless served by"); from then, "has exited: record the
                   exit" with caseplan case exit (TEGL 10-16). A closed
                   case's item begins "exit of the closed case"
  unrecorded-exit  a WIOA exit that a later service hides: more than
                   inactivity_exit_days without a participation-causing
                   service, then one, so the participant exited on the last
                   service before the gap and the later one began a new
                   period of participation (TEGL 10-16, PIRL 901). Due the
                   day that exit became known, so overdue from the start,
                   until case exit records it; report performance and
                   export pirl count only exits recorded
A closed case contributes only what still applies to it: its planned
follow-ups not yet done and a WIOA exit's uncovered quarters (a follow-up
after a placement or an exit is made after closing). Record one done with
caseplan followup add.

Text output: one line per item — due date, when ("overdue N days", "today",
"in N days"), case, kind, detail — by manager (with --all: a heading per
manager, with how many items and how many overdue), then due date. On a
terminal the lines are aligned, and a detail that would pass the
terminal's width wraps at its spaces onto lines of its own under DETAIL
(never cut); piped, they are tab-separated, one item a line whatever the
width, with the manager's ID as the first field when --all is given, and
always as the last field the manager's standing on the roster: "active",
or "retired" for a manager retired from the roster whose cases are not
transferred yet (as -o json's manager_retired and case show -o json's
next_due say it).

--kind keeps only the items of the kinds named, --overdue only what is
overdue: which contacts are overdue, on every case, is
caseplan due --all --kind contact --overdue. intake-meeting is work
security's intake meeting (000: "as soon as possible"), due within the
first check-in interval until an intake note records it. The kinds:
` + helpList(casestate.DueKinds) + `

  -o json  [{"case","manager","kind","due","overdue","days","detail","path",
           "line","manager_retired","awaits_supervisor"}] in the same
           order: due is YYYY-MM-DD;
           overdue is true when due is before --today; days counts from
           --today to due (negative when overdue, 0 on the day); manager is
           the case manager's staff ID; path and line are the record the
           item comes from (line 0: the whole file); manager_retired is true
           when that manager is retired from the roster (always present);
           awaits_supervisor is true when only a supervisor can close the
           item (extension-decision), on any case and whoever lists it
           (always present); the detail is never labelled.

--summary prints, instead of the items, one line per case manager (every
manager of a case with --all; a supervisor's line counts what awaits them
on other managers' cases too): the manager's ID and name, how many items
and how many of them are overdue, then how many items of each kind, in the
order of the kinds above (or of --kind). On a terminal it is a table whose
kinds with no item are left out; piped, tab-separated lines with every
kind's count. --kind and --overdue narrow what is counted, so
caseplan due --all --summary --overdue counts what is overdue, by kind.
A manager retired from the roster whose open cases are not transferred yet
is named "NAME (retired)", and "NAME (ID, retired)" in the headings on a
terminal and in the calendar's descriptions. One whose cases are all
closed on --today with nothing due has no row in due --all --summary, as
due --all lists nothing of theirs (due --summary --manager ID still
gives their row).
  -o json  [{"manager","name","retired","items","overdue",
           "kinds":{"contact":N,...}}]
           with every kind counted, 0 included; "retired": true only for a
           retired manager.
  -o csv   for a spreadsheet (the piped lines have no header, so their
           kinds cannot be told apart there): RFC 4180, a header row
           as_of,through,manager,name,retired,items,overdue, then every
           kind (or each --kind) by its name, then a row per manager led
           by --today and the last day counted; retired is true or false.
           --bom starts the file with a UTF-8 byte order mark, for Excel;
           a cell a spreadsheet could run as a formula is prefixed with '
           (as report -o csv does). -o csv goes with --summary only.

--ics FILE also writes the items as an iCalendar file (RFC 5545) for a
calendar program; --ics - (or -o ics) writes it to stdout instead of the
list. One all-day event per item on its due date (overdue items stay on the
day they were due), titled "<case> <kind>: <detail>", its description
naming the manager and the record, with a reminder at 9:00 the morning
before (TRIGGER -PT15H) — or, for an item due today or overdue, at 9:00 on
the day of the export, since a reminder in the past never goes off. Each
event's UID names the case, the kind and the item (the milestone, the
action item, the benefit, ...), never the due date, so when a date moves —
a contact recorded, a milestone put back — the calendar moves the event.
The file is a replace-all feed: it lists what is due now, and an item done
or no longer due is not in the next file. Subscribe to the file (calendars
that subscribe replace their events with the file's; the file asks for an
hourly refresh), or delete the imported calendar before importing a new
file. Text from the records is written as RFC 5545 TEXT: a CR or CR LF is a
line break, other control characters are shown escaped. The file is written
atomically. Like the records, it holds details of the participants' plans:
keep it where the records are kept. What the leak guard says belongs in the
sealed fields is withheld from it, as from the case file:
"[withheld: pii-term]" for a health, disability or criminal-record term,
"[withheld: pii-dob]" for a date of birth (a calendar service keeps a copy,
and a reminder shows on a lock screen); the list keeps the record's words.` + "\n" + exitStatusHelp,
		Example: `  caseplan due                         # my cases, overdue and the next 14 days
  caseplan due --manager svisor        # a supervisor's, with what awaits one
  caseplan due | cut -f1,3,5           # date, case, detail: each whole
  caseplan due --all --within 2w -o json
  caseplan due --all --kind intake-meeting   # candidates still to meet (000)
  caseplan due --all --summary -o csv --bom > due-summary.csv
  caseplan due --manager dpatel --ics ~/calendars/dpatel-caseplan.ics`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json", "csv", "ics"); err != nil {
				return err
			}
			// -o ics is --ics -: -o names what stdout holds, and the
			// calendar is one thing it can hold (the list's other
			// formats are text, json and csv).
			icsByOutput := opts.output == "ics"
			if icsByOutput {
				if opts.ics != "" && opts.ics != "-" {
					return &UsageError{Msg: fmt.Sprintf("-o ics writes the calendar to stdout and --ics %s to a file: give one of them", opts.ics),
						Hint: "caseplan due --ics " + opts.ics + " writes the file and lists the items; caseplan due -o ics writes only the calendar, to stdout"}
				}
				opts.ics, opts.output = "-", "text"
			}
			if opts.bom && opts.output != "csv" {
				return csvOnlyError(c)
			}
			if opts.output == "csv" && !opts.summary {
				return &UsageError{Msg: "-o csv goes with --summary: it writes the counts, one row per case manager",
					Hint: "for the items, -o json; for the counts in a spreadsheet, caseplan due --all --summary -o csv"}
			}
			if opts.all && opts.manager != "" {
				return usageErrorf("--manager and --all: give one of them")
			}
			if opts.summary && opts.ics != "" {
				if icsByOutput {
					return usageErrorf("--summary and -o ics: the calendar needs the items; give one of them")
				}
				return usageErrorf("--summary and --ics: the calendar needs the items; give one of them")
			}
			if opts.ics == "-" && c.Flags().Changed("output") && !icsByOutput {
				return usageErrorf("--ics - writes the calendar to stdout: -o has nowhere to go")
			}
			if err := readDueKinds(opts.kinds); err != nil {
				return err
			}
			var err error
			if opts.window, err = tickler.ParseWithin(opts.within); err != nil {
				return usageErrorf("--within: %v", err)
			}
			if runF != nil {
				return runF(opts)
			}
			return dueRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json", "csv", "ics")
	f := c.Flags()
	onceVar(f, &opts.manager, "manager", "the case manager's staff `ID` (default: the acting author)")
	f.BoolVar(&opts.all, "all", false, "every case manager's items")
	f.StringVar(&opts.within, "within", "14d", "list what is due up to this `DURATION` after --today, and everything overdue: 14d, 2w, 36h")
	outputFileVar(f, &opts.ics, "ics", "to write no calendar", "also write the items as an iCalendar `FILE`, one event with a reminder each (- for stdout, instead of the list)")
	f.StringSliceVar(&opts.kinds, "kind", nil, "only items of these `KIND`s, e.g. contact,follow-up (repeatable)")
	f.BoolVar(&opts.overdue, "overdue", false, "only what is overdue")
	f.BoolVar(&opts.summary, "summary", false, "per case manager, how many items, overdue and of each kind, instead of the items")
	f.BoolVar(&opts.bom, "bom", false, "with -o csv, start the file with a UTF-8 byte order mark, for Excel")
	_ = c.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(casestate.DueKinds, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func dueRun(opts *dueOptions) error {
	today, err := opts.todayDate()
	if err != nil {
		return err
	}
	through := tickler.Through(today, opts.window)
	s, err := opts.workTreeStore("due", "due", "today "+today.Format(time.DateOnly), "through "+through.Format(time.DateOnly))
	if err != nil {
		return err
	}
	cfg := s.snap.Config
	manager := opts.manager
	switch {
	case opts.all:
	case manager != "":
		if _, ok := cfg.StaffByID(manager); !ok {
			return notOnRoster(cfg, "--manager", manager, managerInStore(s.opt.Source, today))
		}
	default:
		if manager, err = opts.dueManager(cfg, "items"); err != nil {
			return err
		}
	}
	q := tickler.Query{Today: today, Through: through}
	cases, err := scanRows(opts.globals, s, "due", func(c *casefile.Case, cfg *record.Config) (dueCase, bool) {
		if c.Intake == nil {
			return dueCase{}, true
		}
		// The manager on --today, as the items name them (a case
		// transferred since was its manager's of then): casestate says.
		dc := dueCase{Intake: true, Manager: casestate.ManagerOn(c.Intake, today), Open: casestate.OpenOn(c, today)}
		for _, d := range tickler.CaseItems(c, cfg, q) {
			dc.Items = append(dc.Items, dueItem{d, d.Item})
		}
		return dc, true
	})
	if err != nil {
		return err
	}
	// Whose items: a manager's cases, and for a supervisor (--manager or
	// the acting author) what awaits one on every case, such as the joint
	// committee's decisions (000) a supervisor records with extension
	// decide (pkg/access). A supervisor retired from the roster records
	// nothing more, so is listed only their cases.
	sel := q
	sel.Manager = manager
	if st, ok := cfg.StaffByID(manager); ok && manager != "" {
		sel.Supervisor = access.Supervises(st) && st.IsActive()
	}
	v := dueView{Items: []casestate.Due{}, Through: through}
	n := 0
	for _, dc := range cases {
		if !dc.Intake {
			n++
			continue
		}
		for _, it := range dc.Items {
			if !sel.Lists(it.Due) || opts.overdue && !it.Overdue || len(opts.kinds) > 0 && !slices.Contains(opts.kinds, it.Kind) {
				continue
			}
			d := it.Due
			d.Item = it.Item
			v.Items = append(v.Items, d)
		}
	}
	sel.Sort(v.Items)
	if n > 0 {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %d case(s) could not be read, so what is due on them is not listed\n", n)
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: run caseplan validate to see why\n")
	}

	// A retired manager's open cases stay under their name until they
	// are transferred (validate's manager-retired); the headings, the
	// summary and the calendar say they left, so a coordinator hands the
	// items on. The piped list keeps the bare ID, its contract.
	names := map[string]string{}
	retired := map[string]bool{}
	for _, s := range cfg.Staff {
		names[s.ID] = s.Name
		retired[s.ID] = !s.IsActive()
	}
	if opts.summary {
		managers := summaryManagers(cases, manager, retired)
		if manager != "" && len(managers) == 0 {
			managers = append(managers, manager) // on the roster, no case yet: a row of zeros
		}
		kinds := opts.kinds
		if len(kinds) == 0 {
			kinds = casestate.DueKinds
		}
		// A manager's row counts what their list lists, a supervisor's
		// the items awaiting one on other managers' cases too.
		rows := dueSummary(v.Items, managers, manager, kinds, names, retired)
		span := dueSpan{Today: today, Through: v.Through, Overdue: opts.overdue}
		if opts.output == "csv" {
			return writeDueSummaryCSV(opts.env, rows, kinds, span, opts.bom)
		}
		return writeDueSummary(opts.env, opts.output, rows, kinds, span)
	}
	if opts.ics != "" {
		name := "caseplan: due for " + manager
		if manager == "" {
			name = "caseplan: due for all managers"
		}
		if cfg.Organization != "" {
			name += " (" + cfg.Organization + ")"
		}
		// The calendar leaves the store: record text in it is withheld
		// as the case file withholds it (README "The tickler's calendar").
		g, _ := validate.Guard(cfg)
		cal := tickler.Calendar{Name: name, Stamp: opts.env.Now(), Managers: names, Retired: retired, Withhold: validate.Withhold(g)}.ICS(labelled(sel, v.Items))
		if opts.ics == "-" {
			// The calendar is the data on stdout; the list is not printed.
			if err := tickler.Write(opts.env.Stdout, cal); err != nil {
				return err
			}
			fmt.Fprintf(opts.env.Stderr, "caseplan: wrote %d event(s) to stdout\n", len(v.Items))
			return nil
		}
		path, err := opts.outputPath("ics", opts.ics)
		if err != nil {
			return err
		}
		if err := tickler.WriteFile(path, cal); err != nil {
			return outputWriteError("the calendar", "ics", opts.ics, err)
		}
		fmt.Fprintf(opts.env.Stderr, "caseplan: wrote %d event(s) to %s\n", len(v.Items), opts.ics)
	}

	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, dueJSON(v.Items, retired))
	}
	if len(v.Items) == 0 {
		fmt.Fprintf(opts.env.Stderr, "caseplan: %s\n", nothingListed(manager, opts.kinds, opts.overdue, today, v.Through))
		if opts.manager == "" && !opts.all {
			// The cases were the acting person's own: a supervisor or
			// coordinator, who may manage none, looks for the others'.
			whose := manager + "'s own caseload"
			if sel.Supervisor {
				whose += " and what awaits a supervisor on every case"
			}
			fmt.Fprintf(opts.env.Stderr, "caseplan: hint: that is %s; caseplan due --all lists what is due on every case, --manager ID on a colleague's\n", whose)
		}
		return nil
	}
	if err := writeTickler(opts.env, labelled(sel, v.Items), opts.all, names, retired); err != nil {
		return err
	}
	overdue, awaiting := 0, 0
	for _, it := range v.Items {
		if it.Overdue {
			overdue++
		}
		if sel.ForSupervisor(it) {
			awaiting++
		}
	}
	also := ""
	if awaiting > 0 {
		also = fmt.Sprintf(", %d of them awaiting a supervisor on other managers' cases", awaiting)
	}
	span := dueSpan{Today: today, Through: v.Through, Overdue: opts.overdue}
	fmt.Fprintf(opts.env.Stderr, "caseplan: %s%s\n", span.counted(len(v.Items), overdue), also)
	return nil
}

// dueSpan is what due looked at: the items due through the window's last
// day, or with --overdue only those due before --today.
type dueSpan struct {
	Today, Through time.Time
	Overdue        bool // --overdue
}

// counted says how many items due counted, list and --summary alike. With
// --overdue only what was due before --today was looked at, so the line
// names that day: the window's last day, which may be weeks ahead, is no
// part of the answer.
func (s dueSpan) counted(items, overdue int) string {
	if s.Overdue {
		return fmt.Sprintf("%d item(s) overdue on %s", items, s.Today.Format(time.DateOnly))
	}
	return fmt.Sprintf("%d item(s) due or overdue through %s (%d overdue)", items, s.Through.Format(time.DateOnly), overdue)
}

// lastCounted is the last day whose items were counted: the window's last
// day, or with --overdue the day before --today (what is due on --today
// is not overdue yet). It is the CSV summary's through column, which a
// spreadsheet reads as the span counted.
func (s dueSpan) lastCounted() time.Time {
	if s.Overdue {
		return s.Today.AddDate(0, 0, -1)
	}
	return s.Through
}

// nothingListed says what due looked at when it lists nothing, for
// manager ("" for every case), of kinds (none: every kind): with
// --overdue, the items due before today and not done, whatever the window
// (a day after today is no part of it, and may be in the future); else
// every item due through the window's last day.
func nothingListed(manager string, kinds []string, overdue bool, today, through time.Time) string {
	who := "for " + manager
	if manager == "" {
		who = "on any case"
	}
	what := "nothing"
	if len(kinds) > 0 {
		what += " of kind " + strings.Join(kinds, ", ")
	}
	if overdue {
		return what + " overdue " + who + " on " + today.Format(time.DateOnly)
	}
	return what + " due " + who + " through " + through.Format(time.DateOnly)
}

// labelled is items as the text list and the calendar show them: what a
// supervisor's tickler lists from other managers' cases says why
// (tickler.Labelled); -o json says it in awaits_supervisor instead, and
// keeps the detail as it is.
func labelled(q tickler.Query, items []casestate.Due) []casestate.Due {
	out := slices.Clone(items)
	for i, it := range out {
		if q.ForSupervisor(it) {
			out[i] = tickler.Labelled(it)
		}
	}
	return out
}

// notOnRoster is the usage error for a flag (--manager) that names id,
// which is not a staff ID of the roster: with the ID meant when the
// person typed a name, an email or other capitals, or a case's ID (a
// supervisor with a case in mind types the case where its manager goes:
// caseManager says whose it is; nil when the command has no case at
// hand), else where the IDs are listed.
func notOnRoster(cfg *record.Config, flag, id string, caseManager caseManagerOf) error {
	hint := "caseplan staff list shows the roster's IDs"
	if meant := cfg.StaffIDMeant(id); meant != "" {
		hint = "did you mean " + flag + " " + meant + "? staff are named by their roster ID, as caseplan staff list shows it"
	} else if m, ok := caseManager.of(id); ok && m != "" {
		hint = fmt.Sprintf("did you mean %s %s? %s is a case; its manager is %s", flag, m, id, m)
	}
	return &UsageError{Msg: fmt.Sprintf("%s %q is not on the staff roster", flag, id), Hint: hint}
}

// caseManagerOf says whether id is a case of the store and who its
// manager is on the command's day, as the command reads its cases.
type caseManagerOf func(id string) (manager string, ok bool)

func (f caseManagerOf) of(id string) (string, bool) {
	if f == nil {
		return "", false
	}
	return f(id)
}

// managerInStore reads the case named id from src (store owns where its
// files are), for a command that has read no case yet: its manager at
// the end of day (casestate.ManagerOn), as due lists it.
func managerInStore(src store.Source, day time.Time) caseManagerOf {
	return func(id string) (string, bool) {
		c, _, _, err := store.LoadCase(src, id)
		if err != nil || c == nil || c.Intake == nil {
			return "", false
		}
		return casestate.ManagerOn(c.Intake, day), true
	}
}

// managerInRows finds id among the cases a command has read (rows, each
// with its case ID and manager on the command's day).
func managerInRows[T any](rows []T, caseAndManager func(T) (id, manager string)) caseManagerOf {
	return func(id string) (string, bool) {
		for _, r := range rows {
			if c, m := caseAndManager(r); c == id {
				return m, true
			}
		}
		return "", false
	}
}

// dueCase is what due keeps of one case: whether its intake could be
// read, its manager, whether it is open on --today and its items through
// the window's last day.
type dueCase struct {
	Intake  bool      `json:"intake"`
	Manager string    `json:"manager"`
	Open    bool      `json:"open"` // at the end of --today (casestate.OpenOn)
	Items   []dueItem `json:"items"`
}

// summaryManagers are the managers due --summary has a row for, in the
// order of cases: manager's alone when one is named, else every manager
// of a case (an active one with nothing due has a row of zeros: nothing
// due is news of a colleague), except a manager retired from the roster
// whose cases are all closed and have nothing due within the window —
// nothing awaits them and nothing is to hand on, so due --all lists
// nothing of theirs, and neither does the summary.
func summaryManagers(cases []dueCase, manager string, retired map[string]bool) []string {
	managers := []string{}
	keep := map[string]bool{}
	for _, dc := range cases {
		if dc.Intake && (dc.Open || len(dc.Items) > 0) {
			keep[dc.Manager] = true
		}
	}
	for _, dc := range cases {
		if !dc.Intake || (manager != "" && dc.Manager != manager) || slices.Contains(managers, dc.Manager) {
			continue
		}
		if manager == "" && retired[dc.Manager] && !keep[dc.Manager] {
			continue
		}
		managers = append(managers, dc.Manager)
	}
	return managers
}

// dueItem is a due item with what its JSON form leaves out: the item it
// is about, which the calendar's event UIDs name.
type dueItem struct {
	casestate.Due
	Item string `json:"item"`
}

// dueView is what due lists: the items due or overdue on the cases of a
// manager ("" for every manager) through the window's last day.
type dueView struct {
	Items   []casestate.Due // never nil: JSON lists none as []
	Through time.Time
}

// newDueView builds due's view of snap on today, for the window within.
func newDueView(snap *casefile.Snapshot, today time.Time, within time.Duration, manager string) dueView {
	through := tickler.Through(today, within)
	items := tickler.Items(snap, tickler.Query{Today: today, Through: through, Manager: manager})
	if items == nil {
		items = []casestate.Due{}
	}
	return dueView{Items: items, Through: through}
}

// dueManager is whose tickler caseplan due shows by default, and whose
// cases report search reports on: the acting author's, when they are on
// the staff roster. what is what the command lists ("items", "cases").
func (g *globals) dueManager(cfg *record.Config, what string) (string, error) {
	hint := "name a case manager with --manager ID, or list every manager's " + what + " with --all"
	repo, err := g.openRepo()
	if err != nil {
		return "", err
	}
	defer repo.Close()
	author, err := g.actingAuthor(repo)
	if err != nil {
		// PersistentPreRunE has checked a given author: none was given.
		return "", &UsageError{Msg: "whose " + what + "? no --manager or --all, and no acting author", Hint: hint}
	}
	s, ok := cfg.StaffByEmail(author.Email)
	if !ok {
		return "", &UsageError{Msg: fmt.Sprintf("the acting author %s <%s> is not on the staff roster", author.Name, author.Email), Hint: hint}
	}
	return s.ID, nil
}

// writeTickler prints the items as text: aligned on a terminal, with a
// heading per manager when all managers are listed; tab-separated lines
// when piped, led by the manager's ID when all managers are listed and
// ended by the manager's standing on the roster.
func writeTickler(env Env, items []casestate.Due, all bool, names map[string]string, retired map[string]bool) error {
	if !env.IsTerminal {
		t := newTable(env)
		for _, it := range items {
			// Whether the manager is retired from the roster (the
			// terminal's heading says it) ends every line, after the
			// fields scripts already read by place; with --all the
			// manager's ID leads.
			cells := []string{string(it.Due), tickler.When(it), it.Case, it.Kind, it.Detail, managerStatus(retired[it.Manager])}
			if all {
				cells = append([]string{it.Manager}, cells...)
			}
			t.row(cells...)
		}
		return t.flush()
	}
	if !all {
		t := newTable(env, "DUE", "WHEN", "CASE", "KIND", "DETAIL")
		for _, it := range items {
			t.row(string(it.Due), tickler.When(it), it.Case, it.Kind, it.Detail)
		}
		return t.flush()
	}
	var group [][]string
	for i, it := range items {
		if i == 0 || it.Manager != items[i-1].Manager {
			if i > 0 {
				if err := display.AlignTo(env.Stdout, group, env.Width); err != nil {
					return err
				}
				fmt.Fprintln(env.Stdout)
			}
			heading := record.NameWithID(names[it.Manager], it.Manager, retired[it.Manager])
			// How many, so a coordinator sees who is behind without
			// scrolling through every manager's list.
			n, overdue := 0, 0
			for _, x := range items[i:] {
				if x.Manager != it.Manager {
					break
				}
				n++
				if x.Overdue {
					overdue++
				}
			}
			heading += fmt.Sprintf(": %s, %d overdue", countOf(n, "item"), overdue)
			fmt.Fprintln(env.Stdout, display.Escape(heading))
			group = nil
		}
		group = append(group, []string{"  " + string(it.Due), tickler.When(it), it.Case, it.Kind, it.Detail})
	}
	return display.AlignTo(env.Stdout, group, env.Width)
}

// managerStatus is the last field of a piped due line and of staff
// list: "retired" for a member retired from the roster, else "active".
func managerStatus(retired bool) string {
	if retired {
		return "retired"
	}
	return "active"
}

// dueOut is one item of due -o json: the tickler's contract
// (casestate.Due), "manager_retired", true when the case's manager is
// retired from the roster (active: false) and the case is not transferred
// yet, as the terminal's headings and the summary say, and
// "awaits_supervisor", true when only a supervisor can close the item
// (casestate.AwaitsSupervisor: the joint committee's decision), which is
// why a supervisor's tickler lists it on other managers' cases.
type dueOut struct {
	casestate.Due
	ManagerRetired   bool `json:"manager_retired"`
	AwaitsSupervisor bool `json:"awaits_supervisor"`
}

// dueJSON is items as due -o json writes them.
func dueJSON(items []casestate.Due, retired map[string]bool) []dueOut {
	out := make([]dueOut, len(items))
	for i, it := range items {
		out[i] = dueOut{Due: it, ManagerRetired: retired[it.Manager], AwaitsSupervisor: casestate.AwaitsSupervisor(it.Kind)}
	}
	return out
}

// dueCount is one manager's line of due --summary; its JSON form is the
// contract {"manager","name","retired","items","overdue","kinds"};
// "retired" only when true.
type dueCount struct {
	Manager string         `json:"manager"`
	Name    string         `json:"name"`
	Retired bool           `json:"retired,omitempty"` // retired from the roster (active: false)
	Items   int            `json:"items"`
	Overdue int            `json:"overdue"`
	Kinds   map[string]int `json:"kinds"` // every kind counted, 0 included
}

// dueSummary counts items per manager of managers, by kind of kinds, in
// the managers' ID order: each item under its case's manager, or every
// item under whose, when the list is that one person's ("" for every
// manager's), so a supervisor's row counts what awaits them on other
// managers' cases too.
func dueSummary(items []casestate.Due, managers []string, whose string, kinds []string, names map[string]string, retired map[string]bool) []dueCount {
	managers = slices.Clone(managers)
	slices.Sort(managers)
	rows := make([]dueCount, len(managers))
	at := map[string]*dueCount{}
	for i, m := range managers {
		rows[i] = dueCount{Manager: m, Name: names[m], Retired: retired[m], Kinds: map[string]int{}}
		for _, k := range kinds {
			rows[i].Kinds[k] = 0
		}
		at[m] = &rows[i]
	}
	for _, it := range items {
		m := it.Manager
		if whose != "" {
			m = whose
		}
		r := at[m]
		if r == nil {
			continue
		}
		r.Items++
		r.Kinds[it.Kind]++
		if it.Overdue {
			r.Overdue++
		}
	}
	return rows
}

// writeDueSummary prints due --summary: JSON, or a table (aligned on a
// terminal without the kinds no manager has; piped, every kind).
func writeDueSummary(env Env, output string, rows []dueCount, kinds []string, span dueSpan) error {
	if output == "json" {
		return writeJSON(env.Stdout, rows)
	}
	shown := kinds
	if env.IsTerminal {
		shown = slices.DeleteFunc(slices.Clone(kinds), func(k string) bool {
			return !slices.ContainsFunc(rows, func(r dueCount) bool { return r.Kinds[k] > 0 })
		})
	}
	header := []string{"MANAGER", "NAME", "ITEMS", "OVERDUE"}
	for _, k := range shown {
		header = append(header, strings.ToUpper(k))
	}
	t := newTable(env, header...)
	for _, r := range rows {
		name := record.MarkRetired(dashIfEmpty(r.Name), r.Retired)
		cells := []string{r.Manager, name, strconv.Itoa(r.Items), strconv.Itoa(r.Overdue)}
		for _, k := range shown {
			cells = append(cells, strconv.Itoa(r.Kinds[k]))
		}
		t.row(cells...)
	}
	if err := t.flush(); err != nil {
		return err
	}
	sayDueSummary(env, rows, span)
	return nil
}

// writeDueSummaryCSV prints due --summary -o csv: a header row naming
// every column — the kinds by their names, in order — then a row per
// manager, each led by --today and the last day counted, so a sheet
// pasted together from several days still says where each row came
// from (as a report's CSV rows name their month). It is the table a
// spreadsheet takes; the piped text lines have no header, their contract.
func writeDueSummaryCSV(env Env, rows []dueCount, kinds []string, span dueSpan, bom bool) error {
	header := append([]string{"as_of", "through", "manager", "name", "retired", "items", "overdue"}, kinds...)
	table := [][]string{header}
	for _, r := range rows {
		row := []string{span.Today.Format(time.DateOnly), span.lastCounted().Format(time.DateOnly), r.Manager, r.Name, strconv.FormatBool(r.Retired), strconv.Itoa(r.Items), strconv.Itoa(r.Overdue)}
		for _, k := range kinds {
			row = append(row, strconv.Itoa(r.Kinds[k]))
		}
		table = append(table, row)
	}
	if err := report.WriteCSV(env.Stdout, table, bom); err != nil {
		return err
	}
	sayDueSummary(env, rows, span)
	return nil
}

// sayDueSummary says on stderr what due --summary counted, in the words
// of the list's line (dueSpan.counted).
func sayDueSummary(env Env, rows []dueCount, span dueSpan) {
	items, overdue := 0, 0
	for _, r := range rows {
		items += r.Items
		overdue += r.Overdue
	}
	fmt.Fprintf(env.Stderr, "caseplan: %s, %s\n", span.counted(items, overdue), countOf(len(rows), "manager"))
}

// readDueKinds reads each --kind as a choice of a closed list is read
// (caseid.Choice: in any case, or by its unambiguous beginning, "Con",
// "fol"), writing it in the tickler's spelling, and refuses one that
// names no kind, with its did-you-mean.
func readDueKinds(kinds []string) error {
	for i, k := range kinds {
		if readChoice(&kinds[i], casestate.DueKinds...) {
			continue
		}
		hint := "use one or more of " + strings.Join(casestate.DueKinds, ", ")
		if meant := caseid.ChoiceMeant(casestate.DueKinds, k); meant != "" {
			hint = "did you mean --kind " + meant + "? " + hint
		} else if begun := begunHint("kind", casestate.DueKinds, k); begun != "" {
			hint = begun
		}
		return &UsageError{Msg: fmt.Sprintf("--kind %q: no such kind of due item", k), Hint: hint}
	}
	return nil
}
