package store

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/record"
)

// writeFiles writes files (repository-relative path -> content) under root.
func writeFiles(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// symlink makes link (repository-relative) point at target.
func symlink(t testing.TB, root, target, link string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(link))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

// gitCLI runs the git CLI in dir, isolated from the machine's configuration.
// The git CLI is the tests' independent way of making commits.
func gitCLI(t testing.TB, dir string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git CLI not available")
	}
	cmd := exec.Command("git", append([]string{"-c", "gc.auto=0", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.org",
		"GIT_AUTHOR_DATE=2026-03-01T09:00:00Z", "GIT_COMMITTER_DATE=2026-03-01T09:00:00Z")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(out.String())
}

// commitAll makes dir a repository (if it is not one) and commits
// everything in it, returning the source reading that commit's tree.
func commitAll(t testing.TB, dir string) GitTree {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		gitCLI(t, dir, "init", "-q", "-b", "main")
	}
	gitCLI(t, dir, "add", "-A")
	gitCLI(t, dir, "commit", "-q", "--allow-empty", "-m", "snapshot")
	repo, err := gitstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	head, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	tree, err := repo.TreeAt(head)
	if err != nil {
		t.Fatal(err)
	}
	return GitTree{Tree: tree}
}

func openWorkTree(t testing.TB, root string) *WorkTree {
	t.Helper()
	w, err := NewWorkTree(root)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func mustLoad(t testing.TB, src Source, only []string) (*casefile.Snapshot, []finding.Finding) {
	t.Helper()
	snap, fs, err := Load(src, only)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return snap, fs
}

// caseSummary is what Load made of one case, in a form that compares by
// value: the parsed documents hold pointers that differ between loads.
type caseSummary struct {
	ID, Dir    string
	Intake     *record.Intake
	IEP        *record.IEP
	References *record.References
	Services   *record.Services
	Outcome    *record.Outcome
	Notes      []record.Note
	NotePaths  []string
	Activity   []record.ActivityWeek
	Docs       []string // paths, in order
}

type snapSummary struct {
	Config   *record.Config
	HasDoc   bool
	Files    int
	Cases    []caseSummary
	Findings []finding.Finding
}

func summarize(s *casefile.Snapshot, fs []finding.Finding) snapSummary {
	out := snapSummary{Config: s.Config, HasDoc: s.ConfigDoc != nil, Files: s.Files, Findings: fs}
	for _, c := range s.Cases {
		cs := caseSummary{ID: c.ID, Dir: c.Dir, Intake: c.Intake, IEP: c.IEP, References: c.References, Services: c.Services, Outcome: c.Outcome}
		for _, n := range c.Notes {
			cs.Notes = append(cs.Notes, *n)
			cs.NotePaths = append(cs.NotePaths, c.NotePath(n))
		}
		for _, a := range c.Activity {
			cs.Activity = append(cs.Activity, *a)
		}
		for _, d := range c.Docs {
			cs.Docs = append(cs.Docs, d.Path)
		}
		out.Cases = append(out.Cases, cs)
	}
	return out
}

// rulesAt lists findings as "path rule severity" lines, the part of a
// finding most tests assert.
func rulesAt(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path+" "+f.Rule+" "+string(f.Severity))
	}
	return out
}

const configYAML = `organization: Test Board
staff:
  - id: alice
    name: Alice Adams
    email: alice@example.org
programs:
  wioa:
    kind: wioa
`

func intakeYAML(id string) string {
	return "id: " + id + "\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: alice\nparticipant:\n  name: Pat Example\n"
}

func noteYAML(id, date string) string {
	return "id: " + id + "\ndate: " + date + "\nauthor: alice\nkind: contact\nmode: phone\ntwo_way: true\nservices:\n  - job-search\n"
}
