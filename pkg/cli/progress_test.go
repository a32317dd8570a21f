package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestProgress is issue 15's item 7: validate, the reports, verify and log show
// their progress on stderr when it is a terminal and the work takes over a
// second — here a clock that moves 200 ms each time it is read — and
// nothing at all when stderr is not a terminal; stdout is the same either
// way.
func TestProgress(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	for i := range 20 {
		if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", fmt.Sprintf("W-%02d", i), "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-10"); code != 0 {
			t.Fatal(stderr)
		}
	}
	run := func(terminal bool, args ...string) (string, string) {
		var mu sync.Mutex
		now := time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC)
		slow := func() time.Time { // each reading of the clock is 200 ms later
			mu.Lock()
			defer mu.Unlock()
			now = now.Add(200 * time.Millisecond)
			return now
		}
		var out, errb bytes.Buffer
		Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] },
			Now: slow, Dir: dir, StderrIsTerminal: terminal})
		return out.String(), errb.String()
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"validate"}, "\rvalidate: 20 of 20 cases checked (100%)"},
		{[]string{"validate", "--new-from", "HEAD"}, "\rvalidate --new-from HEAD: 20 of 20 cases checked (100%)"},
		// Each report names itself: run from a script, its line says
		// which of several is under way.
		{[]string{"report", "caseload"}, "\rreport caseload: 20 of 20 cases read (100%)"},
		{[]string{"report", "monthly", "--month", "2026-03"}, "\rreport monthly: 20 of 20 cases read (100%)"},
		{[]string{"verify"}, " commits checked (100%)"},
		// The first log builds the log index from every commit.
		{[]string{"log", "W-05"}, "\rlog: 21 commits read"},
		// The cache now holds validate's results: finding which cases
		// changed (a read of every file when the index's stat data no
		// longer match) shows too, and the last line is wiped.
		{[]string{"validate"}, "\rvalidate: 20 of 20 cases looked at for changes (100%)"},
	} {
		termOut, termErr := run(true, tt.args...)
		pipeOut, pipeErr := run(false, tt.args...)
		if !strings.Contains(termErr, tt.want) {
			t.Errorf("caseplan %s on a terminal shows no %q:\n%q", strings.Join(tt.args, " "), tt.want, termErr)
		}
		if strings.Contains(pipeErr, "\r") {
			t.Errorf("caseplan %s, stderr not a terminal, shows progress:\n%q", strings.Join(tt.args, " "), pipeErr)
		}
		if termOut != pipeOut {
			t.Errorf("caseplan %s: stdout differs with progress shown", strings.Join(tt.args, " "))
		}
		// The last message starts on a clean line.
		if i := strings.LastIndex(termErr, "\r"); i >= 0 && i != len(termErr)-1 && !strings.HasPrefix(termErr[i+1:], "caseplan: ") {
			t.Errorf("caseplan %s: the progress line is not cleared before the message:\n%q", strings.Join(tt.args, " "), termErr[i:])
		}
	}
	// A fast clock: work within a second shows nothing, even on a terminal.
	var errb bytes.Buffer
	Main([]string{"validate"}, Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &errb, Getenv: func(k string) string { return env[k] },
		Now: func() time.Time { return time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC) }, Dir: dir, StderrIsTerminal: true})
	if strings.Contains(errb.String(), "\r") {
		t.Errorf("progress shown for work that took no time: %q", errb.String())
	}
}

// TestTransferProgress is issue 12: case transfer --from reads every case's
// intake to find the manager's cases, seconds at 10,000 cases, and shows
// how far it has come on a terminal — nothing when stderr is piped, and
// stdout the same either way.
func TestTransferProgress(t *testing.T) {
	termOut, termErr := transferFrom(t, 5, 200*time.Millisecond, true)
	pipeOut, pipeErr := transferFrom(t, 5, 200*time.Millisecond, false)
	if want := "\rcase transfer: 5 of 5 cases read (100%)"; !strings.Contains(termErr, want) {
		t.Errorf("on a terminal, no %q:\n%q", want, termErr)
	}
	if i := strings.LastIndex(termErr, "\r"); i >= 0 && !strings.HasPrefix(termErr[i+1:], "caseplan: transfer 5 case(s)") {
		t.Errorf("the progress line is not cleared before the summary:\n%q", termErr)
	}
	if strings.Contains(pipeErr, "\r") {
		t.Errorf("piped, progress shown:\n%q", pipeErr)
	}
	if termOut != pipeOut || termOut != "W-001\nW-002\nW-003\nW-004\nW-005\n" {
		t.Errorf("stdout %q on a terminal, %q piped", termOut, pipeOut)
	}
}

