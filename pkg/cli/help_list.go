package cli

import (
	"strings"
	"unicode/utf8"
)

// maxHelpLine is the widest a long help's line may be: a terminal's 80
// columns.
const maxHelpLine = 80

// helpList lays out a list of values (phases, due kinds, sealed fields)
// for a long help: indented two columns and wrapped within maxHelpLine
// columns, as a terminal shows it. The lists grow with the code, so a
// single joined line ran to 175 columns and wrapped mid-word on screen.
func helpList(items []string) string {
	const indent = "  "
	var b strings.Builder
	line := indent
	for i, item := range items {
		word := item
		if i < len(items)-1 {
			word += ","
		}
		if line != indent && len(line)+1+len(word) > maxHelpLine {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line)
	return b.String()
}

// wrapUseLine wraps a command's usage line ("caseplan case set CASE
// [--name NAME] ... [flags]") within width columns, as usage prints it
// after two columns of indent: a break falls between the line's words,
// never inside a bracketed group ("[--scope internal|external|both]",
// "(--eligible|--not-eligible)") unless the group alone is wider than a
// line, and each continued line is indented four columns more. The man
// pages' synopsis is not wrapped here: roff fills it.
func wrapUseLine(use string, width int) string {
	const cont = "    "
	width -= 2
	// Each line is a list of the words and groups it holds, for the
	// last to be moved down below.
	lines := [][]string{nil}
	length := func(ws []string, first bool) int {
		n := len(cont)
		if first {
			n = 0
		}
		for i, w := range ws {
			if i > 0 {
				n++
			}
			n += utf8.RuneCountInString(w)
		}
		return n
	}
	add := func(w string) {
		last := len(lines) - 1
		if len(lines[last]) > 0 && length(lines[last], last == 0)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, nil)
			last++
		}
		lines[last] = append(lines[last], w)
	}
	for _, g := range useLineGroups(use) {
		if utf8.RuneCountInString(cont+g) <= width {
			add(g)
			continue
		}
		// A group wider than a line is broken after its alternatives'
		// bars, else between its words.
		for _, alt := range strings.SplitAfter(g, "| ") {
			if alt = strings.TrimSpace(alt); utf8.RuneCountInString(cont+alt) <= width {
				add(alt)
				continue
			}
			for _, w := range strings.Fields(alt) {
				add(w)
			}
		}
	}
	// One group alone on the last line ("[flags]", mostly) reads as a
	// stray: the group before it goes down with it when both fit.
	if n := len(lines); n > 1 && len(lines[n-1]) == 1 && len(lines[n-2]) > 1 {
		prev := lines[n-2]
		if moved := []string{prev[len(prev)-1], lines[n-1][0]}; length(moved, false) <= width {
			lines[n-2], lines[n-1] = prev[:len(prev)-1], moved
		}
	}
	out := make([]string, len(lines))
	for i, ws := range lines {
		out[i] = strings.Join(ws, " ")
		if i > 0 {
			out[i] = cont + out[i]
		}
	}
	return strings.Join(out, "\n  ")
}

// useLineGroups splits a usage line at the spaces outside brackets and
// parentheses: "CASE", "[--term short|long]", "(--a X | --b Y)"; a flag
// outside them stays with its value, "--status planned|enrolled".
func useLineGroups(use string) []string {
	var groups []string
	depth, start := 0, 0
	for i, r := range use {
		switch r {
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case ' ':
			if depth == 0 {
				if i > start {
					groups = append(groups, use[start:i])
				}
				start = i + 1
			}
		}
	}
	groups = append(groups, use[start:])
	var out []string
	for i := 0; i < len(groups); i++ {
		g := groups[i]
		if i+1 < len(groups) && strings.HasPrefix(g, "-") && groups[i+1] != "" && !strings.ContainsAny(groups[i+1][:1], "-[(") {
			g += " " + groups[i+1]
			i++
		}
		out = append(out, g)
	}
	return out
}
