package store

import (
	"github.com/caseplan/caseplan/pkg/finding"
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
