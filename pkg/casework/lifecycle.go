package casework

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// CloseCase describes the closing of a case.
type CloseCase struct {
	Case   string
	Date   time.Time
	Reason string // one of record.ClosureReasons
	Notes  string
}

// Build returns the change that closes the case in one commit: the closure
// in outcome.yaml, status closed in intake.yaml (the case-status rule holds
// the two together) and a closure note for the case's narrative.
func (cl CloseCase) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, cl.Case)
	if err != nil {
		return nil, err
	}
	if err := checkClosureReason(cl.Reason); err != nil {
		return nil, err
	}
	// The program alone rules separated out, whatever the case's state.
	if cl.Reason == record.ClosureSeparated && lc.programKind() != record.ProgramWorkSecurity {
		return nil, cl.reasonRefused(s, lc, cl.otherReasons(s, lc))
	}
	// An intake that says closed while outcome.yaml records no closure in
	// effect (validate's case-status: a status set by hand) is mended by
	// recording the closure: the intake is right that the case closed,
	// outcome.yaml lacks the day and reason. Reopening it first, as for a
	// case closed on record, would add a reopening of no closure.
	mending := false
	if lc.intake.Status == "closed" {
		last := lc.c.Outcome.LatestClosure()
		if last == nil {
			mending = true
		} else {
			return nil, inputErrorf("reopen it first with caseplan case reopen "+cl.Case+" --date DATE --reason TEXT",
				"case %s is already closed (on %s, %s)", cl.Case, last.Date, last.Reason)
		}
	}
	if err := lc.outcomeReadable(); err != nil {
		return nil, err
	}
	d := date(cl.Date)
	if err := cl.reasonRefused(s, lc, cl.otherReasons(s, lc)); err != nil {
		return nil, err
	}
	if o := lc.c.Outcome; o != nil && len(o.Reopenings) > 0 {
		if last := o.Reopenings[len(o.Reopenings)-1]; d <= last.Date {
			// A reopening on a closure's day follows it (record.Outcome.Turns,
			// ClosedOn): a closure on the reopening's own day would be ended
			// by it, and the case left closed with no closure in effect.
			hint := ""
			if t, ok := last.Date.Time(); ok {
				hint = fmt.Sprintf("close it on %s or later: caseplan case close %s --date %s --reason %s", date(t.AddDate(0, 0, 1)), cl.Case, date(t.AddDate(0, 0, 1)), cl.Reason)
			}
			if d == last.Date {
				return nil, inputErrorf(hint, "case %s was reopened on %s; it cannot be closed again on that day (--date %s): a reopening on a closure's day counts as after it", cl.Case, last.Date, d)
			}
			return nil, inputErrorf(hint, "case %s was reopened on %s; it cannot be closed again before that (--date %s)", cl.Case, last.Date, d)
		}
	}
	// A closure is added, never replacing one: a case reopened and closed
	// again keeps both closures on record (DESIGN.md §3).
	closure := record.Closure{Date: d, Reason: cl.Reason, Notes: cl.Notes}
	if closure.ID, err = s.newItemID(lc.c, record.PrefixClosure); err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	if files[lc.outcomePath()], err = lc.editOutcome(&record.Outcome{Closures: []record.Closure{closure}}, appendInOrder(record.Outcome{}, []string{"closures"}, closure)); err != nil {
		return nil, err
	}
	if files[lc.intakePath()], err = s.EditRecord(lc.intakePath(), nil, Set([]string{"status"}, "closed")); err != nil {
		return nil, err
	}
	content := "Closed the case: " + closureReasonText(cl.Reason) + "."
	if cl.Notes != "" {
		content += " " + cl.Notes
	}
	if err := lc.addNote(files, record.Note{Date: d, Kind: "closure", Mode: "none", Content: content}); err != nil {
		return nil, err
	}
	summary := fmt.Sprintf("close the case (%s)", cl.Reason)
	if mending {
		summary = fmt.Sprintf("record the closure (%s) of a case its intake said was closed", cl.Reason)
	}
	return &Change{
		Cases:   []string{cl.Case},
		Action:  "case.close",
		Summary: summary,
		Files:   files,
	}, nil
}

