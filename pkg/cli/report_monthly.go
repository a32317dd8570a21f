package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
	"github.com/caseplan/caseplan/pkg/resultcache"
)

type reportMonthlyOptions struct {
	reportOptions
	month  string // parsed into period
	period report.Month
	cohort string
}

func newCmdReportMonthly(g *globals, runF func(*reportMonthlyOptions) error) *cobra.Command {
	opts := &reportMonthlyOptions{reportOptions: reportOptions{globals: g, label: "report monthly"}}
	c := &cobra.Command{
		Use:   "monthly --month YYYY-MM",
		Short: "The monthly status report for the coordinators",
		Long: `The monthly status report for the work security coordinators and
supervisors (000: a status report on each candidate's search, the activity
tracker reviewed monthly; 001, 002: reports on participant outcomes and on
each case manager's caseload): a summary, a section per case manager and per
program, and a row per case.

Event dates decide which month an event counts in — a note's date, a
placement's start, a closure's date, an extension's request and decision, a
follow-up's due and done dates, an activity entry's date — whenever it was
committed: a contact dated October 28 and committed November 3 counts in
October in a report made after November 3. Phases, days left and overdue
items are as of the month's last day: what the records date later (a later
placement, closure, transfer, a milestone done later) is left out. A month
not over on the report's day (--as-of, else --today) is reported so far: up
to that day, so nothing is called overdue that is not overdue yet; "to" is
that day and "so_far" is true. Below, "month end" and "the month's last
day" mean the end of "to": for a month not over, the report's day, which
the text, Markdown and HTML reports name wherever a whole month says
"month end" (the CSV figures and JSON fields keep their names). A month
that has not begun on that day is refused (exit 2): its figures would be
a projection.

  open_at_start       cases opened before the month and not closed before it
  open_at_end         cases open at the end of the month's last day
                      (open_at_start + opened + reopened - closed =
                      open_at_end)
  opened, reopened, closed
                      cases opened, closed cases reopened, and closures, in
                      the month (a case closed and reopened in it counts in
                      both); closed_by_reason splits closed by the
                      closure's reason
  placed              placements starting in the month, as the records
                      stood at its end (a correction or a fall-through
                      recorded later changes nothing), of cases opened by
                      then (a post-employment participant's job that began
                      before the case opened counts in no earlier month);
                      median_days_to_placement is the median of the days
                      from opening to start over them (null when none)
  contacts            contacts dated in the month, as each case's program
                      counts one: a two-way note (caseplan note add --two-way)
                      for work security (000) and post-employment (003); for
                      WIOA (002) one that also records a recognised service
                      (--service) and says what happened; amendments never
                      count, nor does a note an amendment voided (caseplan
                      note amend --void), in any month, whenever it was
                      voided: it did not happen
  contact_compliance  among the cases open at month end whose program expects
                      contact in their phase (contact_cases: work-security
                      while notified, in the work security period or an
                      extension, every checkin_interval_days; WIOA before exit,
                      every contact_interval_days, the first contact within
                      first_contact_days of opening; post-employment, every
                      contact_interval_days), the share not overdue for it on
                      the month's last day — the same due date case show and
                      the tickler give; a case opened less than one interval
                      (WIOA: first_contact_days) before then with no contact
                      yet is not overdue. It is null when no case expects
                      contact (the text formats say "none").
  overdue_contacts    those cases that were overdue
  overdue_items       due items (see caseplan case show) overdue on the last
                      day, as caseplan due counts them: a closed case that still
                      owes something then (a WIOA exit to record, TEGL
                      10-16; a follow-up) has a row of its own in that
                      month, flagged, though nothing else is dated in it
  extensions_requested, extensions_approved, extensions_refused
                      work-security extensions requested in the month, and
                      the approvals and the refusals (--denied) decided in it
                      (000); a request still undecided at month end is
                      flagged extension-pending on its case's row. Each
                      case manager's and each program's row counts them
                      too, in a last column "Extensions requested /
                      approved / refused" (CSV: three columns after
                      interviews)
  follow_ups_due, follow_ups_done
                      follow-ups in outcome.yaml due in the month, and of
                      them those done by its end, early or on time (one
                      recorded by followup add is due the day it was done)
  quarters_after_exit_due, quarters_after_exit_done
                      the 2nd and 4th quarters after a WIOA exit (TEGL
                      10-16) that end in the month, each due on its last
                      day as caseplan due lists it, whether or not a
                      follow-up was planned for it (an exclusion or a
                      waiver of wioa-follow-up lifts it, as there); and of
                      them those a follow-up reports on by month end, as
                      validate reads it (done in the quarter, or naming it:
                      its quarter in outcome.yaml). A follow-up made late,
                      after the month, leaves that month's figure as it was.
                      Each case manager's and each program's row counts
                      them too, in a last column "Quarters after exit due /
                      done" (CSV: two columns after extensions_refused)
  applications, interviews
                      activity tracker entries dated in the month (000);
                      mock interviews are practice and do not count, nor
                      do informational interviews and networking
  exits               WIOA exits dated in the month, as report performance
                      counts them: a participant's exit recorded (caseplan
                      case exit; PIRL 901), each the start of the quarters
                      after exit and of an exit cohort (TEGL 10-16). An
                      exit by the definition not recorded yet is not one
                      (flags potential-exit, unrecorded-exit); one recorded
                      after the month, dated in it, is (late_entries says
                      so). Each case manager's and each program's row
                      counts them too, in a last column "Exits" (CSV: a
                      column after quarters_after_exit_done); the case's
                      row is flagged exit

A store with a post-employment program (003) has a section of its own,
"Post-employment services (003)", counting that program's cases (every
program of the kind together):
  services_ending     cases whose post_assistance_months (12) after cash
                      assistance ended end in the month, on a day the case
                      was open (closed that day or later)
  services_over       cases still open at month end after those months:
                      close them with caseplan case close CASE --reason
                      completed
  renewals_due        benefit renewals dated in the month not renewed by its
                      end (a renewal recorded moves the date on)
  renewals_overdue    benefit renewals past their date at month end: not
                      renewed, a decision awaited (pending) or lapsed, as
                      case show and the tickler list them
  job_site_visits_without_permission
                      job-site visits dated in the month without the
                      participant's permission on record, as validate's
                      pe-job-site-permission finds them (a waiver does not
                      give permission, so a waived visit counts; a store
                      that turns the rule off counts none)
  closed, closed_by_reason
                      those programs' closures in the month, by reason
                      (completed: the months of services are over)
Each case counted is flagged on its row: services-ending, services-over,
renewal-overdue, job-site-visit. A store without the program has no such
section (in JSON no "post_employment").

A report made after its month ended says which notes it counts came in
late: dated in the month, and not yet committed at its end (the last commit
made on or before its last day, found from the commit read, so --at keeps
the same bytes), with how many, their cases and the command for the figures
as they stood then: "Late: 1 note(s) of case W-001 dated in the month were
committed after 2026-11-30 and are counted here; caseplan report monthly
--month 2026-11 --as-of 2026-11-30 gives the figures as they stood then
(commit ...)." under the line naming the commit (with -o csv on stderr).

A case manager's section counts the cases they were the designated counselor
of at month end (a transfer dated later is undone); caseload is open_at_end.
Rows: every case open at some time in the month, and any other case with an
event dated in it (a follow-up after closure), with the flags opened,
reopened, closed:REASON, placed, contact-overdue, items-overdue,
extension-pending, exit (WIOA: a participant's exit recorded, dated in
the month), potential-exit (WIOA: exited by month end,
inactivity_exit_days having passed without a participation-causing service,
and not recorded), unrecorded-exit (WIOA: an exit by that definition that a
later service hides, not recorded, so missing from report performance; TEGL
10-16) and the post-employment flags above. --cohort ID keeps
only the rows of a layoff cohort's cases (caseplan case import); the summary
and the sections stay the office's.

Formats:
  -o text   aligned text
  -o md     Markdown
  -o html   one self-contained page (inline CSS, inline SVG charts of contacts
            per week and caseload per case manager; nothing is fetched)
  -o csv    one table, RFC 4180, with the month and commit on every row:
            one row per case, or --table summary (one figure a row, its
            value one number: extensions requested, approved and refused,
            and follow-ups due and done, are a row each), weeks, managers,
            programs or post-employment (a figure a row: figure, value,
            remark; the header alone without the program); --bom for
            Excel; a cell a spreadsheet could run as a formula is
            prefixed with ' (plain numbers such as -3 are kept)
  -o json   {"report":"monthly","month","from","to","organization","commit",
            "committed","caseplan","participants","unread":[{"case","records"}],
            "late_entries":{"notes","placements","cases","as_of",
            "as_of_commit","figures"} or null,
            "summary":{"open_at_start",
            "open_at_end","opened","reopened","closed","closed_by_reason",
            "placed","median_days_to_placement","contacts","contact_cases",
            "contact_compliance","overdue_contacts","overdue_items",
            "extensions_requested","extensions_approved",
            "extensions_refused","follow_ups_due",
            "follow_ups_done","quarters_after_exit_due",
            "quarters_after_exit_done","applications","interviews",
            "exits"},
            "contacts_by_week":[{"week","from","to","contacts"}],
            "managers":[{"id","name","retired","caseload","opened","closed",
            "placed","contacts","contact_cases","contact_compliance",
            "overdue_contacts","overdue_items","applications","interviews",
            "extensions_requested","extensions_approved",
            "extensions_refused","quarters_after_exit_due",
            "quarters_after_exit_done","exits"}],
            "programs":[{"key","name","kind", and the summary's keys}],
            "cases":[{"id","participant","manager","program","status",
            "phase","phase_ends","days_left","last_contact","contacts",
            "applications","interviews","overdue_items","next_milestone":
            {"goal","id","due","text"} or null,"flags":[...]}],
            "post_employment":{"programs":[...],"services_ending",
            "services_over","renewals_due","renewals_overdue",
            "job_site_visits_without_permission","closed",
            "closed_by_reason"} (only with a post-employment program)}
            commit is the full hash; committed is RFC 3339; caseplan is
            the version that made the report (caseplan version);
            participants is "initials" or "names"; days_left is null when
            the phase has no set end; next_milestone is the plan's earliest
            milestone not done at month end, null for a closed case. With
            --cohort, "cohort" names it (absent otherwise). "retired" is
            true for a manager retired from the roster (active: false)
            whose cases are not handed over yet; the other formats name
            them "Jo Lee (retired)", as due does.
            late_entries counts the notes dated in the month that the
            last commit made by its end (as_of: the month's last day,
            or the report's day for a month not over; as_of_commit)
            did not have, and the placements counted in the month
            (placements) that the case's outcome did not have then
            (one set later with --recorded), and names their cases;
            its figures ([] when none) are the month's other counts
            that files committed since moved, each {"figure": the
            summary's field (opened, reopened, closed, contacts,
            extensions_requested, extensions_approved,
            extensions_refused, follow_ups_due, follow_ups_done,
            applications, interviews, exits), "by": the figure now less the
            figure then, "cases": the cases whose count moved}. contacts
            moves when a note there then was voided since (note amend
            --void) or changed or removed around caseplan, counted over
            the notes there then: a contact whose note was committed
            late is in notes, not here.
            late_entries is null when nothing is late, or when the
            report reads a commit made by then.

` + reportHelp + "\n" + exitStatusHelp,
		Example: `  caseplan report monthly --month 2026-10 -o html --out 2026-10.html
  caseplan report monthly --month 2026-10 -o csv --table post-employment
  caseplan report monthly --month 2026-11 --today 2026-11-18   # so far`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.check(c); err != nil {
				return err
			}
			if opts.month == "" {
				return &UsageError{Msg: "which month? --month is required", Hint: opts.monthHint()}
			}
			var err error
			if opts.period, err = report.ParseMonth(opts.month); err != nil {
				if padded, ok := zeroPadded(opts.month, 2); ok {
					if _, perr := report.ParseMonth(padded); perr == nil {
						return &UsageError{Msg: fmt.Sprintf("--month: %v", err), Hint: "did you mean --month " + padded + "?"}
					}
				}
				// A day where the month is meant (2026-11-01, a habit of
				// the date flags): the month is the day's first seven.
				if padded, ok := zeroPadded(opts.month, 3); ok {
					if day, derr := time.Parse(time.DateOnly, padded); derr == nil {
						return &UsageError{Msg: fmt.Sprintf("--month: %q is a day, not a month; use YYYY-MM", opts.month), Hint: "did you mean --month " + day.Format("2006-01") + "?"}
					}
				}
				// A month written the other way round or with a slash
				// (11-2026, 11/2026, 11.2026, 2026/11), as forms and spreadsheets
				// write it: the year's four digits say which is which.
				for _, layout := range []string{"1-2006", "1/2006", "1.2006", "2006/1"} {
					if t, perr := time.Parse(layout, opts.month); perr == nil {
						return &UsageError{Msg: fmt.Sprintf("--month: %v", err), Hint: "did you mean --month " + t.Format("2006-01") + "?"}
					}
				}
				return usageErrorf("--month: %v", err)
			}
			if runF != nil {
				return runF(opts)
			}
			return reportMonthlyRun(opts)
		},
	}
	c.Flags().StringVar(&opts.month, "month", "", "the month to report on, as `YYYY-MM`")
	c.Flags().StringVar(&opts.cohort, "cohort", "", "keep only the rows of this layoff cohort's cases (the summary and sections stay the office's)")
	addReportFlags(c, &opts.reportOptions)
	return c
}

