package casework

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// workflowFile is the part of a GitHub workflow the tests read.
type workflowFile struct {
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Steps []workflowStep `yaml:"steps"`
	} `yaml:"jobs"`
}

type workflowStep struct {
	Name string            `yaml:"name"`
	ID   string            `yaml:"id"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	With map[string]string `yaml:"with"`
	Env  map[string]string `yaml:"env"`
	Run  string            `yaml:"run"`
}

// initWorkflowStore makes a store with init, as caseplan version would
// make it, and returns its directory.
func initWorkflowStore(t *testing.T, version string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	if _, err := Init(InitStore{Dir: dir, Organization: "Example Board", CaseplanVersion: version,
		Author: Author{Name: "Maria Rivera", Email: "mrivera@example.org"}, When: time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// findActionlint returns the actionlint binary: on PATH, or where go
// install puts it (.ci/run installs it so).
func findActionlint() string {
	if p, err := exec.LookPath("actionlint"); err == nil {
		return p
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(out)), "bin", "actionlint")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// TestWorkflowActionlint runs actionlint (and, through it, shellcheck when
// installed) over the workflow init writes.
func TestWorkflowActionlint(t *testing.T) {
	lint := findActionlint()
	if lint == "" {
		t.Skip("actionlint is not installed: go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 (.ci/run does)")
	}
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Log("shellcheck is not installed: actionlint checks the workflow but not its scripts (apt-get install shellcheck; .ci/run does)")
	}
	dir := initWorkflowStore(t, "v1.4.0")
	cmd := exec.Command(lint, "-no-color", WorkflowPath)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}

// TestWorkflow checks what the store's workflow does, by its structure and
// by running its scripts with stand-ins for go and caseplan: it installs
// the recorded caseplan, caches nothing keyed on a go.sum the store has
// not got, reads only, fetches the whole history, anchors verify at the
// previous push, and checks pull requests for what they add.
func TestWorkflow(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the workflow's scripts run in bash on Linux")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash to run the workflow's scripts")
	}
	dir := initWorkflowStore(t, "v1.4.0")
	data, err := os.ReadFile(filepath.Join(dir, WorkflowPath))
	if err != nil {
		t.Fatal(err)
	}
	var wf workflowFile
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	if len(wf.Permissions) != 1 || wf.Permissions["contents"] != "read" {
		t.Errorf("permissions %v, want contents: read only", wf.Permissions)
	}
	steps := wf.Jobs["check"].Steps
	step := func(prefix string) workflowStep {
		for _, s := range steps {
			if strings.HasPrefix(s.Uses, prefix) || s.Name != "" && strings.HasPrefix(s.Name, prefix) {
				return s
			}
		}
		t.Fatalf("no step %s", prefix)
		return workflowStep{}
	}
	// The current major versions (actionlint v1.7.12's table knows no
	// newer ones).
	current := map[string]bool{"actions/checkout@v6": true, "actions/setup-go@v6": true, "actions/cache/restore@v5": true, "actions/cache/save@v5": true}
	for _, s := range steps {
		if s.Uses != "" && !current[s.Uses] {
			t.Errorf("step uses %s, not a current major version", s.Uses)
		}
	}
	if s := step("actions/checkout@"); s.With["fetch-depth"] != "0" || s.With["persist-credentials"] != "false" {
		t.Errorf("checkout: %v, want fetch-depth 0 and no credentials kept", s.With)
	}
	if s := step("actions/setup-go@"); s.With["cache"] != "false" {
		t.Errorf("setup-go: %v, want no module cache (a store has no go.sum)", s.With)
	}
	// The compiled caseplan is saved as soon as it is installed, before
	// the checks run: actions/cache saves in its post step only when the
	// whole job succeeded (post-if: success()), so a store whose checks
	// fail — one with old findings fails every push — would compile
	// caseplan on every run.
	at := func(prefix string) int {
		for i, s := range steps {
			if strings.HasPrefix(s.Uses, prefix) || s.Name != "" && strings.HasPrefix(s.Name, prefix) {
				return i
			}
		}
		return -1
	}
	for _, s := range steps {
		if strings.HasPrefix(s.Uses, "actions/cache@") {
			t.Errorf("step uses %s, which saves the binary only when the job passes; use actions/cache/restore and actions/cache/save", s.Uses)
		}
	}
	{
		restore, install, save, check := at("actions/cache/restore@"), at("Install caseplan"), at("actions/cache/save@"), at("Validate the records")
		if restore < 0 || save < 0 || !(restore < install && install < save && save < check) {
			t.Errorf("steps restore %d, install %d, save %d, validate %d: want the binary restored, installed, then saved before the checks", restore, install, save, check)
		} else {
			r, s := steps[restore], steps[save]
			if r.With["key"] == "" || s.With["key"] != r.With["key"] || s.With["path"] != r.With["path"] {
				t.Errorf("restore %v and save %v: want the same key and path", r.With, s.With)
			}
			if !strings.Contains(s.If, "steps.cache.outputs.cache-hit != 'true'") || !strings.Contains(s.If, "!= 'latest'") {
				t.Errorf("save if %q: want only a version's binary, and only when it was not restored", s.If)
			}
		}
	}
	for _, s := range steps {
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q puts an expression into its script; pass it in env", s.Name)
		}
	}

	bin := t.TempDir()
	calls := filepath.Join(t.TempDir(), "calls")
	for _, name := range []string{"go", "caseplan"} {
		stub := "#!/bin/sh\necho \"" + name + " $*\" >> " + calls + "\n"
		if err := os.WriteFile(filepath.Join(bin, name), []byte(stub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// run runs a step's script as the runner would (bash -e), with env,
	// and returns what it printed and what it called.
	run := func(s workflowStep, env map[string]string) (stdout string, called []string) {
		t.Helper()
		os.Remove(calls)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
		cmd.Dir = dir
		cmd.Env = []string{"PATH=" + bin + ":/usr/bin:/bin", "HOME=" + t.TempDir()}
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("step %q: %v\n%s%s", s.Name, err, out.String(), errb.String())
		}
		b, _ := os.ReadFile(calls)
		return out.String(), strings.Split(strings.TrimSpace(string(b)), "\n")
	}
	output := func(s workflowStep) (outputs, stdout string) {
		t.Helper()
		tmp := t.TempDir()
		outFile, pathFile := filepath.Join(tmp, "output"), filepath.Join(tmp, "path")
		stdout, _ = run(s, map[string]string{"GITHUB_OUTPUT": outFile, "GITHUB_PATH": pathFile, "RUNNER_TEMP": tmp})
		b, _ := os.ReadFile(outFile)
		return string(b), stdout
	}

	which := step("Which caseplan")
	if out, stdout := output(which); out != "version=v1.4.0\n" || stdout != "" {
		t.Errorf("the store records v1.4.0: outputs %q, printed %q", out, stdout)
	}
	cfg := filepath.Join(dir, "cases", "caseplan.yaml")
	b, _ := os.ReadFile(cfg)
	for _, v := range []string{`"devel"`, "devel # a development build"} {
		os.WriteFile(cfg, bytes.Replace(b, []byte(`caseplan_version: "v1.4.0"`), []byte("caseplan_version: "+v), 1), 0o644)
		if out, stdout := output(which); out != "version=latest\n" || !strings.HasPrefix(stdout, "::warning file=cases/caseplan.yaml,") {
			t.Errorf("caseplan_version: %s: outputs %q, printed %q; want latest, with a warning", v, out, stdout)
		}
	}
	os.WriteFile(cfg, bytes.Replace(b, []byte(`caseplan_version: "v1.4.0"`), []byte("caseplan_version: v1.5.0-rc.1"), 1), 0o644)
	if out, _ := output(which); out != "version=v1.5.0-rc.1\n" {
		t.Errorf("an unquoted version: outputs %q", out)
	}

	install := step("Install caseplan")
	if install.Env["VERSION"] != "${{ steps.caseplan.outputs.version }}" {
		t.Errorf("install: VERSION is %q", install.Env["VERSION"])
	}
	if _, called := run(install, map[string]string{"VERSION": "v1.4.0"}); called[0] != "go install github.com/caseplan/caseplan/cmd/caseplan@v1.4.0" {
		t.Errorf("install runs %q", called)
	}

	validate := step("Validate the records")
	if validate.Env["BASE"] != "${{ github.event.pull_request.base.sha }}" {
		t.Errorf("validate: BASE is %q", validate.Env["BASE"])
	}
	for base, want := range map[string]string{
		"":                 "caseplan validate -o github",
		"0123456789abcdef": "caseplan validate -o github --new-from 0123456789abcdef",
	} {
		if _, called := run(validate, map[string]string{"BASE": base}); called[0] != want {
			t.Errorf("validate with BASE=%q runs %q, want %q", base, called, want)
		}
	}

	verify := step("Verify the audit trail")
	if verify.Env["BEFORE"] != "${{ github.event.before }}" || verify.If == "" {
		t.Errorf("verify: BEFORE is %q, if %q (it must run after a failed validate too)", verify.Env["BEFORE"], verify.If)
	}
	// A pull request's synchronize event has a before too: the pull
	// request's previous head, which a rebase of its branch replaces, so
	// only a push anchors verify (workflow_dispatch has no before).
	sha := "89abcdef0123456789abcdef0123456789abcdef"
	for _, c := range []struct{ event, before, want string }{
		{"push", "", "caseplan verify -o github --full"},
		{"push", strings.Repeat("0", 40), "caseplan verify -o github --full"}, // a new branch
		{"push", sha, "caseplan verify -o github --full --anchor " + sha},
		{"pull_request", "", "caseplan verify -o github --full"},  // opened
		{"pull_request", sha, "caseplan verify -o github --full"}, // synchronize
		{"workflow_dispatch", "", "caseplan verify -o github --full"},
	} {
		if _, called := run(verify, map[string]string{"GITHUB_EVENT_NAME": c.event, "BEFORE": c.before}); called[0] != c.want {
			t.Errorf("verify on %s with BEFORE=%q runs %q, want %q", c.event, c.before, called, c.want)
		}
	}
}

// TestInitRecordsVersion: caseplan.yaml names the caseplan that made the
// store, devel for a development build.
func TestInitRecordsVersion(t *testing.T) {
	for version, want := range map[string]string{"v1.4.0": `caseplan_version: "v1.4.0"`, "": `caseplan_version: "devel"`} {
		b, err := os.ReadFile(filepath.Join(initWorkflowStore(t, version), "cases", "caseplan.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte("\n"+want+"\n")) {
			t.Errorf("CaseplanVersion %q: caseplan.yaml has no %s:\n%s", version, want, b)
		}
	}
}
