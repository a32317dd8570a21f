package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// What the flags and arguments take, in one table: the closed lists (a
// schema's enum, which the schema owns) and the store's own lists (program
// keys, staff IDs, service codes, in caseplan.yaml). A value outside a
// list is a usage error naming the valid ones (exit 2) before the command
// runs — never a finding about a file the command did not write — and the
// same lists drive shell completion, so what completes is what is
// accepted. IDs inside a case (goals, objectives, notes) are completed
// here and checked by the change that uses them.

// valuesFrom says where a flag's values come from; one field is set.
type valuesFrom struct {
	fixed  []string                          // a closed list
	store  func(cfg *record.Config) []string // the store's list, read from caseplan.yaml
	inCase func(c *caseFiles) []string       // IDs within the case the first argument names; completed, not checked
	// records is a directory of store-level records (layout.CohortsDir):
	// the values are its records' names.
	records string
	// listed are values the store or the clock gives at completion
	// (case IDs, recent months), which the command checks itself.
	listed func(g *globals) []string
	// noCheck leaves the check to the command, which knows more than
	// membership (a staff member no longer active, the case's own manager).
	noCheck bool
	// elsewhere are values the check lets through, unlisted and not
	// completed, for the command to send elsewhere with a hint of its own
	// (note add --kind amendment: caseplan note amend).
	elsewhere []string
	// words are what case managers call a choice — in caseplan's own
	// messages too, where a contact of work security is a "weekly
	// check-in" — by the choice they mean, for the hint to name it. They
	// are written in lower-case letters alone, as the typed value is
	// compared ("Check-in", "check in" and "checkin" are "checkin").
	words map[string]string
	// otherwise is the hint for a value near none of the choices and
	// none of words: what each choice stands for, when the choices are
	// not self-evident to the one typing (a close reason typed as the
	// participant's story).
	otherwise string
	// schema says fixed is a schema's enum (less elsewhere), which the
	// flag's help names (choicesOf).
	schema bool
}

func fixed(v ...string) valuesFrom { return valuesFrom{fixed: v} }

// enum is the list a schema gives a field; a missing one is a programming
// error that TestFlagValues catches.
func enum(kind string, path ...string) valuesFrom {
	v := fixed(schemas.Enum(kind, path...)...)
	v.schema = true
	return v
}

// enumElsewhere is v without the values another command takes (see
// valuesFrom.elsewhere).
func enumElsewhere(v valuesFrom, elsewhere ...string) valuesFrom {
	v.fixed = slices.DeleteFunc(slices.Clone(v.fixed), func(s string) bool { return slices.Contains(elsewhere, s) })
	v.elsewhere = elsewhere
	return v
}

// withWords is v with what case managers call its choices (see
// valuesFrom.words).
func withWords(v valuesFrom, words map[string]string) valuesFrom {
	v.words = words
	return v
}

// otherwise is v with the hint for a value near none of its choices
// (see valuesFrom.otherwise).
func otherwise(v valuesFrom, hint string) valuesFrom {
	v.otherwise = hint
	return v
}

var (
	programKeys = valuesFrom{store: func(cfg *record.Config) []string { return sortedKeys(cfg.Programs) }}
	staffIDs    = valuesFrom{store: func(cfg *record.Config) []string { return staffOf(cfg) }, noCheck: true}
	// case new --manager, case transfer --to and case team add --staff
	// refuse a retired member: completion offers those still active.
	activeStaffIDs = valuesFrom{store: func(cfg *record.Config) []string { return activeStaffOf(cfg) }, noCheck: true}
	serviceCodes   = valuesFrom{store: func(cfg *record.Config) []string { return sortedKeys(cfg.ServiceCodes()) }}
	goalIDs        = valuesFrom{inCase: func(c *caseFiles) []string { return c.goals() }}
	objectiveIDs   = valuesFrom{inCase: func(c *caseFiles) []string { return c.objectives() }}
	planServices   = valuesFrom{inCase: func(c *caseFiles) []string { return c.planServices() }}
	cohortIDs      = valuesFrom{records: layout.CohortsDir}
	centerNames    = valuesFrom{store: func(cfg *record.Config) []string { return cfg.Centers }}
	// due checks --kind itself, a list it may be given comma-separated;
	// the kinds are here for completion and for due --contact's hint.
	dueKinds = valuesFrom{fixed: casestate.DueKinds, noCheck: true}
	// --rules takes a path as well as a name; case import says what is wrong.
	importRules = valuesFrom{records: layout.ImportRulesDir, noCheck: true}
	storeCases  = valuesFrom{listed: (*globals).caseIDs, noCheck: true}
	// the months a monthly report is most often made for, newest first
	reportMonths = valuesFrom{listed: (*globals).recentMonths, noCheck: true}
	// followup add, report performance and export pirl check it (an int)
	quarters = valuesFrom{fixed: []string{"1", "2", "3", "4"}, noCheck: true}
	// report performance and export pirl check it (programYearOf)
	programYears = valuesFrom{listed: (*globals).recentProgramYears, noCheck: true}
	caseNotes    = valuesFrom{inCase: func(c *caseFiles) []string { return c.g.noteIDs(c.id) }}
	caseWeeks    = valuesFrom{inCase: func(c *caseFiles) []string { return c.g.activityWeeks(c.id) }}
	// waiver add checks the rule itself, naming those the case can waive.
	waivableRules = valuesFrom{inCase: func(c *caseFiles) []string { return c.waivable() }}
	// A flag that takes a commit (its help says COMMIT or REV: report
	// --at, verify --since and --anchor) is offered the store's refs by
	// name, never every commit's hash; the command resolves it.
	revisions = valuesFrom{listed: (*globals).revisionNames, noCheck: true}
)