// monthHint says how to name the month, with last month's as the
// example: the report a coordinator most often wants is the month just
// over, and a fixed example month reads as a suggestion to report on it.
func (opts *reportMonthlyOptions) monthHint() string {
	today, err := opts.todayDate()
	if err != nil {
		return "name it as YYYY-MM, e.g. --month 2026-10"
	}
	last := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
	return "name it as YYYY-MM, e.g. --month " + last.Format("2006-01") + " for last month"
}

// recentMonths are the months --month completes: this month (so far) and
// the twelve before it, newest first, last month said to be last month.
func (g *globals) recentMonths() []string {
	today, err := g.todayDate()
	if err != nil {
		return nil
	}
	first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	out := []string{first.Format("2006-01") + "\tthis month, so far"}
	for i := 1; i <= 12; i++ {
		m := first.AddDate(0, -i, 0).Format("2006-01")
		if i == 1 {
			m += "\tlast month"
		}
		out = append(out, m)
	}
	return out
}

func reportMonthlyRun(opts *reportMonthlyOptions) error {
	w, err := opts.writer()
	if err != nil {
		return err
	}
	m, err := opts.reportedMonth()
	if err != nil {
		return err
	}
	if opts.cohort != "" {
		return reportMonthlyCohort(opts, m, w)
	}
	repo, cfg, cases, src, err := scanReportRepo(&opts.reportOptions, "report-monthly", []string{"month " + m.String(), "through " + m.Last().Format(time.DateOnly), fmt.Sprint("names ", opts.names), report.MonthlyCaseVersion},
		func(c *casefile.Case, cfg *record.Config) (report.MonthlyCase, bool) {
			return report.MonthlyOf(c, cfg, m, opts.names)
		})
	if err != nil {
		return err
	}
	late := opts.lateEntries(repo, cfg, m, src, cases)
	repo.Close()
	r := report.AssembleMonthly(cfg, m, src, opts.names, cases)
	r.LateEntries = late
	opts.noteEmptyMonth(m, len(cases), src)
	opts.noteLate(r)
	return opts.writeReport("the monthly report for "+m.String(), func(b *bytes.Buffer) error {
		return w.Monthly(b, r)
	})
}

