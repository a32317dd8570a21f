package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/cli"
)

// repoRoot is this repository's root, two levels above the test's package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// setupCommands returns the commands of the README's "Set up on a fresh
// machine" block, without their comments.
func setupCommands(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := bytes.Cut(data, []byte("## Set up on a fresh machine"))
	if !ok {
		t.Fatal("README has no set-up section")
	}
	_, block, _ := bytes.Cut(after, []byte("```sh\n"))
	block, _, _ = bytes.Cut(block, []byte("```"))
	var cmds []string
	sc := bufio.NewScanner(bytes.NewReader(block))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if line = strings.TrimSpace(line); line != "" {
			cmds = append(cmds, line)
		}
	}
	return cmds
}

// TestReadmeSetup checks the README's promise: two commands, the first the
// main job on the demo store (run here in-process, exactly as written),
// the second the tests — the command .ci/run runs.
func TestReadmeSetup(t *testing.T) {
	cmds := setupCommands(t)
	if len(cmds) != 2 {
		t.Fatalf("the README's set-up has %d commands, want 2: %q", len(cmds), cmds)
	}
	main, tests := cmds[0], cmds[1]
	const prefix = "go run ./cmd/caseplan "
	if !strings.HasPrefix(main, prefix) {
		t.Fatalf("the first set-up command %q does not run caseplan", main)
	}
	if tests != "go test ./..." {
		t.Fatalf("the second set-up command is %q, want go test ./...", tests)
	}
	ci, err := os.ReadFile(filepath.Join(repoRoot(t), ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(ci, []byte("\n"+tests+"\n")) {
		t.Errorf(".ci/run does not run the README's test command %q", tests)
	}

	var stdout, stderr bytes.Buffer
	code := cli.Main(strings.Fields(strings.TrimPrefix(main, prefix)), cli.Env{
		Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" }, Now: time.Now, Dir: repoRoot(t),
	})
	if code != 0 {
		t.Fatalf("%s: exit %d\n%s%s", main, code, stdout.String(), stderr.String())
	}
	if stdout.Len()+stderr.Len() == 0 {
		t.Errorf("%s printed nothing", main)
	}
}

// TestDemoHistoryVerifies runs caseplan verify on this repository's
// history: the demo store's must be an intact audit trail. It verifies a
// local clone at this checkout's HEAD, not the checkout itself: verify
// keeps its trust anchor in the clone's .git/caseplan, and a test must
// not leave one in a developer's repository, where it would make verify
// refuse their next rebase of unpublished commits.
func TestDemoHistoryVerifies(t *testing.T) {
	root := repoRoot(t)
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout (a source archive has no history to verify)")
	}
	if out, err := exec.Command("git", "-C", root, "rev-parse", "--is-shallow-repository").Output(); err == nil && strings.TrimSpace(string(out)) == "true" {
		t.Skip("a shallow clone lacks the history verify reads")
	}
	head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatalf("git rev-parse HEAD: %v", err)
	}
	clone := filepath.Join(t.TempDir(), "clone")
	for _, args := range [][]string{
		{"clone", "-q", "--local", "--no-checkout", root, clone},
		{"-C", clone, "checkout", "-q", "--detach", strings.TrimSpace(string(head))},
	} {
		if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	var stdout, stderr bytes.Buffer
	code := cli.Main([]string{"--store", clone, "verify"}, cli.Env{
		Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" }, Now: time.Now, Dir: clone,
	})
	if code != 0 {
		t.Fatalf("verify on the demo history: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "audit trail intact") {
		t.Errorf("verify said: %s", stderr.String())
	}
}

// TestReadmeReportSample checks that the piece of the monthly report the
// README shows is what the report says: every line of the sample that is
// not elided ("...") appears in the report made at the last demo commit.
func TestReadmeReportSample(t *testing.T) {
	root := repoRoot(t)
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout: the report reads the demo store's history")
	}
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, sample, ok := bytes.Cut(data, []byte("```\nMonthly status report, October 2026"))
	if !ok {
		t.Fatal("the README shows no piece of the monthly report")
	}
	sample, _, _ = bytes.Cut(sample, []byte("```"))

	var stdout, stderr bytes.Buffer
	code := cli.Main([]string{"--store", root, "report", "monthly", "--month", "2026-10", "--at", "ca3e4e8"}, cli.Env{
		Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" }, Now: time.Now, Dir: root,
	})
	if code != 0 {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	report := stdout.String()
	checked := 0
	for _, line := range strings.Split(string(sample), "\n") {
		line = strings.TrimRight(line, " ")
		if line == "" || strings.Contains(line, "...") {
			continue
		}
		checked++
		if !strings.Contains(report, line) {
			t.Errorf("the README shows %q, which the report does not say", line)
		}
	}
	if checked < 10 {
		t.Fatalf("only %d sample lines checked", checked)
	}
}

// walkthroughBlocks returns the shell blocks of the README's walk-through:
// from its heading to the comment that ends it.
func walkthroughBlocks(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "## A first walk-through for a case manager")
	section, _, found := strings.Cut(section, "<!-- The walk-through ends here")
	if !ok || !found {
		t.Fatal("the README has no walk-through, or no comment that ends it")
	}
	var blocks []string
	for {
		_, rest, ok := strings.Cut(section, "```sh\n")
		if !ok {
			break
		}
		block, after, _ := strings.Cut(rest, "```")
		blocks = append(blocks, block)
		section = after
	}
	return blocks
}

// TestReadmeWalkthrough is issue 15's item 12: the README's walk-through
// runs as written — its shell blocks, verbatim, in bash with set -e — from
// installing caseplan out of this clone to the report at its end, in a
// home and a temporary directory of its own, whatever today's date is.
func TestReadmeWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and installs caseplan")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the walk-through")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go to install caseplan with")
	}
	blocks := walkthroughBlocks(t)
	if len(blocks) < 3 || !strings.Contains(blocks[0], "go install ./cmd/caseplan") {
		t.Fatalf("the walk-through's first block must install caseplan: %q", blocks)
	}
	env := func(name string) string {
		out, err := exec.Command(goBin, "env", name).Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out))
	}
	home := t.TempDir()
	script := "set -e\n" + strings.Join(blocks, "\n")
	cmd := exec.Command(bash, "--noprofile", "--norc", "-c", script)
	cmd.Dir = repoRoot(t) // "From a clone of this repository"
	cmd.Env = []string{
		"PATH=" + filepath.Dir(goBin) + ":/usr/local/bin:/usr/bin:/bin",
		"HOME=" + home, "TMPDIR=" + t.TempDir(),
		"GOPATH=" + filepath.Join(home, "go"), // caseplan is installed here, as for a new user
		"GOMODCACHE=" + env("GOMODCACHE"), "GOCACHE=" + env("GOCACHE"), "GOPROXY=" + env("GOPROXY"),
		"GOFLAGS=" + env("GOFLAGS"), "GOTOOLCHAIN=local",
		"GIT_CONFIG_NOSYSTEM=1",
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the walk-through stops: %v\n%s", err, out.String())
	}
	for _, want := range []string{"created a case store", "extension approved until 2026-10-28", "close the case (placed)", "Phase:        closed since 2026-08-03", "# Monthly status report, August 2026",
		// case list --name "sam sam" finds the case by its participant's name.
		"\topen\tdpatel\t2026-03-02\tSam Sample\t-\n", "caseplan: 1 case\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the walk-through's output has no %q:\n%s", want, out.String())
		}
	}
	// The story approves an extension: its records must show the criteria
	// the committee weighs (000), or a newcomer ends on a warning the
	// walk-through never explains.
	for _, unwanted := range []string{"ws-extension-criteria", "not met"} {
		if strings.Contains(out.String(), unwanted) {
			t.Errorf("the walk-through's output has %q:\n%s", unwanted, out.String())
		}
	}
}