// reasonRefused refuses cl's reason when the case cannot close for it on
// cl's day, the one place that knows which reasons fit a case on a day
// (fittingReasons asks it). others lists the reasons the case can take
// instead, for the hints that name them; it is called only when a hint
// needs it, so fittingReasons passes one that lists none.
func (cl CloseCase) reasonRefused(s *State, lc *lifecycleCase, others func() []string) error {
	d := date(cl.Date)
	if cl.Reason == record.ClosureSeparated && lc.programKind() != record.ProgramWorkSecurity {
		// 000's candidate separates at the end of the work security
		// period; a WIOA case ends with its exit (TEGL 10-16), and 003
		// serves a participant who loses a job with re-employment
		// services, not a closure.
		return inputErrorf("close it with another reason: "+strings.Join(others(), ", "),
			"case %s is not a work-security case: separated says the candidate separated at the end of the work security period (000)", cl.Case)
	}
	// A case closed as placed is counted as a placement by the reports
	// only through the placement itself: closing as placed without one
	// would leave a case "closed as placed" that no report counts.
	// A case is placed from the placement's start (record.PlacementFor):
	// one recorded to start after the closing date does not make it placed.
	if o := lc.outcome(); cl.Reason == "placed" && o.PlacementFor(record.Closure{Date: d}) == nil {
		if pl := o.PlacementOn("9999-12-31"); pl != nil {
			return inputErrorf("close it on or after the start (--date "+string(pl.Start)+"), or correct the start with caseplan placement set "+cl.Case+" --employer E --position P --start DATE --reason TEXT; or close it with another reason",
				"case %s's placement at %s starts on %s, after the closing date %s: the participant is placed from the start, so the case cannot be closed as placed before it", cl.Case, pl.Employer, pl.Start, d)
		}
		if all := o.AllPlacements(); len(all) > 0 && all[len(all)-1].FellThrough != "" {
			last := all[len(all)-1]
			return inputErrorf("record a new job with caseplan placement set "+cl.Case+" --employer E --position P --start DATE, then close the case; or close it with another reason",
				"case %s's offer at %s fell through on %s, so it cannot be closed as placed", cl.Case, last.Employer, last.FellThrough)
		}
		return inputErrorf("record the job first with caseplan placement set "+cl.Case+" --employer E --position P --start DATE, then close the case; or close it with another reason",
			"case %s has no placement on record, so it cannot be closed as placed", cl.Case)
	}
	// A work-security candidate with a placement secured before the
	// periods ended, or an extension request undecided, is not separated (calendar.PlacementSecured, as the
	// ws-separated rule reads it): the case closes as placed from the start.
	if cl.Reason == record.ClosureSeparated {
		if p, ok := calendar.WorkSecurityPeriodOf(lc.c, s.Snapshot.Config); ok {
			if pl := calendar.PlacementSecured(lc.c, p, cl.Date); pl != nil {
				return inputErrorf("close it as placed on or after the start (--reason placed --date "+string(pl.Start)+"); if the offer fell through, record it first with caseplan placement fell-through "+cl.Case+" --reason TEXT",
					"case %s's placement at %s (start %s) was on record by %s, the last day of the work security period: the candidate was not separated", cl.Case, pl.Employer, pl.Start, p.LastDay().Format(time.DateOnly))
			}
			// Nor is one whose extension request the joint committee has
			// yet to decide (calendar.StandingOf: extension-pending).
			if p.Pending {
				return inputErrorf("record the joint committee's decision first with caseplan extension decide "+cl.Case+" --date DATE (--approved --until DATE | --denied) --by WHO; once denied, the candidate is separated from "+p.LastDay().AddDate(0, 0, 1).Format(time.DateOnly),
					"case %s's extension request of %s awaits the joint committee's decision: the candidate is neither extended nor separated until it is decided", cl.Case, p.PendingRequested)
			}
		}
	}
	if cl.Reason == record.ClosureCompleted {
		return servicesCompleted(lc, s.Snapshot.Config, cl, others)
	}
	return nil
}

