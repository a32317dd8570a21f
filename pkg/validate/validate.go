// Package validate checks a loaded store: every file against its JSON
// Schema, the cases' cross-file integrity, and the rules of each case's
// program. It returns every finding at once, each with file:line:col.
package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
	"go.yaml.in/yaml/v3"
)

// RuleSchema is the rule ID of every finding that comes from a schema.
const RuleSchema = "schema"

// Options are the inputs of a validation run besides the records.
type Options struct {
	Schemas *schemas.Validator
	Today   time.Time // the date that date rules use; its time of day is ignored
	// Progress, when set, is called after each case is checked, so a
	// long run can say how far it has come.
	Progress func()
	// Lookup, when set, reads a case the snapshot does not hold, for the
	// rules that look across cases (a returning participant's earlier
	// period, wioa-returning-from); nil when there is none. Without it
	// those rules see only the snapshot's cases.
	Lookup func(id string) *casefile.Case
	// Opening are the cases the write being checked opens (case new):
	// their files are not written yet, so a finding's remedy is to run
	// the command again, not to edit them.
	Opening map[string]bool
	// SealedCase says that some case of the store has sealed fields, for
	// a check whose snapshot does not hold the cases (a whole-store scan
	// reads them one at a time): the roster-age-recipient rule applies
	// only to a store that keeps sealed fields.
	SealedCase bool
	// AnySealed, when set, says whether some case of the store, not only
	// those the snapshot holds, has sealed fields (SealedIn): a check of
	// some cases then reports roster-age-recipient as a whole-store check
	// does. It is asked only when the answer matters (an active
	// supervisor with no age recipient, and no case read is sealed).
	AnySealed func() (bool, error)
}

// Run validates snap. loaded are the findings the loader already made
// (unreadable files and the like); they are kept, and the store's rule
// settings apply to them as to every other finding.
func Run(snap *casefile.Snapshot, loaded []finding.Finding, opt Options) []finding.Finding {
	opt.Today = calendar.Day(opt.Today)
	out := append([]finding.Finding(nil), loaded...)
	out = append(out, ConfigFindings(snap, opt)...)
	for _, c := range snap.Cases {
		out = append(out, Case(snap, c, opt)...)
		if opt.Progress != nil {
			opt.Progress()
		}
	}
	check, all := periodsOf(snap, opt.Lookup)
	out = append(out, PeriodFindings(check, all, opt.Opening)...)
	out = append(out, PersonFindings(check, opt.Today)...)
	return Finish(snap.Config, out)
}

// ConfigFindings checks what is not a case: the store settings file (its
// schema, the store-wide rules about the settings) and the store-level
// records (cohorts, import rules).
func ConfigFindings(snap *casefile.Snapshot, opt Options) []finding.Finding {
	if snap.ConfigDoc == nil {
		return redact(snap.Config, storeRecordFindings(snap, opt))
	}
	out := schemaFindings(opt.Schemas, snap.ConfigDoc, "")
	sealedCase := opt.SealedCase || slices.ContainsFunc(snap.Cases, func(c *casefile.Case) bool { return c.Sealed != nil && c.Sealed.Ciphertext })
	seals := StoreSeals(snap.Config, sealedCase)
	if !seals && opt.AnySealed != nil && snap.Config != nil && slices.ContainsFunc(snap.Config.Staff, func(s record.Staff) bool { return UnsealedSupervisor(s) != "" }) {
		var err error
		if seals, err = opt.AnySealed(); err != nil {
			// Reported as the loader reports a file it cannot read: an
			// unread directory is not a store without sealed fields, and
			// roster-age-recipient, which asks, would pass in silence.
			out = append(out, finding.Finding{Path: layout.CasesDir, Severity: finding.Error, Rule: store.RuleUnreadable,
				Message: fmt.Sprintf("cannot read: %v; whether a case keeps sealed fields, which roster-age-recipient asks, is not known", err)})
		}
	}
	out = append(out, storeFindings(snap.Config, snap.ConfigDoc, seals)...)
	return redact(snap.Config, append(out, storeRecordFindings(snap, opt)...))
}

// Case checks one case — its files against their schemas, then the rules
// of its program — with what store holds besides cases (the settings, the
// cohorts). Its findings depend only on the case's files, those and
// opt.Today, so they can be kept by those (pkg/casescan). The store's rule
// settings are applied by Finish.
func Case(store *casefile.Snapshot, c *casefile.Case, opt Options) []finding.Finding {
	// A rule counts whole days from today's date (a contact is overdue
	// once its last day is before today): a clock time in Today would
	// make it a day early.
	opt.Today = calendar.Day(opt.Today)
	cfg := store.Config
	var out []finding.Finding
	for _, d := range c.Docs {
		out = append(out, schemaFindings(opt.Schemas, d, c.ID)...)
	}
	// While a file of the case cannot be read (the loader said why),
	// only the Local rules are checked: the others would judge the case
	// by records missing only from what was read (no closure, no
	// contact). They wait for it, and a warning says so: the case is not
	// fully checked, which its supervisor must know.
	unread := len(c.Unread) > 0
	ctx := &Context{Config: cfg, Today: opt.Today, Case: c, Contact: calendar.ContactFor(c, cfg), Cohorts: store.Cohorts}
	for _, r := range Rules {
		if r.check == nil || !ctx.applies(r) || unread && !r.Local {
			continue
		}
		ctx.rule = r
		r.check(ctx)
	}
	out = append(out, waive(c, opt.Today, ctx.found)...)
	if unread {
		out = append(out, checksWaiting(c))
	}
	return redact(cfg, out)
}

