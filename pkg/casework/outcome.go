package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// RequestExtension describes a request to extend a work security period
// (000): the Joint Work Security Committee decides it later (DecideExtension).
type RequestExtension struct {
	Case  string
	Date  time.Time // the day of the request
	Notes string

	// Evidence is set by Build: what the records show for 000's two
	// criteria over the period so far, for the command to print.
	Evidence ExtensionEvidence
}

// Build returns the change that records a pending extension in
// outcome.yaml and an extension note saying what the evidence showed.
func (r *RequestExtension) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, r.Case)
	if err != nil {
		return nil, err
	}
	if lc.programKind() != record.ProgramWorkSecurity {
		return nil, inputErrorf("", "case %s is in program %s; extensions are part of work security (document 000)", r.Case, lc.intake.Program)
	}
	if err := closedCase(lc.c, "an extension is requested while the job search goes on", "request it"); err != nil {
		return nil, err
	}
	if err := lc.outcomeReadable(); err != nil {
		return nil, err
	}
	period, ok := calendar.WorkSecurityPeriodOf(lc.c, s.Snapshot.Config)
	if !ok {
		return nil, inputErrorf("record notice_date and layoff_date in intake.yaml (caseplan edit "+r.Case+")", "case %s records no layoff date; the work security period starts on it", r.Case)
	}
	if r.Date.Before(period.Layoff) {
		return nil, inputErrorf(fmt.Sprintf("a request is taken from the layoff date on: type --date %s or later", date(period.Layoff)),
			"--date %s is before the layoff date %s; the work security period starts on the layoff date", date(r.Date), date(period.Layoff))
	}
	for _, e := range lc.outcome().Extensions {
		if pendingExtension(e) {
			return nil, inputErrorf("record the committee's decision with "+casestate.ExtensionDecideCommand(r.Case), "case %s already has an extension request pending (requested %s)", r.Case, e.Requested)
		}
	}
	if err := extendable(r.Case, period); err != nil {
		return nil, err
	}
	if err := requestInTime(r.Case, period, r.Date); err != nil {
		return nil, err
	}
	r.Evidence = calendar.WeighExtension(lc.c, calendar.ContactFor(lc.c, s.Snapshot.Config), period, r.Date)

	d := date(r.Date)
	ext := record.Extension{Requested: d, Decision: "pending", Notes: r.Notes}
	if ext.ID, err = s.newItemID(lc.c, record.PrefixExtension); err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	if files[lc.outcomePath()], err = lc.editOutcome(&record.Outcome{Extensions: []record.Extension{ext}}, appendInOrder(record.Outcome{}, []string{"extensions"}, ext)); err != nil {
		return nil, err
	}
	content := sentences("Requested an extension of the work security period from the Joint Work Security Committee.", r.Notes)
	note := record.Note{
		Date: d, Kind: "extension", Mode: "none", Content: content,
		Results: r.Evidence.Summary(),
		Plan:    "Record the committee's decision when it comes.",
	}
	if err := lc.addNote(files, note); err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{r.Case},
		Action:  "extension.request",
		Summary: "request an extension of the work security period",
		Files:   files,
		Notes:   lateRequest(r.Case, period, r.Date),
	}, nil
}

// lateRequest is what the command says of a request dated after the last
// day of the period it would extend: it is taken (000 sets the committee
// no deadline, and requestInTime refuses only one past the longest
// extension's reach), but the candidate has been extension-pending since
// the day after that last day, and the decision, due by it, is overdue on
// the tickler as soon as the request is recorded. A case manager recording
// it should learn that at once, not from the next due list. nil when the
// request is in time.
func lateRequest(caseID string, p calendar.WorkSecurityPeriod, day time.Time) []string {
	last := p.LastDay()
	if !day.After(last) {
		return nil
	}
	return []string{fmt.Sprintf("the request of %s was made after %s ended on %s; it is taken (document 000 sets the Joint Work Security Committee no deadline), but the candidate is extension-pending, neither extended nor separated, since %s, and the decision, due by %s, is already overdue on the tickler\n"+
		"hint: get the committee's decision soon and record it with %s",
		date(day), periodName(p), date(last), date(last.AddDate(0, 0, 1)), date(last), casestate.ExtensionDecideCommand(caseID))}
}

// periodName names the period p.LastDay ends: the approved extension,
// when one runs past the work security period, else that period.
func periodName(p calendar.WorkSecurityPeriod) string {
	if p.LastDay().After(p.End) {
		return "the approved extension"
	}
	return "the work security period"
}

func pendingExtension(e record.Extension) bool {
	return e.Decision == "" || e.Decision == "pending"
}

