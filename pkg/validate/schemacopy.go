package validate

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

// RuleSchemaCopy: the store's copy of a schema (schemas/, which editors
// check the records against) is missing, older or newer than the schemas
// caseplan validates with, or was edited.
const RuleSchemaCopy = "schema-copy"

// SchemaCopyFindings compares the store's copies of the schemas in src
// (schemas/*.schema.json, written by caseplan init for the editors) with
// the binary's own, one finding per copy that is not the binary's. It
// reads one small file per record kind, whatever the store's size. A
// store with no copies at all (made by hand, without init) chose to keep
// none, and is not told of each; one that has some and lacks others (a
// record kind added since) is.
// cfg is the store's settings, nil when there are none: the hint to a
// store moved to a newer caseplan names its caseplan_version.
func SchemaCopyFindings(src store.Source, cfg *record.Config) []finding.Finding {
	var out []finding.Finding
	missing := 0
	for _, kind := range schemas.Kinds {
		path := layout.SchemaFile(kind)
		data, err := src.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			data, err = nil, nil
		}
		if err != nil {
			out = append(out, schemaCopyFinding(path, fmt.Sprintf("the store's copy of the %s schema cannot be read (%v); editors cannot check %s records against it", kind, err, kind)+"; "+updateHint))
			continue
		}
		c, err := schemas.CheckCopy(kind, data)
		if err != nil {
			continue // not a kind of this binary: cannot be
		}
		if c.State == schemas.CopyMissing {
			missing++
		}
		if msg := copyMessage(path, c, cfg); msg != "" {
			out = append(out, schemaCopyFinding(path, msg))
		}
	}
	if missing == len(schemas.Kinds) {
		return nil
	}
	return out
}

const updateHint = "rewrite the store's copies from this caseplan's with caseplan schemas update"

func schemaCopyFinding(path, msg string) finding.Finding {
	return finding.Finding{Path: path, Severity: finding.Warning, Rule: RuleSchemaCopy, Message: msg}
}

// copyMessage says what c means for the people editing the records, and
// what to do; "" for a copy that is the binary's.
func copyMessage(path string, c schemas.Copy, cfg *record.Config) string {
	switch c.State {
	case schemas.CopyMissing:
		return fmt.Sprintf("the store has no copy of the %s schema, so editors do not check %s records: %s", c.Kind, c.Kind, updateHint)
	case schemas.CopyOlder:
		return fmt.Sprintf("the store's copy of the %s schema is version %d, older than this caseplan's (%d): editors check %s records against the old schema (fields added since are flagged as unknown, checks added since are missed); %s",
			c.Kind, c.Have, c.Want, c.Kind, updateHint)
	case schemas.CopyNewer:
		return fmt.Sprintf("the store's copy of the %s schema is version %d, newer than this caseplan's (%d): the store was moved to a newer caseplan, and this one checks %s records by an older schema; %s",
			c.Kind, c.Have, c.Want, c.Kind, upgradeAdvice(cfg, "", "the copies"))
	case schemas.CopyChanged:
		return fmt.Sprintf("the store's copy of the %s schema differs from this caseplan's version %d (edited by hand?): editors check %s records by other rules than caseplan validate; %s",
			c.Kind, c.Want, c.Kind, updateHint)
	}
	return ""
}

// upgradeAdvice says which caseplan to install rather than change what
// (the copies, the record): the release caseplan_version in cfg names,
// else the one the team runs. running is this caseplan as go install
// takes it ("" when unknown): when the pin names it, the store moved past
// the pin without it being raised, and installing it again would change
// nothing.
func upgradeAdvice(cfg *record.Config, running, what string) string {
	pin := ""
	if cfg != nil && cfg.CaseplanVersion != "devel" {
		pin = cfg.CaseplanVersion
	}
	switch {
	case pin != "" && pin == running:
		return fmt.Sprintf("caseplan_version in %s still names %s, the release you run, though colleagues moved on: ask the store's admin to set it to the release they run (caseplan version prints it), then install that rather than change %s", layout.ConfigPath, pin, what)
	case pin != "":
		return fmt.Sprintf("install %s, the caseplan_version %s names, rather than change %s: go install github.com/caseplan/caseplan/cmd/caseplan@%s", pin, layout.ConfigPath, what, pin)
	}
	return "install the release the team runs (caseplan_version in " + layout.ConfigPath + "), rather than change " + what + ": go install github.com/caseplan/caseplan/cmd/caseplan@VERSION"
}

// NewerCaseplanHints gives each schema finding in a record of a kind
// whose copy in the store (src's schemas/) is newer than this caseplan's
// the hint to upgrade caseplan, in place of the schema's own (take the
// field out, write one of the choices). A colleague who moved to a newer
// caseplan (and ran schemas update) writes fields and choices this one
// does not know — a contact schedule, a new note kind — which it reports
// as unknown or not a valid choice; taking them out, as the usual hint
// says, would drop what the newer caseplan recorded. The messages are
// unchanged. The copies are read only when there is a schema finding, so
// a valid store pays nothing for it. cfg is the store's settings (nil
// when there are none), for the release to install; running is this
// caseplan as go install takes it (buildinfo.Info.Installable), "" when
// unknown.
func NewerCaseplanHints(src store.Source, cfg *record.Config, running string, fs []finding.Finding) []finding.Finding {
	newer := map[string]*schemas.Copy{} // by kind; nil: not newer
	var out []finding.Finding
	for i, f := range fs {
		if f.Rule != RuleSchema {
			continue
		}
		kind, ok := layout.KindOf(f.Path)
		if !ok {
			continue
		}
		c, seen := newer[kind]
		if !seen {
			if data, err := src.ReadFile(layout.SchemaFile(kind)); err == nil {
				if got, err := schemas.CheckCopy(kind, data); err == nil && got.State == schemas.CopyNewer {
					c = &got
				}
			}
			newer[kind] = c
		}
		if c == nil {
			continue
		}
		if out == nil {
			out = slices.Clone(fs) // the caller's findings (a cache's) stay as they were
		}
		out[i].Hint = fmt.Sprintf("the store's copy of the %s schema is version %d, newer than this caseplan's (%d): probably written by a colleague on a newer caseplan; upgrade caseplan: %s",
			kind, c.Have, c.Want, upgradeAdvice(cfg, running, "the record"))
	}
	if out == nil {
		return fs
	}
	return out
}
