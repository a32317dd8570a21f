package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/tickler"
	"github.com/caseplan/caseplan/pkg/validate"
)

type caseShowOptions struct {
	*globals
	caseID string
	output string
	// file is the case file's reading (-o md, html): the commit to read
	// (--at, --as-of, as a report reads it) and the file to write (--out).
	file reportOptions
	// sealed puts the case's sealed fields, decrypted with the acting
	// person's key, in the case file: the participant's own copy.
	sealed bool
}

// document says whether the case is shown as a document to keep (-o md,
// html), read from a commit.
func (o *caseShowOptions) document() bool { return slices.Contains(report.CaseFileFormats, o.output) }

func newCmdCaseShow(g *globals, runF func(*caseShowOptions) error) *cobra.Command {
	opts := &caseShowOptions{globals: g}
	opts.file.globals = g
	c := &cobra.Command{
		Use:   "show CASE",
		Short: "Show a case: who, program, phase, contacts, what is due, findings",
		Long: `Show where a case stands as of --today: who it serves, its program and
manager, how and when to reach the participant (the intake's phone, email,
preferred channels, best times and language: 003 asks for people who are
unavailable in the daytime to be reached when they can be) and the schedule
for contact agreed in the plan (000, 003), when and how the participant last
agreed to the plan (001, 002: caseplan iep agree), the phase of the program
and the days left in it, its contacts, what is due next, the waivers a
supervisor recorded for it and the findings validate reports for it. The
store-wide warnings (the roster, the settings), not about the case, are
counted in one line with the validate that lists them; -o json lists them
all.

On a terminal a line that would pass its width wraps at its spaces, the
rest indented under the text it continues (after a label, under a
finding, under the detail of an item due); nothing is cut. Piped, or in a
file (caseplan case show ID > case.txt), no line is wrapped.

Phases, by program kind:
  work-security    notification (before the layoff date), work-security
                   (work_security_days from the layoff date), extension (an
                   approved extension's until date has not passed),
                   extension-pending (the periods ended with an extension
                   request the joint committee has not decided: neither
                   extended nor separated), placed, separated (the periods
                   ended without a placement, or the request was refused:
                   from the day after their last day) (000)
  wioa             the career-planning function the records show (002):
                   assessment (no assessment yet), goal-setting (no goals),
                   plan-development (no objectives or no services),
                   service-delivery; after exit, follow-up (follow_up_months)
                   and then exited
  post-employment  active; follow-up for post_assistance_months after cash
                   assistance ended (003), shown from the opening when
                   assistance ended before the case opened (the months still
                   count from its end); once they are over the case stays
                   in follow-up, its period-end item overdue, until closed
  every kind       closed

What is due (kinds): contact (the program's contact or check-in interval,
or the next day of the agreed contact schedule when it comes first),
milestone, next-step, action (a note's action item, NOTE#N, until it is
done or dropped: caseplan action done|drop), period-end,
extension-decision (000: the joint committee's decision on a pending
extension request, by the period's last day), references,
search-plan and toolbox (000: three references, the job search and skill
plans, a final resume, cover letter and thank-you letter by the layoff
date), plan-review (review_interval_days after the last review),
tracker-review (000: the weekly activity tracker reviewed monthly, a
tracker-review note a calendar month after the last), follow-up
(after placement or exit; WIOA: the 2nd and 4th quarter after exit),
benefit-renewal (003), potential-exit (WIOA: due the day after
inactivity_exit_days without a participation-causing service, when the exit
can be recorded), unrecorded-exit (WIOA: an exit that a later service hides,
overdue until case exit records it and case new --returning-from opens the
new period; TEGL 10-16). A closed case has only what still applies to it: its
planned follow-ups not yet done and, for WIOA, the exit to record and the
2nd and 4th quarters after exit (its contacts, plan and periods end with
the closure).

A closed case's Closed line says when and why it closed, as outcome.yaml
records it (the reason and its notes), so that a file review reads it
here; a case reopened since shows none.

A work-security candidate's case conference (000: "Explain the purpose of
the Case Conference; plan the date") has no date in 000, so it is not a
due item: while the candidate searches, a Conference line says it is still
to plan until a milestone or next step of the plan with a due date names
"case conference" (that item is then on the tickler) or a case-conference
note records it; -o json's case_conference says to-plan, planned or held.

A case with waivers (caseplan waiver add: a supervisor's decision that an
obligation does not apply to it) lists them under Waivers, in the order
intake.yaml records them: the waiver's ID, the rule it waives, who waived
it, from when and why. One dated after --today is marked "(not yet)": a
waiver counts from its date on. Take one back with caseplan waiver
remove CASE ID.

The status, the manager and the center are the case's on --today, as the
phase is: on a past day, a case closed since is open, and a case
transferred since shows the manager (the one next_due names) and the
center it had then. On a day before the case opened it was no case yet:
the status says it is not opened yet, and no phase or item is shown (due,
case list --status and the reports leave it out too).

For a WIOA case the status line gives the participation date (PIRL 900:
the first participation-causing service on or after the first eligibility
determination, or after the opening when none is recorded) beside the
opening date, then the last participation-causing service and, once the
participant has exited by WIOA's definition (90 days without one, none
scheduled: TEGL 10-16) and no exit is recorded, the exit date that
caseplan case exit would record. A placement recorded to start later is
shown with the day it starts; until then the case stays in its phase.

  -o json  {"id","program","kind","status","manager","center","opened",
           "participant","reach","contact_schedule","plan_agreed","cohort",
           "returning_from","phase","phase_start","phase_ends","days_left",
           "extension_until","notes","voided_notes",
           "contacts","last_contact","participation","placement_starts",
           "closure","case_conference","next_due","waivers","findings"}
           status is "open" or "closed" on --today, or "not-opened" on a
           day before the opening (opened says when): the case's program,
           manager and center are given, but phase and the other fields
           of where it stands are "" (days_left and participation null,
           contacts 0) and next_due is [];
           reach is {"phone","email","channels","best_times","language"}
           as the intake records them ("", channels [] when none);
           contact_schedule is the schedule for contact agreed in the plan
           (caseplan iep schedule), {"every","day","day_of_month","time",
           "mode","agreed","note","words"} ("" or 0 when not recorded;
           words as the tickler says it: "Tuesdays 18:00 by phone"), or
           null when none is agreed;
           plan_agreed is the participant's latest agreement to the plan
           (caseplan iep agree), {"id","date","how","notes","agreements"}
           (agreements counts those on record, the first and each after
           a review), or null when none is recorded;
           cohort is the layoff cohort of a case opened by caseplan case
           import, absent otherwise; returning_from the case of the
           participant's earlier period of participation (case new
           --returning-from), absent otherwise; notes counts the notes that
           count, voided_notes those an amendment voided (note amend --void);
           phase_start, phase_ends and last_contact are YYYY-MM-DD or "";
           participation is null except for WIOA cases, where it is
           {"date","eligible_from","eligibility_recorded","last_service",
           "exit_date","exited"}: date is the participation date, "" while there
           is none; eligible_from the date it counts from, the first
           eligibility determination or, when eligibility_recorded is
           false, the opening date; last_service the last
           participation-causing service or ""; exit_date the exit date
           by WIOA's definition while the participant has exited and no
           exit is recorded, else ""; exited the exit recorded (caseplan
           case exit, PIRL 901) by --today, else "", which the Status
           line gives too; placement_starts is the start of a
           placement that has not started yet, or "";
           closure is the closure in force on --today,
           {"id","date","reason","notes"} as outcome.yaml records it
           (id "" for one written before closures had IDs), or null
           while the case is open;
           case_conference is "to-plan", "planned" or "held" while a
           work-security candidate searches, else "";
           days_left counts the days from --today to phase_ends (0 on the
           last day, negative once past) or is null when the phase has no
           set end; extension_until is the last day of an extension the
           joint committee approved before the work security period
           ended, the phase that follows (000), else ""; next_due is a
           list of {"case","manager","kind","due","overdue","days",
           "detail","path","line","manager_retired",
           "awaits_supervisor"} by due date, as due -o json has them: days
           counts from --today to due (negative when overdue),
           manager_retired is true when the manager is retired from the
           roster, awaits_supervisor when only a supervisor can close the
           item (extension-decision); waivers is a list of
           {"id","rule","by","date","reason","in_effect"} in the intake's
           order, [] when none: id is "" for a waiver recorded before
           waivers had IDs, in_effect false for one dated after --today;
           findings are validate's -o json findings.

  -o md, -o html  the case file, for a file review: a document to keep
           or print. The lines above, then under headings the intake,
           the plan (as iep show reads it), what is due, every note in
           date order and whole, the activity tracker's weeks,
           referrals, references, the outcome, the waivers and the
           findings. It reads committed records, as a report does
           (HEAD's commit, or --at COMMIT, or with --as-of DATE the
           last commit made on or before the end of DATE, which is
           then the day the case is shown as of, as a report's is),
           names that commit and the
           command that makes it again, and --out FILE writes it
           atomically; the HTML is one self-contained page. The sealed
           fields are never in it, and a detail the leak guard says
           belongs there (pii-term, pii-dob) is shown as
           [withheld: RULE]: the finding stays listed, not naming
           the term (caseplan validate names it).

A participant who asks for a copy of their file gets the case file with
--sealed: the sealed fields too (they are theirs), decrypted with your
key under a heading of their own, each by a label a person reads ("Date
of birth"), and the command it names makes it again with them. It is
read by the participant: their own words show as recorded, nothing
[withheld: RULE] (an SSN-shaped number is still masked), and the
findings, the office's checks of its own record-keeping, are left out,
the copy saying so. Only the people the fields are sealed to can (case
sealed show says who); anyone else is refused, and nothing is written.
Give the copy to the participant alone, never by unencrypted email
(TEGL 39-11); README "Confidentiality" says what else to look over.` + "\n" + exitStatusHelp,
		Example: `  caseplan case show 2026-K7QX2                      # where it stands today
  caseplan case show 2026-K7QX2 --today 2026-05-31   # as it stood on May 31
  caseplan case show 2026-K7QX2 -o json | jq '.waivers'  # the case's waivers
  caseplan case show 2026-K7QX2 -o html --out 2026-K7QX2.html  # the case file
  caseplan case show 2026-K7QX2 -o md --as-of 2026-10-31  # the file on Oct 31
  # the participant's own copy, with their sealed fields
  caseplan case show 2026-K7QX2 -o html --sealed --out 2026-K7QX2.html`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, caseShowFormats...); err != nil {
				return err
			}
			if !opts.document() {
				for _, f := range []string{"at", "as-of", "out", "sealed"} {
					if c.Flags().Changed(f) {
						return usageErrorf("--%s goes with -o md or -o html, the case file", f)
					}
				}
			}
			if err := opts.file.checkCommit(); err != nil {
				return err
			}
			opts.caseID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return caseShowRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, caseShowFormats...)
	f := c.Flags()
	addCommitFlags(f, &opts.file, "with -o md or html, make the case file from the records")
	outputFileVar(f, &opts.file.out, "out", "to write to stdout", "with -o md or html, write the case file to `FILE` (atomically) instead of stdout; - is stdout")
	f.BoolVar(&opts.sealed, "sealed", false, "with -o md or html, put the sealed fields in the case file, decrypted with your key: the participant's own copy")
	return c
}

