package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/record"
)

// Caseload is the caseload report: the open cases of each case manager and
// program on a day, with what is overdue, for workload management (001:
// supervisors use caseload data to understand case managers' workloads).
// Its JSON form is the contract of caseplan report caseload -o json.
type Caseload struct {
	Report       string `json:"report"` // "caseload"
	AsOf         string `json:"as_of"`  // the day: phases, days left and overdue are as of it
	Organization string `json:"organization"`
	Commit       string `json:"commit"`
	Committed    string `json:"committed"`
	Caseplan     string `json:"caseplan"`     // the caseplan version that made the report
	Participants string `json:"participants"` // "initials", or "names" with --names
	// Manager, when set, is the case manager whose caseload alone the
	// report holds (AssembleManagerCaseload): every figure, the total
	// included, is theirs, none the office's.
	Manager  string            `json:"manager,omitempty"`
	Unread   []Unread          `json:"unread"` // records of the commit that could not be read, left out of every figure ([] when none)
	Total    Load              `json:"total"`
	Managers []CaseloadManager `json:"managers"`
	Programs []CaseloadProgram `json:"programs"`
	Cases    []CaseloadRow     `json:"cases"`
}

// Load is a count of open cases and of what is overdue on them.
type Load struct {
	Open            int `json:"open"`
	OverdueContacts int `json:"overdue_contacts"` // cases overdue for their program's contact
	OverdueItems    int `json:"overdue_items"`    // due items overdue, contacts included
	CasesOverdue    int `json:"cases_overdue"`    // cases with at least one overdue item
	// Phases counts the open cases by their phase on the day (casestate,
	// as case show names it), only the phases some case is in; a case
	// whose program caseplan.yaml does not know counts as PhaseUnknown.
	Phases map[string]int `json:"phases"`
}

// PhaseUnknown is the key Load.Phases counts a case under when its program
// is not in caseplan.yaml, so casestate gives it no phase.
const PhaseUnknown = "unknown"

func (l *Load) add(o Load) {
	l.Open += o.Open
	l.OverdueContacts += o.OverdueContacts
	l.OverdueItems += o.OverdueItems
	l.CasesOverdue += o.CasesOverdue
	for ph, n := range o.Phases {
		l.addPhase(ph, n)
	}
}

func (l *Load) addPhase(phase string, n int) {
	if l.Phases == nil {
		l.Phases = map[string]int{}
	}
	if phase == "" {
		phase = PhaseUnknown
	}
	l.Phases[phase] += n
}

// phaseOrder is the order the reports show phases in: casestate's, then
// PhaseUnknown; only those some open case is in.
func phaseOrder(total Load) []string {
	var out []string
	for _, ph := range append(slices.Clip(casestate.Phases), PhaseUnknown) {
		if total.Phases[ph] > 0 {
			out = append(out, ph)
		}
	}
	return out
}

// CaseloadManager is one case manager's open cases, in all and by program.
type CaseloadManager struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Retired is true when the roster says the manager has left
	// (active: false): their open cases are still theirs until handed
	// over (validate's manager-retired).
	Retired bool `json:"retired"`
	Load
	Programs []CaseloadProgram `json:"programs"` // only programs the manager has open cases in
}