// revisionFlag says a flag takes a commit: its placeholder in the help.
func revisionFlag(f *pflag.Flag) bool {
	name, _ := pflag.UnquoteUsage(f)
	return name == "COMMIT" || name == "REV"
}

// The IDs of the case's activity entries of one list, for activity
// update's flags.
var (
	applicationIDs = activityEntries(func(w *record.ActivityWeek) (out []string) {
		for _, e := range w.Applications {
			out = append(out, e.ID)
		}
		return out
	})
	interviewIDs = activityEntries(func(w *record.ActivityWeek) (out []string) {
		for _, e := range w.Interviews {
			out = append(out, e.ID)
		}
		return out
	})
	activityCourseIDs = activityEntries(func(w *record.ActivityWeek) (out []string) {
		for _, e := range w.Courses {
			out = append(out, e.ID)
		}
		return out
	})
)

func activityEntries(list func(w *record.ActivityWeek) []string) valuesFrom {
	return valuesFrom{inCase: func(c *caseFiles) []string { return c.activityEntries(list) }}
}

// closeReasonWords: what a case manager writes for why a case closes,
// by the closure reason it is recorded as. A job found is placed — once
// placement set has recorded it, which case close asks for (its own
// refusal says so).
var closeReasonWords = map[string]string{
	"job": "placed", "foundajob": "placed", "foundjob": "placed", "gotajob": "placed", "gotjob": "placed", "newjob": "placed",
	"hired": "placed", "employed": "placed", "foundwork": "placed", "working": "placed", "placement": "placed",
	"quit": "withdrew", "dropped": "withdrew", "droppedout": "withdrew", "notinterested": "withdrew", "declined": "withdrew",
	"relocated": "moved", "movedaway": "moved", "movedout": "moved",
}

// closeReasonHint is case close --reason's hint for a reason near none
// of the closure reasons: which one a case manager's story is.
const closeReasonHint = "a participant who found a job closes as placed, once caseplan placement set CASE --employer E --position P --start DATE records the job; " +
	"one who left services as withdrew, one who moved away as moved; otherwise other, with what happened in --notes"

// toolboxWords: a document a case manager calls done is the toolbox's
// final (000: resume, cover letter and thank-you letter final by the
// layoff date).
var toolboxWords = map[string]string{"done": "final", "finished": "final", "complete": "final", "completed": "final", "ready": "final"}