// TestTransferWriteProgress: after the scan, case transfer --from checks
// and commits a manager's few hundred cases, seconds at 10,000 cases; a
// terminal shows those steps too, a pipe does not, and stdout is the same.
func TestTransferWriteProgress(t *testing.T) {
	termOut, termErr := transferFrom(t, 3, 300*time.Millisecond, true)
	pipeOut, pipeErr := transferFrom(t, 3, 300*time.Millisecond, false)
	for _, want := range []string{"\rcase transfer: 3 of 3 cases checked (100%)", "\rcase transfer: 6 of 6 files committed (100%)"} {
		if !strings.Contains(termErr, want) {
			t.Errorf("on a terminal, no %q:\n%q", want, termErr)
		}
	}
	if i := strings.LastIndex(termErr, "\r"); i >= 0 && !strings.HasPrefix(termErr[i+1:], "caseplan: transfer 3 case(s)") {
		t.Errorf("the progress line is not cleared before the summary:\n%q", termErr)
	}
	if strings.Contains(pipeErr, "\r") {
		t.Errorf("piped, progress shown:\n%q", pipeErr)
	}
	if termOut != pipeOut || termOut != "W-001\nW-002\nW-003\n" {
		t.Errorf("stdout %q on a terminal, %q piped", termOut, pipeOut)
	}
}

// transferFrom runs caseplan case transfer --from jlee --to dshah on a
// store of n cases of jlee's, on a terminal or piped, with a clock each
// reading of which is step later (so that a meter's delay passes), and
// returns its stdout and stderr.
func transferFrom(t *testing.T, n int, step time.Duration, terminal bool) (string, string) {
	t.Helper()
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	dir := initCLIStore(t)
	for _, args := range [][]string{
		{"staff", "add", "--name", "Jo Lee", "--email", "jlee@example.org", "--role", "case-manager"},
		{"staff", "add", "--name", "Dee Shah", "--email", "dshah@example.org", "--role", "case-manager"},
	} {
		if code, _, stderr := runCaseplan(t, dir, env, args...); code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
	}
	for i := range n {
		if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--program", "wioa", "--name", "Bo Example", "--id", fmt.Sprintf("W-%03d", i+1), "--manager", "jlee"); code != 0 {
			t.Fatal(stderr)
		}
	}
	var mu sync.Mutex
	now := time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC)
	slow := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(step)
		return now
	}
	var out, errb bytes.Buffer
	Main([]string{"case", "transfer", "--from", "jlee", "--to", "dshah", "--reason", "Caseload balance"},
		Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] },
			Now: slow, Dir: dir, StderrIsTerminal: terminal})
	return out.String(), errb.String()
}