// reportedMonth is the month to report: --month as it stands on the report's day
// (--as-of, else --today), so a month not over is reported so far. A month
// that has not begun on that day is refused: its overdue items and
// compliance would be a projection, not what the records say.
func (opts *reportMonthlyOptions) reportedMonth() (report.Month, error) {
	day, err := opts.reportDay()
	if err != nil {
		return report.Month{}, err
	}
	if first := opts.period.First(); day.Before(first) {
		flag := "--today"
		if opts.asOf != "" {
			flag = "--as-of"
		}
		return report.Month{}, &UsageError{
			Msg:  fmt.Sprintf("--month %s: the month has not begun on %s, the report's day (%s)", opts.period, day.Format(time.DateOnly), flag),
			Hint: fmt.Sprintf("report a month up to %s, or make the report on a day in or after the month with %s", day.Format("2006-01"), flag),
		}
	}
	return opts.period.SoFar(day), nil
}

// noteEmptyMonth says on stderr when no case had a part in month m (all
// opened after it, or closed before it with nothing dated in it): every
// figure of the report is then zero, which a CSV or JSON consumer cannot
// tell from a quiet month, and a mistyped year (2025-10 for 2026-10) is
// the likelier cause.
func (opts *reportMonthlyOptions) noteEmptyMonth(m report.Month, cases int, src report.Source) {
	if cases > 0 {
		return
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: note: no case was open in %s or had anything dated in it, so every figure is zero; %s\n", m.String(), checkFlag("--month", src))
}

// cohortCase is a case's part of the monthly report and its layoff cohort.
type cohortCase struct {
	Case   report.MonthlyCase `json:"case"`
	Cohort string             `json:"cohort"`
}

// reportMonthlyCohort makes the monthly report whose case rows are the
// cohort's: the totals are the whole store's, as without --cohort.
func reportMonthlyCohort(opts *reportMonthlyOptions, m report.Month, w report.Writer) error {
	opts.checkStore = func(snap *casefile.Snapshot) error { return knownCohort(snap, opts.cohort) }
	repo, cfg, rows, src, err := scanReportRepo(&opts.reportOptions, "report-monthly-cohort", []string{"month " + m.String(), "through " + m.Last().Format(time.DateOnly), fmt.Sprint("names ", opts.names), report.MonthlyCaseVersion},
		func(c *casefile.Case, cfg *record.Config) (cohortCase, bool) {
			mc, ok := report.MonthlyOf(c, cfg, m, opts.names)
			if !ok {
				return cohortCase{}, false
			}
			cc := cohortCase{Case: mc}
			if c.Intake != nil {
				cc.Cohort = c.Intake.Cohort
			}
			return cc, true
		})
	if err != nil {
		return err
	}
	cases := make([]report.MonthlyCase, len(rows))
	in := map[string]bool{}
	for i, r := range rows {
		cases[i] = r.Case
		if r.Cohort == opts.cohort {
			in[r.Case.Row.ID] = true
		}
	}
	late := opts.lateEntries(repo, cfg, m, src, cases)
	repo.Close()
	r := report.AssembleMonthly(cfg, m, src, opts.names, cases)
	r.LateEntries = late
	opts.noteEmptyMonth(m, len(cases), src)
	r.KeepCases(opts.cohort, in)
	opts.noteLate(r)
	return opts.writeReport("the monthly report for "+m.String(), func(b *bytes.Buffer) error {
		return w.Monthly(b, r)
	})
}

// lateEntries finds what month m's report counts that was committed
// after the month's last day (m.Last: the report's day for a month not
// over), against the last commit made by then — the one --as-of that day
// reads, found from the commit read, never from HEAD or the clock, so a
// report made again --at the same commit says the same: the notes dated
// in m of the cases the report counts that it did not have
// (report.LateNotes), the placements counted in m that the case's
// outcome did not have (report.AddLatePlacements), and the figures the
// intake, outcome and activity files changed since moved
// (report.AddLateFigures). Only the case directories whose trees differ
// between the two commits are read, and in them only the files that
// differ, both sides. Nil when the report reads a commit made by that
// day, or when nothing is late; nil too when the store's first commit
// came after it (decided: no report of the month could be made from the
// store then, so there is no earlier figure to tell this one from, and
// every record would be "late"). With -o csv, whose table has no place
// for it, stderr says it (noteLate). A history that cannot be followed
// (a shallow clone) is said on stderr, and the report says nothing late.
//
// The whole answer is kept in the clone's cache under everything it
// depends on: the two commits (a commit's tree never changes), the day
// and what the report counts in the month that it looks up (its notes
// and placements). Comparing the two commits' trees costs about a second
// at 10,000 cases when thousands of them changed since the month's end;
// a report made again from the same commit, the usual case of a month
// past, reads none.
func (opts *reportMonthlyOptions) lateEntries(repo *gitstore.Repo, cfg *record.Config, m report.Month, src report.Source, cases []report.MonthlyCase) *report.LateEntries {
	day := m.Last().Format(time.DateOnly)
	if src.Committed.Format(time.DateOnly) <= day {
		return nil
	}
	read := plumbing.NewHash(src.Commit)
	then, ok, err := repo.CommitAsOf(read, day)
	if err == nil && !ok {
		return nil
	}
	var cache *resultcache.Cache
	var key resultcache.Key
	if err == nil {
		if version := opts.cacheVersion(); resultcache.Usable(version) {
			cache = resultcache.Open(filepath.Join(repo.StateDir(), "cache", lateCacheFile), version)
			key = lateKey(then.Hash, read, m, cases)
			if v, ok := cache.Get(key); ok {
				if late, ok := decodeLate(v, then.Hash, day); ok {
					return late
				}
			}
		}
	}
	var late *report.LateEntries
	if err == nil {
		late, err = opts.lateNotes(repo, then.Hash, read, day, cases, cache != nil)
	}
	if err != nil {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: cannot tell which records dated by %s were committed after it: %v\n", day, err)
		return nil
	}
	byCase, err := opts.lateCases(repo, cfg, then.Hash, read, m, cases, cache != nil)
	if err != nil {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: cannot tell which of %s's figures records committed after %s moved: %v\n", m, day, err)
		return late
	}
	late = report.AddLateFigures(late, byCase, day, then.Hash.String())
	// A placement can be late only in a case whose outcome.yaml changed
	// since: what that file held then decides.
	late, _ = report.AddLatePlacements(late, cases, day, then.Hash.String(), func(id, key string) (bool, error) {
		cl, ok := byCase[id]
		return !ok || !cl.OutcomeChanged || slices.Contains(cl.ThenPlacements, key), nil
	})
	if cache != nil {
		if v, err := json.Marshal(late); err == nil {
			cache.Put(key, v)
			_ = cache.Save() // a cache not written costs the next run its speed
		}
	}
	return late
}

// lateCacheFile is the clone's cache file (.git/caseplan/cache/) of the
// monthly report's late entries.
const lateCacheFile = "report-monthly-late"

// lateCases returns, by case ID, what the files of each case directory
// that differs between commits then and read give the month
// (report.CaseLateOf): only the directories whose trees differ are read,
// and of their files only the intake, outcome and activity files that
// differ, both sides. With memo, the answer of each directory is kept
// by its two trees and the month (lateDirsCacheFile), so a first report
// from a new commit reads only the directories changed since the last
// report's commit.
//
// The contacts move too (lateContacts), in a case whose notes dated in
// the month or after were changed or removed since, or that has a note
// of the month voided now and notes added since (the void is one of
// them).
func (opts *reportMonthlyOptions) lateCases(repo *gitstore.Repo, cfg *record.Config, then, read plumbing.Hash, m report.Month, cases []report.MonthlyCase, memo bool) (map[string]report.CaseLate, error) {
	dirs, err := repo.ChangedSubtrees(then, read, layout.CasesDir)
	if err != nil {
		return nil, err
	}
	var kept *resultcache.Cache
	if memo {
		kept = resultcache.Open(filepath.Join(repo.StateDir(), "cache", lateDirsCacheFile), opts.cacheVersion())
	}
	byID := map[string]*report.MonthlyCase{}
	for i := range cases {
		byID[cases[i].Row.ID] = &cases[i]
	}
	// Each directory's answer is kept by its two trees and the month;
	// those not kept are worked out on every core at once (a first
	// report of last month at 10,000 cases reads some 4,000 directories,
	// the month-end side of their files deep in git's delta chains; the
	// pack reader takes any number of readers).
	type dirLate struct {
		id    string
		d     gitstore.TreeChange
		key   resultcache.Key
		cl    report.CaseLate
		found bool
		err   error
	}
	var todo []*dirLate
	var work []*dirLate
	for _, d := range dirs {
		id, ok := layout.CaseOf(d.Path)
		if !ok {
			continue
		}
		dl := &dirLate{id: id, d: d}
		if kept != nil {
			// 3: the notes' changes (NotesGone, NotesAdded).
			dl.key = resultcache.NewKey([]byte("late figures of a case directory 3"), d.From[:], d.To[:],
				[]byte(m.First().Format(time.DateOnly)), []byte(m.Last().Format(time.DateOnly)))
			if v, ok := kept.Get(dl.key); ok {
				dl.found = json.Unmarshal(v, &dl.cl) == nil && dl.cl.Moved != nil && dl.cl.ThenPlacements != nil
			}
		}
		todo = append(todo, dl)
		if !dl.found {
			work = append(work, dl)
		}
	}
	next := make(chan *dirLate)
	var wg sync.WaitGroup
	for range min(len(work), 2*runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for dl := range next {
				dl.cl, dl.err = lateCaseOf(repo, dl.id, dl.d, then, m)
			}
		}()
	}
	for _, dl := range work {
		next <- dl
	}
	close(next)
	wg.Wait()
	out := map[string]report.CaseLate{}
	for _, dl := range todo {
		id, cl := dl.id, dl.cl
		if !dl.found {
			if dl.err != nil {
				return nil, dl.err
			}
			if kept != nil {
				if v, err := json.Marshal(cl); err == nil {
					kept.Put(dl.key, v)
				}
			}
		}
		d := dl.d
		cm := byID[id]
		if cl.NotesGone || cl.NotesAdded && cm != nil && len(cm.Voided) > 0 {
			program := ""
			if cm != nil {
				program = cm.Row.Program
			}
			by, err := lateContacts(repo, kept, id, d.From, m, calendar.ContactOf(cfg, program), then, cm)
			if err != nil {
				return nil, err
			}
			if by != 0 {
				cl.Moved["contacts"] += by
			}
		}
		out[id] = cl
	}
	if kept != nil {
		_ = kept.Save()
	}
	return out, nil
}

