package validate

import (
	"fmt"
	"sort"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// RuleReturning is the rule that holds a returning participant's case to
// the earlier period it names.
const RuleReturning = "wioa-returning-from"

// periodRules are checked across cases: a case's findings under them
// depend on another case's intake, so they are not a per-case rule (whose
// findings are kept by the case's files alone, pkg/casescan) but are
// computed from every case's Period after the cases are checked.
var periodRules = []*Rule{
	{
		ID: RuleReturning, Severity: finding.Error, Program: record.ProgramWIOA, Source: "TEGL 10-16",
		Summary: "a returning participant's case (intake returning_from) names an existing WIOA case whose exit was recorded before this case opened, that no other case continues, and the chain of periods does not loop: each period of participation is a case of its own, and one person's periods do not overlap",
	},
}

// Period is what the period-of-participation rule needs of one case:
// which case it continues, its program's kind, its opening and its exit.
// It is small and is kept with the case's findings (pkg/cli's check), so
// the rule can run over a whole store without reading it again.
type Period struct {
	Case          string      `json:"case"`
	ReturningFrom string      `json:"returning_from,omitempty"`
	Kind          string      `json:"kind,omitempty"` // the program's kind; "" when unknown
	Program       string      `json:"program,omitempty"`
	Opened        record.Date `json:"opened,omitempty"`
	Exited        record.Date `json:"exited,omitempty"`
	// Where intake.yaml has returning_from, for the findings.
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	// Where it has opened, for the finding that this case opened before
	// the earlier case's exit: of the two dates, that is the one this
	// case holds, and the one a person types wrong at case new (--opened).
	OpenedLine   int `json:"opened_line,omitempty"`
	OpenedColumn int `json:"opened_column,omitempty"`
	// Person is who the case serves, as duplicate-person compares open
	// cases (people.go): keyed hashes, never the name or contact; nil
	// when the case is not open or has no name.
	Person *Person `json:"person,omitempty"`
}

// PeriodOf returns c's Period; nil when its intake could not be read.
func PeriodOf(cfg *record.Config, c *casefile.Case) *Period {
	if c == nil || c.Intake == nil {
		return nil
	}
	// A Period is kept in the results cache, so it holds only values that
	// are what they should be — dates that are dates, a program the store
	// has, a case ID that can be one — never whatever a person typed in
	// their place, which may be an SSN (pii-ssn; the schema and the other
	// rules report such values, redacted).
	in := c.Intake
	p := &Period{Case: c.ID}
	if caseid.Check(in.ReturningFrom) == nil {
		p.ReturningFrom = in.ReturningFrom
	}
	if _, ok := in.Opened.Time(); ok {
		p.Opened = in.Opened
	}
	if _, ok := in.Exited.Time(); ok {
		p.Exited = in.Exited
	}
	if cfg != nil {
		if prog, ok := cfg.Programs[in.Program]; ok {
			p.Program, p.Kind = in.Program, prog.Kind
		}
	}
	if p.ReturningFrom != "" {
		p.File = c.File(layout.KindIntake)
		if d := c.Doc(p.File); d != nil {
			p.Line, p.Column = d.Position(Path("returning_from"))
			p.OpenedLine, p.OpenedColumn = d.Position(Path("opened"))
		}
	}
	p.Person = personOf(c, p.Program)
	return p
}

// PeriodFindings checks the returning_from of each period of check against
// the periods of the store (all: by case ID; a case absent from it does
// not exist or could not be read).
//
// One person's periods do not overlap (TEGL 10-16: a period ends with the
// exit, and a later one begins after it), so they form a chain: each case
// is continued by at most one later case. Two cases that name the same
// earlier case would be two periods after one exit, overlapping or one of
// them naming the wrong case; the one that opened later (then by ID) is
// reported, and told to name the other. Only the cases in all are
// compared: validate of the whole store, and the write guard (which reads
// the cases that name an earlier case a change concerns), see them all.
//
// opening are the cases a write is opening (case new): their intake is not
// written yet, so a finding tells how to run case new again rather than to
// edit a file that does not exist.
func PeriodFindings(check []*Period, all map[string]*Period, opening map[string]bool) []finding.Finding {
	var out []finding.Finding
	continuedBy := map[string]*Period{} // earlier case -> the first case that names it
	for _, q := range all {
		if q.ReturningFrom == "" || q.ReturningFrom == q.Case {
			continue
		}
		if first := continuedBy[q.ReturningFrom]; first == nil || opensBefore(q, first) {
			continuedBy[q.ReturningFrom] = q
		}
	}
	for _, p := range check {
		if p == nil || p.ReturningFrom == "" {
			continue
		}
		// naming is how the case's returning_from comes to name case c
		// instead, removing how it is dropped: an edit of its intake, or,
		// for a case being opened, case new run again.
		naming := func(string) string { return "caseplan edit " + p.Case + " intake" }
		removing := naming("")
		if opening[p.Case] {
			naming = func(c string) string { return "caseplan case new --returning-from " + c }
			removing = "caseplan case new again, without --returning-from"
		}
		reportAt := func(line, column int, format string, args ...any) {
			out = append(out, finding.Finding{
				Path: p.File, Line: line, Column: column, Severity: periodRules[0].Severity,
				Rule: RuleReturning, Message: fmt.Sprintf(format, args...), Case: p.Case,
			})
		}
		report := func(format string, args ...any) { reportAt(p.Line, p.Column, format, args...) }
		if p.Kind != record.ProgramWIOA {
			// A work-security candidate or post-employment participant
			// who comes back to the same program is served on their case
			// again (a closed one reopened: episodes, never removed) —
			// what the person who typed --returning-from came to do.
			again := ""
			if earlier := all[p.ReturningFrom]; earlier != nil && earlier.Case != p.Case && earlier.Program != "" && earlier.Program == p.Program {
				again = fmt.Sprintf("; a participant who comes back to %s is served on case %s again, reopened if it is closed: caseplan case reopen %s --date DATE --reason TEXT", p.Program, earlier.Case, earlier.Case)
			}
			report("returning_from %s: a new period of participation is WIOA's (TEGL 10-16), and this case's program%s is not a WIOA program; remove returning_from with %s%s", p.ReturningFrom, programWord(p), removing, again)
			continue
		}
		earlier := all[p.ReturningFrom]
		switch {
		case p.ReturningFrom == p.Case:
			report("returning_from names this case itself; name the case of the participant's earlier period, or remove it with %s", removing)
			continue
		case earlier == nil:
			report("returning_from %s: the store has no case %s (or its intake cannot be read); name the case of the participant's earlier period with %s", p.ReturningFrom, p.ReturningFrom, naming("CASE"))
			continue
		case earlier.Kind != record.ProgramWIOA:
			report("returning_from %s: that case's program%s is not a WIOA program, and only a WIOA exit ends a period of participation (TEGL 10-16); name the participant's earlier WIOA case with %s", p.ReturningFrom, programWord(earlier), naming("CASE"))
			continue
		case earlier.Exited == "":
			report("returning_from %s: that case has no exit recorded, so its period of participation has not ended (TEGL 10-16); record its exit with caseplan case exit %s, or record this case's services on %s itself", p.ReturningFrom, p.ReturningFrom, p.ReturningFrom)
			continue
		case p.Opened != "" && earlier.Exited >= p.Opened:
			// Reported on this case's opened line, not returning_from's:
			// the earlier case exists, is WIOA's and has exited, so the
			// likelier slip is the opening date (at case new, --opened,
			// which the refusal's hint then names); a wrong case is the
			// other, and the message says so.
			correct := "correct the dates with " + removing
			if opening[p.Case] {
				correct = fmt.Sprintf("open this case after that exit (--opened), name the participant's earlier case with --returning-from if it is not %s", p.ReturningFrom)
			}
			line, column := p.OpenedLine, p.OpenedColumn
			if line < 1 {
				line, column = p.Line, p.Column
			}
			reportAt(line, column, "returning_from %s: that case's exit, %s, is not before this case opened, %s; a new period of participation begins after the exit (TEGL 10-16): %s, or record the services on %s itself", p.ReturningFrom, earlier.Exited, p.Opened, correct, p.ReturningFrom)
			continue
		}
		if first := continuedBy[p.ReturningFrom]; first != nil && first.Case != p.Case {
			report("returning_from %s: case %s already continues that period (opened %s), and one person's periods of participation do not overlap (TEGL 10-16): name %s instead once its exit is recorded, with %s, or record this case's services on %s itself", p.ReturningFrom, first.Case, orUnknown(first.Opened), first.Case, naming(first.Case), first.Case)
			continue
		}
		if loop := chainLoop(p, all); loop != nil {
			report("returning_from makes a loop of periods (%s); the first period of participation names no earlier case: correct returning_from with %s", joinArrow(loop), naming("CASE"))
		}
	}
	return out
}

// chainLoop returns the case IDs from p back to where the chain of
// returning_from comes round again, when it does; nil when it ends.
func chainLoop(p *Period, all map[string]*Period) []string {
	seen := map[string]bool{}
	var path []string
	for q := p; q != nil; q = all[q.ReturningFrom] {
		path = append(path, q.Case)
		if seen[q.Case] {
			return path
		}
		seen[q.Case] = true
		if q.ReturningFrom == "" {
			return nil
		}
	}
	return nil
}

// opensBefore orders two cases that name the same earlier case: the one
// that opened first, then the lower ID; a case whose opening is not a date
// comes last.
func opensBefore(a, b *Period) bool {
	ao, bo := a.Opened, b.Opened
	if ao == "" {
		ao = "9999-99-99"
	}
	if bo == "" {
		bo = "9999-99-99"
	}
	if ao != bo {
		return ao < bo
	}
	return a.Case < b.Case
}

func orUnknown(d record.Date) string {
	if d == "" {
		return "on a date not recorded"
	}
	return string(d)
}

// programWord is " KEY" of p's program, or "" when the store has no such
// program (another rule reports it).
func programWord(p *Period) string {
	if p.Program == "" {
		return ""
	}
	return " " + p.Program
}

func joinArrow(ids []string) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += " → "
		}
		out += id
	}
	return out
}