// TestReadmeRapidResponse runs the README's rapid-response example as
// written — its shell block, verbatim, in bash with set -e — with a
// caseplan built from this clone on the PATH: the roster's problems are
// named by row and column, four cases open in one commit, the same file
// again opens none, and a group intake reaches the three who came.
func TestReadmeRapidResponse(t *testing.T) {
	if testing.Short() {
		t.Skip("builds caseplan")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the example")
	}
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "## Rapid response: a layoff cohort from a spreadsheet")
	section, _, found := strings.Cut(section, "<!-- The rapid-response example ends here")
	_, block, hasBlock := strings.Cut(section, "```sh\n")
	block, _, _ = strings.Cut(block, "```")
	if !ok || !found || !hasBlock {
		t.Fatal("the README has no rapid-response example, or no comment that ends it")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "caseplan"), "./cmd/caseplan")
	build.Dir = repoRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bash, "--noprofile", "--norc", "-c", "set -e\n"+block)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{
		"PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin",
		"HOME=" + t.TempDir(), "TMPDIR=" + t.TempDir(), "GIT_CONFIG_NOSYSTEM=1",
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the example stops: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"acme-roster.csv:5:D: Phone: holds a number shaped like a Social Security number",
		"acme-roster.csv:7:B: First name: Blair Example is also row 3, with the same phone number",
		"opened 4 case(s) in the new cohort 2026-ACME (cases/cohorts/2026-ACME.yaml) as one commit",
		"nothing to import: 6 row(s) read, 4 already imported (unchanged)",
		"4 cases\tcase.import",
		"Cases of cohort 2026-ACME (4)",
		"audit trail intact",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the example's output has no %q:\n%s", want, out.String())
		}
	}
	if n := strings.Count(out.String(), "\t2026-03-06-"); n != 3 {
		t.Errorf("the group intake reached %d cases, want 3:\n%s", n, out.String())
	}
	if strings.Contains(out.String(), "123-45-6789") {
		t.Errorf("the example's output repeats the SSN-shaped value:\n%s", out.String())
	}
}

