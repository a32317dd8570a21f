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
//
// It also keeps caseplan's entries of yaml.schemas in the editor settings
// init wrote (.vscode/settings.json: each record kind's schema copy and
// the glob of its files) this caseplan's, in the same commit, keeping the
// office's own settings; a settings file it cannot read as JSON, or none,
// is left as it is.
//
// And, in the same commit, it writes the CI workflow init writes
// (Workflow, at WorkflowPath) when the store has none or one an earlier
// caseplan wrote. One that no caseplan wrote (the office edited it) is
// replaced only when ReplaceWorkflow says so, and otherwise left, with
// WorkflowLeft saying why: an office's own CI steps are not lost without
// its word, and when it gives it, the old text stays in the history.
type UpdateSchemas struct {
	// ReplaceWorkflow replaces a workflow the office edited too.
	ReplaceWorkflow bool

	// SettingsLeft, after Build, says why the editor settings were left
	// as they are although they could not be checked ("" when they were
	// checked, or there are none).
	SettingsLeft string
	// WorkflowLeft, after Build, says why the CI workflow was left as it
	// is although it is not this caseplan's ("" when it was not left).
	WorkflowLeft string

	// Running is this caseplan as go install takes it
	// (buildinfo.Info.Installable), "" for a build it cannot install.
	Running string
	// PinBehind, after Build, says that caseplan_version, which the CI
	// workflow installs, names another caseplan than this one ("" when
	// it names this one, or none): CI then judges the records by the
	// release the store is moving away from.
	PinBehind string
}

// ErrSchemasCurrent says every copy is already the binary's: nothing to
// write, and nothing wrong.
var ErrSchemasCurrent = errors.New("the store's copies of the schemas are already this caseplan's")

// Build returns the change that writes the copies that are not the
// binary's, or ErrSchemasCurrent.
func (u *UpdateSchemas) Build(s *State) (*Change, error) {
	files := map[string][]byte{}
	var kinds, newer []string
	u.SettingsLeft, u.WorkflowLeft = "", ""
	u.PinBehind = pinBehind(s.Snapshot.Config.CaseplanVersion, u.Running)
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
	settings, err := s.ReadFile(EditorSettingsPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// An office that removed the settings keeps them removed.
	case err != nil:
		return nil, fmt.Errorf("%s: %w", EditorSettingsPath, err)
	default:
		updated, changed, err := UpdateEditorSettings(settings)
		if err != nil {
			u.SettingsLeft = fmt.Sprintf("%s was left as it is: it cannot be read as plain JSON (%v), so its yaml.schemas entries for the record kinds were not checked; compare them with what caseplan init writes there and correct them by hand", EditorSettingsPath, err)
		} else if changed {
			files[EditorSettingsPath] = updated
		}
	}
	workflow, err := s.ReadFile(WorkflowPath)
	if errors.Is(err, fs.ErrNotExist) {
		workflow, err = nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", WorkflowPath, err)
	}
	switch CheckWorkflow(workflow) {
	case WorkflowMissing, WorkflowOlder:
		files[WorkflowPath] = []byte(Workflow)
	case WorkflowEdited:
		if u.ReplaceWorkflow {
			files[WorkflowPath] = []byte(Workflow)
		} else {
			u.WorkflowLeft = fmt.Sprintf("%s was left as it is: it matches no workflow that init wrote in any release, so it was edited here; compare it with what caseplan init writes and bring the office's changes over by hand, or replace it with caseplan schemas update --workflow (its text stays in the history)", WorkflowPath)
		}
	}
	if len(files) == 0 {
		return nil, ErrSchemasCurrent
	}
	slices.Sort(kinds)
	_, settingsChanged := files[EditorSettingsPath]
	var summary string
	switch {
	case len(kinds) > 0:
		summary = "rewrite the schema copies of " + strings.Join(kinds, ", ") + " from caseplan's own"
		if settingsChanged {
			summary += ", and the editor settings' schemas"
		}
	case settingsChanged:
		summary = "update the editor settings' schemas from caseplan's own"
	default:
		summary = "update the CI workflow to caseplan's own"
	}
	if _, ok := files[WorkflowPath]; ok && (len(kinds) > 0 || settingsChanged) {
		summary += ", and the CI workflow"
	}
	return &Change{
		Action:  audit.ActionStoreSchemas,
		Summary: summary,
		Files:   files,
		Output:  strings.Join(slices.Sorted(maps.Keys(files)), "\n"),
	}, nil
}

// pinBehind says what a caseplan_version of pin means for a store whose
// schema copies the caseplan running (running, as go install takes it; ""
// for a build it cannot install) brings to its own: the CI workflow
// installs pin, which reports a field or a choice only the newer caseplan
// knows (a contact schedule, a note kind) as an error, so the first
// record to use one fails every push until the pin is raised. "" when
// pin names the caseplan running, or is devel (CI installs the latest
// release) or unset.
func pinBehind(pin, running string) string {
	if pin == "" || pin == "devel" || pin == running {
		return ""
	}
	this, set := running+", the one running", "caseplan_version: "+running
	if running == "" {
		this, set = "the one running (a development build, which go install cannot install)", "caseplan_version to the release the team moves to (caseplan version prints it)"
	}
	return fmt.Sprintf("caseplan_version in %s names %s, which the CI workflow installs, not %s: CI checks the records by %s, which refuses what it does not know of this caseplan's records (a field, a choice), so the first record to use one fails every push; the store's admin sets %s and syncs (README: Upgrading an office)",
		layout.ConfigPath, pin, this, pin, set)
}
