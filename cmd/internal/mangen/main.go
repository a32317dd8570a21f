// Command mangen writes caseplan's man pages, one per command, from the
// command tree (cobra's doc generator), for packagers and for anyone who
// wants man caseplan:
//
//	go run ./cmd/internal/mangen -out man/man1
//	man -l man/man1/caseplan-note-add.1
//
// The pages are deterministic — the same source gives the same bytes —
// so a package build is reproducible: the date in their footer is fixed
// (-date, else $SOURCE_DATE_EPOCH, else DefaultDate), never the clock, and
// cobra's "Auto generated" line, which carries the clock's date, is off.
// Every page has an EXIT STATUS section (restic's habit), taken from the
// help's exit-status list. The help's indented blocks and the examples,
// wrapped for a terminal, are broken again where man's deeper indent would
// run them past 80 columns (fit.go). It is a program of its own rather than a
// hidden caseplan command so that the binary does not carry the man-page
// renderer it never needs at run time.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"

	"github.com/caseplan/caseplan/pkg/cli"
)

// DefaultDate is the date the pages carry unless told otherwise.
var DefaultDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func main() {
	out := flag.String("out", "man", "write the pages to `DIR`")
	date := flag.String("date", "", "the `DATE` (YYYY-MM-DD) in the pages' footer (default: $SOURCE_DATE_EPOCH, else "+DefaultDate.Format(time.DateOnly)+")")
	flag.Parse()
	when, err := pageDate(*date, os.Getenv("SOURCE_DATE_EPOCH"))
	if err == nil {
		err = Generate(*out, when)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mangen:", err)
		os.Exit(1)
	}
}

func pageDate(flagValue, epoch string) (time.Time, error) {
	switch {
	case flagValue != "":
		return time.Parse(time.DateOnly, flagValue)
	case epoch != "":
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: %v", err)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return DefaultDate, nil
}

// Generate writes a page for every command of caseplan to dir.
func Generate(dir string, date time.Time) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root := cli.Command(cli.Env{Getenv: func(string) string { return "" }})
	root.DisableAutoGenTag = true
	root.InitDefaultCompletionCmd() // cobra adds it when it runs; the pages document it too
	return generate(root, dir, date)
}

func generate(c *cobra.Command, dir string, date time.Time) error {
	if !c.IsAvailableCommand() && c.HasParent() || c.IsAdditionalHelpTopicCommand() {
		return nil
	}
	c.DisableAutoGenTag = true
	c.Long = helpMarkdown(strings.TrimSuffix(strings.TrimRight(c.Long, "\n"), strings.TrimRight(cli.ExitStatus, "\n")))
	c.Example = strings.Join(fitLines(strings.Split(c.Example, "\n"), exampleWidth), "\n")
	c.LocalFlags().VisitAll(func(f *pflag.Flag) { f.Usage = markdownEscape.Replace(f.Usage) })
	if !c.HasParent() {
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { f.Usage = markdownEscape.Replace(f.Usage) })
	}
	var b bytes.Buffer
	header := &doc.GenManHeader{Title: strings.ToUpper(strings.ReplaceAll(c.CommandPath(), " ", "-")), Section: "1", Date: &date, Source: "caseplan", Manual: "caseplan manual"}
	if err := doc.GenMan(c, header, &b); err != nil {
		return err
	}
	page := unhyphenated(withExitStatus(b.Bytes()))
	name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
	if err := os.WriteFile(filepath.Join(dir, name), page, 0o644); err != nil {
		return err
	}
	for _, sub := range c.Commands() {
		if err := generate(sub, dir, date); err != nil {
			return err
		}
	}
	return nil
}

// markdownEscape keeps what help text says in angle brackets ("Name
// <email>", <case-id>) from being read as HTML, and dropped, by the
// Markdown the pages are rendered from: it becomes a code span, which
// md2man prints as it is.
var markdownEscape = angled{regexp.MustCompile("<[^<>`\\n]+>")}

type angled struct{ re *regexp.Regexp }

func (a angled) Replace(s string) string { return a.re.ReplaceAllString(s, "`$0`") }