// lateCaseOf works out the CaseLate of case id's directory d, whose
// trees differ: the intake, outcome and activity files that differ, read
// both sides, and the names of the notes that changed.
func lateCaseOf(repo *gitstore.Repo, id string, d gitstore.TreeChange, then plumbing.Hash, m report.Month) (report.CaseLate, error) {
	changes, err := repo.DiffTreesEnter(d.From, d.To, report.LateDir)
	if err != nil {
		return report.CaseLate{}, fmt.Errorf("%s: %w", d.Path, err)
	}
	var files []report.LateFile
	var notes []gitstore.FileChange
	for _, ch := range changes {
		if !report.IsLateFile(ch.Path) {
			notes = append(notes, ch)
			continue
		}
		f := report.LateFile{Rel: ch.Path}
		for _, side := range []struct {
			h    plumbing.Hash
			data *[]byte
		}{{ch.From, &f.Then}, {ch.To, &f.Now}} {
			if side.h.IsZero() {
				continue
			}
			if *side.data, err = repo.ReadBlob(side.h); err != nil {
				return report.CaseLate{}, fmt.Errorf("read %s/%s: %w", d.Path, ch.Path, err)
			}
		}
		files = append(files, f)
	}
	cl, err := report.CaseLateOf(id, files, m, then.String())
	if err != nil {
		return cl, err
	}
	for _, ch := range notes {
		cl.NoteChanged(ch.Path, !ch.From.IsZero(), !ch.To.IsZero(), m)
	}
	return cl, nil
}

