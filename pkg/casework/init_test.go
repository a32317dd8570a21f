package casework

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/caseplan/caseplan/pkg/layout"
)

// TestInitEditorSettings: init writes VS Code settings whose yaml.schemas
// globs give every record file — made by hand, without a modeline — the
// schema of its kind, and nothing else a schema.
func TestInitEditorSettings(t *testing.T) {
	dir := initWorkflowStore(t, "v1.4.0")
	data, err := os.ReadFile(filepath.Join(dir, ".vscode", "settings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var settings struct {
		Schemas map[string][]string `json:"yaml.schemas"`
	}
	if err := json.Unmarshal(data, &settings); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		"cases/caseplan.yaml", "cases/W-1/intake.yaml", "cases/2026-K7QX2/iep.yaml", "cases/W-1/references.yaml",
		"cases/W-1/services.yaml", "cases/W-1/outcome.yaml", "cases/W-1/notes/2026-03-02-abcd.yaml", "cases/W-1/activity/2026-W10.yaml",
		"cases/W-1/scan.pdf", "cases/W-1/notes/old/2026-01-01-abcd.yaml", "README.md", "cases/W-1/notes.yaml",
	} {
		var matched []string
		for schema, globs := range settings.Schemas {
			for _, g := range globs {
				if ok, _ := path.Match(g, p); ok {
					matched = append(matched, schema)
				}
			}
		}
		kind, isRecord := layout.KindOf(p)
		switch {
		case !isRecord && len(matched) > 0:
			t.Errorf("%s is not a record, yet gets %v", p, matched)
		case isRecord && (len(matched) != 1 || matched[0] != "./"+layout.SchemaFile(kind)):
			t.Errorf("%s (a %s record) gets %v, want ./%s alone", p, kind, matched, layout.SchemaFile(kind))
		}
		for _, schema := range matched {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(schema))); err != nil {
				t.Errorf("%s: the schema %s is not in the store: %v", p, schema, err)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".vscode", "extensions.json")); err != nil {
		t.Error(err)
	}
}

// TestInitRefusedLeavesNothing: settings that would be invalid are refused
// before the store's directory is made.
func TestInitRefusedLeavesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	_, err := Init(InitStore{Dir: dir, Organization: "", Author: maria, When: testNow})
	if err == nil {
		t.Fatal("Init with no organisation's name succeeded")
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused Init left %s behind (stat: %v)", dir, err)
	}
}
