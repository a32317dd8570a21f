package validate

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
)

// The leak guard's rules (pkg/pii; README, Confidentiality). They read
// every string of every record of a case — the notes' seven elements,
// action items, barriers' details, assessment summaries, the plan, the
// references — since any of them can be typed into.
const (
	RulePIISSN      = "pii-ssn"
	RulePIIDOB      = "pii-dob"
	RulePIITerm     = "pii-term"
	RulePIISettings = "pii-settings"
)

// piiRules are the leak guard's. pii-ssn's check scans once and reports
// all three kinds; the other two are listed for their IDs, severities and
// the store's settings.
var piiRules = []*Rule{
	{
		Local: true, ID: RulePIISSN, Severity: finding.Error,
		Summary: "no record holds a number shaped like a Social Security number (TEGL 39-11): a full SSN is never stored, and a write that would store one is refused (patterns: pii.ssn in caseplan.yaml)",
		check:   checkPII,
	},
	{
		ID: RulePIIDOB, Severity: finding.Warning,
		Summary: "no free text holds a date of birth, the participant's or a family member's: the participant's belongs in the case's sealed fields (patterns: pii.dob in caseplan.yaml)",
	},
	{
		ID: RulePIITerm, Severity: finding.Warning,
		Summary: "no free text holds a configured sensitive term (health, disability, criminal record), and no health or disability barrier holds a detail: such details belong in the case's sealed fields (pii.terms in caseplan.yaml)",
	},
	{
		ID: RulePIISettings, Severity: finding.Error,
		Summary: "the leak guard's patterns in caseplan.yaml are valid regular expressions",
	},
}

// guardCache keeps the last store's compiled guard: one validation run
// reads one caseplan.yaml, and compiling its patterns for each case would
// cost more than scanning.
var guardCache struct {
	sync.Mutex
	cfg   *record.Config
	guard *pii.Guard
	err   error
}

// Guard returns the leak guard of a store's settings (cfg may be nil),
// and the error of a pattern that does not compile, in which case the
// guard is the default one.
func Guard(cfg *record.Config) (*pii.Guard, error) {
	guardCache.Lock()
	defer guardCache.Unlock()
	if guardCache.guard != nil && guardCache.cfg == cfg {
		return guardCache.guard, guardCache.err
	}
	g, err := pii.New(cfg.PIISettings())
	if err != nil {
		g = pii.Default()
	}
	guardCache.cfg, guardCache.guard, guardCache.err = cfg, g, err
	return g, err
}

// piiSettingFindings reports a pattern of the store's pii settings that
// does not compile (the guard then uses its defaults).
func piiSettingFindings(cfg *record.Config, doc *load.Document) []finding.Finding {
	_, err := Guard(cfg)
	se, ok := err.(*pii.SettingError)
	if !ok {
		return nil
	}
	path := []string{"pii", se.List, strconv.Itoa(se.Index)}
	line, col := 0, 0
	if doc != nil {
		line, col = doc.Position(path)
	}
	return []finding.Finding{{
		Path: layout.ConfigPath, Line: line, Column: col, Severity: finding.Error, Rule: RulePIISettings,
		Message: fmt.Sprintf("pii.%s item %d is not a valid regular expression (%v); the built-in patterns are used until it is corrected", se.List, se.Index+1, se.Err),
	}}
}

