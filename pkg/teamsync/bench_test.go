package teamsync

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
	"github.com/caseplan/caseplan/pkg/storegen"
	"github.com/caseplan/caseplan/schemas"
)

// The sync benchmarks push one new note from a clone of a generated store
// to its remote on a smart-HTTP server, as caseplan sync and as the git
// CLI's git pull --rebase && git push, each from the same state: the
// remote either as the clone last saw it (Ahead), or with a colleague's
// note pushed meanwhile (Behind), so that the clone's commit is replayed
// on top of it. Set CASEPLAN_BENCH_STORE to a store made by
// go run ./cmd/internal/genstore (10,000 cases for issue 10's figure);
// without it a 300-case store is generated.
//
//	go test ./pkg/teamsync -run '^$' -bench SyncVsGit -benchtime 7x

// The generated store the benchmarks share, when none is given.
var (
	genOnce sync.Once
	genDir  string
	genErr  error
)

type syncBench struct {
	srv        *gitserver.HTTP
	url, bare  string
	local      string
	base, peer plumbing.Hash // the remote's head, and a colleague's note on top
	note       string        // the clone's new note, relative path
	caseID     string
	who        []string // a name and email on the roster
}

func newSyncBench(b *testing.B) *syncBench {
	b.Helper()
	src := os.Getenv("CASEPLAN_BENCH_STORE")
	if src == "" {
		genOnce.Do(func() {
			genDir, genErr = os.MkdirTemp("", "caseplan-syncbench-")
			if genErr == nil {
				_, genErr = storegen.Generate(filepath.Join(genDir, "gen"), storegen.Options{Cases: 300, Seed: 1, History: true})
			}
		})
		if genErr != nil {
			b.Fatal(genErr)
		}
		src = filepath.Join(genDir, "gen")
	}
	s := &syncBench{srv: gitserver.NewHTTP(b)}
	s.bare = s.srv.Dir("store")
	gitserver.Git(b, "", "clone", "-q", "--bare", src, s.bare)
	gitserver.Git(b, s.bare, "config", "http.receivepack", "true")
	s.url = s.srv.URL + "/store.git"
	s.local = filepath.Join(b.TempDir(), "local")
	gitserver.Git(b, "", "clone", "-q", s.url, s.local)
	s.base = plumbing.NewHash(gitserver.Git(b, s.local, "rev-parse", "HEAD"))
	cases := strings.Fields(gitserver.Git(b, s.local, "ls-tree", "--name-only", "HEAD", "cases/"))
	s.caseID = strings.TrimPrefix(cases[len(cases)/2], "cases/")

	// A colleague's note, pushed to the remote in the Behind case.
	other := filepath.Join(b.TempDir(), "colleague")
	gitserver.Git(b, "", "clone", "-q", "--shared", s.bare, other)
	writeNote(b, other, s.caseID, "2026-11-20-peer1", "A colleague called")
	gitserver.Git(b, other, "add", "-A")
	// By someone on the roster: the last commit's author.
	who := strings.SplitN(gitserver.Git(b, other, "log", "-1", "--format=%an|%ae"), "|", 2)
	gitserver.Git(b, other, "commit", "-q", "--author", who[0]+" <"+who[1]+">", "-m", s.caseID+": add note\n\nCaseplan-Case: "+s.caseID+"\nCaseplan-Action: note.add")
	s.peer = plumbing.NewHash(gitserver.Git(b, other, "rev-parse", "HEAD"))
	s.who = who
	gitserver.Git(b, other, "push", "-q", "origin", "HEAD:refs/heads/peer")
	gitserver.Git(b, s.local, "fetch", "-q", "origin", "peer")
	return s
}

func writeNote(b *testing.B, dir, caseID, id, text string) string {
	rel := "cases/" + caseID + "/notes/" + id + ".yaml"
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.WriteFile(p, []byte(fmt.Sprintf("id: %s\ndate: 2026-11-20\nauthor: %s\nkind: contact\nmode: phone\ntwo_way: true\nservices: [job-search]\ncontent: %s\n", id, "x", text)), 0o644); err != nil {
		b.Fatal(err)
	}
	return rel
}

// reset puts the remote at base (or peer, behind) and the clone at base
// with one new note committed on top, the clone's anchors at base.
func (s *syncBench) reset(b *testing.B, behind bool) {
	b.Helper()
	remote := s.base
	if behind {
		remote = s.peer
	}
	gitserver.Git(b, s.bare, "update-ref", "refs/heads/main", remote.String())
	gitserver.Git(b, s.local, "reset", "-q", "--hard", s.base.String())
	gitserver.Git(b, s.local, "update-ref", "refs/remotes/origin/main", s.base.String())
	s.note = writeNote(b, s.local, s.caseID, "2026-11-20-mine1", "Called about the job fair")
	gitserver.Git(b, s.local, "add", s.note)
	gitserver.Git(b, s.local, "commit", "-q", "--author", s.who[0]+" <"+s.who[1]+">",
		"-m", s.caseID+": add note\n\nCaseplan-Case: "+s.caseID+"\nCaseplan-Action: note.add")
	repo, err := gitstore.Open(s.local)
	if err != nil {
		b.Fatal(err)
	}
	defer repo.Close()
	for _, a := range []string{gitstore.AnchorSynced("origin"), gitstore.AnchorVerified} {
		if err := repo.SetAnchor(a, s.base); err != nil {
			b.Fatal(err)
		}
	}
}

// benchmarkSyncVsGit times, in each iteration, caseplan's sync and the git
// CLI's git pull --rebase && git push from the same state, one after the
// other, so that the load of a busy machine falls on both alike; it
// reports the median of each and their ratio.
func benchmarkSyncVsGit(b *testing.B, behind bool) {
	s := newSyncBench(b)
	v, err := schemas.Compile()
	if err != nil {
		b.Fatal(err)
	}
	rem, err := gitstore.NewRemote("origin", s.url, noCreds)
	if err != nil {
		b.Fatal(err)
	}
	var syncs, gits []time.Duration
	b.ResetTimer()
	b.StopTimer()
	for i := 0; i < b.N; i++ {
		s.reset(b, behind)
		start := time.Now()
		repo, err := gitstore.Open(s.local)
		if err != nil {
			b.Fatal(err)
		}
		_, err = Sync(context.Background(), Options{Repo: repo, Remote: rem, Merge: RecordMerger, Schemas: v, Today: today})
		repo.Close()
		if err != nil {
			if r, ok := err.(*RefusedError); ok {
				b.Fatal(err, r.Findings)
			}
			b.Fatal(err)
		}
		syncs = append(syncs, time.Since(start))

		s.reset(b, behind)
		start = time.Now()
		cmd := exec.Command("sh", "-c", "git pull -q --rebase origin main && git push -q origin HEAD:main")
		cmd.Dir = s.local
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
		gits = append(gits, time.Since(start))
	}
	ms, mg := median(syncs), median(gits)
	b.ReportMetric(float64(ms.Milliseconds()), "sync-ms")
	b.ReportMetric(float64(mg.Milliseconds()), "git-ms")
	b.ReportMetric(float64(ms)/float64(mg), "sync/git")
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkSyncVsGitAhead: the remote as the clone last saw it.
func BenchmarkSyncVsGitAhead(b *testing.B) { benchmarkSyncVsGit(b, false) }

// BenchmarkSyncVsGitBehind: a colleague's note pushed meanwhile.
func BenchmarkSyncVsGitBehind(b *testing.B) { benchmarkSyncVsGit(b, true) }
