package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/buildinfo"
	"github.com/caseplan/caseplan/pkg/resultcache"
)

// TestLateEntriesCache: the late notes of a monthly report are kept in the
// clone's cache and used by the next report of the same commit, without
// reading the month-end commit's trees; the answer is the one computed
// without the cache when the month-end commit is another (history made
// again), and a damaged cache file or a kept answer that does not fit is
// never used.
func TestLateEntriesCache(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git CLI to read and rewrite the history")
	}
	dir, v1, at, run := lateStore(t)
	git := func(args ...string) string {
		t.Helper()
		c := exec.Command("git", args...)
		c.Dir = dir
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	note := func(env map[string]string, id, date, content string) {
		t.Helper()
		run(env, "note", "add", id, "--date", date, "--kind", "case-conference", "--mode", "none", "--content", content)
	}
	for _, id := range []string{"W-01", "W-02"} {
		run(at("2026-03-16", "11"), "case", "new", "--id", id, "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-10", "--manager", "mrivera")
	}
	beforeEnd := git("rev-parse", "HEAD")
	note(at("2026-03-31", "09"), "W-01", "2026-03-20", "Team reviewed the plan")
	monthEnd := git("rev-parse", "HEAD")
	note(at("2026-04-02", "09"), "W-02", "2026-03-25", "Written up late")

	// report runs the March report as of April 3, with the cache or
	// without it.
	report := func(cache bool) (string, string) {
		t.Helper()
		env := at("2026-04-03", "09")
		if !cache {
			env["CASEPLAN_CACHE"] = "off"
		}
		code, out, stderr := runAsBuild(t, dir, env, v1, "report", "monthly", "--month", "2026-03", "-o", "json")
		if code != 0 {
			t.Fatalf("report monthly: exit %d\n%s", code, stderr)
		}
		return out, stderr
	}
	same := func(what string) string {
		t.Helper()
		out, stderr := report(true)
		want, wantErr := report(false)
		if out != want || stderr != wantErr {
			t.Fatalf("%s: with the cache\n%s%s\nwithout it\n%s%s", what, out, stderr, want, wantErr)
		}
		return out
	}
	lateOf := func(out, commit, cases string) {
		t.Helper()
		want := `"late_entries": {
    "notes": 1,
    "placements": 0,
    "cases": [
      "` + cases + `"
    ],
    "as_of": "2026-03-31",
    "as_of_commit": "` + commit + `",
    "figures": []
  }`
		if !strings.Contains(out, want) {
			t.Fatalf("want %s in\n%s", want, out)
		}
	}
	lateOf(same("a first report"), monthEnd, "W-02")
	cacheFile := filepath.Join(dir, ".git", "caseplan", "cache", lateCacheFile)
	kept := mustRead(t, cacheFile)

	// Without the month-end commit's root tree the comparison cannot be
	// made: the kept answer is what the report says.
	treeFile := filepath.Join(dir, ".git", "objects", git("rev-parse", monthEnd+"^{tree}")[:2], git("rev-parse", monthEnd+"^{tree}")[2:])
	tree := mustRead(t, treeFile)
	if err := os.Remove(treeFile); err != nil {
		t.Fatal(err)
	}
	if _, stderr := report(false); !strings.Contains(stderr, "cannot tell which records dated by 2026-03-31 were committed after it") {
		t.Fatalf("the tree is still read without it: %q", stderr)
	}
	out, stderr := report(true)
	if stderr != "" {
		t.Fatalf("the kept answer was not used: %s", stderr)
	}
	lateOf(out, monthEnd, "W-02")

	// A damaged cache file gives nothing: the comparison is made (and
	// fails, the tree being gone).
	damaged := append([]byte{}, kept...)
	damaged[len(damaged)/2] ^= 0x20
	if err := os.WriteFile(cacheFile, damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, stderr := report(true); !strings.Contains(stderr, "cannot tell") || !strings.Contains(out, `"late_entries": null`) {
		t.Fatalf("a damaged cache was used:\n%s%s", out, stderr)
	}
	if err := os.WriteFile(treeFile, tree, 0o444); err != nil {
		t.Fatal(err)
	}
	lateOf(same("a damaged cache"), monthEnd, "W-02")
	if bytes.Equal(mustRead(t, cacheFile), damaged) {
		t.Error("the damaged cache file was not rebuilt")
	}

	// A well-formed entry under the right key whose answer is not of this
	// month-end commit is not used either.
	// The file holds one entry: its key follows the magic and version lines.
	kept = mustRead(t, cacheFile)
	_, body, _ := bytes.Cut(kept, []byte("\n"))
	_, body, _ = bytes.Cut(body, []byte("\n"))
	var key resultcache.Key
	copy(key[:], body)
	c := resultcache.Open(cacheFile, v1.String())
	if _, ok := c.Get(key); !ok {
		t.Fatalf("no entry under the key read from the cache file")
	}
	c.Put(key, []byte(`{"notes":1,"cases":["W-01"],"as_of":"2026-03-31","as_of_commit":"`+beforeEnd+`"}`))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	lateOf(same("an entry of another commit"), monthEnd, "W-02")

	// History made again: another month-end commit (the late note of
	// W-02 now in time, one of W-01 late), and the reports after it say
	// what that history says.
	git("reset", "-q", "--hard", beforeEnd)
	note(at("2026-03-31", "10"), "W-02", "2026-03-25", "Written up in time")
	monthEnd2 := git("rev-parse", "HEAD")
	if monthEnd2 == monthEnd {
		t.Fatal("the history made again has the same month-end commit")
	}
	note(at("2026-04-01", "09"), "W-01", "2026-03-30", "Reviewed again, written up late")
	lateOf(same("another month-end commit"), monthEnd2, "W-01")
	lateOf(same("another month-end commit, again"), monthEnd2, "W-01")

	// A new commit in another case: the whole answer kept is of another
	// commit, but what was found in W-01's directory between its two
	// trees is kept too, and the month-end tree of W-01 is not read again.
	w01 := git("rev-parse", monthEnd2+":cases/W-01")
	w01File := filepath.Join(dir, ".git", "objects", w01[:2], w01[2:])
	w01Tree := mustRead(t, w01File)
	if err := os.Remove(w01File); err != nil {
		t.Fatal(err)
	}
	note(at("2026-04-03", "08"), "W-02", "2026-04-03", "Checked in")
	if _, stderr := report(false); !strings.Contains(stderr, "cannot tell") {
		t.Fatalf("W-01's month-end tree is still read without it: %q", stderr)
	}
	out, stderr = report(true)
	if stderr != "" {
		t.Fatalf("what was kept of W-01's directory was not used: %s", stderr)
	}
	lateOf(out, monthEnd2, "W-01")
	if err := os.WriteFile(w01File, w01Tree, 0o444); err != nil {
		t.Fatal(err)
	}
	lateOf(same("a new commit in another case"), monthEnd2, "W-01")

	// A damaged file of case directories is not used either.
	dirsFile := filepath.Join(dir, ".git", "caseplan", "cache", lateDirsCacheFile)
	keptDirs := mustRead(t, dirsFile)
	keptDirs[len(keptDirs)/2] ^= 0x20
	if err := os.WriteFile(dirsFile, keptDirs, 0o644); err != nil {
		t.Fatal(err)
	}
	note(at("2026-04-03", "09"), "W-02", "2026-04-03", "Checked in again")
	lateOf(same("a damaged file of case directories"), monthEnd2, "W-01")
	if bytes.Equal(mustRead(t, dirsFile), keptDirs) {
		t.Error("the damaged file of case directories was not rebuilt")
	}
}

// TestCaseDirMemo: what is kept of a case directory comes back as it was
// kept — the directory's own files (a case new since the month's end) and
// its notes — and an entry of any other shape is not used.
func TestCaseDirMemo(t *testing.T) {
	m := &caseDirMemo{cache: resultcache.Open(filepath.Join(t.TempDir(), "memo"), "test")}
	a, b := plumbing.NewHash("1111111111111111111111111111111111111111"), plumbing.NewHash("2222222222222222222222222222222222222222")
	want := []string{"intake.yaml", "notes/2026-03-25-a.yaml"}
	m.Keep("cases/W-01", a, b, want)
	if got, ok := m.Added("cases/W-02", a, b); !ok || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Added = %q, %v; want %q", got, ok, want)
	}
	if _, ok := m.Added("cases/W-01", b, a); ok {
		t.Error("an answer kept for other trees was used")
	}
	m.Keep("cases", a, b, want)
	if _, ok := m.Added("cases/W-01/notes", a, b); ok {
		t.Error("a directory other than a case's was kept")
	}
	k, _ := m.key("cases/W-01", a, b)
	m.cache.Put(k, []byte(`["plan/deep/x.yaml"]`))
	if _, ok := m.Added("cases/W-01", a, b); ok {
		t.Error("an entry no comparison gives was used")
	}
}