func checkPII(x *Context) {
	g, _ := Guard(x.Config)
	for _, d := range x.Case.Docs {
		sensitive := sensitiveBarriers(x.Case.File(layout.KindIntake), d)
		walkStrings(d.Root, make([]string, 0, 16), 0, func(path []string, n *yaml.Node, keyCol int) {
			// A phone of nine digits is an SSN typed in the wrong field,
			// but for one the schemas already refuse as separated.
			if path[len(path)-1] == phoneField && pii.NineDigits(n.Value) && !pii.SpacedSSN(n.Value) {
				line, col := position(n, keyCol, 0)
				x.found = append(x.found, finding.Finding{Path: d.Path, Line: line, Column: col, Case: x.Case.ID,
					Rule: RulePIISSN, Severity: finding.Error, FileLevel: true,
					Message: strings.Join(path, ".") + ": " + phoneSSNMessage})
				return
			}
			// A health or disability barrier's detail is told once, as
			// the health information it is; a sensitive term in it is
			// not told again.
			barrierSaid := false
			if kind, ok := barrierDetail(sensitive, path); ok && strings.TrimSpace(n.Value) != "" {
				line, col := position(n, keyCol, 0)
				x.found = append(x.found, finding.Finding{Path: d.Path, Line: line, Column: col, Case: x.Case.ID,
					Rule: RulePIITerm, Severity: finding.Warning,
					Message: barrierDetailMessage(strings.Join(path, "."), kind, x.Case.ID)})
				barrierSaid = true
			}
			ms := g.Scan(n.Value)
			if len(ms) == 0 {
				return
			}
			field := strings.Join(path, ".")
			// What the schemas refuse in every string: the schema
			// finding says it, so the guard does not say it again.
			schemaSaid := pii.SpacedSSN(n.Value)
			for _, m := range ms {
				if m.Kind == pii.SSN && schemaSaid || m.Kind == pii.Term && barrierSaid {
					continue
				}
				line, col := position(n, keyCol, m.Start)
				f := finding.Finding{Path: d.Path, Line: line, Column: col, Case: x.Case.ID}
				describePII(&f, m, field+":")
				x.found = append(x.found, f)
			}
		})
		walkUnseen(d.Root, func(what string, text string, line, col int) {
			for _, m := range g.Scan(text) {
				f := finding.Finding{Path: d.Path, Line: line + strings.Count(text[:m.Start], "\n"), Column: col, Case: x.Case.ID}
				describePII(&f, m, what)
				x.found = append(x.found, f)
			}
		})
	}
}

// sealedBarrierKinds maps each kind of barrier to employment whose detail
// is sensitive PII to the case sealed set flag of the sealed field that
// keeps it (pkg/sealed's health and disability): TEGL 39-11 counts
// disability and health information as sensitive PII. The kind itself
// stays in plain text, as services are planned by it (001, 002).
var sealedBarrierKinds = map[string]string{"health": "--health", "disability": "--disability"}

// BarrierDetailSealed says whether the detail of a barrier of kind
// belongs in the sealed fields (sealedBarrierKinds): what shows a
// barrier outside the record (a case file) withholds such a detail.
func BarrierDetailSealed(kind string) bool {
	_, ok := sealedBarrierKinds[kind]
	return ok
}

// sensitiveBarriers returns the kind of each barrier of intake document d
// (at path intake) whose detail belongs in the sealed fields, by the
// barrier's index in the list as the path spells it; nil for any other
// document. It reads the document's nodes, not the decoded intake, so
// that an intake that does not decode is still scanned.
func sensitiveBarriers(intake string, d *load.Document) map[string]string {
	if d.Path != intake || d.Root == nil || d.Root.Kind != yaml.MappingNode {
		return nil
	}
	var out map[string]string
	for i := 0; i+1 < len(d.Root.Content); i += 2 {
		if d.Root.Content[i].Value != barriersField || d.Root.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for j, b := range d.Root.Content[i+1].Content {
			if b.Kind != yaml.MappingNode {
				continue
			}
			for k := 0; k+1 < len(b.Content); k += 2 {
				if b.Content[k].Value != "kind" {
					continue
				}
				if _, ok := sealedBarrierKinds[b.Content[k+1].Value]; ok {
					if out == nil {
						out = map[string]string{}
					}
					out[strconv.Itoa(j)] = b.Content[k+1].Value
				}
			}
		}
	}
	return out
}

// barriersField is the intake's list of barriers to employment.
const barriersField = "barriers"

// barrierDetail returns the kind of the barrier whose detail is at path,
// when it is one of sensitive (sensitiveBarriers).
func barrierDetail(sensitive map[string]string, path []string) (string, bool) {
	if len(sensitive) == 0 || len(path) != 3 || path[0] != barriersField || path[2] != "detail" {
		return "", false
	}
	kind, ok := sensitive[path[1]]
	return kind, ok
}

// barrierDetailMessage is what a health or disability barrier's detail
// (at field) is told, without repeating it: where it goes instead, and
// how to take it out of the intake (no command drops a barrier's detail).
func barrierDetailMessage(field, kind, caseID string) string {
	return fmt.Sprintf("%s: the detail of a %s barrier is %s information, sensitive PII (TEGL 39-11): keep it in the case's sealed fields (caseplan case sealed set %s %s TEXT) and the barrier without its detail (caseplan edit %s intake); its kind stays, as services are planned by it",
		field, kind, kind, caseID, sealedBarrierKinds[kind], caseID)
}

