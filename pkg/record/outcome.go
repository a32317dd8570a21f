package record

import (
	"slices"
	"strings"

	"github.com/caseplan/caseplan/schemas"
)

// Outcome is a case's extensions, placements, follow-ups, closures and
// reopenings, cases/<id>/outcome.yaml. Episodes are added, never removed
// (DESIGN.md §3): a reopening leaves the closure it ends on record, and a
// corrected placement leaves the one it supersedes, so a report about a
// past month gives the same figures whatever happens later.
//
// Placement and Closure are how caseplan recorded the first placement and
// closure before they became lists; they are read as the first of each
// (AllPlacements, AllClosures).
type Outcome struct {
	Extensions []Extension `yaml:"extensions,omitempty" json:"extensions,omitempty"`
	Placement  *Placement  `yaml:"placement,omitempty" json:"placement,omitempty"`
	Placements []Placement `yaml:"placements,omitempty" json:"placements,omitempty"`
	FollowUps  []FollowUp  `yaml:"follow_ups,omitempty" json:"follow_ups,omitempty"`

	// Credentials, SkillGains and Exclusions are what WIOA's performance
	// indicators read besides the follow-ups (TEGL 10-16; the PIRL,
	// ETA-9172): see credential.go.
	Credentials []Credential `yaml:"credentials,omitempty" json:"credentials,omitempty"`
	SkillGains  []SkillGain  `yaml:"skill_gains,omitempty" json:"skill_gains,omitempty"`
	Exclusions  []Exclusion  `yaml:"exclusions,omitempty" json:"exclusions,omitempty"`

	Closure    *Closure    `yaml:"closure,omitempty" json:"closure,omitempty"`
	Closures   []Closure   `yaml:"closures,omitempty" json:"closures,omitempty"`
	Reopenings []Reopening `yaml:"reopenings,omitempty" json:"reopenings,omitempty"`
}

// AllPlacements returns every placement on record, the legacy one first.
func (o *Outcome) AllPlacements() []Placement {
	if o == nil {
		return nil
	}
	if o.Placement == nil {
		return o.Placements
	}
	return append([]Placement{*o.Placement}, o.Placements...)
}

// AllClosures returns every closure on record, the legacy one first.
func (o *Outcome) AllClosures() []Closure {
	if o == nil {
		return nil
	}
	if o.Closure == nil {
		return o.Closures
	}
	return append([]Closure{*o.Closure}, o.Closures...)
}

// Reopening is the reopening of a closed case.
type Reopening struct {
	ID     string `yaml:"id,omitempty" json:"id,omitempty"` // RO-7QX2K; none on items written before they had IDs
	Date   Date   `yaml:"date" json:"date"`
	Reason string `yaml:"reason" json:"reason"`
}