// lateContacts returns how far case id's contacts in month m moved
// since the month's end (report.ContactsMoved): its notes as its
// directory's tree then (from) held them, those named from the month's
// first day on (report.NoteFrom: the month's notes and the amendments
// that could void one), counted with contact, the rule of the case's
// program at the commit read (a rule changed since does not move the
// figure here: only records do), against the contacts the report counts
// now (cm; nil when the case has no row). With kept, the contacts then
// are kept by the tree, the month and the rule.
func lateContacts(repo *gitstore.Repo, kept *resultcache.Cache, id string, from plumbing.Hash, m report.Month, contact calendar.Contact, then plumbing.Hash, cm *report.MonthlyCase) (int, error) {
	var now []string
	if cm != nil {
		now = cm.ContactNotes
	}
	var was struct {
		Contacts []string `json:"contacts"` // counted then
		Present  []string `json:"present"`  // the note files then, from the month's first day
	}
	var key resultcache.Key
	if kept != nil {
		key = resultcache.NewKey([]byte("late contacts of a case directory 1"), from[:],
			[]byte(m.First().Format(time.DateOnly)), []byte(m.Last().Format(time.DateOnly)), []byte(contact.Key()))
		if v, ok := kept.Get(key); ok && json.Unmarshal(v, &was) == nil && was.Contacts != nil && was.Present != nil {
			return report.ContactsMoved(was.Contacts, was.Present, now), nil
		}
	}
	files := map[string][]byte{}
	was.Present = []string{}
	if !from.IsZero() {
		tree, err := repo.TreeOf(from)
		if err != nil {
			return 0, err
		}
		ents, err := tree.List(layout.NotesDir)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return 0, fmt.Errorf("%s at commit %s: %w", layout.NotesOf(id), then, err)
		}
		for _, e := range ents {
			if e.IsDir || !report.NoteFrom(e.Name, m) {
				continue
			}
			data, err := tree.ReadFile(layout.NotesDir + "/" + e.Name)
			if err != nil {
				return 0, fmt.Errorf("%s at commit %s: %w", layout.NotesOf(id), then, err)
			}
			files[e.Name] = data
			was.Present = append(was.Present, e.Name)
		}
	}
	var err error
	if was.Contacts, err = report.ThenContacts(id, files, m, contact, then.String()); err != nil {
		return 0, err
	}
	if kept != nil {
		if v, err := json.Marshal(was); err == nil {
			kept.Put(key, v)
		}
	}
	return report.ContactsMoved(was.Contacts, was.Present, now), nil
}