// TestLateEntriesCacheWhole: the whole late answer — notes, placements and
// the figures records committed late moved — is kept, and a report made
// again from the same commit reads none of the month-end commit's trees:
// without its root tree the report says what it said with it.
func TestLateEntriesCacheWhole(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git CLI to read the history")
	}
	dir, v1, at, run := lateStore(t)
	for _, id := range []string{"W-01", "W-02"} {
		run(at("2026-03-16", "11"), "case", "new", "--id", id, "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-10", "--manager", "mrivera")
	}
	run(at("2026-03-31", "09"), "activity", "add", "W-01", "--date", "2026-03-17", "--kind", "application", "--org", "Example Clinic", "--position", "Clerk", "--internal=false")
	c := exec.Command("git", "rev-parse", "HEAD^{tree}")
	c.Dir = dir
	out, err := c.Output()
	if err != nil {
		t.Fatal(err)
	}
	monthEndTree := strings.TrimSpace(string(out))
	// Entered in April: a placement recorded in March from the paper
	// file, an application and a closure dated in March.
	late := at("2026-04-02", "09")
	run(late, "placement", "set", "W-01", "--employer", "Example Clinic", "--position", "Clerk", "--start", "2026-03-25", "--recorded", "2026-03-25")
	run(late, "activity", "add", "W-02", "--date", "2026-03-18", "--kind", "application", "--org", "Example Bakery", "--position", "Baker", "--internal=false")
	run(late, "case", "close", "W-02", "--date", "2026-03-30", "--reason", "moved")

	report := func(cache bool) (string, string) {
		t.Helper()
		env := at("2026-04-03", "09")
		if !cache {
			env["CASEPLAN_CACHE"] = "off"
		}
		code, out, stderr := runAsBuild(t, dir, env, v1, "report", "monthly", "--month", "2026-03", "-o", "json")
		if code != 0 {
			t.Fatalf("report monthly: exit %d\n%s", code, stderr)
		}
		return out, stderr
	}
	want, wantErr := report(false)
	for _, s := range []string{`"placements": 1,`, `"figure": "closed",`, `"figure": "applications",
        "by": 1,
        "cases": [
          "W-02"
        ]`} {
		if !strings.Contains(want, s) || wantErr != "" {
			t.Fatalf("no %s in\n%s%s", s, want, wantErr)
		}
	}
	if out, stderr := report(true); out != want || stderr != "" {
		t.Fatalf("with the cache\n%s%s\nwithout it\n%s", out, stderr, want)
	}

	treeFile := filepath.Join(dir, ".git", "objects", monthEndTree[:2], monthEndTree[2:])
	if err := os.Remove(treeFile); err != nil {
		t.Fatal(err)
	}
	if _, stderr := report(false); !strings.Contains(stderr, "cannot tell") {
		t.Fatalf("the month-end tree is still read without it: %q", stderr)
	}
	if out, stderr := report(true); out != want || stderr != "" {
		t.Fatalf("the kept answer was not used whole:\n%s%s\nwant\n%s", out, stderr, want)
	}
}