// otherReasons returns the reasons, other than cl's, that the case can
// close for on cl's day (fittingReasons), for a refusal's hint.
func (cl CloseCase) otherReasons(s *State, lc *lifecycleCase) func() []string {
	return func() []string {
		return slices.DeleteFunc(fittingReasons(s, lc, cl.Date), func(r string) bool { return r == cl.Reason })
	}
}

// fittingReasons are the closure reasons of the case's program
// (record.ClosureReasonsFor) that case close accepts on day: placed only
// with a placement started by then, completed only once the months of
// post-employment services are over, separated only for a work-security
// candidate not placed nor awaiting the joint committee. A refusal names
// them, so that the reason it offers is one the case can take.
func fittingReasons(s *State, lc *lifecycleCase, day time.Time) []string {
	none := func() []string { return nil }
	return slices.DeleteFunc(record.ClosureReasonsFor(lc.programKind()), func(r string) bool {
		return CloseCase{Case: lc.c.ID, Date: day, Reason: r}.reasonRefused(s, lc, none) != nil
	})
}

// servicesCompleted refuses to close a case as completed unless it is a
// post-employment case whose months of services after cash assistance
// ended (calendar.PostAssistanceEnd, as pe-post-assistance and the
// tickler count them) are over by the closing date. The other programs
// end otherwise: work security as placed or separated (000), WIOA with
// its exit (TEGL 10-16), which is no closure reason.
func servicesCompleted(lc *lifecycleCase, cfg *record.Config, cl CloseCase, others func() []string) error {
	if lc.programKind() != record.ProgramPostEmployment {
		return inputErrorf("close it with another reason: "+strings.Join(others(), ", "),
			"case %s is not a post-employment case: completed says its months of post-employment services after cash assistance ended are over (003)", cl.Case)
	}
	end, ok := calendar.PostAssistanceEnd(lc.c, cfg)
	if !ok {
		return inputErrorf("record the day cash assistance ended first with caseplan case set "+cl.Case+" --cash-assistance-ended DATE; or close it with another reason",
			"case %s records no end of cash assistance, so its months of post-employment services cannot be over (003: \"for 12 months following the loss of cash assistance\")", cl.Case)
	}
	if cl.Date.Before(end) {
		return inputErrorf("close it on or after "+end.Format(time.DateOnly)+" (--date), or now with another reason ("+strings.Join(others(), ", ")+")",
			"case %s's %d months of post-employment services after cash assistance ended (%s) run to %s, after the closing date %s: they are not completed yet",
			cl.Case, cfg.ProgramSetting(lc.intake.Program, record.SettingPostAssistanceMonths), lc.intake.CashAssistanceEnded, end.Format(time.DateOnly), date(cl.Date))
	}
	return nil
}

func checkClosureReason(reason string) error {
	if slices.Contains(record.ClosureReasons, reason) {
		return nil
	}
	return inputErrorf("", "closure reason %q is not one of %s", reason, strings.Join(record.ClosureReasons, ", "))
}

func closureReasonText(reason string) string {
	switch reason {
	case "placed":
		return "the participant was placed in a job"
	case record.ClosureSeparated:
		return "the participant separated at the end of the work security period"
	case record.ClosureCompleted:
		return "the months of post-employment services after cash assistance ended are over"
	case "withdrew":
		return "the participant withdrew from services"
	case "moved":
		return "the participant moved away"
	}
	return "other reason"
}

// ReopenCase describes the reopening of a closed case.
type ReopenCase struct {
	Case   string
	Date   time.Time
	Reason string
}