// caseShowFormats are case show's formats: text and json read the work
// tree; md and html are the case file, read from a commit.
var caseShowFormats = append([]string{"text", "json"}, report.CaseFileFormats...)

func caseShowRun(opts *caseShowOptions) error {
	root, err := opts.storeRoot()
	if err != nil {
		return err
	}
	// A case file's day is a report's: --as-of, else --today.
	today, err := opts.file.reportDay()
	if err != nil {
		return err
	}
	var src store.Source
	src, err = store.NewWorkTree(root)
	if err != nil {
		return err
	}
	// A case file (-o md, html) is kept: read from a commit, as a report
	// is, so that the command it names makes it again byte for byte.
	doc := &opts.file
	var made report.Source
	if opts.document() {
		repo, tree, rs, err := doc.reportCommit()
		if err != nil {
			return err
		}
		defer repo.Close()
		src, made = store.GitTree{Tree: tree}, rs
	}
	snap, findings, err := check(src, []string{opts.caseID}, today, opts.env.Build.Installable())
	if err != nil {
		return err
	}
	if snap.Config == nil {
		// The case's program, phase and dates all depend on the
		// settings: nothing of the case can be shown without them.
		return settingsError(findings)
	}
	// The view only prints the findings: their paths are shown masked.
	v, err := newCaseShowView(snap, shownPaths(snap.Config, findings), opts.caseID, today)
	if err != nil {
		for _, f := range findings {
			printFinding(opts.env.Stderr, f)
		}
		return err
	}
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, v)
	}
	if opts.document() {
		g, _ := validate.Guard(snap.Config)
		again := fmt.Sprintf("caseplan case show %s --today %s -o %s", opts.caseID, v.today, opts.output)
		var open *sealed.Fields
		redact := validate.Withhold(g)
		if opts.sealed {
			if open, err = opts.openSealed(src, snap, made.Commit); err != nil {
				return err
			}
			again += " --sealed"
			// The participant reads their own words as recorded.
			redact = validate.MaskSSNs(g)
		}
		d := caseFileOf(v, snap.Case(opts.caseID), made, again, redact, open)
		return doc.writeReport("the case file", func(b *bytes.Buffer) error { return report.WriteCaseFile(b, opts.output, d) })
	}
	w, done := opts.textOut()
	v.write(w, opts.env.Width)
	return done()
}

