package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestManPages is issue 15's item 5: the pages are generated from the
// command tree, one per command, byte for byte the same every time, each
// with an EXIT STATUS section, and without the clock's date.
func TestManPages(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := Generate(a, DefaultDate); err != nil {
		t.Fatal(err)
	}
	if err := Generate(b, DefaultDate); err != nil {
		t.Fatal(err)
	}
	pages, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 60 {
		t.Fatalf("%d pages: want one per command", len(pages))
	}
	seen := map[string]bool{}
	for _, p := range pages {
		seen[p.Name()] = true
		first, _ := os.ReadFile(filepath.Join(a, p.Name()))
		again, err := os.ReadFile(filepath.Join(b, p.Name()))
		if err != nil || !bytes.Equal(first, again) {
			t.Errorf("%s differs between two runs", p.Name())
		}
		page := string(first)
		if strings.Count(page, ".SH EXIT STATUS\n") != 1 || !strings.Contains(page, ".TP\n\\fB2\\fP\nusage: unknown command or flag, bad value, unknown case, or a change the acting author's role does not allow\n") {
			t.Errorf("%s has no EXIT STATUS section with the codes", p.Name())
		}
		if !strings.Contains(page, ".PP\nWith \\-o json or \\-o sarif, stdout holds one whole document or nothing, never part of one: nothing on 2 and 3, whose reason is on stderr.\n.PP\nCtrl\\-C (or SIGTERM) ends a command") {
			t.Errorf("%s: EXIT STATUS lacks the help's paragraphs on -o json and Ctrl-C", p.Name())
		}
		if strings.Contains(page, "Auto generated") || !strings.Contains(page, `"Jan 2026"`) {
			t.Errorf("%s: not the fixed date, or cobra's dated line", p.Name())
		}
		inBlock := false
		for _, line := range strings.Split(page, "\n") {
			line = roffShown.Replace(line)
			switch {
			case line == ".EX":
				inBlock = true
			case line == ".EE":
				inBlock = false
			case inBlock && utf8.RuneCountInString(line) > exampleWidth && strings.Contains(strings.TrimSpace(line), " "):
				t.Errorf("%s: %q runs past %d columns (past 80 once man indents it)", p.Name(), line, exampleWidth)
			}
		}
		if strings.Contains(page, "Exit status:") {
			t.Errorf("%s keeps the help's exit-status list in its description", p.Name())
		}
	}
	for _, want := range []string{"caseplan.1", "caseplan-note-add.1", "caseplan-validate.1", "caseplan-version.1", "caseplan-completion-bash.1"} {
		if !seen[want] {
			t.Errorf("no page %s", want)
		}
	}
	root, _ := os.ReadFile(filepath.Join(a, "caseplan.1"))
	if !strings.Contains(string(root), `<email>`) {
		t.Error(`caseplan.1 lost the <email> of --author's "Name <email>"`)
	}
	if d, err := pageDate("", "1767225600"); err != nil || !d.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("SOURCE_DATE_EPOCH: %v %v", d, err)
	}
}

// roffShown turns the escapes of a page's preformatted line into the
// characters man shows for them.
var roffShown = strings.NewReplacer(`\\`, `\`, `\e`, `\`, `\-`, `-`, `\&`, ``)

// TestManPagesUnhyphenated: every page turns hyphenation and
// justification off after .TH (which sets hyphenation on again), and
// rendered by nroff no word is broken at a line's end, where a screen
// reader reads it as two ("coun- selors"), nor a line justified with runs
// of spaces.
func TestManPagesUnhyphenated(t *testing.T) {
	dir := t.TempDir()
	if err := Generate(dir, DefaultDate); err != nil {
		t.Fatal(err)
	}
	pages, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".nh", ".ad l", ".nr HY 0", ".ds AD l"}
	for _, p := range pages {
		page, _ := os.ReadFile(filepath.Join(dir, p.Name()))
		lines := strings.SplitN(string(page), "\n", 6)
		if len(lines) < 6 || !strings.HasPrefix(lines[0], ".TH ") || !slices.Equal(lines[1:5], want) {
			t.Errorf("%s begins %q, want .TH, then %q", p.Name(), lines[:min(5, len(lines))], want)
		}
	}
	nroff, err := exec.LookPath("nroff")
	if err != nil {
		t.Skip("no nroff to render a page with")
	}
	for _, name := range []string{"caseplan-due.1", "caseplan-case-show.1", "caseplan-report-monthly.1"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		words := strings.ReplaceAll(string(src), "\\-", "-")
		cmd := exec.Command(nroff, "-man", "-rLL=80n", filepath.Join(dir, name))
		cmd.Env = append(os.Environ(), "LANG=C")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		text := overstrike.ReplaceAllString(string(out), "")
		lines := strings.Split(text, "\n")
		for i, line := range lines {
			line = strings.TrimRight(line, " ")
			if fields := strings.Fields(line); len(fields) > 0 && i+1 < len(lines) && hyphenEnd.MatchString(line) {
				last, next := fields[len(fields)-1], strings.Fields(lines[i+1])
				if len(next) > 0 && !strings.Contains(words, last+next[0]) {
					t.Errorf("%s breaks a word at a line's end: %q / %q", name, line, lines[i+1])
				}
			}
			if justified.MatchString(line) {
				t.Errorf("%s justifies a line with runs of spaces: %q", name, line)
			}
		}
	}
}

var (
	overstrike = regexp.MustCompile(".\x08")
	hyphenEnd  = regexp.MustCompile(`[a-z]-$`)
	// A run of spaces inside a sentence of the text (indented 7), not
	// nroff's two after a sentence's end nor a table's columns.
	justified = regexp.MustCompile(`^       [^ -].*[a-z,;)]  +[a-z(]`)
)