// Build returns the change that reopens the case: status open, a
// reopening added to outcome.yaml — the closure it ends stays on record, so
// a report about the month the case was closed gives the same figures
// after the reopening as before — and a note with the reason. The schema
// has no note kind for a reopening, so the note's kind is other.
func (r ReopenCase) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, r.Case)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(r.Reason) == "" {
		return nil, inputErrorf("say why with --reason", "a reopening needs a reason")
	}
	if lc.intake.Status != "closed" {
		if lc.intake.Exited != "" && lc.programKind() == record.ProgramWIOA {
			return nil, inputErrorf(newPeriodHint(r.Case), "case %s is not closed (status %s); it exited on %s", r.Case, lc.intake.Status, lc.intake.Exited)
		}
		return nil, inputErrorf("", "case %s is not closed (status %s)", r.Case, lc.intake.Status)
	}
	if err := lc.outcomeReadable(); err != nil {
		return nil, err
	}
	d := date(r.Date)
	was := ""
	if last := lc.c.Outcome.LatestClosure(); last != nil {
		if last.Date != "" && d < last.Date {
			// The date is most likely a slip (the year, a day typed for
			// the closing's): the hint gives the command to type again.
			return nil, inputErrorf(fmt.Sprintf("date the reopening on the day the case came back, on or after %s: caseplan case reopen %s --date DATE --reason TEXT", last.Date, r.Case),
				"case %s was closed on %s; it cannot be reopened before that (--date %s)", r.Case, last.Date, d)
		}
		was = fmt.Sprintf(" It had been closed on %s (%s).", last.Date, last.Reason)
	}
	files := map[string][]byte{}
	if files[lc.intakePath()], err = s.EditRecord(lc.intakePath(), nil, Set([]string{"status"}, "open")); err != nil {
		return nil, err
	}
	reopening := record.Reopening{Date: d, Reason: strings.TrimSpace(r.Reason)}
	if reopening.ID, err = s.newItemID(lc.c, record.PrefixReopening); err != nil {
		return nil, err
	}
	if files[lc.outcomePath()], err = lc.editOutcome(&record.Outcome{Reopenings: []record.Reopening{reopening}}, appendInOrder(record.Outcome{}, []string{"reopenings"}, reopening)); err != nil {
		return nil, err
	}
	note := record.Note{Date: d, Kind: "other", Mode: "none", Reason: r.Reason, Content: "Reopened the case." + was}
	if err := lc.addNote(files, note); err != nil {
		return nil, err
	}
	var hints []string
	if last := lc.c.Outcome.LatestClosure(); last != nil && last.Reason == "placed" && jobEnded(r.Reason) {
		if pl := lc.c.Outcome.PlacementFor(*last); pl != nil {
			hints = append(hints, fmt.Sprintf("case %s was closed as placed with %s (start %s): if that offer fell through before the start, record it with caseplan placement fell-through %s --date DATE --reason TEXT, so that no report counts the placement; a job the participant started and then lost stays a placement",
				r.Case, pl.Employer, pl.Start, r.Case))
		}
	}
	return &Change{
		Hints:  hints,
		Cases:  []string{r.Case},
		Action: "case.reopen",
		// The reason, as close gives its reason: caseplan log is where a
		// supervisor reads why a closed case came back.
		Summary: "reopen the case: " + planQuote(reopening.Reason),
		Files:   files,
	}, nil
}

// jobEndedWords are how a reopening's reason says the job ended, or
// that the offer fell through before the start — the very case the hint
// is for, in the words a case manager writes it: an offer withdrawn,
// rescinded, pulled or cancelled, a job never started.
var jobEndedWords = regexp.MustCompile(`(?i)\b((job|placement|position|employment|offer)( \w+)? (ended|fell through|(was |were |got )?(withdrawn|rescinded|pulled|cancell?ed|revoked)|is over)|laid off|lost (the |a |his |her |their |my )?(job|position|placement)|let go|fired|terminated|dismissed|(never|did not|didn't) start(ed)?( (the|a|his|her|their) (job|position|placement))?)\b`)

// jobEnded reports whether a reopening's reason says the job ended: on a
// case closed as placed, that may be an offer that fell through before
// the start, which placement fell-through records (a hint, never a
// refusal: the reason is free text, and a job started and lost stays a
// placement).
func jobEnded(reason string) bool { return jobEndedWords.MatchString(reason) }

// TransferCase describes the transfer of a case, and its IEP, to another
// designated counselor and perhaps another center (002).
type TransferCase struct {
	Case   string
	Date   time.Time // zero: today
	To     string    // staff id
	Center string    // "": the new manager's center, else the case's
	Reason string
}