// openSealed decrypts the case's sealed fields as the case file's commit
// holds them, with the acting person's age identity, as case sealed show
// does: someone they are not sealed to is refused as sealed show refuses
// them (not on the team, transferred away, retired), and nothing is
// written; so is a sealed.age the commit that last changed it put there
// by hand (handSealed, as sealed show asks). A note on stderr says the
// copy holds them in plain text.
func (opts *caseShowOptions) openSealed(src store.Source, snap *casefile.Snapshot, commit string) (*sealed.Fields, error) {
	author, err := opts.keyAuthor()
	if err != nil {
		return nil, err
	}
	k, err := opts.keysOf(author)
	if err != nil {
		return nil, err
	}
	f, err := casework.OpenSealed(src, snap, opts.caseID, k)
	if dmg := (*casework.DamagedSealedError)(nil); errors.As(err, &dmg) {
		return nil, &InvalidError{Msg: dmg.Error(), Hint: "caseplan case sealed show " + opts.caseID + " names the commit that changed it and the way back"}
	}
	if err != nil {
		return nil, opts.changeError(err)
	}
	// A sealed.age put there by hand may hold another case's fields,
	// sealed to the same people: case sealed show shows them with that
	// warning, for the manager to judge; a copy for the participant is
	// not written with them.
	if s := snap.Case(opts.caseID).Sealed; s != nil && s.Ciphertext {
		hand, err := opts.handSealed(opts.caseID, commit)
		if err != nil {
			return nil, err
		}
		if hand != nil {
			return nil, &InvalidError{Msg: hand.Error() + "; the participant's copy was not written", Hint: hand.Hint()}
		}
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: note: the case file holds %s's sealed fields in plain text: give it to the participant alone, never by unencrypted email (TEGL 39-11)\n", opts.caseID)
	return &f, nil
}

// caseShowView is what case show shows, and its JSON contract.
type caseShowView struct {
	ID          string `json:"id"`
	Program     string `json:"program"`
	Kind        string `json:"kind"`
	Status      string `json:"status"`
	Manager     string `json:"manager"`
	Center      string `json:"center"`
	Opened      string `json:"opened"`
	Participant string `json:"participant"`
	// Reach is how and when the participant is reached, as the intake
	// records it (003: people unavailable in the daytime are called in
	// the evening); every field "" (channels []) when none is recorded.
	Reach reachView `json:"reach"`
	// ContactSchedule is the schedule for contact agreed with the
	// participant (iep.yaml contact_schedule: 000, 003); null when the
	// plan records none.
	ContactSchedule *scheduleView `json:"contact_schedule"`
	// PlanAgreed is the participant's latest agreement to the plan
	// (iep.yaml agreements: 001, 002), with how many are on record; null
	// when the plan records none.
	PlanAgreed *agreedView `json:"plan_agreed"`
	// Cohort is the layoff cohort of an imported case, "" for none.
	Cohort string `json:"cohort,omitempty"`
	// ReturningFrom is the case of the participant's earlier period of
	// participation (TEGL 10-16), "" for none.
	ReturningFrom string `json:"returning_from,omitempty"`
	Phase         string `json:"phase"`
	PhaseStart    string `json:"phase_start"`
	PhaseEnds     string `json:"phase_ends"`
	DaysLeft      *int   `json:"days_left"`
	// ExtensionUntil is the last day of an approved extension the phase
	// runs into (casestate.State.ExtensionUntil), "" for none.
	ExtensionUntil string `json:"extension_until"`
	Notes          int    `json:"notes"`        // the notes that count: voided ones are in voided_notes
	VoidedNotes    int    `json:"voided_notes"` // notes an amendment voided (recorded in error)
	Contacts       int    `json:"contacts"`
	LastContact    string `json:"last_contact"`
	// Participation is WIOA's participation and exit (TEGL 10-16, the
	// PIRL); null for the other programs.
	Participation *participationView `json:"participation"`
	// PlacementStarts is the start of a placement recorded to start
	// later; until then the case stays in its phase.
	PlacementStarts string `json:"placement_starts"`
	// Closure is the closure in force on --today (record.Outcome.ClosedOn:
	// the latest one, not followed by a reopening by then), null while the
	// case is open: when and why it closed, which a file review asks
	// first (002: case closure) and the phase line gives only the day of.
	Closure *closureView `json:"closure"`
	// CaseConference is where a work-security case's case conference
	// stands while the candidate searches (000): "to-plan", "planned"
	// (a dated milestone or next step names it) or "held" (a
	// case-conference note); "" otherwise.
	CaseConference string   `json:"case_conference"`
	NextDue        []dueOut `json:"next_due"` // due -o json's items, manager_retired and awaits_supervisor included
	// Waivers are the supervisors' waivers the intake records (waiver
	// add), in its order; [] when none.
	Waivers  []waiverView      `json:"waivers"`
	Findings []finding.Finding `json:"findings"`

	// For the text only.
	programName string         // "Name (key)", or the key when the program has no name
	intakeFile  string         // the intake's path, which a missing value names
	layoff      *record.Layoff // work security's notice and layoff dates
	cohort      *record.Cohort // the cohort's record, nil when none or unreadable
	imported    *record.Imported
	state       casestate.State
	today       string // --today, which a case not opened yet is said on
	planToAgree bool   // the plan has goals or services for the participant to agree to
}

// reachView is case show's view of how to reach the participant.
type reachView struct {
	Phone     string   `json:"phone"`
	Email     string   `json:"email"`
	Channels  []string `json:"channels"`   // the preferred channels, in the intake's order
	BestTimes string   `json:"best_times"` // free text: "evenings after 6pm"
	Language  string   `json:"language"`
}

// reachOf is p's reach as case show gives it.
func reachOf(p record.Participant) reachView {
	r := reachView{Phone: p.Phone, Email: p.Email, Channels: p.Channels, BestTimes: p.BestTimes, Language: p.Language}
	if r.Channels == nil {
		r.Channels = []string{}
	}
	return r
}

// words is the Reach line of the text, "" when nothing is recorded.
func (r reachView) words() string {
	var parts []string
	if at := strings.Join(slices.DeleteFunc([]string{r.Phone, r.Email}, func(s string) bool { return s == "" }), ", "); at != "" {
		parts = append(parts, at)
	}
	if len(r.Channels) > 0 {
		parts = append(parts, "prefers "+strings.Join(r.Channels, ", "))
	}
	if r.BestTimes != "" {
		parts = append(parts, "best times: "+r.BestTimes)
	}
	if r.Language != "" {
		parts = append(parts, "language: "+r.Language)
	}
	return strings.Join(parts, "; ")
}

// scheduleView is case show's view of the agreed contact schedule: the
// plan's fields, each present ("" or 0 when not recorded), and words, the
// schedule as the tickler says it ("Tuesdays 18:00 by phone").
type scheduleView struct {
	Every      string `json:"every"`
	Day        string `json:"day"`
	DayOfMonth int    `json:"day_of_month"`
	Time       string `json:"time"`
	Mode       string `json:"mode"`
	Agreed     string `json:"agreed"`
	Note       string `json:"note"`
	Words      string `json:"words"`
}

// scheduleOf is plan's contact schedule as case show gives it, nil for
// none.
func scheduleOf(plan *record.IEP) *scheduleView {
	if plan == nil || plan.ContactSchedule == nil {
		return nil
	}
	cs := plan.ContactSchedule
	return &scheduleView{Every: cs.Every, Day: cs.Day, DayOfMonth: cs.DayOfMonth, Time: cs.Time, Mode: cs.Mode,
		Agreed: string(cs.Agreed), Note: cs.Note, Words: calendar.ScheduleWords(*cs)}
}

// agreedView is case show's view of the participant's latest agreement
// to the plan: its fields, each present ("" when not recorded), and the
// number of agreements on record (the first and each after a review).
type agreedView struct {
	ID         string `json:"id"`
	Date       string `json:"date"`
	How        string `json:"how"`
	Notes      string `json:"notes"`
	Agreements int    `json:"agreements"`
}

// agreedOf is plan's latest agreement as case show gives it, nil for
// none.
func agreedOf(plan *record.IEP) *agreedView {
	if plan == nil {
		return nil
	}
	a := plan.LastAgreement()
	if a == nil {
		return nil
	}
	return &agreedView{ID: a.ID, Date: string(a.Date), How: a.How, Notes: a.Notes, Agreements: len(plan.Agreements)}
}

// waiverView is case show's view of a supervisor's waiver, and its JSON
// contract: the intake's fields, each present ("" for an ID the waiver,
// written before waivers had IDs, lacks), and whether it counts on
// --today (record.Waiver.InEffectOn: a waiver counts from its date on).
type waiverView struct {
	ID       string `json:"id"`
	Rule     string `json:"rule"`
	By       string `json:"by"`
	Date     string `json:"date"`
	Reason   string `json:"reason"`
	InEffect bool   `json:"in_effect"`
}

// waiversOf is the intake's waivers as case show gives them on today,
// never nil.
func waiversOf(in *record.Intake, today record.Date) []waiverView {
	ws := []waiverView{}
	for _, w := range in.Waivers {
		ws = append(ws, waiverView{ID: w.ID, Rule: w.Rule, By: w.By, Date: string(w.Date), Reason: w.Reason, InEffect: w.InEffectOn(today)})
	}
	return ws
}

// closureView is case show's view of the closure in force, and its JSON
// contract: outcome.yaml's fields, each present ("" for an ID the
// closure, written before closures had IDs, lacks, and for no notes).
type closureView struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Reason string `json:"reason"`
	Notes  string `json:"notes"`
}