// TestReadmeNamesEveryPackage: the README's Development section has a
// row for every package under pkg/ (and schemas), so a maintainer reading
// it finds where each stage lives; a package added without a row fails
// here, as does a row for a package that is gone.
func TestReadmeNamesEveryPackage(t *testing.T) {
	root := repoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := bytes.Cut(data, []byte("| package | what it does |"))
	if !ok {
		t.Fatal("README has no package table")
	}
	table, _, _ = bytes.Cut(table, []byte("\n\n"))
	rows := map[string]bool{}
	for _, line := range strings.Split(string(table), "\n") {
		if name, ok := strings.CutPrefix(line, "| `"); ok {
			name, _, _ = strings.Cut(name, "`")
			rows[name] = true
		}
	}
	want := map[string]bool{"schemas": true}
	err = filepath.WalkDir(filepath.Join(root, "pkg"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		want[filepath.ToSlash(rel)] = true
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range want {
		if !rows[p] && !rows[strings.TrimPrefix(p, "pkg/")] {
			t.Errorf("README's package table has no row for %s", p)
		}
	}
	for r := range rows {
		if !want[r] && !want["pkg/"+r] {
			t.Errorf("README's package table has a row for %s, which is no package", r)
		}
	}
}

// TestReadmeCodeFencesClose: every code block of the README ends on a
// fence line of its own. A closing fence with text after it ("``` Data
// goes to") is no fence in CommonMark: the block ran on into the next
// section's, and from there on GitHub showed the prose as code and the
// code as prose.
func TestReadmeCodeFencesClose(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	open := 0
	for i, line := range strings.Split(string(data), "\n") {
		fence := strings.TrimSpace(line)
		if !strings.HasPrefix(fence, "```") {
			continue
		}
		switch {
		case open == 0:
			open = i + 1
		case strings.Trim(fence, "`") != "":
			t.Errorf("README.md:%d: %q, in the code block opened at line %d, does not close it: put the text after the fence on a line of its own", i+1, line, open)
		default:
			open = 0
		}
	}
	if open != 0 {
		t.Errorf("README.md:%d: a code block that never closes", open)
	}
}
