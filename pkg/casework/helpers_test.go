package casework

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/schemas"
)

var (
	maria = Author{Name: "Maria Rivera", Email: "mrivera@example.org"}
	dev   = Author{Name: "Dev Patel", Email: "dpatel@example.org"}
	eve   = Author{Name: "Eve Evans", Email: "eve@example.net"}

	testToday = time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	testNow   = time.Date(2026, 3, 16, 10, 30, 0, 0, time.UTC)
)

// gitCLI runs the git CLI in dir, isolated from the machine's and the
// user's configuration. It is the tests' independent judge of what
// caseplan wrote.
func gitCLI(t testing.TB, dir string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git CLI not available")
	}
	cmd := exec.Command("git", append([]string{"-c", "gc.auto=0", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Hand Editor", "GIT_AUTHOR_EMAIL=mrivera@example.org",
		"GIT_COMMITTER_NAME=Hand Editor", "GIT_COMMITTER_EMAIL=mrivera@example.org")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(out.String())
}

// isolateHome gives the test a fresh HOME, so that no global git excludes
// file changes what CommitEdits sees. Tests call it before any subtest
// runs in parallel.
func isolateHome(t *testing.T) {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", "")
}

// initTestStore creates a store with caseplan's own Init (Maria on the
// roster) and returns its directory.
func initTestStore(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	if _, err := Init(InitStore{Dir: dir, Organization: "Example Board", Author: maria, When: testNow.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// withoutAdmin makes the store's creator, its only admin, a case manager
// by a hand edit, as a store made before roles existed is: its roster names
// no admin, so roles are not in force (record.Config.RolesInForce) and
// anyone on it may change the roster, while waivers and the supervisor
// role still need a supervisor.
func withoutAdmin(t *testing.T, dir string) {
	t.Helper()
	path := filepath.Join(dir, "cases", "caseplan.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("    role: admin\n")) {
		t.Fatalf("caseplan.yaml names no admin:\n%s", data)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte("    role: admin\n"), []byte("    role: case-manager\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := openWorkspace(t, dir, maria).CommitEdits("a roster without an admin"); err != nil {
		t.Fatal(err)
	}
}

// storeCache keeps the files of stores that many tests start from, so
// each test gets its own copy without building it again through caseplan.
var storeCache sync.Map // name -> *cachedStore

type cachedStore struct {
	once  sync.Once
	files map[string]cachedFile
	extra string
}

type cachedFile struct {
	data []byte
	perm fs.FileMode
	dir  bool
}

// cached returns a new copy of the store that build makes (once per test
// binary), and the string build returned.
func cached(t *testing.T, name string, build func(t *testing.T, dir string) string) (string, string) {
	t.Helper()
	v, _ := storeCache.LoadOrStore(name, &cachedStore{})
	c := v.(*cachedStore)
	c.once.Do(func() {
		dir := initTestStore(t)
		c.extra = build(t, dir)
		c.files = map[string]cachedFile{}
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			info, err := d.Info()
			if err != nil {
				return err
			}
			f := cachedFile{perm: info.Mode().Perm(), dir: d.IsDir()}
			if !d.IsDir() {
				if f.data, err = os.ReadFile(p); err != nil {
					return err
				}
			}
			c.files[rel] = f
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	if c.files == nil {
		t.Fatalf("building the %s store failed in an earlier test", name)
	}
	dst := filepath.Join(t.TempDir(), "store")
	for rel, f := range c.files {
		p := filepath.Join(dst, rel)
		if f.dir {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.data, f.perm); err != nil {
			t.Fatal(err)
		}
	}
	// The copy's stat data differ from the index's; let git refresh it so
	// that comparisons see changes of content, not of stat data.
	gitCLI(t, dst, "status", "--porcelain")
	return dst, c.extra
}

// oneCaseStore returns a new store holding one WIOA case, W-001, opened
// with caseplan.
func oneCaseStore(t *testing.T) string {
	t.Helper()
	dir, _ := cached(t, "one case", func(t *testing.T, dir string) string {
		openTestCase(t, dir, "W-001")
		return ""
	})
	return dir
}

var compiled struct {
	once sync.Once
	v    *schemas.Validator
	err  error
}

// workspace opens dir for changes made by author.
func openWorkspace(t *testing.T, dir string, author Author) *Workspace {
	t.Helper()
	repo, err := gitstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	compiled.once.Do(func() { compiled.v, compiled.err = schemas.Compile() })
	if compiled.err != nil {
		t.Fatal(compiled.err)
	}
	return &Workspace{Repo: repo, Schemas: compiled.v, Today: testToday, Now: func() time.Time { return testNow }, Author: author}
}

// newCase opens a WIOA case with Maria's workspace and returns its ID.
func openTestCase(t *testing.T, dir, id string) string {
	t.Helper()
	res, err := openWorkspace(t, dir, maria).Apply(nil, NewCase{ID: id, Program: "wioa", Name: "Ana Example", Opened: testToday}.Build)
	if err != nil {
		t.Fatalf("case new: %v", err)
	}
	return res.Change.Output
}

func writeTestFile(t testing.TB, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readTestFile(t testing.TB, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// repoState is everything a refused change must leave as it was.
type repoState struct {
	Head   string
	Index  string // .git/index, byte for byte
	Status string // git status, without letting git refresh the index
	Files  map[string]string
}

func captureState(t testing.TB, dir string) repoState {
	t.Helper()
	index, err := os.ReadFile(filepath.Join(dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	s := repoState{
		Head:   gitCLI(t, dir, "rev-parse", "HEAD"),
		Index:  string(index),
		Status: gitCLI(t, dir, "--no-optional-locks", "status", "--porcelain", "--untracked-files=all"),
		Files:  map[string]string{},
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			rel, _ := filepath.Rel(dir, p)
			s.Files[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		s.Files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func assertSameState(t testing.TB, before, after repoState) {
	t.Helper()
	if before.Head != after.Head {
		t.Errorf("HEAD moved: %s -> %s", before.Head, after.Head)
	}
	if before.Index != after.Index {
		t.Error(".git/index changed")
	}
	if before.Status != after.Status {
		t.Errorf("git status changed:\n%s\n--- now ---\n%s", before.Status, after.Status)
	}
	for p, data := range before.Files {
		if got, ok := after.Files[p]; !ok {
			t.Errorf("%s was removed", p)
		} else if got != data {
			t.Errorf("%s changed", p)
		}
	}
	for p := range after.Files {
		if _, ok := before.Files[p]; !ok {
			t.Errorf("%s was created", p)
		}
	}
}

// committedFiles lists the files a commit changed, per the git CLI.
func committedFiles(t testing.TB, dir, rev string) []string {
	t.Helper()
	out := gitCLI(t, dir, "show", "--name-only", "--format=", rev)
	if out == "" {
		return nil
	}
	return strings.Split(out, "\n")
}

func hasRule(fs []finding.Finding, path, rule string) bool {
	for _, f := range fs {
		if f.Path == path && f.Rule == rule {
			return true
		}
	}
	return false
}

const wioaIntake = `# yaml-language-server: $schema=../../schemas/intake.schema.json
id: W-001
opened: 2026-03-16
program: wioa
status: open
manager: mrivera
participant:
  name: Ana Example
  # Works nights: call after 5pm.
`

// idSource returns a random source from which caseid.NewItem makes exactly
// the item IDs given, in order — each from four bytes whose first 25 bits
// are its five characters — so that a test names the IDs its changes get
// (G-00001, M-00002, ...). Only the characters after the last hyphen
// count; the prefix is the command's.
func idSource(t testing.TB, ids ...string) io.Reader {
	t.Helper()
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	var b []byte
	for _, id := range ids {
		chars := id[strings.LastIndex(id, "-")+1:]
		if len(chars) != 5 {
			t.Fatalf("idSource: %q does not end in five characters", id)
		}
		var v uint32
		for _, c := range chars {
			i := strings.IndexRune(alphabet, c)
			if i < 0 {
				t.Fatalf("idSource: %q is not in the ID alphabet", c)
			}
			v = v<<5 | uint32(i)
		}
		v <<= 7
		b = append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
	}
	return bytes.NewReader(b)
}

// applyWith runs one change on case id as Maria, drawing new IDs from
// random, and returns its output.
func applyWith(t *testing.T, dir, id string, random io.Reader, build Build) string {
	t.Helper()
	ws := openWorkspace(t, dir, maria)
	ws.Rand = random
	res, err := ws.Apply([]string{id}, build)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return res.Change.Output
}

// hintOf is the hint of a refusal, "" for none.
func hintOf(in *InputError) string {
	if in == nil {
		return ""
	}
	return in.Hint
}