// closureOf is the closure of case c (rewound to today, casestate.AsOf)
// in force on today, as case show gives it; nil while the case is open.
func closureOf(c *casefile.Case, today time.Time) *closureView {
	cl := c.Outcome.ClosedOn(record.Date(today.Format(time.DateOnly)))
	if cl == nil {
		return nil
	}
	return &closureView{ID: cl.ID, Date: string(cl.Date), Reason: cl.Reason, Notes: cl.Notes}
}

// participationView is case show's view of WIOA participation, and its
// JSON contract.
type participationView struct {
	Date                string `json:"date"`                 // the participation date (PIRL 900); "" when none yet
	EligibleFrom        string `json:"eligible_from"`        // the first eligibility determination, or the opening date
	EligibilityRecorded bool   `json:"eligibility_recorded"` // false: it counts from the opening date
	LastService         string `json:"last_service"`         // the latest participation-causing service; "" when none
	ExitDate            string `json:"exit_date"`            // set when the participant has exited by the definition and no exit is recorded
	Exited              string `json:"exited"`               // the exit recorded (case exit, PIRL 901) by --today; "" when none
}

// newCaseShowView builds case show's view of case id on today from snap,
// with the findings validate reports for it. A case whose intake record
// could not be read cannot be shown.
func newCaseShowView(snap *casefile.Snapshot, findings []finding.Finding, id string, today time.Time) (*caseShowView, error) {
	c := snap.Case(id)
	if c == nil || c.Intake == nil {
		return nil, &InvalidError{Msg: fmt.Sprintf("cannot read the intake record of case %s", id)}
	}
	in := c.Intake
	then, st := casestate.ComputeThen(c, snap.Config, today)
	v := &caseShowView{
		ID: c.ID, Program: in.Program, Kind: st.Kind, Status: st.Status, Manager: st.Manager, Center: st.Center,
		Opened: string(in.Opened), Participant: in.Participant.Name, Reach: reachOf(in.Participant),
		ContactSchedule: scheduleOf(c.IEP), PlanAgreed: agreedOf(c.IEP),
		Phase: st.Phase, PhaseStart: string(st.PhaseStart), PhaseEnds: string(st.PhaseEnds), DaysLeft: st.DaysLeft, ExtensionUntil: string(st.ExtensionUntil),
		Notes: len(c.Notes), VoidedNotes: len(c.Voided), Contacts: st.Contacts, LastContact: string(st.LastContact),
		NextDue: caseDueJSON(st.Due, snap.Config), Waivers: waiversOf(in, record.Date(today.Format(time.DateOnly))), Findings: findings,
		intakeFile: c.File(layout.KindIntake), layoff: in.Layoff, state: st, today: today.Format(time.DateOnly),
		planToAgree: c.IEP != nil && (len(c.IEP.Goals) > 0 || len(c.IEP.Services) > 0),
		Cohort:      in.Cohort, cohort: snap.Cohorts[in.Cohort], imported: in.Imported, ReturningFrom: in.ReturningFrom,
	}
	if p := st.Participation; p != nil {
		v.Participation = &participationView{Date: string(p.Date), EligibleFrom: string(p.EligibleFrom), EligibilityRecorded: p.EligibleRecorded,
			LastService: string(p.LastService), ExitDate: string(p.ExitDate), Exited: string(then.Intake.Exited)}
	}
	v.PlacementStarts = string(st.PlacementStarts)
	if st.Phase == casestate.PhaseClosed {
		v.Closure = closureOf(then, today)
	}
	v.CaseConference = st.CaseConference
	if v.Findings == nil {
		v.Findings = []finding.Finding{}
	}
	v.programName = v.orMissing(in.Program, "the program's rules are not checked until it does")
	if p, ok := snap.Config.Programs[in.Program]; ok && p.Name != "" {
		v.programName = fmt.Sprintf("%s (%s)", p.Name, in.Program)
	}
	return v, nil
}