// Build returns the change that transfers the case: the new manager (and
// center) in intake.yaml, a transfers entry saying who from and who to, and
// a transfer note. The IEP lives in the case's directory, so it moves with
// the case as 002 requires; nothing else is copied or rewritten.
func (t TransferCase) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, t.Case)
	if err != nil {
		return nil, err
	}
	to, err := t.newManager(s.Snapshot.Config, lc.intake.Center, lc.intake.Manager)
	if err != nil {
		return nil, err
	}
	// A case that opens after today cannot be handed on on any day: one
	// before its opening is before the case, one after today has not
	// happened. Said so, with the opening date to correct, rather than
	// left to validate's date-order or future-date on whichever --date
	// was tried. Its intake is not rewritten to fit: a past --today
	// would rewrite its history.
	if e := notOpened(lc.c, s.Today, "it cannot be handed on before it opens", "hand it on from that day on"); e != nil {
		return nil, e
	}
	if t.To == lc.intake.Manager {
		// Said twice, or meant as a move to another center: a transfer
		// always names a new manager (002: one designated counselor),
		// and the center comes with them or with --center.
		return nil, inputErrorf(fmt.Sprintf("caseplan case show %s shows its manager and center; to hand the case on, name another active member with --to (caseplan staff list shows the roster), and the new center, if any, with --center", t.Case), "%s is already the case's manager", t.To)
	}
	center := t.Center
	if center == "" {
		center = to.Center
	}
	if center == "" {
		center = lc.intake.Center
	}
	d := date(t.Date)
	if t.Date.IsZero() {
		d = date(s.Today)
	}
	tr := record.Transfer{Date: d, From: lc.intake.Manager, To: t.To, Reason: t.Reason}
	if tr.ID, err = s.newItemID(lc.c, record.PrefixTransfer); err != nil {
		return nil, err
	}
	if center != lc.intake.Center {
		tr.FromCenter, tr.ToCenter = lc.intake.Center, center
	}
	edits := []Edit{Set([]string{"manager"}, t.To)}
	if center != lc.intake.Center {
		edits = append(edits, setInOrder(record.Intake{}, []string{"center"}, center))
	}
	edits = append(edits, appendInOrder(record.Intake{}, []string{"transfers"}, tr))
	files := map[string][]byte{}
	if files[lc.intakePath()], err = s.EditRecord(lc.intakePath(), nil, edits...); err != nil {
		return nil, err
	}
	at := func(who, center string) string {
		if center == "" {
			return who
		}
		return who + " (" + center + ")"
	}
	content := fmt.Sprintf("Transferred the case and its Individual Employment Plan from %s to %s.", at(tr.From, tr.FromCenter), at(tr.To, tr.ToCenter))
	if err := lc.addNote(files, record.Note{Date: d, Kind: "transfer", Mode: "none", Reason: t.Reason, Content: content}); err != nil {
		return nil, err
	}
	after := *lc.intake
	after.Manager = t.To
	after.Transfers = append(slices.Clone(lc.intake.Transfers), tr)
	var notes []string
	if n := closedTransferred(lc.c); n != "" {
		notes = append(notes, n)
	}
	if n := backdatedTransfer(lc.c, &after, tr, s.Today); n != "" {
		notes = append(notes, n)
	}
	return &Change{
		Cases:   []string{t.Case},
		Action:  "case.transfer",
		Summary: fmt.Sprintf("transfer the case from %s to %s", tr.From, tr.To),
		Files:   files,
		// The case transferred, as a transfer of several lists them:
		// stdout reads the same whichever form was typed.
		Output: t.Case,
		Notes:  notes,
	}, nil
}