// DecideExtension records the Joint Work Security Committee's decision on
// the pending extension request (000).
type DecideExtension struct {
	Case     string
	Date     time.Time
	Approved bool
	Until    time.Time // approved: the extension's last day
	// UntilLength is --until as typed when it was a length of time (2m,
	// 60d, 60: IsLength) rather than the extension's last day: the
	// committee speaks in months (000: "up to three additional
	// months"), so the slip is a common one, and it is refused with the
	// day each reading of it gives (lengthHint), which only the case's
	// period knows.
	UntilLength string
	By          string // who decided, e.g. the Joint Work Security Committee
	Notes       string
}

// Build returns the change that decides the pending request in place in
// outcome.yaml and adds an extension note with the decision. The
// ws-extension rule checks the approved extension's end against the
// longest the program allows.
func (dx DecideExtension) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, dx.Case)
	if err != nil {
		return nil, err
	}
	if err := lc.outcomeReadable(); err != nil {
		return nil, err
	}
	// An extension continues the job search: one decided after the case
	// closed would extend a period that has ended for good, and an
	// approval would put its wages and benefits back on the record of a
	// closed case. A closing leaves its pending request as it was.
	if err := closedCase(lc.c, "an extension is decided while the job search goes on", "record the committee's decision if it stands"); err != nil {
		return nil, err
	}
	exts := lc.outcome().Extensions
	i := -1
	for j, e := range exts {
		if pendingExtension(e) {
			i = j // the latest, should a hand edit have left two
		}
	}
	if i < 0 {
		// Deciding again is the usual way here: say what was decided,
		// not only that nothing is pending.
		if n := len(exts); n > 0 && exts[n-1].Decided != "" {
			last := exts[n-1]
			return nil, inputErrorf("a decision is not changed; a new request is recorded with caseplan extension request "+dx.Case+" --date DATE",
				"case %s has no pending extension request: the request of %s was %s on %s by %s", dx.Case, last.Requested, last.Decision, last.Decided, last.By)
		}
		return nil, inputErrorf("record a request first with caseplan extension request "+dx.Case+" --date DATE", "case %s has no pending extension request", dx.Case)
	}
	e := exts[i]
	d := date(dx.Date)
	if e.Requested != "" && d < e.Requested {
		// The committee decides a request it has received: a date before
		// it is a slip (the meeting's date typed for another, or the
		// request's day mistyped), and the way out is the decision's day.
		return nil, inputErrorf(fmt.Sprintf("the committee decides after the request: type --date with the day of its decision, %s or later", e.Requested),
			"--date %s is before the request (%s)", d, e.Requested)
	}
	if strings.TrimSpace(dx.By) == "" {
		return nil, inputErrorf("only the Joint Work Security Committee may authorise an extension (document 000)", "say who decided with --by")
	}
	decision := "denied"
	allowed := "" // what --until may be, should the approval be refused
	if dx.Approved {
		decision = "approved"
		p, ok := calendar.WorkSecurityPeriodOf(lc.c, s.Snapshot.Config)
		if dx.UntilLength != "" {
			hint := "type --until DATE, the extension's last day, or --denied"
			if ok {
				hint = lengthHint(p, dx.UntilLength)
			}
			return nil, inputErrorf(hint, "--until %q: a length, not a date; --until takes the extension's last day, as YYYY-MM-DD", dx.UntilLength)
		}
		if dx.Until.IsZero() {
			hint := "type --until DATE, the extension's last day, or --denied"
			if ok {
				hint = untilHint(p)
			}
			return nil, inputErrorf(hint, "--approved needs --until, the extension's last day")
		}
		if ok {
			if err := untilExtends(p, dx.Until); err != nil {
				return nil, err
			}
			if dx.Until.After(p.Longest) {
				// The ws-extension rule refuses it (exit 1, as any
				// write whose result would be invalid): the refusal's
				// hint says how far an approval may go.
				allowed = untilHint(p)
			}
		}
	}
	at := func(key string) []string { return []string{"extensions", strconv.Itoa(i), key} }
	set := func(key string, v any) Edit { return setInOrder(record.Outcome{}, at(key), v) }
	edits := []Edit{set("decided", d), set("decision", decision)}
	if dx.Approved {
		edits = append(edits, set("until", date(dx.Until)))
	} else if e.Until != "" {
		edits = append(edits, deleteAt(at("until")))
	}
	edits = append(edits, set("by", dx.By))
	if dx.Notes != "" {
		edits = append(edits, set("notes", joinNotes(e.Notes, dx.Notes)))
	}
	files := map[string][]byte{}
	if files[lc.outcomePath()], err = s.EditRecord(lc.outcomePath(), nil, edits...); err != nil {
		return nil, err
	}
	content := fmt.Sprintf("The extension requested on %s was %s by %s", e.Requested, decision, dx.By)
	summary := "extension denied"
	if dx.Approved {
		content += fmt.Sprintf(": the work security period is extended until %s", date(dx.Until))
		summary = fmt.Sprintf("extension approved until %s", date(dx.Until))
	}
	content = sentences(content+".", dx.Notes)
	if err := lc.addNote(files, record.Note{Date: d, Kind: "extension", Mode: "none", Content: content}); err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{dx.Case},
		Action:  "extension.decide",
		Summary: summary,
		Files:   files,
		Allowed: allowed,
	}, nil
}