// orMissing is a value of the intake as the text shows it: the value, or,
// when the intake lacks it (a hand edit deleted the line), "missing
// (FILE names none)" with what that leaves undone, if anything. Said, not
// left blank: the schema finding below names the field, this says what
// the case lacks for it. The JSON keeps "", its contract.
func (v *caseShowView) orMissing(value, undone string) string {
	if value != "" {
		return value
	}
	if undone != "" {
		return fmt.Sprintf("missing (%s names none; %s)", v.intakeFile, undone)
	}
	return fmt.Sprintf("missing (%s names none)", v.intakeFile)
}

// caseDueJSON is a case's tickler items as due -o json writes them,
// never nil: manager_retired says whether the manager is retired from
// the roster of cfg.
func caseDueJSON(items []casestate.Due, cfg *record.Config) []dueOut {
	retired := map[string]bool{}
	for _, it := range items {
		if s, ok := cfg.StaffByID(it.Manager); ok {
			retired[it.Manager] = !s.IsActive()
		}
	}
	return dueJSON(items, retired)
}

// write prints the view as text, its long lines wrapped to a terminal
// width columns wide (0: not a terminal, nothing wraps; see hangLines).
func (v *caseShowView) write(out io.Writer, width int) {
	w := &hangLines{w: out, width: width}
	fmt.Fprintf(w, "%s\n", v.title())
	for _, l := range v.lines() {
		fmt.Fprintf(w, "%-13s %s\n", l.label+":", l.value)
	}
	if len(v.state.Due) > 0 {
		fmt.Fprintf(w, "\nNext due:\n")
		// A table: fitted by its own rule (display.AlignTo).
		writeDue(out, v.state.Due, width)
	}
	if len(v.Waivers) > 0 {
		// Who waived what, when and why, as the intake records it, so
		// that a supervisor need not open intake.yaml (waiver remove
		// takes one back by its ID or its rule). A table: fitted by
		// its own rule, the reason wrapped.
		fmt.Fprintf(w, "\nWaivers:\n")
		writeWaivers(out, v.Waivers, width)
	}
	// The store-wide warnings are not about the case: counted in one
	// line (the JSON lists them all, as validate -o json does).
	kept, storeWide := splitStoreWide(v.Findings)
	if len(kept) > 0 || len(storeWide) > 0 {
		fmt.Fprintf(w, "\nFindings:\n")
		for _, f := range kept {
			fmt.Fprintf(w, "  %s\n", f)
		}
		if line := storeWideLine(storeWide, "this case"); line != "" {
			fmt.Fprintf(w, "  (%s)\n", line)
		}
	}
}