// closedTransferred says, of a case that is closed, that it is handed on
// closed and why that is allowed ("" for an open case): a closed case
// still has what is due on it (a WIOA case's follow-ups for 12 months
// after exit, 002) and its history to answer for, but is not handed on
// without a word, as a case meant to be open might be. A transfer does
// not change whether the case is closed, so the case before it says.
func closedTransferred(c *casefile.Case) string {
	cl := c.Outcome.LatestClosure()
	if cl == nil && c.Intake.Status != "closed" {
		return ""
	}
	since := ""
	if cl != nil {
		since = " (since " + string(cl.Date) + ", " + cl.Reason + ")"
	}
	return fmt.Sprintf("%s is closed%s: it is handed on closed, with what is still due on it, such as a WIOA case's follow-ups in the 12 months after exit (002); caseplan case reopen %s reopens it", c.ID, since, c.ID)
}

// backdatedTransfer says, of a transfer tr dated before notes its former
// manager wrote while the case was theirs, which notes those are and what
// was probably meant ("" when there are none). The notes stay: they
// record contacts that happened (002), committed while their author
// managed the case. But the transfer's date now says the case was no
// longer theirs then, which is how access reads a late entry
// (casestate.ManagedOn, by the transfers): a note they add for such a day
// is refused. A supervisor backdating a rebalancing is told so when it is
// written, not at the next late entry.
func backdatedTransfer(c *casefile.Case, afterIntake *record.Intake, tr record.Transfer, today time.Time) string {
	var after []string
	var last record.Date
	for _, n := range c.Notes {
		day, ok := n.Date.Time()
		if !ok || n.Author != tr.From || !casestate.ManagedOn(c.Intake, tr.From, day) || casestate.ManagedOn(afterIntake, tr.From, day) {
			continue
		}
		after = append(after, n.ID)
		last = n.Date
	}
	if len(after) == 0 {
		return ""
	}
	what, stay := "note "+after[0], "the note stays"
	if len(after) > 1 {
		what, stay = fmt.Sprintf("%d notes (%s)", len(after), display.ProseList(after)), "the notes stay"
	}
	meant := string(last) + " or later"
	if t, ok := last.Time(); ok && !today.Before(t) {
		meant += " (or today, " + string(date(today)) + ", without --date)"
	}
	return fmt.Sprintf("%s: the transfer is dated %s, before %s, which %s wrote while the case was theirs: %s, but from %s the case is %s's, so %s adds no late entry after that day"+
		"\nhint: if %s still had the case then, a transfer dated %s is probably what was meant: take this one out (git revert of its commit) and transfer the case again with that --date",
		c.ID, tr.Date, what, tr.From, stay, tr.Date, tr.To, tr.From, tr.From, meant)
}

// newManager checks what the transfer's flags give, the same whichever
// case it hands on (case transfer --from hands on many): a reason, a new
// manager who may manage a case, a center of the store's. It returns the
// new manager's roster entry. center and manager are the case's ("" for
// many cases, or the one they are handed on from): a refused --to names
// the other case managers of --center, else of center, else of the one
// refused.
func (t TransferCase) newManager(cfg *record.Config, center, manager string) (record.Staff, error) {
	if strings.TrimSpace(t.Reason) == "" {
		return record.Staff{}, inputErrorf("say why with --reason", "a transfer needs a reason")
	}
	to, ok := cfg.StaffByID(t.To)
	switch {
	case !ok:
		// The flag is named, as log --by names it: the ID alone does not
		// say which value was wrong.
		return to, inputErrorf(staffFlagHint(cfg, "--to", t.To, "caseplan staff list shows the roster; add them with caseplan staff add"), "--to %q is not on the staff roster", t.To)
	case !to.MayManage():
		return to, inputErrorf(managersHint(cfg, cmp.Or(t.Center, center, to.Center), manager, "the case"), "--to %s is no longer active on the staff roster", t.To)
	}
	return to, checkCenter(cfg, t.Center)
}