// periodsOf returns the Periods of the snapshot's cases, and those of the
// cases their chains name that the snapshot does not hold, read with
// lookup (nil: none).
func periodsOf(snap *casefile.Snapshot, lookup func(id string) *casefile.Case) (check []*Period, all map[string]*Period) {
	all = map[string]*Period{}
	for _, c := range snap.Cases {
		if p := PeriodOf(snap.Config, c); p != nil {
			check = append(check, p)
			all[p.Case] = p
		}
	}
	ReadEarlier(snap.Config, all, lookup)
	sort.Slice(check, func(i, j int) bool { return check[i].Case < check[j].Case })
	return check, all
}

// ReadEarlier adds to all the Periods of the earlier cases that the
// chains of returning_from in all name and all does not hold, read with
// lookup (nil: none is read).
func ReadEarlier(cfg *record.Config, all map[string]*Period, lookup func(id string) *casefile.Case) {
	if lookup == nil {
		return
	}
	var missing []string
	for _, p := range all {
		missing = append(missing, p.ReturningFrom)
	}
	tried := map[string]bool{}
	for len(missing) > 0 {
		id := missing[len(missing)-1]
		missing = missing[:len(missing)-1]
		if id == "" || tried[id] || all[id] != nil {
			continue
		}
		tried[id] = true
		if p := PeriodOf(cfg, lookup(id)); p != nil {
			all[id] = p
			missing = append(missing, p.ReturningFrom)
		}
	}
}

// LookupIn returns an Options.Lookup that reads a case from src: nil when
// it is not there or cannot be read.
func LookupIn(src store.Source) func(id string) *casefile.Case {
	return func(id string) *casefile.Case {
		snap, _, err := store.Load(src, []string{id})
		if err != nil {
			return nil
		}
		return snap.Case(id)
	}
}
