// Package finding defines what every checking stage of caseplan reports: a
// problem in a record file, at a line and column, with the rule that found it.
package finding

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a finding makes the records invalid (Error) or only
// deserves attention (Warning).
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one problem found in the records. Path is slash-separated and
// relative to the repository root (for example cases/2026-K7QX2/intake.yaml).
// Line and Column are 1-based; 0 means the finding is about the whole file.
// Commit names the commit a history finding is about (verify only).
type Finding struct {
	Path string `json:"path"`
	// Copy, when set, is the file Line and Column point into instead of
	// Path: the edited copy of the record at Path that caseplan edit
	// validated. The finding names both, as a case manager needs to know
	// which record was refused and where to fix the copy.
	Copy     string   `json:"copy,omitempty"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	// Hint says what to do about the finding when its message does not
	// (a schema finding: take the field out, add it), printed as a
	// "caseplan: hint:" line on stderr and kept in the JSON; "" when the
	// message says it, or nothing is clear.
	Hint   string `json:"hint,omitempty"`
	Case   string `json:"case"`
	Commit string `json:"commit,omitempty"`
	// FileLevel marks a finding about the file itself — it is not
	// readable YAML, not UTF-8, too large, not the shape its schema
	// requires — rather than about what the records say. A write never
	// commits a file with such a finding, even one it had before.
	FileLevel bool `json:"-"`
	// Waived marks a finding a supervisor waived for its case: shown as a
	// warning with the waiver's reason.
	Waived bool `json:"waived,omitempty"`
	// WaiverReason is the reason the supervisor gave for waiving a
	// Waived finding, as the message also says: -o sarif carries it as
	// the suppression's justification. It is kept in the JSON (an added
	// field) because the result cache keeps findings as JSON.
	WaiverReason string `json:"waiver_reason,omitempty"`
}

// String renders a finding the way compilers do, so editors can jump to it:
// path:line:col: severity rule: message.
func (f Finding) String() string {
	loc := f.Path
	if loc == "" && f.Commit != "" {
		loc = "commit " + short(f.Commit)
	} else if f.Copy != "" {
		// The copy's position stays one path:line:col token, so a
		// terminal or editor still jumps to it.
		at := f.Copy
		if f.Line > 0 {
			at = fmt.Sprintf("%s:%d:%d", f.Copy, f.Line, max(f.Column, 1))
		}
		loc = fmt.Sprintf("%s (your edited copy %s)", f.Path, at)
	} else if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", f.Path, f.Line, max(f.Column, 1))
	}
	msg := f.Message
	// The commit is named once: a message that already names it (sync's
	// "still in its commit: git show HASH:PATH") needs no second copy.
	if f.Commit != "" && f.Path != "" && !strings.Contains(msg, short(f.Commit)) {
		msg = fmt.Sprintf("%s (commit %s)", msg, short(f.Commit))
	}
	return fmt.Sprintf("%s: %s %s: %s", loc, f.Severity, f.Rule, msg)
}

func short(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}

// Sort orders findings by path, position, then rule, so output is stable.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// Count returns the number of errors and warnings in fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// CountCases returns the number of cases fs are on: a store-wide finding
// (the roster, the settings; no Case) is on none. validate --new-from says
// it of the new findings, which are seldom on every case it checked.
func CountCases(fs []Finding) int {
	cases := map[string]bool{}
	for _, f := range fs {
		if f.Case != "" {
			cases[f.Case] = true
		}
	}
	return len(cases)
}

// CountWaived counts the findings a supervisor's waiver set aside
// (Waived). They are warnings, and Count counts them as warnings too:
// this says how many of those are waived, which summaries show apart
// ("2 warning(s), 1 waived").
func CountWaived(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.Waived {
			n++
		}
	}
	return n
}

// WaivedPart is ", N waived" for the summaries when some of fs are
// waived, else "".
func WaivedPart(fs []Finding) string {
	if n := CountWaived(fs); n > 0 {
		return fmt.Sprintf(", %d waived", n)
	}
	return ""
}

// Key identifies a finding across two versions of the records: its file,
// rule and message — not its line and column, which move when lines are
// added above it.
func (f Finding) Key() string { return f.Path + "\x00" + f.Rule + "\x00" + f.Message }

// Since returns the findings of now that base does not have (by Key, and
// as many times as now has them beyond base's count), in now's order: what
// a change brought, for validate --new-from.
//
// With sameObligation (nil for none), a finding of a rule it reports that
// base lacks by Key is still not new when base had one of that rule on
// the same case that now lacks by Key: such a finding says what a case
// still needs, and its message follows what was done ("0 of 3
// references", then "1 of 3", on the file the new reference went to), so
// a change that made progress on an old obligation brought nothing new.
func Since(base, now []Finding, sameObligation func(rule string) bool) []Finding {
	had := map[string]int{}
	for _, f := range base {
		had[f.Key()]++
	}
	var unmatched []Finding
	for _, f := range now {
		k := f.Key()
		if had[k] > 0 {
			had[k]--
			continue
		}
		unmatched = append(unmatched, f)
	}
	if sameObligation == nil {
		return unmatched
	}
	obligation := func(f Finding) (string, bool) {
		return f.Case + "\x00" + f.Rule, f.Case != "" && sameObligation(f.Rule)
	}
	left := map[string]int{}
	for _, f := range base {
		if k, ok := obligation(f); ok && had[f.Key()] > 0 {
			had[f.Key()]--
			left[k]++
		}
	}
	var out []Finding
	for _, f := range unmatched {
		if k, ok := obligation(f); ok && left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}

// Redact passes every message and hint of fs through redact, in place,
// and returns fs: a message that quotes what a person wrote (a value, a
// line, a field name; a hint names the field to take out) must not
// repeat what the leak guard would refuse to store (pii.Guard.Redact).
func Redact(fs []Finding, redact func(string) (string, int)) []Finding {
	for i := range fs {
		fs[i].Message, _ = redact(fs[i].Message)
		fs[i].Hint, _ = redact(fs[i].Hint)
	}
	return fs
}

// MaskPaths returns a copy of fs with Path and Copy passed through redact,
// for printing: a file's name can hold what the leak guard refuses to
// store (cases/W-001/scan-123-45-6789.txt), and every format a finding is
// printed in — a terminal, a CI log, an annotation, code scanning — is one
// more copy of it. fs itself keeps the real paths, which matching a
// finding to its file needs (a write's check, --new-from, the results
// cache).
func MaskPaths(fs []Finding, redact func(string) (string, int)) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		f.Path, _ = redact(f.Path)
		f.Copy, _ = redact(f.Copy)
		out[i] = f
	}
	return out
}
