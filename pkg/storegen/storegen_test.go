package storegen_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/storegen"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

const testCases = 30

var today = mustDate(storegen.DefaultToday)

func mustDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("the generated history needs the git CLI")
	}
}

func generate(t *testing.T, opt storegen.Options) *storegen.Result {
	t.Helper()
	res, err := storegen.Generate(filepath.Join(t.TempDir(), "store"), opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// check loads and validates the store as caseplan validate does, and fails
// on any error; it returns the snapshot.
func check(t *testing.T, dir string, day time.Time, maxWarnings int) *casefile.Snapshot {
	t.Helper()
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	src, err := store.NewWorkTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	snap, loaded, err := store.Load(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	fs := validate.Run(snap, loaded, validate.Options{Schemas: v, Today: day})
	// A work-security case's dozen notes (the benchmark's shape, issue
	// 12) cannot hold a check-in for every week of a search of three
	// months or more: once its search is over, ws-checkin-late says so,
	// as history, which is what the rule is for, not a fault of the
	// generator. Every other finding counts.
	fs = slices.DeleteFunc(fs, func(f finding.Finding) bool { return f.Rule == "ws-checkin-late" })
	errs, warns := finding.Count(fs)
	if errs > 0 || warns > maxWarnings {
		for _, f := range fs {
			t.Log(f)
		}
		t.Fatalf("validate --today %s: %d error(s), %d warning(s); want none and at most %d", day.Format(time.DateOnly), errs, warns, maxWarnings)
	}
	return snap
}

func TestGenerate(t *testing.T) {
	needGit(t)
	res := generate(t, storegen.Options{Cases: testCases, Seed: 7, History: true})
	dir := res.Dir
	snap := check(t, dir, today, testCases/10)

	t.Run("verify", func(t *testing.T) {
		repo, err := git.PlainOpen(dir)
		if err != nil {
			t.Fatal(err)
		}
		fs, stats, err := history.Verify(repo, plumbing.ZeroHash, history.VerifyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			t.Error(f)
		}
		if stats.Commits != res.Commits {
			t.Errorf("verify checked %d commits; the generator made %d", stats.Commits, res.Commits)
		}
	})

	t.Run("shape", func(t *testing.T) {
		if len(snap.Cases) != testCases || len(res.Cases) != testCases {
			t.Fatalf("%d cases loaded, %d generated; want %d", len(snap.Cases), len(res.Cases), testCases)
		}
		programs := map[string]int{}
		files := 0
		for _, c := range snap.Cases {
			programs[c.Intake.Program]++
			n := len(c.Docs) // every file of the case
			files += n
			for _, kind := range []string{layout.KindIntake, layout.KindIEP, layout.KindReferences, layout.KindServices} {
				if !c.Has(kind) {
					t.Errorf("case %s has no %s record", c.ID, kind)
				}
			}
			if n < 8 || n > 60 {
				t.Errorf("case %s has %d files", c.ID, n)
			}
		}
		if avg := float64(files) / testCases; avg < 21 || avg > 27 {
			t.Errorf("%.1f files per case; want about 24", avg)
		}
		if len(programs) != 3 {
			t.Errorf("programs %v; want all three", programs)
		}
		if per := float64(res.Commits) / testCases; per < 4 || per > 6 {
			t.Errorf("%.1f commits per case; want about 5", per)
		}
	})

	t.Run("commits", func(t *testing.T) {
		repo, err := git.PlainOpen(dir)
		if err != nil {
			t.Fatal(err)
		}
		iter, err := repo.Log(&git.LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var last time.Time
		err = iter.ForEach(func(c *object.Commit) error {
			if !last.IsZero() && !c.Committer.When.Before(last) {
				t.Errorf("commit %s is dated %s, not before its child (%s)", c.Hash, c.Committer.When, last)
			}
			last = c.Committer.When
			cases, action, ok := audit.Trailers(c.Message)
			if !ok {
				t.Errorf("commit %s has no trailers", c.Hash)
				return nil
			}
			trailerCases := cases
			if len(cases) == 1 && cases[0] == audit.StoreWide {
				trailerCases = nil
			}
			if c.Message != audit.Message(trailerCases, action, strings.SplitN(strings.SplitN(c.Message, "\n", 2)[0], ": ", 2)[1]) {
				t.Errorf("commit %s: message not in audit.Message's form:\n%s", c.Hash, c.Message)
			}
			if c.Author != c.Committer {
				t.Errorf("commit %s: author %v, committer %v", c.Hash, c.Author, c.Committer)
			}
			if len(cases) != 1 || cases[0] == audit.StoreWide {
				return nil
			}
			// The case's manager as it stood: today's, or the one a
			// transfer took over from; a committee's decision is the
			// supervisor's to record (roles).
			k := snap.Case(cases[0])
			if action == "extension.decide" {
				if c.Author.Email != "sup01@example.org" {
					t.Errorf("commit %s on case %s records a decision by %s, not the supervisor", c.Hash, cases[0], c.Author.Email)
				}
				return nil
			}
			managers := []string{k.Intake.Manager}
			for _, tr := range k.Intake.Transfers {
				managers = append(managers, tr.From)
			}
			id := strings.TrimSuffix(c.Author.Email, "@example.org")
			found := false
			for _, m := range managers {
				found = found || m == id
			}
			if !found {
				t.Errorf("commit %s on case %s is authored by %s, not its manager (%v)", c.Hash, cases[0], c.Author.Email, managers)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("git", func(t *testing.T) {
		if out := gitOut(t, dir, "status", "--porcelain"); out != "" {
			t.Errorf("git status is not clean:\n%s", out)
		}
		gitOut(t, dir, "fsck", "--strict", "--no-progress")
		if n := strings.TrimSpace(gitOut(t, dir, "rev-list", "--count", "HEAD")); n != strconv.Itoa(res.Commits) {
			t.Errorf("%s commits in git; the generator says %d", n, res.Commits)
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		again := generate(t, storegen.Options{Cases: testCases, Seed: 7, History: true})
		if again.Head != res.Head || again.Tree != res.Tree {
			t.Errorf("same seed, different history: HEAD %s (tree %s), then %s (tree %s)", res.Head, res.Tree, again.Head, again.Tree)
		}
		other := generate(t, storegen.Options{Cases: testCases, Seed: 8, History: true})
		if other.Tree == res.Tree {
			t.Errorf("seeds 7 and 8 gave the same tree %s", res.Tree)
		}
	})

	t.Run("files only", func(t *testing.T) {
		plain := generate(t, storegen.Options{Cases: testCases, Seed: 7})
		if _, err := os.Stat(filepath.Join(plain.Dir, ".git")); err == nil {
			t.Error("a store generated without history has .git")
		}
		if a, b := readTree(t, dir), readTree(t, plain.Dir); !equalTrees(a, b) {
			t.Error("the files differ with and without history")
		}
	})
}

func TestGenerateLoose(t *testing.T) {
	needGit(t)
	packed := generate(t, storegen.Options{Cases: 5, Seed: 3, History: true})
	loose := generate(t, storegen.Options{Cases: 5, Seed: 3, History: true, Loose: true})
	if loose.Head != packed.Head {
		t.Errorf("loose HEAD %s, packed %s", loose.Head, packed.Head)
	}
	packs, _ := filepath.Glob(filepath.Join(loose.Dir, ".git", "objects", "pack", "*"))
	if len(packs) > 0 {
		t.Errorf("-loose left packs: %v", packs)
	}
	count := gitOut(t, loose.Dir, "count-objects", "-v")
	if !strings.Contains(count, "in-pack: 0") || strings.Contains(count, "\ncount: 0\n") {
		t.Errorf("objects are not loose:\n%s", count)
	}
	gitOut(t, loose.Dir, "fsck", "--strict", "--no-progress")
	if out := gitOut(t, loose.Dir, "status", "--porcelain"); out != "" {
		t.Errorf("git status is not clean:\n%s", out)
	}
}

// TestValid validates stores generated with other seeds and days, without
// history, so that a rare combination of dates that breaks a rule shows.
func TestValid(t *testing.T) {
	for _, tc := range []struct {
		seed  uint64
		today string
	}{{1, "2026-11-20"}, {2, "2026-03-01"}, {3, "2027-01-03"}, {4, "2028-02-29"}} {
		day := mustDate(tc.today)
		res := generate(t, storegen.Options{Cases: 150, Seed: tc.seed, Today: day})
		snap := check(t, res.Dir, day, 150/10)
		postEmploymentClosures(t, snap)
	}
}

// postEmploymentClosures checks that a post-employment case closed after
// its months of services is closed as completed (outcome schema v4), on
// or after their end as case close requires, and one closed before them
// for another reason.
func postEmploymentClosures(t *testing.T, snap *casefile.Snapshot) {
	t.Helper()
	completed := 0
	for _, c := range snap.Cases {
		cl := c.Outcome.LatestClosure()
		if cl == nil || snap.Config.ProgramKind(c.Intake.Program) != record.ProgramPostEmployment {
			continue
		}
		end, ok := calendar.PostAssistanceEnd(c, snap.Config)
		closed, _ := cl.Date.Time()
		switch {
		case !ok:
			t.Errorf("%s: closed with no end of its months of services", c.ID)
		case cl.Reason == record.ClosureCompleted && closed.Before(end):
			t.Errorf("%s: closed completed on %s, before its months end (%s)", c.ID, cl.Date, end.Format(time.DateOnly))
		case cl.Reason != record.ClosureCompleted && !closed.Before(end):
			t.Errorf("%s: closed %s on %s, after its months ended (%s): completed is the reason", c.ID, cl.Reason, cl.Date, end.Format(time.DateOnly))
		case cl.Reason == record.ClosureCompleted:
			completed++
		}
	}
	if completed == 0 {
		t.Errorf("no post-employment case is closed as completed")
	}
}

func TestRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := storegen.Generate(dir, storegen.Options{Cases: 1}); err == nil {
		t.Fatal("Generate wrote into a directory that was not empty")
	}
}

// The note IDs the generator makes are caseplan's: the generator keeps a
// copy of the suffix alphabet, since casework's benchmarks import it.
func TestNoteSuffixAlphabet(t *testing.T) {
	res := generate(t, storegen.Options{Cases: 3, Seed: 1})
	notes, _ := filepath.Glob(filepath.Join(res.Dir, "cases", "*", "notes", "*.yaml"))
	if len(notes) == 0 {
		t.Fatal("no notes")
	}
	for _, p := range notes {
		id := strings.TrimSuffix(filepath.Base(p), ".yaml")
		suffix := id[len("2006-01-02-"):]
		if len(suffix) != 4 || strings.Trim(suffix, casework.NoteSuffixAlphabet) != "" {
			t.Errorf("note %s: suffix %q is not 4 characters of %q", id, suffix, casework.NoteSuffixAlphabet)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out[rel], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for p, data := range a {
		if other, ok := b[p]; !ok || !bytes.Equal(data, other) {
			return false
		}
	}
	return true
}

// TestTransfersVerify: in a store large enough to hold transfers (002),
// each is a commit of its own by the first counselor, and verify finds
// the whole history intact — the commits the second counselor makes
// after it included. (Before the transfer had its commit, verify refused
// 14 commits of this store: the second counselor changing a case the
// parent commit gave to the first.)
func TestTransfersVerify(t *testing.T) {
	needGit(t)
	res := generate(t, storegen.Options{Cases: 200, Seed: 1, History: true})
	transfers := strings.Count(gitOut(t, res.Dir, "log", "--format=%(trailers:key=Caseplan-Action,valueonly)"), "case.transfer")
	if transfers == 0 {
		t.Fatal("the store holds no transfer; the test needs one")
	}
	repo, err := git.PlainOpen(res.Dir)
	if err != nil {
		t.Fatal(err)
	}
	fs, stats, err := history.Verify(repo, plumbing.ZeroHash, history.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Error(f)
	}
	t.Logf("%d transfers; %d commits verified", transfers, stats.Commits)
}