// helpMarkdown turns a command's help, written for a terminal, into the
// Markdown the page is rendered from: the indented blocks (lists of
// formats, fields, phases) keep their lines and columns as preformatted
// text, and the prose around them is filled as paragraphs.
func helpMarkdown(help string) string {
	var out []string
	lines := strings.Split(help, "\n")
	for i := 0; i < len(lines); {
		if !indented(lines[i]) {
			out = append(out, markdownEscape.Replace(lines[i]))
			i++
			continue
		}
		j := i
		for j < len(lines) && (indented(lines[j]) || lines[j] == "" && j+1 < len(lines) && indented(lines[j+1])) {
			j++
		}
		block := make([]string, j-i)
		for k, line := range lines[i:j] {
			t := strings.TrimLeft(line, "\t")
			block[k] = strings.Repeat("  ", len(line)-len(t)) + t
		}
		out = append(out, "```", strings.Join(fitLines(block, exampleWidth), "\n"), "```")
		i = j
	}
	return strings.Join(out, "\n")
}

// indented reports whether a help line belongs to an indented block (a
// tab is cobra's own help's indent, as in the completion commands').
func indented(line string) bool {
	return strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
}

// unhyphenated turns hyphenation and justification off where they take
// effect: after .TH, which in the man macros sets hyphenation on again, so
// the .nh go-md2man writes before it does nothing. Words broken at a line's
// end ("coun-selors", "case-plan extension decide") are read as two by a
// screen reader or a braille display, and a command broken in two cannot
// be copied; justified lines add runs of spaces. Ragged right, no breaks
// in words: .nh and .ad l for the page, and groff's registers HY and AD,
// which its paragraph macros set them from again.
func unhyphenated(page []byte) []byte {
	page = bytes.TrimPrefix(page, []byte(".nh\n"))
	start := 0
	if !bytes.HasPrefix(page, []byte(".TH ")) {
		start = bytes.Index(page, []byte("\n.TH "))
		if start < 0 {
			return page
		}
		start++
	}
	end := bytes.IndexByte(page[start:], '\n')
	if end < 0 {
		return page
	}
	end += start + 1
	return append(append(page[:end:end], ".nh\n.ad l\n.nr HY 0\n.ds AD l\n"...), page[end:]...)
}

// withExitStatus adds an EXIT STATUS section — the codes of cli.ExitStatus
// as a tagged list — before SEE ALSO (or at the end), where man pages keep it.
func withExitStatus(page []byte) []byte {
	var sec bytes.Buffer
	sec.WriteString(".SH EXIT STATUS\n")
	// Each code's row, its text joined again where the help wraps it
	// under the text with a deeper indent.
	// The prose after the list (what -o json promises, what Ctrl-C
	// does) follows it as paragraphs, one per sentence run the help
	// starts on a new line.
	var codes, texts, paras []string
	for _, line := range strings.Split(cli.ExitStatus, "\n") {
		code, what, ok := strings.Cut(strings.TrimSpace(line), "  ")
		switch {
		case ok && code != "" && strings.Trim(code, "0123456789") == "" && strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   "):
			codes, texts = append(codes, code), append(texts, strings.TrimSpace(what))
		case len(codes) > 0 && strings.HasPrefix(line, "     ") && strings.TrimSpace(line) != "":
			texts[len(texts)-1] += " " + strings.TrimSpace(line)
		case len(codes) > 0 && !strings.HasPrefix(line, " ") && strings.TrimSpace(line) != "":
			if n := len(paras); n > 0 && !strings.HasSuffix(paras[n-1], ".") {
				paras[n-1] += " " + strings.TrimSpace(line)
			} else {
				paras = append(paras, strings.TrimSpace(line))
			}
		}
	}
	for i, code := range codes {
		fmt.Fprintf(&sec, ".TP\n\\fB%s\\fP\n%s\n", code, roffText(texts[i]))
	}
	for _, p := range paras {
		fmt.Fprintf(&sec, ".PP\n%s\n", roffText(p))
	}
	sec.WriteString("\n")
	for _, marker := range []string{".SH EXAMPLE\n", ".SH SEE ALSO\n"} {
		if i := bytes.Index(page, []byte(marker)); i >= 0 {
			return append(page[:i:i], append(sec.Bytes(), page[i:]...)...)
		}
	}
	return append(page, sec.Bytes()...)
}

// roffText escapes what roff would read as a command or an escape.
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