// title is the case's first line: "Case ID: participant".
func (v *caseShowView) title() string {
	return fmt.Sprintf("Case %s: %s", v.ID, v.orMissing(v.Participant, ""))
}

// shownLine is one labelled line of what case show says of a case.
type shownLine struct{ label, value string }

// lines are the labelled lines case show says of the case under its
// title, in order: the text prints them under their labels, and the
// case file (-o md, html) is headed by them, so the two never disagree.
func (v *caseShowView) lines() []shownLine {
	var ls []shownLine
	add := func(label, format string, args ...any) {
		ls = append(ls, shownLine{label, fmt.Sprintf(format, args...)})
	}
	add("Program", "%s", v.programName)
	if v.Status == casestate.StatusNotOpened {
		// Before its opening the case was no case yet: no phase and
		// nothing due are shown, not the program's start.
		add("Status", "not opened yet on %s: it opens %s", v.today, v.Opened)
	} else {
		status := fmt.Sprintf("%s, opened %s", v.orMissing(v.Status, ""), v.orMissing(v.Opened, ""))
		if p := v.Participation; p != nil {
			status += ", " + participationWords(p)
		}
		add("Status", "%s", status)
	}
	manager := v.orMissing(v.Manager, "")
	if v.Center != "" {
		manager += ", " + v.Center
	}
	add("Manager", "%s", manager)
	if reach := v.Reach.words(); reach != "" {
		add("Reach", "%s", reach)
	}
	if cs := v.ContactSchedule; cs != nil {
		add("Schedule", "contact %s, agreed %s", cs.Words, cs.Agreed)
	}
	if a := v.PlanAgreed; a != nil {
		agreed := fmt.Sprintf("the participant agreed to the plan %s, %s", a.Date, a.How)
		if a.Agreements > 1 {
			agreed += fmt.Sprintf(" (the latest of %d agreements)", a.Agreements)
		}
		add("Agreed", "%s", agreed)
	} else if v.planToAgree {
		add("Agreed", "no agreement of the participant's to the plan on record (caseplan iep agree %s)", v.ID)
	}
	if l := v.layoff; l != nil {
		add("Layoff", "notice %s, layoff %s", v.orMissing(string(l.NoticeDate), ""), v.orMissing(string(l.LayoffDate), ""))
	}
	if v.Cohort != "" {
		cohort := v.Cohort
		if v.cohort != nil {
			cohort += ", " + v.cohort.Employer
		}
		if im := v.imported; im != nil {
			cohort += fmt.Sprintf("; imported from %s row %d", im.File, im.Row)
		}
		add("Cohort", "%s", cohort)
	}
	if v.ReturningFrom != "" {
		add("Period", "a new period of participation; the earlier one is case %s (TEGL 10-16)", v.ReturningFrom)
	}
	if v.Phase != "" {
		add("Phase", "%s", v.phaseWords())
	}
	if cl := v.Closure; cl != nil {
		// Why the case closed, beside the phase line's day: a monitor's
		// first question of a closed file, answered without outcome.yaml.
		closed := cl.Date + ", " + cl.Reason
		if cl.Notes != "" {
			closed += ": " + cl.Notes
		}
		add("Closed", "%s", closed)
	}
	if v.PlacementStarts != "" {
		add("Placement", "starts %s", v.PlacementStarts)
	}
	if p := v.Participation; p != nil {
		switch u := v.state.Participation; {
		case u != nil && u.UnderWay != "":
			// An open service counts as given every day (TEGL 10-16:
			// a service under way is no exit), so its date is today's:
			// said as what it is, with how to end it, else a customer
			// who stopped coming never reaches a potential exit.
			add("Last service", "under way since %s (plan service %s, no end recorded): it counts as given every day, so the case cannot exit; once it ends, record it: caseplan iep service end %s %s --date DATE", u.UnderWaySince, u.UnderWay, v.ID, u.UnderWay)
		case p.LastService != "":
			add("Last service", "%s (the last participation-causing service)", p.LastService)
		}
		if p.ExitDate != "" {
			add("Potential exit", "the exit date would be %s (TEGL 10-16); record it with caseplan case exit %s", p.ExitDate, v.ID)
		}
	}
	last := v.LastContact
	if last == "" {
		last = "none"
	}
	voided := ""
	if v.VoidedNotes > 0 {
		voided = fmt.Sprintf("; %d voided, not counted", v.VoidedNotes)
	}
	add("Notes", "%d (%s, last %s%s)", v.Notes, countOf(v.Contacts, "contact"), last, voided)
	if v.CaseConference == casestate.ConferenceToPlan {
		// 000 gives the conference no date: said, not put on the tickler.
		add("Conference", "the case conference is still to plan (000: explain its purpose; plan the date): caseplan iep step add %s --owner manager --text 'Case conference' --due DATE, or once held a case-conference note", v.ID)
	}
	return ls
}