// extendable refuses a request that only a refusal could answer: the
// approved extension already reaches the longest the committee may
// approve (000: "up to three additional months"), so a further one
// could not be approved (untilExtends), and the request would only put a
// decision on the supervisor's list. A case manager learns it at the
// request, with the day the job search ends.
func extendable(caseID string, p calendar.WorkSecurityPeriod) error {
	last := p.LastDay()
	if p.Longest.After(last) {
		return nil
	}
	if !p.ExtendedUntil.After(p.End) {
		// A store whose extension_max_days is 0 allows none.
		return inputErrorf("", "case %s's program allows no extension of the work security period (its extension_max_days is 0)", caseID)
	}
	reach := "the longest"
	if last.After(p.Longest) {
		reach = fmt.Sprintf("past %s, the longest", date(p.Longest))
	}
	return inputErrorf(fmt.Sprintf("nothing is left to request: the job search ends on %s; without a placement by then, the candidate is separated from %s (record it then with caseplan case close %s --date DATE --reason separated)", date(last), date(last.AddDate(0, 0, 1)), caseID),
		"case %s's approved extension already runs to %s, %s the Joint Work Security Committee may approve (document 000: up to three additional months); a further extension cannot be approved", caseID, date(last), reach)
}

// requestInTime refuses a request dated after the last day even the
// longest extension could reach (000: "up to three months beyond the
// initial three month Work Security period"): an approval could extend
// nothing still to come, so, as for a request once an approval reaches
// the longest (extendable), only a refusal could answer it — and
// recording it would make a separated candidate extension-pending, with
// a decision on the supervisor's list that leads nowhere. A request made
// after the period ended but within that reach is taken: 000 sets the
// committee no deadline.
func requestInTime(caseID string, p calendar.WorkSecurityPeriod, day time.Time) error {
	if !day.After(p.Longest) {
		return nil
	}
	last := p.LastDay()
	return inputErrorf(fmt.Sprintf("nothing is left to request: %s ended on %s, and without a placement the candidate is separated from %s (record it with caseplan case close %s --date DATE --reason separated); a request made earlier is recorded with its own --date", periodName(p), date(last), date(last.AddDate(0, 0, 1)), caseID),
		"--date %s is past %s, the last day the longest extension the Joint Work Security Committee may approve could reach (document 000: up to three additional months); the committee could only refuse it", date(day), date(p.Longest))
}

// untilHint names the days an approval's --until may take: after the
// period's last day (an approved extension's end, if any) and on or
// before the longest extension's; once an approval reaches that, only a
// refusal is left.
func untilHint(p calendar.WorkSecurityPeriod) string {
	last := p.LastDay()
	if !p.Longest.After(last) {
		return fmt.Sprintf("the approved extension already reaches the longest the committee may approve (%s, document 000): record the decision with --denied", date(p.Longest))
	}
	return fmt.Sprintf("an approval ends after %s and on or before %s, the longest extension the committee may approve (document 000); type --until DATE between them, or --denied", date(last), date(p.Longest))
}

// lengthUnits are the units a length typed for --until may name, by what
// each is written as (2m, 2 months, 8w, 60d); a bare number names none.
var lengthUnits = map[string]string{
	"d": "day", "day": "day", "days": "day",
	"w": "week", "wk": "week", "wks": "week", "week": "week", "weeks": "week",
	"m": "month", "mo": "month", "mos": "month", "month": "month", "months": "month",
}

// IsLength reports whether v is a length of time typed where a date
// belongs (2m, +60d, 2 months, 60): a number of at most three digits,
// with or without a unit of lengthUnits.
func IsLength(v string) bool {
	_, _, ok := parseLength(v)
	return ok
}

// parseLength splits a length into its number and its unit ("" for a
// bare number).
func parseLength(v string) (n int, unit string, ok bool) {
	v = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(v), "+"))
	i := strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 {
		i = len(v)
	}
	if i == 0 || i > 3 {
		return 0, "", false
	}
	n, _ = strconv.Atoi(v[:i])
	rest := strings.TrimSpace(v[i:])
	if rest == "" {
		return n, "", n > 0
	}
	unit, ok = lengthUnits[rest]
	return n, unit, ok && n > 0
}

