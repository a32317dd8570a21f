package casework

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/schemas"
)

// UpdateSchemas rewrites the store's copies of the schemas (schemas/,
// which editors check the records against) from the binary's own, after
// an upgrade of caseplan: those missing, older, or edited by hand. A copy
// newer than the binary's is never replaced by an older one: the store
// was moved to a newer caseplan, and the one running is what is out of
// date.
type UpdateSchemas struct{}

// ErrSchemasCurrent says every copy is already the binary's: nothing to
// write, and nothing wrong.
var ErrSchemasCurrent = errors.New("the store's copies of the schemas are already this caseplan's")

// Build returns the change that writes the copies that are not the
// binary's, or ErrSchemasCurrent.
func (UpdateSchemas) Build(s *State) (*Change, error) {
	files := map[string][]byte{}
	var kinds, newer []string
	for _, kind := range schemas.Kinds {
		path := layout.SchemaFile(kind)
		data, err := s.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			data, err = nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		c, err := schemas.CheckCopy(kind, data)
		if err != nil {
			return nil, err
		}
		switch c.State {
		case schemas.CopySame:
			continue
		case schemas.CopyNewer:
			newer = append(newer, fmt.Sprintf("%s (version %d; this caseplan's is %d)", path, c.Have, c.Want))
			continue
		}
		own, err := schemas.Bytes(kind)
		if err != nil {
			return nil, err
		}
		files[path] = own
		kinds = append(kinds, kind)
	}
	if len(newer) > 0 {
		hint := "install the release the team runs (caseplan_version in " + layout.ConfigPath + "); its copies are the store's"
		if v := s.Snapshot.Config.CaseplanVersion; v != "" && v != "devel" {
			hint = fmt.Sprintf("install %s, the caseplan_version %s names: go install github.com/caseplan/caseplan/cmd/caseplan@%s", v, layout.ConfigPath, v)
		}
		return nil, inputErrorf(hint, "the store's copies are newer than this caseplan's: %s; the store was moved to a newer caseplan, and its copies are not replaced by older ones", strings.Join(newer, ", "))
	}
	if len(files) == 0 {
		return nil, ErrSchemasCurrent
	}
	slices.Sort(kinds)
	return &Change{
		Action:  audit.ActionStoreSchemas,
		Summary: "rewrite the schema copies of " + strings.Join(kinds, ", ") + " from caseplan's own",
		Files:   files,
		Output:  strings.Join(slices.Sorted(maps.Keys(files)), "\n"),
	}, nil
}
