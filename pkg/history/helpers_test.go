package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/audit"
)

// testStore is a real git repository built with the git CLI, the way case
// managers' stores come to be: caseplan's commits and people's hand commits.
type testStore struct {
	t    *testing.T
	dir  string
	tick int // seconds after 09:00 of the next commit, for determinism
}

const (
	alice = "Alice Adams <alice@example.org>"
	bob   = "Bob Brown <bob@example.org>"
	eve   = "Eve Evans <eve@example.net>"
)

func gitEnv(dir string) []string {
	return append(os.Environ(),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_DIR="+filepath.Join(dir, ".git"), "GIT_WORK_TREE="+dir)
}

func newTestStore(t *testing.T) *testStore {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git CLI not available")
	}
	s := &testStore{t: t, dir: t.TempDir()}
	s.git("", "init", "-q", "-b", "main", s.dir)
	return s
}

// git runs git in the store as author ("Name <email>", or "" for a default),
// dated by the store's clock.
func (s *testStore) git(author string, args ...string) string {
	s.t.Helper()
	name, email := "Test", "test@example.org"
	if author != "" {
		n, e, _ := strings.Cut(author, " <")
		name, email = n, strings.TrimSuffix(e, ">")
	}
	date := fmt.Sprintf("2026-03-01T09:%02d:%02d+01:00", s.tick/60, s.tick%60)
	full := append([]string{"-c", "user.name=" + name, "-c", "user.email=" + email, "-c", "commit.gpgsign=false"}, args...)
	cmd := exec.Command("git", full...)
	cmd.Dir = s.dir
	cmd.Env = append(gitEnv(s.dir), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (s *testStore) write(path, content string) {
	s.t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *testStore) remove(path string) {
	s.t.Helper()
	if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(path))); err != nil {
		s.t.Fatal(err)
	}
}

// commit stages everything and commits it as author with message msg,
// returning the new commit's hash.
func (s *testStore) commit(author, msg string) string {
	s.t.Helper()
	s.git(author, "add", "-A")
	s.tick++
	s.git(author, "commit", "-q", "--allow-empty", "-m", msg)
	return s.head()
}

// caseplanCommit commits as caseplan would: "<case>: <summary>" and trailers.
func (s *testStore) caseplanCommit(author, caseID, action, summary string) string {
	s.t.Helper()
	subject := caseID
	if caseID == audit.StoreWide {
		subject = "caseplan"
	}
	return s.commit(author, fmt.Sprintf("%s: %s\n\nCaseplan-Case: %s\nCaseplan-Action: %s\n", subject, summary, caseID, action))
}

func (s *testStore) head() string {
	s.t.Helper()
	return s.git("", "rev-parse", "HEAD")
}

func (s *testStore) open() *git.Repository {
	s.t.Helper()
	repo, err := git.PlainOpen(s.dir)
	if err != nil {
		s.t.Fatal(err)
	}
	return repo
}

// initStore makes the store-wide first commit with a roster of alice.
func (s *testStore) initStore() string {
	s.write("cases/caseplan.yaml", rosterYAML(alice))
	return s.caseplanCommit(alice, audit.StoreWide, "store.init", "initialise store")
}

func rosterYAML(people ...string) string {
	var b strings.Builder
	b.WriteString("# yaml-language-server: $schema=../schemas/caseplan.schema.json\norganisation: Example Works\nstaff:\n")
	for i, p := range people {
		name, email, _ := strings.Cut(p, " <")
		fmt.Fprintf(&b, "  - id: s%d\n    name: %s\n    email: %s\n", i+1, name, strings.TrimSuffix(email, ">"))
	}
	return b.String()
}

func note(caseID, id, text string) (path, content string) {
	return "cases/" + caseID + "/notes/2026-03-01-" + id + ".yaml",
		fmt.Sprintf("id: %s\ndate: 2026-03-01\nauthor: s1\nkind: contact\ncontent: %s\n", id, text)
}

// addNote commits a note whose author is the committer's staff ID on the
// roster as it stands, as caseplan writes one (audit.RuleNoteAuthor).
func (s *testStore) addNote(author, caseID, id, text string) (commit, path string) {
	path, content := note(caseID, id, text)
	content = strings.Replace(content, "author: s1\n", "author: "+s.staffID(author)+"\n", 1)
	s.write(path, content)
	return s.caseplanCommit(author, caseID, "note.add", "add note "+id), path
}

// staffID is the ID of author ("Name <email>") on the work tree's roster,
// or "s1" when it is not on it.
func (s *testStore) staffID(author string) string {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(s.dir, "cases", "caseplan.yaml"))
	if err != nil {
		return "s1"
	}
	var doc struct {
		Staff []struct{ ID, Email string }
	}
	if yaml.Unmarshal(data, &doc) != nil {
		return "s1"
	}
	_, email, _ := strings.Cut(author, " <")
	email = strings.TrimSuffix(email, ">")
	for _, st := range doc.Staff {
		if strings.EqualFold(st.Email, email) {
			return st.ID
		}
	}
	return "s1"
}

func (s *testStore) newCase(author, caseID string) string {
	s.write("cases/"+caseID+"/intake.yaml", "id: "+caseID+"\nstatus: open\nmanager: s1\n")
	return s.caseplanCommit(author, caseID, "case.new", "open case")
}

func hash(h string) plumbing.Hash { return plumbing.NewHash(h) }