// lengthHint answers an --until typed as a length: each reading of it
// counted from the period's last day (a bare number as months, weeks or
// days) that the committee may approve, as the --until to type; the
// days --until may take when none is.
func lengthHint(p calendar.WorkSecurityPeriod, typed string) string {
	n, unit, _ := parseLength(typed)
	last := p.LastDay()
	units := []string{"month", "week", "day"}
	if unit != "" {
		units = []string{unit}
	}
	var readings []string
	for _, u := range units {
		var d time.Time
		switch u {
		case "month":
			d = last.AddDate(0, n, 0)
		case "week":
			d = last.AddDate(0, 0, 7*n)
		default:
			d = last.AddDate(0, 0, n)
		}
		if d.After(p.Longest) {
			continue
		}
		name := u
		if n != 1 {
			name += "s"
		}
		readings = append(readings, fmt.Sprintf("--until %s (%d %s)", date(d), n, name))
	}
	if len(readings) == 0 {
		return untilHint(p)
	}
	after := "the work security period's last day"
	if last.After(p.End) {
		after = "the approved extension's last day"
	}
	return fmt.Sprintf("counted from %s, %s: did you mean %s?", after, date(last), strings.Join(readings, " or "))
}

// sentences is text followed by more, a sentence typed by someone (a
// command's --notes): after a full stop, its first letter is a capital,
// so the two read as sentences; no other letter typed is changed.
func sentences(text, more string) string {
	more = strings.TrimSpace(more)
	if more == "" {
		return text
	}
	if strings.HasSuffix(text, ".") {
		r, n := utf8.DecodeRuneInString(more)
		more = string(unicode.ToUpper(r)) + more[n:]
	}
	return text + " " + more
}

// untilExtends refuses an approval that would not move the period's last
// day: one ending on or before the work security period's end, or on or
// before the end of an extension already approved (the period runs to the
// latest approved end, so a shorter approval would be recorded and change
// nothing). The hint names the days --until may take, or says that only a
// refusal is left when an approval already reaches the longest extension.
func untilExtends(p calendar.WorkSecurityPeriod, until time.Time) error {
	last := p.LastDay()
	if until.After(last) {
		return nil
	}
	what := fmt.Sprintf("the work security period, which ends on %s", date(p.End))
	if last.After(p.End) {
		what = fmt.Sprintf("the work security period, which an approved extension already runs to %s", date(last))
	}
	return inputErrorf(untilHint(p), "--until %s does not extend %s", date(until), what)
}

func deleteAt(path []string) Edit {
	return func(data []byte) ([]byte, error) { return yamledit.Delete(data, path) }
}

// joinNotes adds to what someone already wrote instead of replacing it.
func joinNotes(old, add string) string {
	if old == "" {
		return add
	}
	return old + "; " + add
}

// addNotes is had with add added after a "; " (joinNotes), for a field
// whose pieces each say what happened or was said — an entry's feedback,
// a team member's or a benefit's notes — so none is replaced without a
// word. ok is false when there is nothing to add: add is empty, or is
// already one of the pieces (the same update typed again).
func addNotes(had, add string) (notes string, ok bool) {
	add = strings.TrimSpace(add)
	if add == "" || slices.Contains(strings.Split(had, "; "), add) {
		return had, false
	}
	return joinNotes(had, add), true
}

// replacedNote is the change's note (Change.Notes) when an update
// replaces field of what, a free-text field that a later statement
// supersedes (a referral's outcome, a corrected permission's terms): what
// it read, as consent update's commit says what a corrected date was, so
// that what was recorded does not change without a word.
func replacedNote(what, field, had string) string {
	return fmt.Sprintf("%s: %s replaced (was %q)", what, field, had)
}

// SetPlacement records the job a participant was placed in. When a
// placement is already recorded, the new one corrects it: it is added with
// the ID of the one it supersedes, which stays on record (DESIGN.md §3),
// so a report about a past month reads the placement as it was known then.
type SetPlacement struct {
	Case      string
	Placement record.Placement
	Reason    string // why a correction is made; optional

	// Superseded is set by Build when the placement corrects one: its ID.
	Superseded string
}