// flagValues maps a command (its path below caseplan) and a flag to its
// values.
var flagValues = map[string]map[string]valuesFrom{
	"note add":   {"kind": withWords(enumElsewhere(enum("note", "kind"), "amendment"), noteKindWords), "mode": withWords(enum("note", "mode"), noteModeWords), "service": serviceCodes, "cohort": cohortIDs, "absent": storeCases},
	"note amend": {"mode": enum("note", "mode"), "service": serviceCodes},
	"case new":   {"program": programKeys, "manager": activeStaffIDs, "returning-from": storeCases},
	"case list": {"program": programKeys, "manager": staffIDs, "status": enum("intake", "status"), "cohort": cohortIDs,
		"phase": fixed(casestate.Phases...), "center": centerNames},
	"case import":   {"rules": importRules},
	"case transfer": {"to": activeStaffIDs, "from": staffIDs},
	"case close":    {"reason": otherwise(withWords(enum("outcome", "closures", "[]", "reason"), closeReasonWords), closeReasonHint)},
	"case set":      {"channel": enum("intake", "participant", "channels", "[]")},
	"case toolbox": {"resume": withWords(enum("intake", "toolbox", "resume"), toolboxWords), "cover-letter": withWords(enum("intake", "toolbox", "cover_letter"), toolboxWords),
		"thank-you-letter": withWords(enum("intake", "toolbox", "thank_you_letter"), toolboxWords)},
	"case barrier add":      {"kind": enum("intake", "barriers", "[]", "kind"), "status": enum("intake", "barriers", "[]", "status")},
	"case team add":         {"role": enum("intake", "team", "[]", "role"), "staff": activeStaffIDs},
	"case consent add":      {"kind": enum("intake", "consents", "[]", "kind")},
	"case consent withdraw": {"kind": enum("intake", "consents", "[]", "kind")},
	"staff add":             {"role": enum("caseplan", "staff", "[]", "role")},
	"staff set":             {"role": enum("caseplan", "staff", "[]", "role")},
	"case sealed set":       {"clear": fixed(sealed.Names...)},
	"due":                   {"manager": staffIDs, "kind": dueKinds},
	"validate":              {"manager": staffIDs},
	"log":                   {"by": staffIDs},
	"activity add":          {"kind": fixed(casework.ActivityKinds...), "status": valuesFrom{fixed: union(schemas.Enum("activity", "applications", "[]", "status"), schemas.Enum("activity", "courses", "[]", "status")), noCheck: true}},
	"activity update":       {"status": valuesFrom{fixed: union(schemas.Enum("activity", "applications", "[]", "status"), schemas.Enum("activity", "courses", "[]", "status")), noCheck: true}, "week": caseWeeks, "application": applicationIDs, "interview": interviewIDs, "course": activityCourseIDs},
	"activity list":         {"week": caseWeeks},
	"followup add":          {"evidence-note": caseNotes, "quarter": quarters},
	"waiver add":            {"rule": waivableRules},
	"service add":           {"category": enum("services", "referrals", "[]", "category")},
	"service update":        {"status": enum("services", "referrals", "[]", "status")},
	"placement set":         {"wage-unit": enum("outcome", "placements", "[]", "wage_unit")},
	"iep goal add":          {"term": enum("iep", "goals", "[]", "term")},
	"iep goal status":       {"status": enum("iep", "goals", "[]", "status")},
	"iep objective add":     {"goal": goalIDs, "service": planServices},
	"iep milestone add":     {"goal": goalIDs},
	"iep service add":       {"code": serviceCodes, "objective": objectiveIDs},
	"iep step add":          {"owner": enum("iep", "next_steps", "[]", "owner")},
	"iep target add":        {"scope": enum("iep", "job_targets", "[]", "scope")},
	"iep course add":        {"status": enum("iep", "skill_plan", "[]", "status")},
	"iep course status":     {"status": enum("iep", "skill_plan", "[]", "status")},
	"iep benefit add":       {"status": enum("iep", "self_sufficiency", "benefits", "[]", "status")},
	"iep agree":             {"how": enum("iep", "agreements", "[]", "how")},
	"report monthly":        {"table": fixed(report.MonthlyTables...), "cohort": cohortIDs, "month": reportMonths},
	"report caseload":       {"table": fixed(report.CaseloadTables...), "manager": staffIDs},
	"report performance":    {"table": fixed(report.PerformanceTables...), "quarter": quarters, "program-year": programYears},
	"export pirl":           {"quarter": quarters, "program-year": programYears},
	"report search":         {"table": fixed(report.SearchTables...), "manager": staffIDs},
	"iep benefit renew":     {"status": enum("iep", "self_sufficiency", "benefits", "[]", "status")},
	// --day takes a day of the month too: iep schedule checks it.
	"iep schedule": {"every": enum("iep", "contact_schedule", "every"), "day": valuesFrom{fixed: calendar.Weekdays, noCheck: true}, "mode": enum("iep", "contact_schedule", "mode")},
}

// choicesOf is the closed list flagValues gives a command's flag (its key
// there), written for the flag's help by choiceList: the help names what
// the check takes and completion offers, so a value a schema gains or
// loses cannot leave a help string behind (TestHelpNamesTheChoices).
func choicesOf(command, flag string) string {
	return choiceList(flagValues[command][flag].fixed...)
}

