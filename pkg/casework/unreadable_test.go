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
			if h := refused.Hint(); !strings.Contains(h, "git checkout -- "+p) {
				t.Errorf("hint %q does not say how to mend the file", h)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}

// A write refused because a file it edits was broken before it — a hand
// edit left a NUL byte, a syntax error or an unknown field in
// outcome.yaml — says so: the refusal names the file as broken before
// the command and says how to mend it, not "it would leave N error(s)"
// and "correct --date", which read as if the command had broken it.
func TestBrokenRecordRefusedAsBroken(t *testing.T) {
	p := "cases/W-001/outcome.yaml"
	tests := []struct{ name, content string }{
		{"a NUL byte", "# yaml-language-server: $schema=../../schemas/outcome.schema.json\nnotes: \"a\x00b\"\n"},
		{"a syntax error", "# yaml-language-server: $schema=../../schemas/outcome.schema.json\nplacements: [\n"},
		{"an unknown field", "# yaml-language-server: $schema=../../schemas/outcome.schema.json\nbogus: 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := oneCaseStore(t)
			if err := os.WriteFile(filepath.Join(dir, p), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			before := captureState(t, dir)
			add := &AddExclusion{Case: "W-001", Exclusion: record.Exclusion{Kind: "deceased", Date: "2026-03-04"}}
			_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, add.Build)
			var refused *RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("got %v, want a refusal", err)
			}
			if len(refused.Broken) != 1 || refused.Broken[0] != p {
				t.Errorf("Broken = %v, want [%s]", refused.Broken, p)
			}
			if msg := refused.Error(); !strings.Contains(msg, p+" had errors before this command") || strings.Contains(msg, "would leave") {
				t.Errorf("message %q does not say the file was broken before", msg)
			}
			h := refused.HintFor([]string{"--date"})
			for _, want := range []string{"broken before this command", "git checkout -- " + p, "caseplan edit W-001 outcome"} {
				if !strings.Contains(h, want) {
					t.Errorf("hint %q does not say %q", h, want)
				}
			}
			if strings.Contains(h, "correct") {
				t.Errorf("hint %q has the values typed corrected", h)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}