// Build returns the change that adds the placement to outcome.yaml's
// placements.
func (sp *SetPlacement) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, sp.Case)
	if err != nil {
		return nil, err
	}
	if err := lc.outcomeReadable(); err != nil {
		return nil, err
	}
	p := sp.Placement
	if p.ID, err = s.newItemID(lc.c, record.PrefixPlacement); err != nil {
		return nil, err
	}
	o := lc.outcome()
	today := date(s.Today)
	switch {
	case p.Recorded == "":
		p.Recorded = today
	case !validDay(p.Recorded):
		return nil, inputErrorf("", "recorded date %q is not a date; use YYYY-MM-DD", p.Recorded)
	case p.Recorded > today:
		return nil, inputErrorf("give the day the offer was accepted, or leave --recorded out for today", "recorded date %s is after today (%s)", p.Recorded, today)
	}
	// The placement it corrects is the one in effect as the records stand
	// (with --recorded, the one entered late that it dates back).
	cur := o.PlacementOn(today)
	if p.Recorded < today {
		// A late entry from a paper file is dated the day the offer was
		// accepted (--recorded), so that the reports and case show of the
		// days since read the job as known then. It goes back past no
		// placement on record but the one it corrects (and what that one
		// corrected): the records of those days would change under it.
		if in := lc.c.Intake; in != nil && in.Opened != "" && p.Recorded < in.Opened {
			return nil, inputErrorf("give the day the offer was accepted, on or after "+string(in.Opened),
				"recorded date %s is before the case opened (%s)", p.Recorded, in.Opened)
		}
		all := o.AllPlacements()
		superseded := record.SupersededIn(all)
		for _, had := range all {
			if cur != nil && had.ID == cur.ID && had.Recorded == cur.Recorded || had.ID != "" && superseded[had.ID] {
				continue
			}
			if had.Recorded != "" && p.Recorded < had.Recorded {
				return nil, inputErrorf("give --recorded "+string(had.Recorded)+" or later, or leave it out for today",
					"the placement at %s is on record from %s; one recorded on %s would come before it", had.Employer, had.Recorded, p.Recorded)
			}
		}
	}
	var edits []Edit
	if cur != nil {
		id := cur.ID
		if id == "" {
			// The single placement of an older file has no ID: give it
			// one, so the correction can name it.
			if id, err = s.newItemID(lc.c, record.PrefixPlacement); err != nil {
				return nil, err
			}
			edits = append(edits, setInOrder(record.Outcome{}, []string{"placement", "id"}, id))
		}
		p.Supersedes, p.Reason, sp.Superseded = id, strings.TrimSpace(sp.Reason), id
	}
	edits = append(edits, appendInOrder(record.Outcome{}, []string{"placements"}, p))
	data, err := lc.editOutcome(&record.Outcome{Placements: []record.Placement{p}}, edits...)
	if err != nil {
		return nil, err
	}
	summary := fmt.Sprintf("record the placement: %s at %s from %s", p.Position, p.Employer, p.Start)
	if sp.Superseded != "" {
		summary = fmt.Sprintf("correct the placement %s: %s at %s from %s", sp.Superseded, p.Position, p.Employer, p.Start)
	}
	sp.Placement = p
	return &Change{
		Cases:   []string{sp.Case},
		Action:  "placement.set",
		Summary: summary,
		Files:   map[string][]byte{lc.outcomePath(): data},
		Output:  p.ID,
	}, nil
}

// FellThrough records that the job offer of the placement in effect fell
// through before the participant started it (the employer withdrew it,
// the start was cancelled). The placement is not removed — git history
// and reports about earlier days read it as it was known then — but from
// Date on no reader counts it (record.Outcome.PlacementOn): the case is
// not placed, the job search goes on, or a work-security candidate whose
// periods ended is separated after all (calendar.PlacementSecured).
type FellThrough struct {
	Case   string
	Date   record.Date // the day it fell through; empty: today
	Reason string

	// Placement is set by Build: the ID of the placement that fell through.
	Placement string
}