// CaseloadProgram is the open cases of one program.
type CaseloadProgram struct {
	Program string `json:"program"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Load
}

// CaseloadRow is one open case.
type CaseloadRow struct {
	ID             string         `json:"id"`
	Participant    string         `json:"participant"`
	Manager        string         `json:"manager"`
	Program        string         `json:"program"`
	Phase          string         `json:"phase"`
	PhaseEnds      string         `json:"phase_ends"`
	DaysLeft       *int           `json:"days_left"`
	LastContact    string         `json:"last_contact"`
	OverdueItems   int            `json:"overdue_items"`
	ContactOverdue bool           `json:"contact_overdue"`
	NextDue        *casestate.Due `json:"next_due"` // the earliest due item; null when nothing is due
}

// BuildCaseload makes the caseload report for day from the records in
// snap, read at the commit src names.
func BuildCaseload(snap *casefile.Snapshot, day time.Time, src Source, names bool) *Caseload {
	var rows []CaseloadRow
	for _, c := range snap.Cases {
		if row, ok := CaseloadOf(c, snap.Config, day, names); ok {
			rows = append(rows, row)
		}
	}
	return AssembleCaseload(snap.Config, day, src, names, rows)
}

// CaseloadOf is one case's row of the caseload report for day; false when
// the case is not open on day (or unreadable). It depends only on the
// case's records, the settings, day and names, so a caller may keep it by
// those (pkg/casescan).
func CaseloadOf(c *casefile.Case, cfg *record.Config, day time.Time, names bool) (CaseloadRow, bool) {
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	l, ok := lifetimeOf(c)
	if !ok || !l.OpenAt(day) {
		return CaseloadRow{}, false
	}
	then, st := casestate.ComputeThen(c, cfg, day)
	row := CaseloadRow{
		ID: c.ID, Participant: participant(c.Intake.Participant.Name, names), Manager: then.Intake.Manager,
		Program: c.Intake.Program, Phase: st.Phase, PhaseEnds: string(st.PhaseEnds), DaysLeft: st.DaysLeft,
		LastContact: string(st.LastContact),
	}
	for _, d := range st.Due {
		if d.Overdue {
			row.OverdueItems++
			row.ContactOverdue = row.ContactOverdue || d.Kind == casestate.DueContact && d.ProgramOverdue()
		}
	}
	if len(st.Due) > 0 {
		d := st.Due[0]
		row.NextDue = &d
	}
	return row, true
}

// AssembleCaseload makes the caseload report for day from the rows of the
// cases open on it (CaseloadOf, in case ID order), with the settings cfg.
func AssembleCaseload(cfg *record.Config, day time.Time, src Source, names bool, rows []CaseloadRow) *Caseload {
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	r := &Caseload{
		Report: "caseload", AsOf: dateString(day), Commit: src.Commit,
		Committed: src.Committed.Format(time.RFC3339), Caseplan: src.Caseplan, Participants: shownAs(names), Unread: src.unread(),
		Managers: []CaseloadManager{}, Programs: []CaseloadProgram{}, Cases: []CaseloadRow{},
		Total: Load{Phases: map[string]int{}},
	}
	if cfg != nil {
		r.Organization = cfg.Organization
	}
	type key struct{ manager, program string }
	loads := map[key]*Load{}
	managers := map[string]*tally{} // for managerIDs and programKeys: which were seen
	programs := map[string]*tally{}
	for _, row := range rows {
		one := Load{Open: 1, OverdueItems: row.OverdueItems}
		if row.ContactOverdue {
			one.OverdueContacts = 1
		}
		if row.OverdueItems > 0 {
			one.CasesOverdue = 1
		}
		k := key{row.Manager, row.Program}
		if loads[k] == nil {
			loads[k] = &Load{}
		}
		loads[k].add(one)
		loads[k].addPhase(row.Phase, 1)
		get(managers, row.Manager)
		get(programs, row.Program)
		r.Total.add(one)
		r.Total.addPhase(row.Phase, 1)
		r.Cases = append(r.Cases, row)
	}
	ids := managerIDs(cfg, managers)
	// Rows follow the managers' sections: roster order, then by case ID.
	order := map[string]int{}
	for i, id := range ids {
		order[id] = i
	}
	slices.SortStableFunc(r.Cases, func(a, b CaseloadRow) int {
		if c := cmp.Compare(order[a.Manager], order[b.Manager]); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	pkeys := programKeys(cfg, programs)
	program := func(k string) CaseloadProgram {
		p := CaseloadProgram{Program: k, Load: Load{Phases: map[string]int{}}}
		if cfg != nil {
			p.Name, p.Kind = cfg.Programs[k].Name, cfg.Programs[k].Kind
		}
		return p
	}
	for _, id := range ids {
		m := caseloadManager(cfg, id)
		for _, k := range pkeys {
			if l := loads[key{id, k}]; l != nil {
				p := program(k)
				p.Load = *l
				m.Programs = append(m.Programs, p)
				m.Load.add(*l)
			}
		}
		r.Managers = append(r.Managers, m)
	}
	for _, k := range pkeys {
		p := program(k)
		for kk, l := range loads {
			if kk.program == k {
				p.Load.add(*l)
			}
		}
		r.Programs = append(r.Programs, p)
	}
	return r
}

// AssembleManagerCaseload makes the caseload report of one case manager,
// id, on day: of rows (as AssembleCaseload takes them) it keeps that
// manager's alone, so the programs, the phases and the total count their
// cases and no figure is the office's. The manager has their section even
// with no open case (a row of zeros, not an empty report), and a retired
// manager's caseload is reported as any other: it is the one to hand over.
func AssembleManagerCaseload(cfg *record.Config, day time.Time, src Source, names bool, rows []CaseloadRow, id string) *Caseload {
	var kept []CaseloadRow
	for _, row := range rows {
		if row.Manager == id {
			kept = append(kept, row)
		}
	}
	r := AssembleCaseload(cfg, day, src, names, kept)
	r.Manager = id
	// managerIDs lists every active case manager of the roster, with
	// open cases or not: only this one is asked for.
	r.Managers = slices.DeleteFunc(r.Managers, func(m CaseloadManager) bool { return m.ID != id })
	if len(r.Managers) == 0 {
		r.Managers = append(r.Managers, caseloadManager(cfg, id))
	}
	return r
}

// caseloadManager is manager id's section with nothing counted yet,
// named (and said retired) as the roster has them.
func caseloadManager(cfg *record.Config, id string) CaseloadManager {
	m := CaseloadManager{ID: id, Load: Load{Phases: map[string]int{}}, Programs: []CaseloadProgram{}}
	if s, ok := cfg.StaffByID(id); ok {
		m.Name, m.Retired = s.Name, !s.IsActive()
	}
	return m
}

// caseloadTitle is the report's title: whose caseload it is, with
// --manager, and the day.
func caseloadTitle(r *Caseload) string {
	if r.Manager == "" || len(r.Managers) == 0 {
		return "Caseload report as of " + r.AsOf
	}
	m := r.Managers[0]
	return "Caseload report of " + record.NameWithID(m.Name, m.ID, m.Retired) + " as of " + r.AsOf
}

// caseloadCommand is the command that makes the report again (with --at
// its commit, which provenance adds).
func caseloadCommand(r *Caseload) string {
	cmd := "caseplan report caseload --today " + r.AsOf
	if r.Manager != "" {
		cmd += " --manager " + display.ShellQuote(r.Manager)
	}
	return cmd
}