// choiceList writes a closed list for a flag's help: "a, b or c".
func choiceList(values ...string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, v := range b {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func staffOf(cfg *record.Config) []string {
	var out []string
	for _, s := range cfg.Staff {
		out = append(out, s.ID)
	}
	return out
}

func activeStaffOf(cfg *record.Config) []string {
	var out []string
	for _, s := range cfg.Staff {
		if s.IsActive() {
			out = append(out, s.ID)
		}
	}
	return out
}

// noteKindWords and noteModeWords are what a case manager calls a
// note's kind and the way a contact was made, by the choice they mean:
// "--mode telephone" and "--kind call" are a phone contact. Only words
// that mean one choice: "mail" (email or a letter?) is left to the list.
var (
	noteKindWords = map[string]string{"checkin": "contact", "call": "contact", "phonecall": "contact"}
	noteModeWords = map[string]string{
		"telephone": "phone", "call": "phone", "phonecall": "phone", "called": "phone", "cell": "phone", "mobile": "phone",
		"zoom": "video", "teams": "video", "videocall": "video", "facetime": "video",
		"sms": "text", "texted": "text", "textmessage": "text",
		"post": "letter", "postal": "letter",
		"facetoface": "in-person", "inoffice": "in-person", "met": "in-person",
	}
)

// commandKey is a command's path below the root: "note add".
func commandKey(c *cobra.Command) string {
	p := c.CommandPath()
	if i := strings.IndexByte(p, ' '); i >= 0 {
		return p[i+1:]
	}
	return ""
}

// checkFlagValues is the usage check of every flag given to c that has a
// list: a value outside it is a usage error naming the valid values. The
// store's lists are read from caseplan.yaml only when such a flag was
// given; without a readable store the command's own checks speak.
func (g *globals) checkFlagValues(c *cobra.Command) error {
	table := flagValues[commandKey(c)]
	var cfg *record.Config
	var err error
	c.Flags().Visit(func(f *pflag.Flag) {
		from, ok := table[f.Name]
		if !ok || err != nil {
			return
		}
		// A choice given empty — --manager "$ME" with $ME never set —
		// is no choice: read as "not given" it would list every
		// manager's cases, or pick the default, without a word.
		if v := f.Value.String(); f.Value.Type() == "string" && strings.TrimSpace(v) == "" {
			if v == "" {
				err = usageErrorf("--%s %q: an empty value is not one of the choices; give one, or leave the flag out", f.Name, v)
			} else {
				// spaces are not empty: the refusal every other flag
				// given only spaces gets (casework's spacesOnly)
				err = &UsageError{Msg: fmt.Sprintf("--%s %q is only spaces", f.Name, v), Hint: "give one of the choices, or leave --" + f.Name + " out"}
			}
			return
		}
		if from.noCheck {
			return
		}
		valid := from.fixed
		if from.records != "" {
			// None yet: the command says so, with a hint.
			if valid = g.recordNames(from.records); len(valid) == 0 {
				return
			}
		}
		if from.store != nil {
			if cfg == nil {
				if cfg = g.storeConfig(); cfg == nil {
					return
				}
			}
			valid = from.store(cfg)
		}
		if valid == nil {
			return
		}
		// A closed list's choice is read as caseid.Choice reads it — in
		// any case, or by its unambiguous beginning — and given to the
		// command in the schema's spelling, the record's; a store's own
		// names (program keys, centers, cohorts) are exact.
		values := flagStrings(f)
		if from.fixed != nil && from.store == nil && from.records == "" {
			changed := false
			for i, v := range values {
				if c, ok := caseid.Choice(valid, v); ok && c != v {
					values[i], changed = c, true
				}
			}
			if changed {
				if err = setFlagStrings(f, values); err != nil {
					return
				}
			}
		}
		for _, v := range values {
			if v != "" && !slices.Contains(valid, v) && !slices.Contains(from.elsewhere, v) {
				err = &UsageError{Msg: fmt.Sprintf("--%s %q: use one of %s", f.Name, v, strings.Join(valid, ", ")), Hint: from.hint(f.Name, valid, v)}
				return
			}
		}
	})
	return err
}

// choiceHint is the hint for v, refused by flag as none of valid: the
// choice it is a slip for or a word of (caseid.ChoiceMeant), the choice a
// case manager's word means (valuesFrom.words), or the choices it begins
// or is a word of; "" when none. The commands that check a closed list
// themselves (one that depends on another flag: activity add --status on
// --kind; exclusion, credential and skill-gain add --kind) give the same
// hint.
func choiceHint(flag string, valid []string, v string, words map[string]string) string {
	if meant := caseid.ChoiceMeant(valid, v); meant != "" {
		return "did you mean --" + flag + " " + meant + "?"
	}
	if choice := words[lettersOf(v)]; choice != "" {
		return fmt.Sprintf("did you mean --%s %s? %s is recorded as %s", flag, choice, strconv.Quote(v), choice)
	}
	if hint := begunHint(flag, valid, v); hint != "" {
		return hint
	}
	return wordedHint(flag, valid, v)
}

// hint is the hint for v, refused by flag as none of valid: choiceHint
// with v's words, else v's otherwise.
func (from valuesFrom) hint(flag string, valid []string, v string) string {
	if h := choiceHint(flag, valid, v, from.words); h != "" {
		return h
	}
	return from.otherwise
}

// begunHint is the hint for a choice refused as the beginning of several
// (caseid.Begun: "int" begins intake and interview-feedback), naming
// them; "" when it begins fewer than two.
func begunHint(flag string, valid []string, v string) string {
	begun := caseid.Begun(valid, v)
	if len(begun) < 2 {
		return ""
	}
	return fmt.Sprintf("did you mean %s? %s begins %d of the choices", flagChoices(flag, begun), strconv.Quote(v), len(begun))
}

// wordedHint is the hint for a choice refused as a word of several
// (caseid.Worded: "degree" is a word of associate-degree and
// bachelor-degree), naming them; "" when it is a word of fewer than two.
func wordedHint(flag string, valid []string, v string) string {
	worded := caseid.Worded(valid, v)
	if len(worded) < 2 {
		return ""
	}
	return fmt.Sprintf("did you mean %s? %s is a word of %d of the choices", flagChoices(flag, worded), strconv.Quote(v), len(worded))
}

// flagChoices writes choices as the flag given each: "--kind a or --kind b".
func flagChoices(flag string, choices []string) string {
	each := make([]string, len(choices))
	for i, c := range choices {
		each[i] = "--" + flag + " " + c
	}
	return choiceList(each...)
}

// lettersOf is s in lower case with all but its letters left out, as a
// valuesFrom's words are written.
func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if !unicode.IsLetter(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// flagStrings returns a string flag's value, or each value of a
// repeatable one.
func flagStrings(f *pflag.Flag) []string {
	if s, ok := f.Value.(pflag.SliceValue); ok {
		return s.GetSlice()
	}
	return []string{f.Value.String()}
}

// readChoice reads *v as the choice of valid it names (caseid.Choice: in
// any case, or by its unambiguous beginning) and writes it in valid's
// spelling, the record's; false when it names none, *v as it was. It is
// the check of a closed list that a command makes itself, where the
// list depends on another flag (activity add --status).
func readChoice(v *string, valid ...string) bool {
	c, ok := caseid.Choice(valid, *v)
	if ok {
		*v = c
	}
	return ok
}

// setFlagStrings gives a string flag its value, or a repeatable one its
// values, as flagStrings reads them.
func setFlagStrings(f *pflag.Flag, values []string) error {
	if s, ok := f.Value.(pflag.SliceValue); ok {
		return s.Replace(values)
	}
	return f.Value.Set(values[0])
}

// storeConfig reads caseplan.yaml of the store, nil when there is none or
// it cannot be read.
func (g *globals) storeConfig() *record.Config {
	root, err := g.storeRoot()
	if err != nil {
		return nil
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil
	}
	snap, _, err := store.Load(src, []string{})
	if err != nil {
		return nil
	}
	return snap.Config
}

// caseFiles reads what completion needs from one case, lazily.
type caseFiles struct {
	g      *globals
	id     string
	loaded bool
	c      *casefile.Case
	cfg    *record.Config // the store's caseplan.yaml, read with the case
}

// load reads the case's records from the work tree once; nil when it
// cannot (completion offers nothing then).
func (c *caseFiles) load() *casefile.Case {
	if c.loaded {
		return c.c
	}
	c.loaded = true
	root, err := c.g.storeRoot()
	if err != nil {
		return nil
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil
	}
	snap, _, err := store.Load(src, []string{c.id})
	if err != nil {
		return nil
	}
	c.c, c.cfg = snap.Case(c.id), snap.Config
	return c.c
}

// waivable lists the rules a supervisor may waive for the case, as waiver
// add takes them (validate.Waivable: those of the case's program the store
// does not turn off).
func (c *caseFiles) waivable() []string {
	k := c.load()
	if k == nil || k.Intake == nil || c.cfg == nil {
		return nil
	}
	return validate.Waivable(c.cfg.ProgramKind(k.Intake.Program), c.cfg)
}

func (c *caseFiles) plan() *record.IEP {
	if k := c.load(); k != nil {
		return k.IEP
	}
	return nil
}

func (c *caseFiles) milestones() (out []string) {
	if p := c.plan(); p != nil {
		for _, g := range p.Goals {
			for _, m := range g.Milestones {
				out = append(out, m.ID)
			}
		}
	}
	return out
}

func (c *caseFiles) steps() (out []string) {
	if p := c.plan(); p != nil {
		for _, n := range p.NextSteps {
			out = append(out, n.ID)
		}
	}
	return out
}

// references lists the case's references by ID, or by number for one
// written before references had IDs (as ref list numbers them).
func (c *caseFiles) references() (out []string) {
	if k := c.load(); k != nil && k.References != nil {
		for i, r := range k.References.References {
			if r.ID != "" {
				out = append(out, r.ID)
			} else {
				out = append(out, strconv.Itoa(i+1))
			}
		}
	}
	return out
}

// waivers lists the case's waivers by their IDs, as waiver add printed
// them (a waiver written before waivers had IDs, by its rule).
func (c *caseFiles) waivers() (out []string) {
	if k := c.load(); k != nil && k.Intake != nil {
		for _, w := range k.Intake.Waivers {
			if w.ID != "" {
				out = append(out, w.ID)
			} else {
				out = append(out, w.Rule)
			}
		}
	}
	return out
}

func (c *caseFiles) referrals() (out []string) {
	if k := c.load(); k != nil && k.Services != nil {
		for _, r := range k.Services.Referrals {
			out = append(out, r.ID)
		}
	}
	return out
}

// actionItems lists the action items of the case's notes still open, as
// NOTE#N: not marked done in their note nor recorded done or dropped in
// the plan (an amendment marking one done is not looked at: completion
// offers, the command decides).
func (c *caseFiles) actionItems() (out []string) {
	k := c.load()
	if k == nil {
		return nil
	}
	closed := map[string]bool{}
	if k.IEP != nil {
		for _, a := range k.IEP.ActionItems {
			closed[a.Note+"#"+strconv.Itoa(a.Item)] = true
		}
	}
	for _, n := range k.Notes {
		for i, a := range n.Actions {
			if id := n.ID + "#" + strconv.Itoa(i+1); a.Done == "" && !closed[id] {
				out = append(out, id)
			}
		}
	}
	return out
}

// numbered lists n items of a list by their IDs, or by their number (1
// for the first) for one written before its list had IDs, as the commands
// that take them name them.
func numbered(n int, id func(i int) string) []string {
	out := make([]string, 0, n)
	for i := range n {
		if v := id(i); v != "" {
			out = append(out, v)
		} else {
			out = append(out, strconv.Itoa(i+1))
		}
	}
	return out
}

func (c *caseFiles) intake() *record.Intake {
	if k := c.load(); k != nil {
		return k.Intake
	}
	return nil
}

func (c *caseFiles) teamMembers() []string {
	in := c.intake()
	if in == nil {
		return nil
	}
	return numbered(len(in.Team), func(i int) string { return in.Team[i].ID })
}

func (c *caseFiles) barriers() []string {
	in := c.intake()
	if in == nil {
		return nil
	}
	return numbered(len(in.Barriers), func(i int) string { return in.Barriers[i].ID })
}

func (c *caseFiles) assessments() []string {
	in := c.intake()
	if in == nil {
		return nil
	}
	return numbered(len(in.Assessments), func(i int) string { return in.Assessments[i].ID })
}

func (c *caseFiles) determinations() []string {
	in := c.intake()
	if in == nil {
		return nil
	}
	return numbered(len(in.Eligibility), func(i int) string { return in.Eligibility[i].ID })
}

func (c *caseFiles) consents() []string {
	in := c.intake()
	if in == nil {
		return nil
	}
	return numbered(len(in.Consents), func(i int) string { return in.Consents[i].ID })
}

func (c *caseFiles) jobTargets() []string {
	p := c.plan()
	if p == nil {
		return nil
	}
	return numbered(len(p.JobTargets), func(i int) string { return p.JobTargets[i].ID })
}

func (c *caseFiles) courses() []string {
	p := c.plan()
	if p == nil {
		return nil
	}
	return numbered(len(p.SkillPlan), func(i int) string { return p.SkillPlan[i].ID })
}

func (c *caseFiles) benefits() []string {
	p := c.plan()
	if p == nil || p.SelfSufficiency == nil {
		return nil
	}
	b := p.SelfSufficiency.Benefits
	return numbered(len(b), func(i int) string { return b[i].ID })
}

// activityEntries lists the IDs list gives of each of the case's activity
// weeks; an entry without an ID is named by its number in --week, which
// completion does not guess.
func (c *caseFiles) activityEntries(list func(w *record.ActivityWeek) []string) (out []string) {
	if k := c.load(); k != nil {
		for _, w := range k.Activity {
			for _, id := range list(w) {
				if id != "" {
					out = append(out, id)
				}
			}
		}
	}
	return out
}

func (c *caseFiles) goals() (out []string) {
	if p := c.plan(); p != nil {
		for _, g := range p.Goals {
			out = append(out, g.ID)
		}
	}
	return out
}

func (c *caseFiles) objectives() (out []string) {
	if p := c.plan(); p != nil {
		for _, g := range p.Goals {
			for _, o := range g.Objectives {
				out = append(out, o.ID)
			}
		}
	}
	return out
}

func (c *caseFiles) planServices() (out []string) {
	if p := c.plan(); p != nil {
		for _, s := range p.Services {
			out = append(out, s.ID)
		}
	}
	return out
}

// caseIDs lists the store's cases by their directories, without reading
// a record: completion must answer at once.
func (g *globals) caseIDs() []string {
	root, err := g.storeRoot()
	if err != nil {
		return nil
	}
	entries, err := os.ReadDir(filepath.Join(root, layout.CasesDir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !layout.IsStoreDir(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// recordNames lists the store-level records of a directory of cases/
// (cohorts, import rules) by their names, without reading them.
func (g *globals) recordNames(dir string) []string {
	root, err := g.storeRoot()
	if err != nil {
		return nil
	}
	return storeRecordNames(root, dir)
}

// storeRecordNames lists the records of cases/<dir>/ of the store at root.
func storeRecordNames(root, dir string) []string {
	entries, _ := os.ReadDir(filepath.Join(root, layout.CasesDir, dir))
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), layout.Ext); ok && !e.IsDir() && !strings.HasPrefix(n, ".") {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// noteIDs lists a case's notes by their files.
func (g *globals) noteIDs(caseID string) []string {
	root, err := g.storeRoot()
	if err != nil {
		return nil
	}
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(layout.NotesOf(caseID))))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), layout.Ext); ok && !e.IsDir() {
			out = append(out, name)
		}
	}
	return out
}

// activityWeeks lists a case's activity weeks by their files (2026-W10).
func (g *globals) activityWeeks(caseID string) []string {
	root, err := g.storeRoot()
	if err != nil {
		return nil
	}
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(layout.ActivityOf(caseID))))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if week, ok := strings.CutSuffix(e.Name(), layout.Ext); ok && !e.IsDir() {
			out = append(out, week)
		}
	}
	return out
}