// Build returns the change that sets the placement's fell_through date and
// reason.
func (ft *FellThrough) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, ft.Case)
	if err != nil {
		return nil, err
	}
	if err := lc.outcomeReadable(); err != nil {
		return nil, err
	}
	when, today := ft.Date, date(s.Today)
	if when == "" {
		when = today
	}
	reason := strings.TrimSpace(ft.Reason)
	switch {
	case !validDay(when):
		return nil, inputErrorf("", "fell-through date %q is not a date; use YYYY-MM-DD", when)
	case when > today:
		return nil, inputErrorf("record it when it has happened, or give --today if the date is right", "fell-through date %s is after today (%s)", when, today)
	case reason == "":
		return nil, inputErrorf("say why, e.g. --reason \"the employer withdrew the offer\"", "an offer that fell through needs a --reason")
	}
	o := lc.outcome()
	pl := o.PlacementOn(when)
	if all := o.AllPlacements(); pl == nil && len(all) > 0 && all[len(all)-1].FellThrough != "" {
		last := all[len(all)-1]
		return nil, inputErrorf("record a new offer with caseplan placement set "+ft.Case+" --employer EMPLOYER --position TITLE --start DATE", "the offer at %s already fell through on %s", last.Employer, last.FellThrough)
	}
	if pl == nil {
		hint := "record an accepted offer with caseplan placement set " + ft.Case
		if cur := o.PlacementOn(maxDay); cur != nil && cur.Recorded > when {
			// An offer entered late, from a paper file, with the day of
			// its entry: placement set --recorded dates it back.
			hint = fmt.Sprintf("the offer at %s is recorded on %s; if it was accepted before %s (a late entry from a paper file), date it so: caseplan placement set %s --employer %q --position %q --start %s --recorded DATE --reason %q",
				cur.Employer, cur.Recorded, when, ft.Case, cur.Employer, cur.Position, cur.Start, "accepted on DATE (paper file)")
		}
		return nil, inputErrorf(hint, "case %s has no placement in effect on %s, so no offer can fall through", ft.Case, when)
	}
	switch {
	case when < pl.Recorded:
		return nil, inputErrorf("", "the offer at %s was recorded on %s; it cannot fall through before that (%s)", pl.Employer, pl.Recorded, when)
	case pl.Start < when:
		return nil, inputErrorf("if the start was put off, correct it with caseplan placement set "+ft.Case+" --employer E --position P --start DATE --reason TEXT; a job the participant started and then left stays a placement",
			"the placement at %s started on %s, before %s: only an offer that had not started can fall through; give the --date it fell through", pl.Employer, pl.Start, when)
	}
	if cur := o.PlacementOn(maxDay); cur == nil || cur.ID != pl.ID || cur.Employer != pl.Employer || cur.Start != pl.Start {
		return nil, inputErrorf("", "the placement at %s is no longer the one on record; a later record replaced it", pl.Employer)
	}
	path := []string{"placement"}
	if o.Placement == nil || pl.ID != o.Placement.ID {
		i := slices.IndexFunc(o.Placements, func(p record.Placement) bool { return p.ID == pl.ID })
		if pl.ID == "" || i < 0 {
			return nil, fmt.Errorf("internal error: placement %q of case %s not found in outcome.yaml", pl.ID, ft.Case)
		}
		path = []string{"placements", strconv.Itoa(i)}
	}
	data, err := lc.editOutcome(nil,
		setInOrder(record.Outcome{}, append(slices.Clone(path), "fell_through"), when),
		setInOrder(record.Outcome{}, append(slices.Clone(path), "fell_through_reason"), reason))
	if err != nil {
		return nil, err
	}
	ft.Placement = pl.ID
	name := pl.ID
	if name == "" {
		name = "the placement"
	}
	return &Change{
		Cases:   []string{ft.Case},
		Action:  "placement.fell-through",
		Summary: fmt.Sprintf("the offer %s at %s fell through on %s: %s", name, pl.Employer, when, reason),
		Files:   map[string][]byte{lc.outcomePath(): data},
		Output:  pl.ID,
	}, nil
}

const maxDay record.Date = "9999-12-31"

func validDay(d record.Date) bool { _, ok := d.Time(); return ok }

// AddFollowUp records a follow-up done after placement or exit (001, 002,
// 003). It is recorded in outcome.yaml only: the command cannot know how
// the follow-up happened (phone, visit, ...) or whether it was two-way, so
// it writes no note that the contact rules would then count; a follow-up
// worth a narrative gets one with caseplan note add --kind follow-up.
//
// After a WIOA exit a follow-up is also what the performance indicators
// read (TEGL 10-16): the quarter after exit it reports on (filled in from
// the exit date when Quarter is 0), unsubsidised employment, the employer
// and its FEIN or state tax ID, the quarter's earnings and the evidence.
type AddFollowUp struct {
	Case    string
	Date    time.Time // the day it was done
	Due     time.Time // zero: Date
	Quarter int       // the quarter after exit it reports on; 0: from the dates
	// QuarterTyped is --quarter as typed when it is not a quarter after
	// exit, 1 to 4: a calendar quarter (2026-Q4), a number out of range.
	// Build refuses it, saying which quarter after the case's exit it
	// is, which only the case's exit date can tell: a case manager reads
	// quarters as the calendar's, and a guess acted on would file the
	// outcome under another quarter.
	QuarterTyped string
	Employed     *bool
	Wage         *float64
	Notes        string

	Subsidized      bool
	Employer        string
	EmployerFEIN    string
	EmployerStateID string
	Earnings        *float64
	Evidence        string // one of record.EvidenceKinds, or ""
	EvidenceNote    string // the note recording the evidence; needed for a self-attestation
}