// participationWords says the participation date (PIRL 900) and what it
// counts from: "participation 2026-03-05 (PIRL 900; eligible from
// 2026-03-04)", or, with no determination recorded, from the opening.
func participationWords(p *participationView) string {
	from := "eligible from " + p.EligibleFrom
	if !p.EligibilityRecorded {
		from = "counted from the opening: no eligibility determination is recorded"
	}
	if p.Date == "" {
		return "no participation yet (PIRL 900: a participation-causing service after eligibility; " + from + ")"
	}
	s := "participation " + p.Date + " (PIRL 900; " + from + ")"
	if p.Exited != "" {
		// The exit recorded, which the PIRL export's 901 and the
		// quarters after exit count from: a file review reads it here.
		s += ", exited " + p.Exited + " (PIRL 901)"
	}
	return s
}

// phaseLine says the phase, since when and until when: "work-security
// since 2026-05-01, ends 2026-07-30 (12 days left)".
func phaseLine(st casestate.State) string {
	s := st.Phase
	if st.PhaseStart != "" {
		s += " since " + string(st.PhaseStart)
	}
	if st.PhaseEnds == "" || st.DaysLeft == nil {
		return s
	}
	switch n := *st.DaysLeft; {
	case n < 0 && st.PhaseStart != "" && st.PhaseEnds < st.PhaseStart:
		// A phase that starts with the case but was over before it
		// opened: a post-employment participant who came to the
		// program after their 12 months had ended (003). It is where
		// the case stands, not a period still to run.
		return s + ", though it had ended on " + string(st.PhaseEnds) + ", before the case opened (" + countDays(-n) + " ago)"
	case n < 0:
		s += ", ended " + string(st.PhaseEnds) + " (" + countDays(-n) + " ago)"
	case n == 0:
		s += ", ends " + string(st.PhaseEnds) + " (its last day)"
	default:
		s += ", ends " + string(st.PhaseEnds) + " (" + countDays(n) + " left)"
	}
	// The days left are the period's, not the candidate's support: an
	// approved extension follows it (000).
	if st.ExtensionUntil != "" {
		s += "; then the approved extension, to " + string(st.ExtensionUntil)
	}
	return s
}

