package store

import (
	"fmt"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
)

// NotRead reports whether f, a finding of Load, says that a record file
// was not read at all — it could not be opened, left the store through a
// symbolic link, or was not YAML, not UTF-8, too large or not a record's
// shape — rather than something about what the record says. A command
// that lists a record's entries must not list none for such a file, as if
// the case had none.
func NotRead(f finding.Finding) bool {
	if f.Severity != finding.Error {
		return false
	}
	switch f.Rule {
	case load.RuleTooLarge, load.RuleEncoding, load.RuleSyntax, load.RuleAlias, load.RuleShape,
		RuleDecode, RuleUnreadable, RuleSymlink:
		return true
	}
	return false
}

// SettingsError says that the store settings file cannot be read, and,
// from Load's findings, why: every command needs the settings, so none
// can go on without them.
type SettingsError struct {
	Line   int    // the line of the problem in the file; 0 when none
	Reason string // the loader's finding; "" when Load gave none
}

// NoSettings returns the SettingsError of a Load whose Config is nil,
// from its findings.
func NoSettings(found []finding.Finding) *SettingsError {
	for _, f := range found {
		if f.Path == layout.ConfigPath && (NotRead(f) || f.Rule == RuleMissingStore) {
			return &SettingsError{Line: f.Line, Reason: f.Message}
		}
	}
	return &SettingsError{}
}

func (e *SettingsError) Error() string {
	msg := "cannot read the store settings " + layout.ConfigPath
	if e.Line > 0 {
		msg += fmt.Sprintf(" (line %d)", e.Line)
	}
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}