// Build returns the change that marks the follow-up due on Due done, when
// outcome.yaml plans one, or else appends a follow-up done on Date, with
// an ID of its own (FU-K7QX2). The output is the follow-up's ID (none for
// a planned follow-up written without one).
func (f AddFollowUp) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, f.Case)
	if err != nil {
		return nil, err
	}
	if err := lc.outcomeReadable(); err != nil {
		return nil, err
	}
	if err := f.checkEvidence(lc); err != nil {
		return nil, err
	}
	due := date(f.Due)
	if f.Due.IsZero() {
		due = date(f.Date)
	}
	done := date(f.Date)
	var edits []Edit
	var summary string
	planned := -1
	for i, fu := range lc.outcome().FollowUps {
		if fu.Due != due {
			continue
		}
		if fu.Done != "" {
			return nil, inputErrorf("correct it with caseplan edit "+f.Case+" outcome", "the follow-up due %s was already recorded as done on %s", due, fu.Done)
		}
		planned = i
	}
	fu := record.FollowUp{
		Due: due, Done: done, Quarter: f.Quarter, Employed: f.Employed, Subsidized: f.Subsidized,
		Employer: strings.TrimSpace(f.Employer), EmployerFEIN: f.EmployerFEIN, EmployerStateID: f.EmployerStateID,
		Wage: f.Wage, Earnings: f.Earnings, Evidence: f.Evidence, EvidenceNote: f.EvidenceNote, Notes: f.Notes,
	}
	if exit, ok := lc.intake.Exited.Time(); ok && fu.Quarter == 0 {
		if k, ok := calendar.FollowUpQuarter(fu, exit); ok {
			fu.Quarter = k
		}
	}
	output := ""
	if planned >= 0 {
		output = lc.outcome().FollowUps[planned].ID
		set := func(key string, v any) Edit {
			return setInOrder(record.Outcome{}, []string{"follow_ups", strconv.Itoa(planned), key}, v)
		}
		edits = append(edits, set("done", done))
		if fu.Quarter != 0 {
			edits = append(edits, set("quarter", fu.Quarter))
		}
		if f.Employed != nil {
			edits = append(edits, set("employed", *f.Employed))
		}
		if f.Subsidized {
			edits = append(edits, set("subsidized", true))
		}
		for _, kv := range []struct{ key, v string }{{"employer", fu.Employer}, {"employer_fein", fu.EmployerFEIN}, {"employer_state_id", fu.EmployerStateID}} {
			if kv.v != "" {
				edits = append(edits, set(kv.key, kv.v))
			}
		}
		if f.Wage != nil {
			edits = append(edits, set("wage", *f.Wage))
		}
		if f.Earnings != nil {
			edits = append(edits, set("earnings", *f.Earnings))
		}
		if f.Evidence != "" {
			edits = append(edits, set("evidence", f.Evidence))
		}
		if f.EvidenceNote != "" {
			edits = append(edits, set("evidence_note", f.EvidenceNote))
		}
		if f.Notes != "" {
			edits = append(edits, set("notes", joinNotes(lc.outcome().FollowUps[planned].Notes, f.Notes)))
		}
		summary = fmt.Sprintf("follow-up due %s done on %s", due, done)
	} else {
		if fu.ID, err = s.newItemID(lc.c, record.PrefixFollowUp); err != nil {
			return nil, err
		}
		output = fu.ID
		edits = append(edits, appendInOrder(record.Outcome{}, []string{"follow_ups"}, fu))
		summary = fmt.Sprintf("follow-up on %s", done)
	}
	if fu.Quarter != 0 {
		summary += fmt.Sprintf(" for the %s quarter after exit", calendar.Ordinal(fu.Quarter))
	}
	switch {
	case f.Employed == nil:
	case *f.Employed && f.Subsidized:
		summary += " (employed, subsidised)"
	case *f.Employed:
		summary += " (employed)"
	default:
		summary += " (not employed)"
	}
	data, err := lc.editOutcome(&record.Outcome{FollowUps: []record.FollowUp{fu}}, edits...)
	if err != nil {
		return nil, err
	}
	ch := &Change{
		Cases:   []string{f.Case},
		Action:  "followup.add",
		Summary: summary,
		Files:   map[string][]byte{lc.outcomePath(): data},
		Output:  output,
	}
	if n := f.unknownOutcome(lc, fu.Quarter, planned); n != "" {
		ch.Notes = append(ch.Notes, n)
	}
	return ch, nil
}

// unknownOutcome is the note for a follow-up of the k-th quarter after
// exit that says nothing of employment (an attempt with no answer, say):
// it is taken, and covers the quarter for the tickler and validate, but
// the outcome is still unknown, and the performance report lists it as
// missing (TEGL 10-16 measures the 2nd and 4th quarters). "" when the
// follow-up records an outcome, reports on no quarter after exit, or
// another follow-up of the quarter (not the planned one it completes)
// already records one.
func (f AddFollowUp) unknownOutcome(lc *lifecycleCase, k, planned int) string {
	exit, ok := lc.intake.Exited.Time()
	if f.Employed != nil || k < 1 || k > 4 || !ok {
		return ""
	}
	o := lc.outcome()
	for _, c := range calendar.FollowUpsFor(o, exit, k) {
		if c.Index != planned && o.FollowUps[c.Index].Employed != nil {
			return ""
		}
	}
	first, _ := calendar.QuarterAfterExit(exit, k)
	n := fmt.Sprintf("the follow-up records no outcome: whether %s was employed in the %s quarter after exit (%s) is still unknown", f.Case, calendar.Ordinal(k), calendar.QuarterName(first))
	if slices.Contains(calendar.FollowUpQuarters, k) {
		n += ", and the performance report lists it as a missing outcome until it is recorded"
	}
	return n + "\nhint: when it is learned, record it with " + calendar.FollowUpAddCommand(f.Case, k) + " --employed (or --not-employed)"
}

