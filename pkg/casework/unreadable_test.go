package casework

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// A record file the work tree refuses to read — a link to a file outside
// the store, here — is not an I/O failure (exit 3, no hint) to a command
// that would edit it: the change is refused with the finding validate
// gives, and a hint to mend the file, whichever way the command reads it
// (a list it appends to, an outcome it edits, the intake it needs first),
// and the store is left as it was.
func TestUnreadableRecordRefused(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(outside, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	phone := "555-0100"
	tests := []struct {
		name, file string
		build      Build
	}{
		{"a referral added to services.yaml", "services.yaml", AddReferral{Case: "W-001", Referral: record.Referral{Service: "child care", Provider: "Example Care", Referred: "2026-03-16"}}.Build},
		{"an exclusion added to outcome.yaml", "outcome.yaml", (&AddExclusion{Case: "W-001", Exclusion: record.Exclusion{Kind: "deceased", Date: "2026-03-16"}}).Build},
		{"the intake set", "intake.yaml", SetIntake{Case: "W-001", Phone: &phone}.Build},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := oneCaseStore(t)
			p := "cases/W-001/" + tt.file
			os.Remove(filepath.Join(dir, p))
			if err := os.Symlink(outside, filepath.Join(dir, p)); err != nil {
				t.Fatal(err)
			}
			before := captureState(t, dir)
			_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, tt.build)
			var refused *RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("got %v, want a refusal", err)
			}
			if !hasRule(refused.Findings, p, store.RuleSymlink) {
				t.Errorf("findings %v, want %s at %s", refused.Findings, store.RuleSymlink, p)
			}
			for _, f := range refused.Findings {
				if f.Path == p && !strings.Contains(f.Hint, "git checkout -- "+p) {
					t.Errorf("finding %v: hint %q does not say how to mend the file", f, f.Hint)
				}
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}