// RuleChecksWaiting is the warning that a case's rules other than the
// Local ones wait until its unread files read.
const RuleChecksWaiting = "checks-waiting"

// checksWaitingRule is a warning, not an error: the unread file already
// has its error (yaml-syntax, field-type, ...), and a second one would
// count the same fault twice; but the case is not fully checked, and the
// warning counts it so the supervisor knows. It is no obligation
// (Completeness), so no waiver sets it aside: it ends when the file reads.
// A store may still turn it off or make it an error (caseplan.yaml rules:).
var checksWaitingRule = &Rule{
	ID: RuleChecksWaiting, Severity: finding.Warning,
	Summary: "one warning per case with a record file that cannot be read (broken YAML, a value of the wrong type, ...): the case is not fully checked, as its program rules and the rules that read across its files wait until it reads, rather than judge the case by what is missing from what was read; the rules about each value read (schema, leak guard, IDs, staff, service codes, dates after today) are still checked",
}

// checksWaiting is the warning that c's rules other than the Local ones
// were not checked, naming the files they wait for.
func checksWaiting(c *casefile.Case) finding.Finding {
	files := slices.Clone(c.Unread)
	slices.Sort(files)
	reads, it, says := "reads", "it", "as its finding says"
	if len(files) > 1 {
		reads, it, says = "read", "them", "as their findings say"
	}
	return finding.Finding{
		Path: c.Dir, Severity: finding.Warning, Rule: RuleChecksWaiting, Case: c.ID,
		Message: fmt.Sprintf("the program rules and the rules across the case's files (contacts, closures, references, ...) wait until %s %s: without %s they would judge the case by what is missing from what was read; fix %s %s",
			strings.Join(files, ", "), reads, it, it, says),
	}
}

// Finish applies the store's rule settings (caseplan.yaml rules:) to every
// finding of a run and sorts them.
func Finish(cfg *record.Config, found []finding.Finding) []finding.Finding {
	found = redact(cfg, applySettings(cfg, found))
	found = dropRepeated(found)
	finding.Sort(found)
	return found
}

// redact masks every SSN-shaped number the findings' messages quote (a
// value that is not a date, a program or a staff id; a line that does not
// parse; a field's name), by the store's patterns: a finding is printed,
// by CI too, and a case's findings are kept in the results cache
// (.git/caseplan/cache), so a message repeating one would be one more
// copy of what the leak guard refuses to store (pii-ssn).
func redact(cfg *record.Config, found []finding.Finding) []finding.Finding {
	g, _ := Guard(cfg)
	return finding.Redact(found, g.Redact)
}

// dropRepeated leaves out a schema finding about the very value that a
// loader's field-type finding is about: both say that the value has the
// wrong type, and the field-type one also marks the record as not read
// (store.NotRead), so it is the one kept.
func dropRepeated(found []finding.Finding) []finding.Finding {
	type at struct {
		path      string
		line, col int
	}
	decoded := map[at]bool{}
	for _, f := range found {
		if f.Rule == store.RuleDecode && f.Line > 0 {
			decoded[at{f.Path, f.Line, f.Column}] = true
		}
	}
	if len(decoded) == 0 {
		return found
	}
	out := found[:0]
	for _, f := range found {
		if f.Rule == RuleSchema && decoded[at{f.Path, f.Line, f.Column}] && strings.Contains(f.Message, ": must be ") {
			continue
		}
		out = append(out, f)
	}
	return out
}

// schemaFindings validates one document against the schema of its kind.
func schemaFindings(v *schemas.Validator, d *load.Document, caseID string) []finding.Finding {
	kind, ok := layout.KindOf(d.Path)
	if !ok {
		return nil
	}
	var out []finding.Finding
	for _, e := range v.ValidateNode(kind, d.Root, d.Value) {
		var line, col int
		if e.Key {
			line, col = d.KeyPosition(e.Path)
		} else {
			line, col = d.Position(e.Path)
		}
		hint := e.Hint
		if n := d.Node(e.Path...); e.Quote && n != nil && n.Kind == yaml.ScalarNode && len(e.Path) > 0 {
			// The text as typed: the value read has lost a grade's or
			// a ZIP code's leading zero (054 is 54).
			typed := e.Path[len(e.Path)-1] + ": " + strconv.Quote(n.Value)
			if _, err := strconv.Atoi(e.Path[len(e.Path)-1]); err == nil {
				typed = "- " + strconv.Quote(n.Value) // a list's item
			}
			hint = "put the value in quotes, as typed, to keep it as text: " + typed
		}
		out = append(out, finding.Finding{
			Path: d.Path, Line: line, Column: col, Severity: finding.Error,
			Rule: RuleSchema, Message: e.Message, Hint: hint, Case: caseID, FileLevel: true,
		})
	}
	return out
}