// managersHint names whom a case at center may be handed to instead of
// someone who may not manage it: the center's case managers, as the
// roster has them, but the case's own (manager); when the center has
// none, those of the other centers, with theirs (a center comes with its
// manager unless --center says otherwise). what is what is handed on:
// "the case", or "the cases" of a manager who leaves (the wioa-counselor
// refusal of their retirement names the same people).
func managersHint(cfg *record.Config, center, manager, what string) string {
	const roster = "caseplan staff list shows the roster"
	var here, all []string
	for _, m := range cfg.CaseManagers() {
		if m.ID == manager {
			continue
		}
		if center != "" && m.Center == center {
			here = append(here, m.ID)
			continue
		}
		if m.Center != "" {
			all = append(all, m.ID+" ("+m.Center+")")
		} else {
			all = append(all, m.ID)
		}
	}
	switch {
	case len(here) == 1:
		return fmt.Sprintf("the case manager of %s is %s: hand %s to them with --to %s (%s)", center, here[0], what, here[0], roster)
	case len(here) > 1:
		return fmt.Sprintf("the case managers of %s are %s: hand %s to one of them with --to (%s)", center, display.ProseList(here), what, roster)
	case len(all) == 0:
		return roster
	case center != "":
		return fmt.Sprintf("no other case manager is active at %s; those of the other centers are %s: hand %s to one of them with --to (%s)", center, display.ProseList(all), what, roster)
	}
	return fmt.Sprintf("the roster's case managers are %s: hand %s to one of them with --to (%s)", display.ProseList(all), what, roster)
}

// lifecycleCase is a case about to change, with its intake read: every
// lifecycle and outcome command starts from it.
type lifecycleCase struct {
	s      *State
	c      *casefile.Case
	intake *record.Intake
}

// openLifecycle finds the case and refuses when its intake record cannot
// be read: caseplan does not change a case whose intake a hand edit broke.
func openLifecycle(s *State, id string) (*lifecycleCase, error) {
	c := s.Snapshot.Case(id)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: id}
	}
	lc := &lifecycleCase{s: s, c: c, intake: c.Intake}
	if c.Intake == nil {
		return nil, lc.unreadable(lc.intakePath())
	}
	return lc, nil
}

func (lc *lifecycleCase) intakePath() string  { return layout.File(lc.c.ID, layout.KindIntake) }
func (lc *lifecycleCase) outcomePath() string { return layout.File(lc.c.ID, layout.KindOutcome) }

// programKind is the kind of the case's program ("" when unknown).
func (lc *lifecycleCase) programKind() string {
	if p, ok := lc.s.Snapshot.Config.Programs[lc.intake.Program]; ok {
		return p.Kind
	}
	return ""
}

// outcomeReadable refuses when outcome.yaml exists but cannot be read as
// an outcome record: caseplan does not add to a file it cannot read.
func (lc *lifecycleCase) outcomeReadable() error {
	if lc.c.Outcome == nil && lc.s.Exists(lc.outcomePath()) {
		return lc.unreadable(lc.outcomePath())
	}
	return nil
}

// outcome returns the case's outcome record, empty when it has none yet.
func (lc *lifecycleCase) outcome() *record.Outcome {
	if lc.c.Outcome != nil {
		return lc.c.Outcome
	}
	return &record.Outcome{}
}

// editOutcome applies edits to outcome.yaml, or writes fresh when the case
// has no outcome.yaml yet.
func (lc *lifecycleCase) editOutcome(fresh *record.Outcome, edits ...Edit) ([]byte, error) {
	p := lc.outcomePath()
	if _, err := lc.s.ReadFile(p); errors.Is(err, fs.ErrNotExist) {
		return record.Marshal(p, fresh)
	}
	return lc.s.EditRecord(p, nil, edits...)
}

// addNote adds a note written by the command to files. Its ID is assigned,
// and its author is the acting staff member, as for note add.
func (lc *lifecycleCase) addNote(files map[string][]byte, n record.Note) error {
	ch, err := AddNote{Case: lc.c.ID, Note: n}.Build(lc.s)
	if err != nil {
		return err
	}
	for p, data := range ch.Files {
		files[p] = data
	}
	return nil
}

// unreadable explains why the record file p cannot be changed.
func (lc *lifecycleCase) unreadable(p string) error {
	data, err := lc.s.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return inputErrorf("if it was deleted by mistake, restore it with git checkout -- "+p, "case %s has no %s, which every case starts with", lc.c.ID, p[len(lc.c.Dir)+1:])
	}
	return refuseUnreadable(p, lc.c.ID, data, err)
}