// lateNotes returns the notes of cases dated in the month that commit
// then, the last made by day, did not have and commit read has, or nil.
// With memo, what was found in a case directory between two of its trees
// is kept (lateDirsCacheFile), for a first report from a new commit.
func (opts *reportMonthlyOptions) lateNotes(repo *gitstore.Repo, then, read plumbing.Hash, day string, cases []report.MonthlyCase, memo bool) (*report.LateEntries, error) {
	dirs := report.NotesDirs(cases)
	var dm gitstore.DirMemo
	var kept *caseDirMemo
	if memo {
		kept = &caseDirMemo{cache: resultcache.Open(filepath.Join(repo.StateDir(), "cache", lateDirsCacheFile), opts.cacheVersion())}
		dm = kept
	}
	added, err := repo.AddedFilesMemo(then, read, func(dir string) bool {
		if id, ok := layout.CaseOf(dir); ok {
			return dir == layout.NotesOf(id) || (dir == layout.CaseDir(id) && dirs[id])
		}
		return dir == layout.CasesDir
	}, dm)
	if err != nil {
		return nil, err
	}
	if kept != nil {
		_ = kept.cache.Save()
	}
	return report.LateNotes(cases, added, day, then.String()), nil
}

// lateDirsCacheFile keeps, for the late notes, the notes added in a case
// directory between two of its trees, when the whole answer was not kept
// (a report of a new commit): a file of its own, so that the reports
// made again from one commit, which use only the whole answer, do not
// push them out.
const lateDirsCacheFile = "report-monthly-late-dirs"