// TestLateContactsCache: the contacts a case directory held as the month
// ended are kept by its month-end tree, the month and the contact rule,
// so a report from a new commit of the case does not read the month's
// notes again; the answer is the one computed without the cache.
func TestLateContactsCache(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git CLI to read the history")
	}
	dir, v1, at, run := lateStore(t)
	run(at("2026-03-16", "11"), "case", "new", "--id", "W-01", "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-10", "--manager", "mrivera")
	contact := func(env map[string]string, date string) string {
		t.Helper()
		return run(env, "note", "add", "W-01", "--date", date, "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", "Talked through the job search")
	}
	contact(at("2026-03-20", "09"), "2026-03-20")
	voided := contact(at("2026-03-24", "09"), "2026-03-24")
	run(at("2026-04-02", "09"), "note", "amend", "W-01", voided, "--void", "--content", "Recorded on the wrong case")

	report := func(cache bool) (string, string) {
		t.Helper()
		env := at("2026-04-03", "09")
		if !cache {
			env["CASEPLAN_CACHE"] = "off"
		}
		code, out, stderr := runAsBuild(t, dir, env, v1, "report", "monthly", "--month", "2026-03", "-o", "json")
		if code != 0 {
			t.Fatalf("report monthly: exit %d\n%s", code, stderr)
		}
		return out, stderr
	}
	moved := `"figures": [
      {
        "figure": "contacts",
        "by": -1,
        "cases": [
          "W-01"
        ]
      }
    ]`
	want, wantErr := report(false)
	if !strings.Contains(want, moved) || wantErr != "" {
		t.Fatalf("no %s in\n%s%s", moved, want, wantErr)
	}
	if out, stderr := report(true); out != want || stderr != "" {
		t.Fatalf("with the cache\n%s%s\nwithout it\n%s", out, stderr, want)
	}

	// A new note of W-01 changes its directory's tree: the whole answer
	// and the directory's comparison are made again, but the contacts
	// of its month-end tree are kept, and the month-end blob of the
	// voided note is not read.
	contact(at("2026-04-03", "08"), "2026-04-03")
	c := exec.Command("git", "rev-parse", "HEAD~2:cases/W-01/notes/"+voided+".yaml")
	c.Dir = dir
	out, err := c.Output()
	if err != nil {
		t.Fatal(err)
	}
	blob := strings.TrimSpace(string(out))
	blobFile := filepath.Join(dir, ".git", "objects", blob[:2], blob[2:])
	data := mustRead(t, blobFile)
	if err := os.Remove(blobFile); err != nil {
		t.Fatal(err)
	}
	if _, stderr := report(false); !strings.Contains(stderr, "cannot tell which of 2026-03's figures") {
		t.Fatalf("the voided note is still read without it: %q", stderr)
	}
	got, stderr := report(true)
	if stderr != "" || !strings.Contains(got, moved) {
		t.Fatalf("the contacts kept of W-01's month-end tree were not used:\n%s%s", got, stderr)
	}
	if err := os.WriteFile(blobFile, data, 0o444); err != nil {
		t.Fatal(err)
	}
	if want, _ := report(false); want != got {
		t.Fatalf("with the cache\n%s\nwithout it\n%s", got, want)
	}
}

// lateStore is a store for the late-entry cache tests, with the build
// they run as (v1), the environment of a day and hour (at: the author,
// --today and the commit's date, so that the history has the dates a
// month-end is found by) and run, which runs a command that must succeed
// and returns its stdout, trimmed.
func lateStore(t *testing.T) (dir string, v1 buildinfo.Info, at func(day, hour string) map[string]string, run func(env map[string]string, args ...string) string) {
	t.Helper()
	dir = initCLIStore(t)
	v1 = buildinfo.Info{Version: "v1.0.0", Revision: "1111111111111111111111111111111111111111"}
	at = func(day, hour string) map[string]string {
		return map[string]string{
			"CASEPLAN_AUTHOR":    "Maria Rivera <mrivera@example.org>",
			"CASEPLAN_TODAY":     day,
			"GIT_COMMITTER_DATE": day + "T" + hour + ":00:00+00:00",
		}
	}
	run = func(env map[string]string, args ...string) string {
		t.Helper()
		code, out, stderr := runAsBuild(t, dir, env, v1, args...)
		if code != 0 {
			t.Fatalf("caseplan %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
		return strings.TrimSpace(out)
	}
	return dir, v1, at, run
}