// phoneField is the name of every record's phone number field (the
// participant's, a team member's, a reference's).
const phoneField = "phone"

// phoneSSNMessage is what a phone field of nine digits is told, without
// repeating them: a US phone number has seven or ten digits, never nine,
// so nine are an SSN typed in the wrong field until shown otherwise — the
// rule an import applies to a roster's phone column (pii.NineDigits).
const phoneSSNMessage = "holds nine digits, which no US phone number has: a Social Security number typed in the wrong field until shown otherwise, and a full SSN is never stored: correct the number (one from abroad starts with +)"

// describePII sets f's rule, severity and message for match m in subject
// ("intake.participant.notes:", "a comment"). An SSN is an error of the
// file (a write never commits a file with one, even one the file had
// before); a date of birth and a sensitive term are warnings.
func describePII(f *finding.Finding, m pii.Match, subject string) {
	switch m.Kind {
	case pii.SSN:
		f.Rule, f.Severity, f.FileLevel = RulePIISSN, finding.Error, true
		f.Message = fmt.Sprintf("%s holds %s; a full SSN is never stored: remove it (only its last four digits may be kept, in the case's sealed fields: caseplan case sealed set --ssn-last4)", subject, pii.Describe(m.Kind))
	case pii.DOB:
		f.Rule, f.Severity = RulePIIDOB, finding.Warning
		f.Message = fmt.Sprintf("%s holds %s; the participant's date of birth belongs in the case's sealed fields (caseplan case sealed set --date-of-birth), and a family member's is not needed in free text: write an age instead (\"a son, 6\"), or list the date in pii.allow in %s if it is no one's birth", subject, pii.Describe(m.Kind), layout.ConfigPath)
	case pii.Term:
		f.Rule, f.Severity = RulePIITerm, finding.Warning
		f.Message = fmt.Sprintf("%s mentions %q, %s", subject, m.Term, termAdvice)
	}
}

// termAdvice is what a pii-term finding says after the term it names.
var termAdvice = fmt.Sprintf("a sensitive term (pii.terms in %s); health, disability and criminal-record details belong in the case's sealed fields (caseplan case sealed set)", layout.ConfigPath)

// termNamed is the term as a pii-term finding's message names it.
var termNamed = regexp.MustCompile(`mentions "(?:[^"\\]|\\.)*", ` + regexp.QuoteMeta(termAdvice))

// WithholdTerms returns fs with each pii-term finding's message no longer
// naming the term it found, for a document that withholds that text (the
// case file, whose text shows "[withheld: pii-term]" where the term is): a
// finding that named it would give back what the text withholds. The
// finding still says where the term is; caseplan validate names it.
func WithholdTerms(fs []finding.Finding) []finding.Finding {
	out := slices.Clone(fs)
	for i := range out {
		if out[i].Rule == RulePIITerm {
			out[i].Message = termNamed.ReplaceAllLiteralString(out[i].Message, "mentions a term withheld here (caseplan validate names it), "+termAdvice)
		}
	}
	return out
}

// WithholdFindings returns fs as a document read beyond the case's
// readers shows them (CI output: a step's log, annotations and job
// summary, code scanning's alerts): what guard g finds in a message or a
// hint withheld as Withhold withholds it, and a pii-term finding not
// naming its term (WithholdTerms). Every finding's message can quote a
// record's free text — the schema's the value it refused, the loader's
// the line that did not parse, a sync conflict both sides' values — and
// a date of birth or a health term quoted there would reach every reader
// of the log (TEGL 39-11). Where each finding is, and its rule, stay as
// they are; the findings given are not changed.
func WithholdFindings(g *pii.Guard, fs []finding.Finding) []finding.Finding {
	withhold := Withhold(g)
	out := WithholdTerms(fs)
	for i := range out {
		out[i].Message, _ = withhold(out[i].Message)
		out[i].Hint, _ = withhold(out[i].Hint)
	}
	return out
}