// TestGCProgress: caseplan gc reads a pack's objects and finds the deltas
// between them before it writes anything, seconds with a thousand loose
// objects at 10,000 cases; a terminal is shown the objects read as they
// are read, and the line is cleared before gc's summary; a pipe shows
// nothing, and -o json is the same either way.
func TestGCProgress(t *testing.T) {
	run := func(terminal bool) (string, string) {
		dir := initCLIStore(t)
		env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
		for i := range 3 {
			if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--program", "wioa", "--name", "Bo Example", "--id", fmt.Sprintf("W-%03d", i+1)); code != 0 {
				t.Fatal(stderr)
			}
		}
		now := time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC)
		var mu sync.Mutex
		slow := func() time.Time { // each reading 300 ms later: the delay passes
			mu.Lock()
			defer mu.Unlock()
			now = now.Add(300 * time.Millisecond)
			return now
		}
		var out, errb bytes.Buffer
		Main([]string{"gc", "-o", "json"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string { return env[k] }, Now: slow, Dir: dir, StderrIsTerminal: terminal})
		return out.String(), errb.String()
	}
	termOut, termErr := run(true)
	pipeOut, pipeErr := run(false)
	var st gcStats
	if err := json.Unmarshal([]byte(termOut), &st); err != nil || st.Objects == 0 {
		t.Fatalf("gc -o json: %v %q", err, termOut)
	}
	if want := fmt.Sprintf("\rgc: %d of %d objects read (100%%)", st.Objects, st.Objects); !strings.Contains(termErr, want) {
		t.Errorf("on a terminal, no %q:\n%q", want, termErr)
	}
	if !strings.Contains(termErr, " objects read (") || strings.Index(termErr, "objects read") > strings.Index(termErr+"objects packed", "objects packed") {
		t.Errorf("the objects read are not shown before the pack is written:\n%q", termErr)
	}
	if !strings.HasSuffix(termErr, "\r") {
		t.Errorf("the progress line is not cleared at the end:\n%q", termErr)
	}
	if pipeErr != "" {
		t.Errorf("piped, stderr %q", pipeErr)
	}
	var st2 gcStats
	if err := json.Unmarshal([]byte(pipeOut), &st2); err != nil || st2.Objects != st.Objects {
		t.Errorf("stdout %q on a terminal, %q piped", termOut, pipeOut)
	}
}

// TestProgressMode: CASEPLAN_PROGRESS=lines shows progress as whole lines,
// never drawn over, which a screen reader reads once each; off shows
// none on a terminal; stdout is the same whatever the mode, and a mode
// caseplan does not know is refused before the command runs.
func TestProgressMode(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	for i := range 20 {
		if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", fmt.Sprintf("W-%02d", i), "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-10"); code != 0 {
			t.Fatal(stderr)
		}
	}
	run := func(mode string, args ...string) (int, string, string) {
		var mu sync.Mutex
		now := time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC)
		slow := func() time.Time { // each reading of the clock is 200 ms later
			mu.Lock()
			defer mu.Unlock()
			now = now.Add(200 * time.Millisecond)
			return now
		}
		e := map[string]string{"CASEPLAN_PROGRESS": mode}
		for k, v := range env {
			e[k] = v
		}
		var out, errb bytes.Buffer
		code := Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return e[k] },
			Now: slow, Dir: dir, StderrIsTerminal: true})
		return code, out.String(), errb.String()
	}
	for _, args := range [][]string{{"validate"}, {"report", "caseload"}} {
		_, onOut, onErr := run("", args...)
		if !strings.Contains(onErr, "\r") {
			t.Fatalf("caseplan %s: no progress line by default: %q", strings.Join(args, " "), onErr)
		}
		_, linesOut, linesErr := run("lines", args...)
		if strings.Contains(linesErr, "\r") {
			t.Errorf("caseplan %s, CASEPLAN_PROGRESS=lines: a line drawn over: %q", strings.Join(args, " "), linesErr)
		}
		label := strings.Join(args, " ") + ": "
		if !strings.HasPrefix(linesErr, label) || !strings.Contains(linesErr, " of 20 cases ") {
			t.Errorf("caseplan %s, CASEPLAN_PROGRESS=lines: no progress line: %q", strings.Join(args, " "), linesErr)
		}
		_, offOut, offErr := run("off", args...)
		if strings.Contains(offErr, "\r") || strings.Contains(offErr, label) {
			t.Errorf("caseplan %s, CASEPLAN_PROGRESS=off: progress shown: %q", strings.Join(args, " "), offErr)
		}
		if onOut != linesOut || onOut != offOut {
			t.Errorf("caseplan %s: stdout differs with the mode", strings.Join(args, " "))
		}
	}
	code, out, errText := run("quiet", "validate")
	if code != 2 || out != "" || !strings.Contains(errText, `caseplan: CASEPLAN_PROGRESS: "quiet" is no progress mode: use one of on, lines, off`) ||
		!strings.Contains(errText, "caseplan: hint: unset it for the progress line, or set CASEPLAN_PROGRESS=lines for a screen reader") {
		t.Errorf("CASEPLAN_PROGRESS=quiet: exit %d, stdout %q, stderr %q", code, out, errText)
	}
}