// checkEvidence refuses evidence the indicators could not use: a kind the
// schema does not know, a self-attestation without the dated note that
// records it (TEGL 10-16 accepts one only so documented), or a note the
// case does not have.
func (f AddFollowUp) checkEvidence(lc *lifecycleCase) error {
	if f.Evidence != "" && !slices.Contains(record.EvidenceKinds, f.Evidence) {
		return inputErrorf("", "evidence %q is not one of %s", f.Evidence, strings.Join(record.EvidenceKinds, ", "))
	}
	if f.Evidence == record.EvidenceSelfAttestation && f.EvidenceNote == "" {
		return inputErrorf("record the participant's statement in a dated note (caseplan note add), then name it with --evidence-note NOTE",
			"a self-attestation of employment needs the note that records it")
	}
	if f.EvidenceNote != "" && !slices.ContainsFunc(lc.c.Notes, func(n *record.Note) bool { return n.ID == f.EvidenceNote }) {
		return inputErrorf(NoteHint(lc.c, f.EvidenceNote, "caseplan note list "+f.Case+" shows the case's notes"), "case %s has no note %s", f.Case, f.EvidenceNote)
	}
	if f.QuarterTyped == "" && (f.Quarter < 0 || f.Quarter > 4) {
		f.QuarterTyped = strconv.Itoa(f.Quarter)
	}
	if f.QuarterTyped != "" {
		return quarterTypedError(f.Case, lc.intake.Exited, f.QuarterTyped)
	}
	return nil
}

// quarterTypedError refuses --quarter typed, which is not a quarter after
// exit (1 to 4), with a hint that says, from case caseID's exit, which
// quarter after it typed is (a calendar quarter: 2026-Q4, Q4) or which
// calendar quarter each --quarter is (TEGL 10-16: quarters after exit are
// the calendar quarters after the quarter of exit).
func quarterTypedError(caseID string, exited record.Date, typed string) error {
	typed = strings.TrimSpace(typed)
	year, q, isCalendar := calendar.ParseCalendarQuarter(typed)
	msg := fmt.Sprintf("--quarter %q: not a whole number; write the quarter after exit in digits, 1 to 4", typed)
	if n, err := strconv.Atoi(typed); err == nil {
		msg = fmt.Sprintf("--quarter %d: the quarters after exit WIOA measures are 1 to 4", n)
	} else if isCalendar {
		msg = fmt.Sprintf("--quarter %q is a calendar quarter: --quarter is the quarter after exit, 1 to 4", typed)
	}
	exit, ok := exited.Time()
	if !ok {
		return inputErrorf(fmt.Sprintf("--quarter counts the calendar quarters after the quarter of exit (TEGL 10-16), and %s records no exit yet: record it with caseplan case exit %s, or leave --quarter out", caseID, caseID), "%s", msg)
	}
	of := fmt.Sprintf("%s's exit on %s (%s)", caseID, exited, calendar.QuarterName(exit))
	var list []string
	for k := 1; k <= 4; k++ {
		first, _ := calendar.QuarterAfterExit(exit, k)
		list = append(list, fmt.Sprintf("%d is %s", k, calendar.QuarterName(first)))
	}
	quarters := "--quarter " + strings.Join(list, ", ")
	if !isCalendar {
		return inputErrorf("after "+of+", "+quarters, "%s", msg)
	}
	k := calendar.QuarterAfterExitOf(exit, year, q)
	first, _ := calendar.QuarterAfterExit(exit, k)
	name := calendar.QuarterName(first)
	var hint string
	switch {
	case year == 0:
		hint = fmt.Sprintf("of the quarters after %s, Q%d is %s, the %s: did you mean --quarter %d?", of, q, name, calendar.Ordinal(k), k)
	case k < 0:
		hint = fmt.Sprintf("%s is before %s: a follow-up reports on a quarter after it; %s", name, of, quarters)
	case k == 0:
		hint = fmt.Sprintf("%s is the quarter of %s, not a quarter after it; %s", name, of, quarters)
	case k > 4:
		hint = fmt.Sprintf("%s is the %s quarter after %s, past the four WIOA measures; %s", name, calendar.Ordinal(k), of, quarters)
	default:
		hint = fmt.Sprintf("%s is the %s quarter after %s: did you mean --quarter %d?", name, calendar.Ordinal(k), of, k)
	}
	return inputErrorf(hint, "%s", msg)
}