// walkUnseen calls fn with the text of a record that is not a value
// walkStrings passes — every comment, and every mapping key — saying
// what it is and where it starts: a number typed into a comment
// ("# SSN 900-12-3456") is committed and kept in the history as surely as
// one in a value, and verify, which reads the files as written, reports
// it. A head comment is taken to end on the line above its node, a foot
// comment to start on the line below.
func walkUnseen(n *yaml.Node, fn func(what, text string, line, col int)) {
	if n == nil {
		return
	}
	if c := n.HeadComment; c != "" {
		fn("a comment", c, n.Line-1-strings.Count(c, "\n"), 1)
	}
	if c := n.LineComment; c != "" {
		fn("a comment", c, n.Line, n.Column)
	}
	if c := n.FootComment; c != "" {
		fn("a comment", c, n.Line+1, 1)
	}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 && c.Kind == yaml.ScalarNode && !plainName(c.Value) {
			fn("a field's name", c.Value, c.Line, c.Column)
		}
		walkUnseen(c, fn)
	}
}

// plainName reports whether a field's name is a plain one — ASCII letters,
// '_' and '-' only, as every field the schemas name is — which holds no
// number and is not scanned: a validate of 10,000 cases meets millions of
// them, and scanning each cost a tenth of its time.
func plainName(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

// walkStrings calls fn with every string scalar value under n (mapping
// keys aside), its path and the column of its key (0 for a list item).
// The path is reused as the walk goes on: fn copies it to keep it. The
// loader refuses aliases and bounds the size of a document, so the walk is
// bounded.
func walkStrings(n *yaml.Node, path []string, keyCol int, fn func([]string, *yaml.Node, int)) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			walkStrings(n.Content[i+1], append(path, k.Value), k.Column, fn)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkStrings(c, append(path, strconv.Itoa(i)), 0, fn)
		}
	case yaml.ScalarNode:
		if n.ShortTag() == "!!str" {
			fn(path, n, keyCol)
		}
	}
}

// position returns the line and column of byte offset off of a scalar's
// value. A block scalar's text starts on the line after its indicator,
// taken to be indented two columns past its key (caseplan's own style, and
// most people's); in a quoted or plain scalar that spans lines the column
// is that of the value's start.
func position(n *yaml.Node, keyCol, off int) (line, col int) {
	before := n.Value[:off]
	nl := strings.Count(before, "\n")
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		col = n.Column
		if keyCol > 0 {
			col = keyCol + 2
		}
		if i := strings.LastIndexByte(before, '\n'); i >= 0 {
			before = before[i+1:]
		}
		return n.Line + 1 + nl, col + len([]rune(before))
	}
	if strings.Contains(n.Value, "\n") {
		return n.Line, n.Column
	}
	col = n.Column + len([]rune(before))
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	return n.Line, col
}

// leakRules are the leak guard's rules by the kind of leak they find.
var leakRules = map[pii.Kind]string{pii.SSN: RulePIISSN, pii.DOB: RulePIIDOB, pii.Term: RulePIITerm}

// MaskSSNs is the redaction, with guard g, of the participant's own
// copy of their case file (case show --sealed): a number shaped like an
// SSN masked as Withhold masks it — a full SSN is never stored, and no
// file, the participant's either, should carry one further — and every
// other word as recorded. A date of birth or a health or disability term
// that Withhold withholds from a file staff pass around is the
// participant's own information, read by the participant: withholding
// it from them would keep from them what the office holds on them (their
// sealed fields are in that copy already). It returns the text and how
// many numbers it masked.
func MaskSSNs(g *pii.Guard) func(string) (string, int) {
	return g.Redact
}

// Withhold is the redaction, with guard g, of record text that leaves the
// store — the case file, the tickler's calendar, the search report, CI
// output: a number shaped like an SSN masked as the findings mask it
// (pii.Guard.Redact), and a date of birth or a configured sensitive term
// withheld ("[withheld: pii-dob]"). The leak guard warns of those because
// they belong in the sealed fields, which none of those shows: a document
// kept, printed or logged must not carry them further than the record
// already does. The finding that says where they are stays in validate's
// own output. It returns the text and how many things it withheld.
func Withhold(g *pii.Guard) func(string) (string, int) {
	return func(text string) (string, int) {
		text, n := g.Redact(text)
		var b strings.Builder
		at := 0
		for _, m := range g.Scan(text) {
			if m.Kind == pii.SSN || m.Start < at || m.End > len(text) || m.Start >= m.End {
				continue
			}
			b.WriteString(text[at:m.Start])
			b.WriteString("[withheld: " + leakRules[m.Kind] + "]")
			at = m.End
			n++
		}
		if at == 0 {
			return text, n
		}
		b.WriteString(text[at:])
		return b.String(), n
	}
}
