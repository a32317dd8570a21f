package main

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/caseplan/caseplan/pkg/cli"
	"github.com/spf13/cobra"
)

func TestFitLines(t *testing.T) {
	for _, tc := range []struct {
		name     string
		in, want []string
	}{{
		name: "a table's entry refills its own paragraph",
		in: []string{
			"  contact    the next contact by the program's interval: weekly",
			"             check-ins",
			"  milestone  an open milestone",
		},
		want: []string{
			"  contact    the next contact by the program's",
			"             interval: weekly check-ins",
			"  milestone  an open milestone",
		},
	}, {
		name: "a label past the column hangs its text under the column",
		in: []string{
			"  extension-decision  the committee's decision on a",
			"             pending request",
		},
		want: []string{
			"  extension-decision  the committee's decision",
			"             on a pending request",
		},
	}, {
		name: "a command goes on under a backslash, never inside quotes",
		in: []string{
			`  caseplan note add W-1 --content 'a quoted text that runs on'`,
			`  caseplan note add W-1 --two-way --content 'short' --mode phone \`,
			`      --service career-planning`,
		},
		want: []string{
			`  caseplan note add W-1 \`,
			`      --content 'a quoted text that runs on'`,
			`  caseplan note add W-1 --two-way \`,
			`      --content 'short' --mode phone \`,
			`      --service career-planning`,
		},
	}, {
		name: "a command's comment moves above it",
		in:   []string{"  caseplan due                # my cases and the next 14 days"},
		want: []string{"  # my cases and the next 14 days", "  caseplan due"},
	}, {
		name: "a continued command's comment moves above its first line",
		in: []string{
			`  caseplan note add W-1 \`,
			`      --two-way --mode phone   # the intake meeting, by phone`,
		},
		want: []string{
			`  # the intake meeting, by phone`,
			`  caseplan note add W-1 \`,
			`      --two-way --mode phone`,
		},
	}, {
		name: "a comment's line goes on as a comment",
		in:   []string{"  # a long comment on its own line, too wide for the page"},
		want: []string{"  # a long comment on its own line, too wide for", "  # the page"},
	}, {
		name: "JSON fields break after a comma",
		in:   []string{`  -o json  {"case","manager","kind","due","overdue","days"}`},
		want: []string{`  -o json  {"case","manager","kind","due",`, `           "overdue","days"}`},
	}, {
		name: "nothing to break at: left as it is",
		in:   []string{"  " + strings.Repeat("x", 60)},
		want: []string{"  " + strings.Repeat("x", 60)},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := fitLines(tc.in, 48)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestExamplesFitAndKeepTheirWords: every command's help blocks and
// examples, fitted for the page, hold no line wider than exampleWidth
// that has a place to break, and keep every word they had (a command
// broken with backslashes is the same command).
func TestExamplesFitAndKeepTheirWords(t *testing.T) {
	root := cli.Command(cli.Env{Getenv: func(string) string { return "" }})
	root.InitDefaultCompletionCmd()
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, text := range []string{c.Example, c.Long} {
			in := strings.Split(text, "\n")
			out := fitLines(in, exampleWidth)
			for _, line := range out {
				if utf8.RuneCountInString(line) > exampleWidth && strings.Contains(strings.TrimSpace(line), " ") {
					t.Errorf("%s: %q is %d wide", c.CommandPath(), line, utf8.RuneCountInString(line))
				}
			}
			if a, b := words(in), words(out); !slices.Equal(a, b) {
				t.Errorf("%s: words changed:\n%s\n---\n%s", c.CommandPath(), strings.Join(in, "\n"), strings.Join(out, "\n"))
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// words are a text's words, sorted, without line continuations, commas
// split off (a JSON list broken after a comma is the same list).
func words(lines []string) []string {
	var w []string
	for _, f := range strings.Fields(strings.ReplaceAll(strings.Join(lines, "\n"), ",", " ")) {
		if f != `\` {
			w = append(w, f)
		}
	}
	slices.Sort(w)
	return w
}