// Extension is a request to extend the work security period, and its
// decision by the Joint Work Security Committee (000).
type Extension struct {
	ID        string `yaml:"id,omitempty" json:"id,omitempty"` // ER-7QX2K; none on items written before they had IDs
	Requested Date   `yaml:"requested" json:"requested"`
	Decided   Date   `yaml:"decided,omitempty" json:"decided,omitempty"`
	Decision  string `yaml:"decision,omitempty" json:"decision,omitempty"` // approved, denied or pending
	Until     Date   `yaml:"until,omitempty" json:"until,omitempty"`
	By        string `yaml:"by,omitempty" json:"by,omitempty"` // who authorised it
	Notes     string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Placement is the job the participant was placed in, or the correction
// of an earlier placement (Supersedes names it).
type Placement struct {
	ID       string   `yaml:"id,omitempty" json:"id,omitempty"` // PL-7QX2K; none on the legacy single placement
	Employer string   `yaml:"employer" json:"employer"`
	Position string   `yaml:"position" json:"position"`
	Start    Date     `yaml:"start" json:"start"`
	Wage     *float64 `yaml:"wage,omitempty" json:"wage,omitempty"`
	WageUnit string   `yaml:"wage_unit,omitempty" json:"wage_unit,omitempty"` // hour or year
	Hours    *float64 `yaml:"hours,omitempty" json:"hours,omitempty"`         // per week
	Internal *bool    `yaml:"internal,omitempty" json:"internal,omitempty"`
	// Recorded is the day the placement or its correction was recorded: a
	// report about an earlier day does not see it.
	Recorded   Date   `yaml:"recorded,omitempty" json:"recorded,omitempty"`
	Supersedes string `yaml:"supersedes,omitempty" json:"supersedes,omitempty"` // the ID of the placement it corrects
	Reason     string `yaml:"reason,omitempty" json:"reason,omitempty"`         // why a correction was made
	// FellThrough is the day the job offer fell through before the
	// participant started (the employer withdrew it, the start was
	// cancelled): from the end of that day the placement is no longer in
	// effect (PlacementOn). It stays on record, with FellThroughReason, so
	// a report about an earlier day still reads it as it was known then.
	FellThrough       Date   `yaml:"fell_through,omitempty" json:"fell_through,omitempty"`
	FellThroughReason string `yaml:"fell_through_reason,omitempty" json:"fell_through_reason,omitempty"`
}

// FellThroughBy reports whether the placement's offer had fallen through
// by the end of day.
func (p *Placement) FellThroughBy(day Date) bool {
	return p != nil && p.FellThrough != "" && p.FellThrough <= day
}

// FollowUp is one follow-up after placement or exit. After a WIOA exit it
// is also what the employment indicators read (TEGL 10-16; PIRL 1600-1618,
// 1703-1706): the quarter after exit it reports on, whether the person was
// in unsubsidised employment then, with which employer, the quarter's
// earnings and the evidence for them.
type FollowUp struct {
	ID   string `yaml:"id,omitempty" json:"id,omitempty"` // FU-7QX2K
	Due  Date   `yaml:"due" json:"due"`
	Done Date   `yaml:"done,omitempty" json:"done,omitempty"`
	// Quarter is the quarter after exit (1 to 4) the follow-up reports on;
	// 0 when it names none (calendar.FollowUpQuarter then reads it from
	// the dates).
	Quarter  int   `yaml:"quarter,omitempty" json:"quarter,omitempty"`
	Employed *bool `yaml:"employed,omitempty" json:"employed,omitempty"`
	// Subsidized marks employment paid for by a program (a transitional
	// job, subsidised work experience): WIOA counts only unsubsidised
	// employment.
	Subsidized      bool     `yaml:"subsidized,omitempty" json:"subsidized,omitempty"`
	Employer        string   `yaml:"employer,omitempty" json:"employer,omitempty"`
	EmployerFEIN    string   `yaml:"employer_fein,omitempty" json:"employer_fein,omitempty"`
	EmployerStateID string   `yaml:"employer_state_id,omitempty" json:"employer_state_id,omitempty"`
	Wage            *float64 `yaml:"wage,omitempty" json:"wage,omitempty"`
	Earnings        *float64 `yaml:"earnings,omitempty" json:"earnings,omitempty"` // the quarter's earnings, all employers
	Evidence        string   `yaml:"evidence,omitempty" json:"evidence,omitempty"` // one of EvidenceKinds
	EvidenceNote    string   `yaml:"evidence_note,omitempty" json:"evidence_note,omitempty"`
	Notes           string   `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Closure is the closing of a case.
type Closure struct {
	ID     string `yaml:"id,omitempty" json:"id,omitempty"` // CL-7QX2K; none on items written before they had IDs
	Date   Date   `yaml:"date" json:"date"`
	Reason string `yaml:"reason" json:"reason"` // placed, separated, completed, withdrew, moved or other
	Notes  string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// ClosureCompleted is the closure reason of a post-employment case whose
// months of services after cash assistance ended are over (003: "for 12
// months following the loss of cash assistance"); the outcome schema
// lists it with the other reasons.
const ClosureCompleted = "completed"

// ClosureSeparated is the closure reason of a work-security case whose
// period ended without a placement (000: the candidate separated at the
// end of the work security period); the outcome schema lists it with the
// other reasons.
const ClosureSeparated = "separated"

// ClosureReasons are the reasons a case may close for, as the outcome
// schema lists them.
var ClosureReasons = schemas.Enum("outcome", "closures", "[]", "reason")

// ClosureReasonsFor are the ClosureReasons that fit a program of kind, as
// case close accepts them and validate's closure-reason rule holds a hand
// edit to them: completed is post-employment's (003), separated work
// security's (000); the other programs end with neither. The kind
// decides, not the program's key: a store may name its programs as it
// likes (caseplan.yaml).
func ClosureReasonsFor(kind string) []string {
	return slices.DeleteFunc(slices.Clone(ClosureReasons), func(r string) bool {
		return r == ClosureCompleted && kind != ProgramPostEmployment ||
			r == ClosureSeparated && kind != ProgramWorkSecurity
	})
}

// PlacementOn returns the placement in effect as the records knew it at
// the end of day: of the placements recorded by then (one without a
// Recorded date counts from the start), the latest that no other one
// recorded by then supersedes. Its start may still be after day. Nil when
// there is none, or when that placement's offer had fallen through by
// then (FellThrough): a job that never began places nobody, and nothing
// earlier comes back into effect — a placement it superseded was a wrong
// record of the same offer.
//
// When the records of day hold no placement in effect (none recorded by
// then, or the offer on record had fallen through), a late entry counts:
// a job that had started by day, recorded after it (an office entering
// its paper files, a manager who records the job weeks after the start),
// is the placement of that day, as long as no record supersedes it. The
// records held no other job then, so no correction is overridden; without this a
// job entered after the month it started in would be counted in no
// monthly report at all, and its case read as unplaced on every day
// before the entry (TEGL 10-16 counts employment from the start, not from
// the day it was written down).
func (o *Outcome) PlacementOn(day Date) *Placement {
	var known []Placement
	for _, p := range o.AllPlacements() {
		if p.Recorded == "" || p.Recorded <= day {
			known = append(known, p)
		}
	}
	superseded := SupersededIn(known)
	for i := len(known) - 1; i >= 0; i-- {
		if known[i].ID == "" || !superseded[known[i].ID] {
			if known[i].FellThroughBy(day) {
				return o.lateEntryOn(day)
			}
			return &known[i]
		}
	}
	return o.lateEntryOn(day)
}

// SupersededIn returns the IDs of the placements a placement of ps
// corrects (supersedes): a placement a later record superseded was a
// wrong record of the same offer. Nil when none is.
func SupersededIn(ps []Placement) map[string]bool {
	var ids map[string]bool
	for _, p := range ps {
		if p.Supersedes != "" {
			if ids == nil {
				ids = map[string]bool{}
			}
			ids[p.Supersedes] = true
		}
	}
	return ids
}

// lateEntryOn returns the placement recorded after day that had started
// by day and that no record, of any day, supersedes (the latest such):
// PlacementOn's reading of a day whose job was written down later. Nil
// when there is none, or when it had fallen through by day.
func (o *Outcome) lateEntryOn(day Date) *Placement {
	all := o.AllPlacements()
	superseded := SupersededIn(all)
	for i := len(all) - 1; i >= 0; i-- {
		p := all[i]
		if p.Recorded == "" || p.Recorded <= day || p.ID != "" && superseded[p.ID] || p.Start == "" || p.Start > day {
			continue
		}
		if p.FellThroughBy(day) {
			return nil
		}
		return &p
	}
	return nil
}

// PlacedOn returns the placement in effect as the records knew it at the
// end of day, if it had started by then: nil when there was none, or the
// one on record starts later. It and PlacementFor are the one owner of
// "when does a placement count": the participant is placed from the
// placement's start, not from the day the job offer was recorded (a job
// accepted to start next month is on record, but is no entered
// employment before that day; TEGL 10-16 counts employment itself).
//
// A job the participant started and then lost stays a placement (the
// reports count it in the month it started, by PlacementOn), but it is no
// longer in force from the day it ended (JobEnded): the candidate is back
// in the search, or past it, not placed.
func (o *Outcome) PlacedOn(day Date) *Placement {
	p := startedBy(o.PlacementOn(day), day)
	if o.JobEnded(p, day) != "" {
		return nil
	}
	return p
}

// JobEnded returns the day the job of placement p ended, as the records
// stood at the end of day: the reopening, on or before day, of a case
// closed as placed on p (PlacementFor). A case closed as placed comes
// back because the job ended — a job kept needs no reopening, and an
// offer that fell through before the start is recorded as such
// (FellThrough) — so the reopening is the day the records know the job
// was over. A later closure as placed on p again (the reopening was a
// slip) puts it back in force. "" when p's job had not ended by day, or p
// is nil.
func (o *Outcome) JobEnded(p *Placement, day Date) Date {
	if o == nil || p == nil {
		return ""
	}
	closures := o.AllClosures()
	var ended Date
	placed := false // the closure in effect is one as placed on p
	for _, t := range o.Turns() {
		if t.Date > day {
			break
		}
		if !t.Reopening {
			cl := closures[t.Index]
			if placed = cl.Reason == "placed" && samePlacement(o.PlacementFor(cl), p); placed {
				ended = ""
			}
			continue
		}
		if placed {
			ended, placed = t.Date, false
		}
	}
	return ended
}

// samePlacement reports whether a and b are the same placement record.
func samePlacement(a, b *Placement) bool {
	return a != nil && b != nil && a.ID == b.ID && a.Employer == b.Employer && a.Start == b.Start
}

// PlacementFor returns the placement that makes closure cl one "as
// placed": the placement in effect as the records knew it until a
// reopening ended cl (a job found after that is the next episode's, and
// placement set records it as superseding the last) or, if none did, as
// they stand now (a closure dated back, a correction of the start), if it
// had started by cl's date. Nil otherwise.
func (o *Outcome) PlacementFor(cl Closure) *Placement {
	known := maxDate
	if o != nil {
		for _, r := range o.Reopenings {
			if r.Date > cl.Date && r.Date < known {
				known = r.Date
			}
		}
	}
	return startedBy(o.PlacementOn(known), cl.Date)
}

// startedBy returns p if it started on or before day, else nil.
func startedBy(p *Placement, day Date) *Placement {
	if p == nil {
		return nil
	}
	d, ok := day.Time()
	start, ok2 := p.Start.Time()
	if !ok || !ok2 || start.After(d) {
		return nil
	}
	return p
}

// maxDate is after every date: PlacementOn(maxDate) is the placement in
// effect as the records stand.
const maxDate Date = "9999-12-31"

// ClosedOn returns the closure in effect at the end of day: the latest
// closure dated on or before day that no reopening dated after it (and on
// or before day) ended. Nil when the case was open then. On one day, a
// reopening follows the closure it ends.
func (o *Outcome) ClosedOn(day Date) *Closure {
	if o == nil {
		return nil
	}
	var last *Closure
	for _, c := range o.AllClosures() {
		if c.Date <= day && (last == nil || c.Date >= last.Date) {
			c := c
			last = &c
		}
	}
	if last == nil {
		return nil
	}
	for _, r := range o.Reopenings {
		if r.Date >= last.Date && r.Date <= day {
			return nil
		}
	}
	return last
}

// ClosedBefore returns the closure in force at the end of day that was
// made before day: work dated day came after the case was closed and
// before any reopening. Nil when the case was open on day, or closed on
// day itself — what happened on the closing day is part of the episode
// it closes. The write commands (casework) and validate's
// closed-case-work both ask it.
func (o *Outcome) ClosedBefore(day Date) *Closure {
	if cl := o.ClosedOn(day); cl != nil && cl.Date < day {
		return cl
	}
	return nil
}

// DatedBetween says whether the closure is dated after after and before
// before, each bound left out when "": case list --closed-after and
// --closed-before, the closings of a month for a supervisor's review and
// the cases whose retention may have run for the records review (2 CFR
// 200.334). Both bounds are excluded, as --closed-before has always
// excluded its day. The closure asked is the one in force on a day
// (ClosedOn): a closing ended by a reopening is no case's closing.
func (c Closure) DatedBetween(after, before Date) bool {
	return (after == "" || c.Date > after) && (before == "" || c.Date < before)
}

// ClosingBetween returns the latest closure dated after after and before
// before (each bound left out when "", both excluded, as DatedBetween)
// and on or before day, whether or not a reopening has ended it since:
// case list --closed-after, a supervisor's review of a month's closings,
// which asks what was closed in the month, not what is closed now (a
// case closed on the 5th and reopened on the 20th was still closed in
// the month, for a reason the review reads). ReopeningAfter says whether
// a reopening ended it. Nil when no closure is dated so.
func (o *Outcome) ClosingBetween(after, before, day Date) *Closure {
	var last *Closure
	for _, c := range o.AllClosures() {
		if c.Date <= day && c.DatedBetween(after, before) && (last == nil || c.Date >= last.Date) {
			c := c
			last = &c
		}
	}
	return last
}

// ReopeningAfter returns the date of the first reopening on or after
// cl's date — the one that ended cl — and "" when none has.
func (o *Outcome) ReopeningAfter(cl Closure) Date {
	var at Date
	if o == nil {
		return at
	}
	for _, r := range o.Reopenings {
		if r.Date >= cl.Date && (at == "" || r.Date < at) {
			at = r.Date
		}
	}
	return at
}

// LatestClosure returns the closure in effect whatever the day: the
// latest closure not ended by a later reopening.
func (o *Outcome) LatestClosure() *Closure { return o.ClosedOn("9999-12-31") }

// ReopenedBy returns the index in Reopenings of the latest reopening on or
// before day, and false when the case was never reopened by then (or o is
// nil). A contact interval counts from it when no contact came after it:
// the case manager could not be in contact while the case was closed.
func (o *Outcome) ReopenedBy(day Date) (int, bool) {
	if o == nil {
		return -1, false
	}
	at := -1
	for i, r := range o.Reopenings {
		if r.Date != "" && r.Date <= day && (at < 0 || r.Date >= o.Reopenings[at].Date) {
			at = i
		}
	}
	return at, at >= 0
}

// Turn is one closure or reopening of a case, in the order of its
// episodes (Turns).
type Turn struct {
	Reopening bool // a reopening; else a closure
	// Index is the item's place in AllClosures (for a closure) or in
	// Reopenings.
	Index int
	Date  Date
}

// Turns returns a case's closures and reopenings in date order, a
// closure before a reopening of the same day (the reopening ends it, as
// ClosedOn reads them), else in the record's order. A case's episodes
// alternate: a closure, the reopening that ends it, the next closure, ...
// (DESIGN.md, outcome.yaml: closures and reopenings are episodes).
func (o *Outcome) Turns() []Turn {
	if o == nil {
		return nil
	}
	var out []Turn
	for i, c := range o.AllClosures() {
		out = append(out, Turn{Index: i, Date: c.Date})
	}
	for i, r := range o.Reopenings {
		out = append(out, Turn{Reopening: true, Index: i, Date: r.Date})
	}
	slices.SortStableFunc(out, func(a, b Turn) int {
		if a.Date != b.Date {
			return strings.Compare(string(a.Date), string(b.Date))
		}
		switch {
		case a.Reopening == b.Reopening:
			return 0
		case a.Reopening:
			return 1
		}
		return -1
	})
	return out
}

// OutOfTurn returns the closures and reopenings that break the
// alternation of a case's episodes, each with the one before it in
// Turns (prev; Index -1 when there is none): a closure after a closure
// that no reopening ended (one episode closed twice, as two clones that
// each closed the case leave it), a reopening after a reopening with no
// closure between, or a reopening before the first closure.
func (o *Outcome) OutOfTurn() (turns, prev []Turn) {
	last := Turn{Reopening: true, Index: -1} // an open case reopens nothing
	for _, t := range o.Turns() {
		if t.Reopening == last.Reopening {
			turns, prev = append(turns, t), append(prev, last)
		}
		last = t
	}
	return turns, prev
}

// ClosesEpisode reports whether closure i of AllClosures closes an
// episode: every closure does but one followed by another with no
// reopening between (one episode closed twice, OutOfTurn), where the
// later is the one in effect, as ClosedOn reads it. The reports count a
// case's closures by it, once per episode.
func (o *Outcome) ClosesEpisode(i int) bool {
	turns, prev := o.OutOfTurn()
	for j, t := range turns {
		if !t.Reopening && !prev[j].Reopening && prev[j].Index == i {
			return false
		}
	}
	return true
}

// ReopensEpisode reports whether reopening i of Reopenings reopens a
// closed episode: every reopening does but one after another with no
// closure between, or one before the first closure (OutOfTurn), which
// reopen a case already open. The earlier of two in a row is the one
// that counts: the case is open from it, as ClosedOn reads it. The
// reports count a case's reopenings by it, once per episode, as they
// count its closures by ClosesEpisode.
func (o *Outcome) ReopensEpisode(i int) bool {
	turns, _ := o.OutOfTurn()
	for _, t := range turns {
		if t.Reopening && t.Index == i {
			return false
		}
	}
	return true
}