// revisionNames lists what a commit can be named by in the store — HEAD,
// its branches, remote-tracking branches and tags — reading the refs
// alone (gitstore.RevisionNames): completion must answer at once, and
// writes nothing.
func (g *globals) revisionNames() []string {
	return g.fromRepo((*gitstore.Repo).RevisionNames)
}

// remoteNames lists the clone's git remotes (origin, backup), for sync's
// REMOTE.
func (g *globals) remoteNames() []string {
	return g.fromRepo((*gitstore.Repo).RemoteNames)
}

// fromRepo opens the store's repository for one read by completion; nil
// when there is none or it cannot be read.
func (g *globals) fromRepo(read func(*gitstore.Repo) ([]string, error)) []string {
	root, err := g.storeRoot()
	if err != nil {
		return nil
	}
	repo, err := gitstore.Open(root)
	if err != nil {
		return nil
	}
	defer repo.Close()
	out, _ := read(repo)
	return out
}

// registerCompletions wires shell completion for the whole tree: every
// flag of flagValues, and the arguments a command's Use names (CASE, NOTE,
// RECORD).
func (g *globals) registerCompletions(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name, from := range flagValues[commandKey(c)] {
			if c.Flags().Lookup(name) == nil {
				continue
			}
			from := from
			_ = c.RegisterFlagCompletionFunc(name, func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				return g.complete(from, args), cobra.ShellCompDirectiveNoFileComp
			})
		}
		// The other flags that take a value take a date, a text, a
		// number or a name, none of them a file: Tab offers nothing
		// rather than the files of the current directory, but for the
		// flags that do take a file or a directory (--file, --out, --ics,
		// --store).
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if _, ok := c.GetFlagCompletionFunc(f.Name); ok || f.NoOptDefVal != "" {
				return
			}
			if revisionFlag(f) {
				_ = c.RegisterFlagCompletionFunc(f.Name, func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
					return g.complete(revisions, args), cobra.ShellCompDirectiveNoFileComp
				})
				return
			}
			if name, _ := pflag.UnquoteUsage(f); name == "FILE" || name == "DIR" {
				return
			}
			_ = c.RegisterFlagCompletionFunc(f.Name, cobra.NoFileCompletions)
		})
		// A command whose usage names no argument takes none: Tab offers
		// no file names after it (caseplan due, caseplan key show).
		if words := strings.Fields(c.Use); c.ValidArgsFunction == nil && c.Runnable() && len(words) > 0 {
			c.ValidArgsFunction = g.completeArgs(words[1:])
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func (g *globals) complete(from valuesFrom, args []string) []string {
	switch {
	case from.fixed != nil:
		return from.fixed
	case from.store != nil:
		if cfg := g.storeConfig(); cfg != nil {
			return from.store(cfg)
		}
	case from.inCase != nil && len(args) > 0:
		return from.inCase(&caseFiles{g: g, id: args[0]})
	case from.records != "":
		return g.recordNames(from.records)
	case from.listed != nil:
		return from.listed(g)
	}
	return nil
}

// typedPath reports whether a word typed where a case or a path goes
// (validate CASE|PATH) is a path: it has a separator or starts with a
// dot, or no case ID starts with it ("ca" for cases/, "sch" for schemas/).
func typedPath(typed string, ids []string) bool {
	if strings.ContainsAny(typed, `/\`) || strings.HasPrefix(typed, ".") {
		return true
	}
	return typed != "" && !slices.ContainsFunc(ids, func(id string) bool { return strings.HasPrefix(id, typed) })
}

// completeArgs completes the positional arguments a command's usage
// names: CASE (the store's case IDs; CASE... each case not typed yet;
// validate's CASE|PATH leaves a path to the shell's file names),
// NOTE (the case's notes), RECORD (the records caseplan edit opens, and
// the case's activity weeks as activity/WEEK), ID (staff IDs), FILE.csv
// (the CSV files), REMOTE (the clone's git remotes), and the items of the
// case named first that the update, done, remove and withdraw commands
// take: GOAL, OBJECTIVE, MILESTONE, STEP, SERVICE (the plan's), COURSE,
// TARGET, NAME (a benefit), MEMBER, BARRIER, ASSESSMENT, DETERMINATION,
// PERMISSION, REF, REFERRAL, NOTE#N (the open action items) and WAIVER.
func (g *globals) completeArgs(usage []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var positional []string
		repeats := false // the last word takes any number of values (CASE...)
		for _, w := range usage {
			if strings.HasPrefix(w, "-") || strings.HasPrefix(w, "(") {
				break
			}
			positional = append(positional, strings.Trim(w, "[]."))
			repeats = strings.HasSuffix(strings.TrimRight(w, "]"), "...")
		}
		if len(args) >= len(positional) && !repeats || len(positional) == 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		word := positional[min(len(args), len(positional)-1)]
		switch word {
		case "CASE", "CASE|PATH":
			ids := slices.DeleteFunc(g.caseIDs(), func(id string) bool { return slices.Contains(args, id) })
			if word == "CASE|PATH" && typedPath(toComplete, ids) {
				return nil, cobra.ShellCompDirectiveDefault // the shell's own file names
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		case "NOTE":
			return g.noteIDs(args[0]), cobra.ShellCompDirectiveNoFileComp
		case "RECORD":
			records := slices.Clone(casework.EditableRecords)
			for _, week := range g.activityWeeks(args[0]) {
				records = append(records, layout.ActivityDir+"/"+week)
			}
			return records, cobra.ShellCompDirectiveNoFileComp
		case "ID": // staff set
			return g.complete(staffIDs, args), cobra.ShellCompDirectiveNoFileComp
		case "FILE.csv":
			return []string{"csv"}, cobra.ShellCompDirectiveFilterFileExt
		case "DIR":
			return nil, cobra.ShellCompDirectiveFilterDirs
		case "REMOTE": // sync
			return g.remoteNames(), cobra.ShellCompDirectiveNoFileComp
		}
		if len(args) == 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		in := &caseFiles{g: g, id: args[0]} // the items of the case named first
		items := map[string]func() []string{
			"GOAL":          in.goals,
			"OBJECTIVE":     in.objectives,
			"MILESTONE":     in.milestones,
			"STEP":          in.steps,
			"SERVICE":       in.planServices, // iep service end, cancel, update: the plan's services
			"COURSE":        in.courses,      // iep course status, update: the skill plan's
			"TARGET":        in.jobTargets,
			"NAME":          in.benefits, // iep benefit renew
			"MEMBER":        in.teamMembers,
			"BARRIER":       in.barriers,
			"ASSESSMENT":    in.assessments,
			"DETERMINATION": in.determinations,
			"PERMISSION":    in.consents,
			"REF":           in.references,
			"REFERRAL":      in.referrals,
			"WAIVER":        in.waivers,
			"NOTE#N":        in.actionItems,
		}
		if list, ok := items[word]; ok {
			return list(), cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}