// waive applies the case's waivers (DESIGN.md §4): a supervisor may waive
// an obligation, a waivable rule (Rule.CanWaive), for the case, with a reason. Its
// findings are still shown, as warnings that say who waived them and why,
// and no longer fail CI; of a rule with an EventDay, only those of events
// on or before the waiver's date, both days valid: dates compared as
// strings only in YYYY-MM-DD, since "2026-03-9" would sort after
// "2026-03-10", and an undated visit is not known to precede the waiver
// (schema reports the bad date). A waiver counts from its date on
// (record.Intake.WaiverOn): validate with an earlier --today shows the
// finding as it stood then. A waiver of any other rule waives nothing (the
// waiver rule reports it).
func waive(c *casefile.Case, today time.Time, found []finding.Finding) []finding.Finding {
	if c.Intake == nil || len(c.Intake.Waivers) == 0 {
		return found
	}
	day := dayOf(today)
	for i, f := range found {
		if !IsWaivable(f.Rule) {
			continue
		}
		if w, ok := c.Intake.WaiverOn(f.Rule, day); ok {
			if r := RuleByID(f.Rule); r.EventDay != nil {
				if d, ok := r.EventDay(c, f); !ok || !validDate(w.Date) || d > w.Date {
					continue
				}
			}
			found[i].Severity = finding.Warning
			found[i].Message += fmt.Sprintf(" (waived by %s on %s: %s)", w.By, w.Date, w.Reason)
			found[i].Waived = true
			found[i].WaiverReason = w.Reason
		}
	}
	return found
}

// dayOf is today as a record date; empty when today is unset.
func dayOf(today time.Time) record.Date {
	if today.IsZero() {
		return ""
	}
	return record.Date(today.Format(record.DateLayout))
}

// applySettings turns rules off or changes their severity as the store's
// caseplan.yaml says.
func applySettings(cfg *record.Config, fs []finding.Finding) []finding.Finding {
	if cfg == nil || len(cfg.Rules) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		sev, enabled := Setting(cfg, f.Rule, f.Severity)
		if !enabled {
			continue
		}
		f.Severity = sev
		out = append(out, f)
	}
	return out
}

// Setting returns the severity a store gives the rule id, whose built-in
// severity is def, and whether the rule is on: caseplan.yaml's rules: may
// turn a rule off or change its severity. cfg may be nil: the built-in
// settings then apply.
func Setting(cfg *record.Config, id string, def finding.Severity) (sev finding.Severity, enabled bool) {
	sev = def
	if cfg == nil {
		return sev, true
	}
	if s, ok := cfg.Rules[id]; ok && s.Severity != "" {
		sev = finding.Severity(s.Severity)
	}
	return sev, !cfg.RuleOff(id)
}

// Context is what a rule sees of one case, and where it reports.
type Context struct {
	Config  *record.Config
	Today   time.Time
	Case    *casefile.Case
	Contact calendar.Contact          // what the case's program counts as a contact
	Cohorts map[string]*record.Cohort // the store's cohorts by ID (nil: unreadable)

	rule  *Rule
	found []finding.Finding
	// search is searchOver's answer for the case, asked by two rules
	// (ws-checkin-late, ws-activity-tracker-late): found once.
	search *searchMemo
}

// Program returns the case's program settings and kind ("" when the
// program is unknown or the intake unreadable).
func (x *Context) Program() (key, kind string) {
	if x.Case.Intake == nil || x.Config == nil {
		return "", ""
	}
	key = x.Case.Intake.Program
	if p, ok := x.Config.Programs[key]; ok {
		return key, p.Kind
	}
	return key, ""
}

// Setting returns an integer setting of the case's program, with the
// documents' default when the store leaves it unset.
func (x *Context) Setting(name string) int {
	key, _ := x.Program()
	return x.Config.ProgramSetting(key, name)
}

func (x *Context) applies(r *Rule) bool {
	if r.Program == "" {
		return true
	}
	_, kind := x.Program()
	return kind == r.Program
}

// Report records a finding of the running rule at the value at path inside
// file (a repository-relative path of the case; tokens like a JSON pointer).
func (x *Context) Report(file string, path []string, format string, args ...any) {
	line, col := 0, 0
	if d := x.Case.Doc(file); d != nil {
		line, col = d.Position(path)
	}
	x.found = append(x.found, finding.Finding{
		Path: file, Line: line, Column: col, Severity: x.rule.Severity,
		Rule: x.rule.ID, Message: fmt.Sprintf(format, args...), Case: x.Case.ID,
	})
}

// File returns the repository-relative path of the case's single-record
// file of kind (layout.KindIntake, ...).
func (x *Context) File(kind string) string { return x.Case.File(kind) }

// Path splits a dotted path ("goals.0.milestones") into tokens.
func Path(dotted string) []string {
	if dotted == "" {
		return nil
	}
	return strings.Split(dotted, ".")
}
