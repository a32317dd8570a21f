package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
)

// TestTeamSync is issue 10's proof, with the real binary and a real git
// host: five case managers, each in a clone of their own, make 100 changes
// each to the same few cases — notes, applications in one activity week,
// referrals, references, goals and next steps in one plan, two new cases
// each — syncing at random moments, all at once, against one smart-HTTP
// remote (git http-backend). After a final round of syncs every clone
// holds all 500 changes and the same HEAD, the history is a line, and
// validate and verify are clean.
//
// CASEPLAN_TEAM_CHANGES sets the changes per clone (default 100; 20 with
// -short).
func TestTeamSync(t *testing.T) {
	changes := 100
	if testing.Short() {
		changes = 20
	}
	if v := os.Getenv("CASEPLAN_TEAM_CHANGES"); v != "" {
		fmt.Sscan(v, &changes)
	}
	bin := buildCaseplan(t)
	srv := gitserver.NewHTTP(t)
	url := srv.NewRepo(t, "store")
	work := t.TempDir()

	people := []string{"Maria Rivera <mrivera@example.org>", "Dev Patel <dpatel@example.org>",
		"Ana Lopez <alopez@example.org>", "Sam Okafor <sokafor@example.org>", "Kim Tran <ktran@example.org>"}
	run := func(dir, author string, args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "CASEPLAN_AUTHOR="+author, "CASEPLAN_TODAY=2026-03-16",
			"HOME="+work, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("caseplan %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errb.String())
		}
		return strings.TrimSpace(out.String()), nil
	}
	must := func(dir, author string, args ...string) string {
		t.Helper()
		out, err := run(dir, author, args...)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	// Maria creates the store on the host with the team on the roster and
	// the two cases everyone works on. The others are coordinators: a case
	// manager changes only the cases they manage or are on the team of.
	office := filepath.Join(work, "c0")
	must(work, people[0], "init", "--remote", url, office, "--organization", "Example Workforce Board")
	for _, p := range people[1:] {
		name, email, _ := strings.Cut(strings.TrimSuffix(p, ">"), " <")
		must(office, people[0], "staff", "add", "--name", name, "--email", email, "--role", "coordinator")
	}
	must(office, people[0], "case", "new", "--program", "work-security", "--name", "Ana Example", "--id", "WS-001",
		"--notice-date", "2026-03-13", "--layoff-date", "2026-05-12")
	must(office, people[0], "case", "new", "--program", "wioa", "--name", "Ben Example", "--id", "W-001")
	must(office, people[0], "sync")
	dirs := []string{office}
	for i := 1; i < len(people); i++ {
		dir := filepath.Join(work, fmt.Sprintf("c%d", i))
		must(work, people[i], "clone", url, dir)
		dirs = append(dirs, dir)
	}

	// What each change leaves that every clone must hold at the end.
	type mark struct{ file, text string }
	var mu sync.Mutex
	var marks []mark
	var syncs, syncFailures int
	var wg sync.WaitGroup
	errs := make(chan error, len(people))
	for k := range people {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			dir, me := dirs[k], people[k]
			rng := rand.New(rand.NewPCG(uint64(k), 42))
			newCaseAt := map[int]int{changes / 3: 1, 2 * changes / 3: 2}
			for i := 0; i < changes; i++ {
				tag := fmt.Sprintf("c%d-%03d", k, i)
				var m mark
				var err error
				switch r := rng.IntN(100); {
				case newCaseAt[i] > 0:
					id := fmt.Sprintf("N%d-%d", k, newCaseAt[i])
					_, err = run(dir, me, "case", "new", "--program", "wioa", "--name", "New Person "+tag, "--id", id)
					m = mark{"cases/" + id + "/intake.yaml", "New Person " + tag}
				case r < 30:
					var id string
					id, err = run(dir, me, "note", "add", "WS-001", "--kind", "contact", "--mode", "phone", "--two-way",
						"--service", "job-search", "--content", "Weekly check-in "+tag)
					m = mark{"cases/WS-001/notes/" + id + ".yaml", "Weekly check-in " + tag}
				case r < 45:
					_, err = run(dir, me, "activity", "add", "WS-001", "--date", "2026-03-16", "--kind", "application",
						"--org", "Employer "+tag, "--position", "Clerk", "--internal=false")
					m = mark{"cases/WS-001/activity/2026-W12.yaml", "Employer " + tag}
				case r < 55:
					_, err = run(dir, me, "service", "add", "W-001", "--service", "Child care "+tag,
						"--provider", "Riverside Child Care", "--date", "2026-03-16")
					m = mark{"cases/W-001/services.yaml", "Child care " + tag}
				case r < 65:
					_, err = run(dir, me, "ref", "add", "WS-001", "--name", "Reference "+tag,
						"--relationship", "former supervisor", "--permission", "2026-03-16")
					m = mark{"cases/WS-001/references.yaml", "Reference " + tag}
				case r < 80:
					_, err = run(dir, me, "iep", "goal", "add", "W-001", "--term", "short", "--text", "Goal "+tag)
					m = mark{"cases/W-001/iep.yaml", "Goal " + tag}
				default:
					_, err = run(dir, me, "iep", "step", "add", "W-001", "--owner", "participant", "--text", "Step "+tag)
					m = mark{"cases/W-001/iep.yaml", "Step " + tag}
				}
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				marks = append(marks, m)
				mu.Unlock()
				if rng.IntN(100) < 15 {
					_, err := run(dir, me, "sync")
					mu.Lock()
					syncs++
					if err != nil {
						// Five clones pushing at once may each lose the race
						// five times; the changes stay here for the next sync.
						syncFailures++
						t.Logf("sync in c%d: %v", k, err)
					}
					mu.Unlock()
				}
			}
			errs <- nil
		}(k)
	}
	wg.Wait()
	for range people {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}

	// The final round: everyone syncs, twice around, one after another.
	for round := 0; round < 2; round++ {
		for k, dir := range dirs {
			must(dir, people[k], "sync")
		}
	}
	t.Logf("%d changes, %d syncs during the work (%d did not get through and were retried later), %d pushes to the host",
		len(marks), syncs, syncFailures, srv.Pushes())
	if len(marks) != changes*len(people) {
		t.Fatalf("%d changes made, want %d", len(marks), changes*len(people))
	}

	var heads []string
	for k, dir := range dirs {
		lost := 0
		for _, m := range marks {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(m.file)))
			if err != nil || !bytes.Contains(data, []byte(m.text)) {
				lost++
				if lost <= 5 {
					t.Errorf("c%d lacks %q in %s", k, m.text, m.file)
				}
			}
		}
		if lost > 0 {
			t.Errorf("c%d: %d of %d changes lost", k, lost, len(marks))
		}
		heads = append(heads, gitserver.Git(t, dir, "rev-parse", "HEAD"))
		if merges := gitserver.Git(t, dir, "rev-list", "--merges", "HEAD"); merges != "" {
			t.Errorf("c%d: the history has merge commits", k)
		}
		if st := gitserver.Git(t, dir, "status", "--porcelain"); st != "" {
			t.Errorf("c%d: the work tree is not clean:\n%s", k, st)
		}
		must(dir, people[k], "validate")
		must(dir, people[k], "verify", "--full")
	}
	for k, h := range heads {
		if h != heads[0] {
			t.Errorf("c%d is at %s, c0 at %s", k, h, heads[0])
		}
	}
	if remote := gitserver.Git(t, srv.Dir("store"), "rev-parse", "main"); remote != heads[0] {
		t.Errorf("the host is at %s, the clones at %s", remote, heads[0])
	}
}

// buildCaseplan builds the caseplan binary for a test that runs it as a
// separate process.
func buildCaseplan(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "caseplan")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
