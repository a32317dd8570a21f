package validate

import (
	"errors"
	"fmt"
	"io/fs"

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
		upgrade := "install the release the team runs (caseplan_version in " + layout.ConfigPath + "), rather than change the copies: go install github.com/caseplan/caseplan/cmd/caseplan@VERSION"
		if cfg != nil && cfg.CaseplanVersion != "" && cfg.CaseplanVersion != "devel" {
			upgrade = fmt.Sprintf("install %s, the caseplan_version %s names, rather than change the copies: go install github.com/caseplan/caseplan/cmd/caseplan@%s", cfg.CaseplanVersion, layout.ConfigPath, cfg.CaseplanVersion)
		}
		return fmt.Sprintf("the store's copy of the %s schema is version %d, newer than this caseplan's (%d): the store was moved to a newer caseplan, and this one checks %s records by an older schema; %s",
			c.Kind, c.Have, c.Want, c.Kind, upgrade)
	case schemas.CopyChanged:
		return fmt.Sprintf("the store's copy of the %s schema differs from this caseplan's version %d (edited by hand?): editors check %s records by other rules than caseplan validate; %s",
			c.Kind, c.Want, c.Kind, updateHint)
	}
	return ""
}