// caseDirMemo keeps the files added below a case directory between two
// of its trees, as the late notes look for them (its notes/ only), in a
// cache: a first report from a new commit then reads the trees of the
// case directories changed since the last report's commit alone, not of
// all those changed since the month's end.
type caseDirMemo struct{ cache *resultcache.Cache }

func (m *caseDirMemo) key(dir string, a, b plumbing.Hash) (resultcache.Key, bool) {
	id, ok := layout.CaseOf(dir)
	if !ok || dir != layout.CaseDir(id) {
		return resultcache.Key{}, false
	}
	// The answer depends on the two trees alone, not on the case's ID:
	// what is entered below a case directory is its notes/, whichever.
	return resultcache.NewKey([]byte("late notes of a case directory 1"), a[:], b[:]), true
}

func (m *caseDirMemo) Added(dir string, a, b plumbing.Hash) ([]string, bool) {
	k, ok := m.key(dir, a, b)
	if !ok {
		return nil, false
	}
	v, ok := m.cache.Get(k)
	if !ok {
		return nil, false
	}
	var added []string
	if err := json.Unmarshal(v, &added); err != nil {
		return nil, false
	}
	for _, f := range added {
		// Only the directory's own files and those of its notes/ are
		// ever kept.
		name, _ := strings.CutPrefix(f, layout.NotesDir+"/")
		if name == "" || strings.Contains(name, "/") {
			return nil, false
		}
	}
	return added, true
}