// phaseWords is the phase line of the text. The phase is computed from
// the intake's status and, for some phases, starts on its opening date: a
// hand edit that deleted either would otherwise show a phase the case may
// not be in (an open case's, for one that may be closed) or one with no
// start, so that is said instead, as orMissing says a missing value. The
// JSON keeps the phase computed, its contract.
func (v *caseShowView) phaseWords() string {
	if v.Status == "" {
		return "cannot be told: the status is " + v.orMissing("", "")
	}
	s := phaseLine(v.state)
	if v.Opened == "" && v.state.PhaseStart == "" && v.Phase != casestate.PhaseClosed {
		s += " since the opening, whose date is " + v.orMissing("", "")
	}
	if v.state.PhaseMovesOn != "" {
		// A phase behind the work recorded: casestate says what moves
		// it on, so that the line is not read as the case's standing.
		s += "; " + v.state.PhaseMovesOn
	}
	return s
}

// writeDue prints due items as an aligned block: date, when, kind,
// detail, the detail wrapped to a terminal width columns wide (0: none).
func writeDue(w io.Writer, items []casestate.Due, width int) {
	var rows [][]string
	for _, it := range items {
		rows = append(rows, []string{"  " + string(it.Due), tickler.When(it), it.Kind, it.Detail})
	}
	display.AlignTo(w, rows, width)
}

// writeWaivers prints a case's waivers as an aligned block: ID, rule,
// who, from when, the reason, the reason wrapped to a terminal width
// columns wide (0: none). A waiver dated after --today is said not to
// count yet.
func writeWaivers(w io.Writer, ws []waiverView, width int) {
	var rows [][]string
	for _, wv := range ws {
		from := "from " + dashIfEmpty(wv.Date)
		if !wv.InEffect {
			from += " (not yet)"
		}
		rows = append(rows, []string{"  " + dashIfEmpty(wv.ID), dashIfEmpty(wv.Rule), "by " + dashIfEmpty(wv.By), from, wv.Reason})
	}
	display.AlignTo(w, rows, width)
}

// hangLines passes case show's lines to w, each wrapped to a terminal
// width columns wide (display.Hang) with its continuation lines under
// the line's text: a labelled line's ("Conference:   ...") under the
// text after the label, a finding's ("  cases/...") two columns in from
// it. Width 0 passes every line as it is. Every write must end its line
// (the view writes whole lines, or a line in pieces ending in one).
type hangLines struct {
	w     io.Writer
	width int
	line  []byte // the line being written, until its end
}

func (h *hangLines) Write(p []byte) (int, error) {
	h.line = append(h.line, p...)
	for {
		end := bytes.IndexByte(h.line, '\n')
		if end < 0 {
			return len(p), nil
		}
		line := string(h.line[:end])
		h.line = h.line[end+1:]
		if _, err := io.WriteString(h.w, display.Hang(line, h.width, hangIndent(line))+"\n"); err != nil {
			return 0, err
		}
	}
}

// hangIndent is where a case show line's continuation starts: two
// columns in from an indented line's text, else under the text after
// its label ("Reach:        " is 14 columns; "Potential exit: " 16).
func hangIndent(line string) int {
	if lead := len(line) - len(strings.TrimLeft(line, " ")); lead > 0 {
		return lead + 2
	}
	if i := strings.Index(line, ": "); i >= 0 {
		rest := line[i+1:]
		return i + 1 + len(rest) - len(strings.TrimLeft(rest, " "))
	}
	return 0
}

// countDays writes a count of days: "1 day", "12 days".
func countDays(n int) string { return countOf(n, "day") }

// countOf writes a count of things whose plural adds an s: "1 contact",
// "0 contacts".
func countOf(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}