func (m *caseDirMemo) Keep(dir string, a, b plumbing.Hash, added []string) {
	k, ok := m.key(dir, a, b)
	if !ok {
		return
	}
	if v, err := json.Marshal(added); err == nil {
		m.cache.Put(k, v)
	}
}

// lateKey is the key of the late entries of cases between commits then
// and read in month m: besides the commits and the month, what the
// report counts that LateNotes, AddLatePlacements and the contacts moved
// look up — the notes each case has dated in the month, the placement it
// counts, its contacts and its voided notes, in the report's order. (The
// contact rule is the store's at commit read, part of the key.)
func lateKey(then, read plumbing.Hash, m report.Month, cases []report.MonthlyCase) resultcache.Key {
	h := sha256.New()
	for _, cm := range cases {
		for _, name := range cm.Notes {
			h.Write([]byte(layout.NotesOf(cm.Row.ID) + "/" + name + "\x00"))
		}
		if cm.Placement != "" {
			h.Write([]byte(layout.CaseDir(cm.Row.ID) + "\x01" + cm.Placement + "\x00"))
		}
		// The contacts ContactsMoved compares, and the voids that say
		// which case's notes to read.
		for _, name := range cm.ContactNotes {
			h.Write([]byte(layout.NotesOf(cm.Row.ID) + "/" + name + "\x02"))
		}
		for _, name := range cm.Voided {
			h.Write([]byte(layout.NotesOf(cm.Row.ID) + "/" + name + "\x03"))
		}
	}
	// 4: the contacts moved (a figure "contacts").
	return resultcache.NewKey([]byte("late entries 4"), then[:], read[:],
		[]byte(m.First().Format(time.DateOnly)), []byte(m.Last().Format(time.DateOnly)), h.Sum(nil))
}

// decodeLate reads a kept answer: JSON null (nothing late) or the
// LateEntries of commit then and day. What does not read as that is not
// used (ok false), and the answer is computed again.
func decodeLate(v []byte, then plumbing.Hash, day string) (_ *report.LateEntries, ok bool) {
	var late *report.LateEntries
	if err := json.Unmarshal(v, &late); err != nil {
		return nil, false
	}
	if late == nil {
		return nil, true
	}
	if late.AsOf != day || late.AsOfCommit != then.String() || late.Notes < 0 || late.Placements < 0 ||
		late.Cases == nil || late.Figures == nil || len(late.Cases) > late.Notes+late.Placements ||
		(late.Notes+late.Placements > 0) != (len(late.Cases) > 0) || late.Notes+late.Placements+len(late.Figures) == 0 {
		return nil, false
	}
	for _, f := range late.Figures {
		if f.Figure == "" || len(f.Cases) == 0 {
			return nil, false
		}
	}
	return late, true
}

// noteLate says on stderr, for -o csv, whose table has no place for it,
// what report r's Late line says in the other forms: the records dated in
// the month committed after it, and the command that gives the figures
// as they stood then — in CSV too, with r's cohort and participants, so
// that it gives the same file as of that day.
func (opts *reportMonthlyOptions) noteLate(r *report.Monthly) {
	l := r.LateEntries
	if l == nil || opts.output != "csv" {
		return
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: note: %s; %s gives the figures as they stood then\n", l.Said("dated in "+r.Month, "are counted", false), report.LateCommand(r, opts.output))
}
