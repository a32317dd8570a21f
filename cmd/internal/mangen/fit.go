package main

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// exampleWidth is how wide a preformatted line of a page may be: man
// indents an example block by up to 8 columns, and a terminal of 80
// columns (MANWIDTH=80) should show every line whole.
const exampleWidth = 72

// fitLines refills the lines of a preformatted block (a help's indented
// table or list, a command's examples) that would run past width once man
// indents them. The help wraps them for a terminal with a 2-column
// indent; the page gets the same text, broken again where needed:
//   - a line of a table or list continues under its text column (the
//     column after the label's two or more spaces, or after "1. "), and
//     the words pushed off the end join that entry's next line when it
//     has one, so a paragraph is refilled rather than left ragged;
//   - a shell command is continued with " \" under its indent plus four,
//     never inside quotes, and its "# comment" moves to a line of its
//     own above it (above its first line, when the comment ends a line
//     the command was continued onto);
//   - a "# comment" line goes on as a comment, "# " again.
//
// A line with no space to break at is left as it is.
func fitLines(lines []string, width int) []string {
	out := append([]string(nil), lines...)
	for i := 0; i < len(out); i++ {
		line := out[i]
		if runeLen(line) <= width {
			continue
		}
		indent := indentOf(line)
		if isShell(out, i) {
			code, comment := splitComment(line)
			if comment != "" {
				// above the command's first line: between a line ending in
				// a backslash and the next, a comment ends the command
				first := i
				for first > 0 && strings.HasSuffix(out[first-1], `\`) {
					first--
				}
				out[i] = strings.TrimRight(code, " ")
				out = insert(out, first, strings.Repeat(" ", indentOf(out[first]))+comment)
				i = first - 1
				continue // the comment's line is looked at next, then the command's
			}
			bp := breakPoint(line, width-2, indent+1, true)
			if bp < 0 {
				continue
			}
			hang := indent + 4
			if i > 0 && strings.HasSuffix(out[i-1], `\`) {
				hang = indent // already a continuation: keep its column
			}
			out[i] = strings.TrimRight(line[:bp], " ") + ` \`
			tail := strings.TrimLeft(line[bp:], " ")
			if before, ok := strings.CutSuffix(tail, ` \`); ok && i+1 < len(out) && indentOf(out[i+1]) == hang {
				// the command went on: its next line takes the words
				out[i+1] = strings.Repeat(" ", hang) + before + " " + strings.TrimLeft(out[i+1], " ")
			} else {
				out = insert(out, i+1, strings.Repeat(" ", hang)+tail)
			}
			continue
		}
		if t := strings.TrimLeft(line, " "); strings.HasPrefix(t, "# ") {
			// a comment of its own goes on as a comment: without its #
			// the words would be a command
			bp := breakPoint(line, width, indent+2, false)
			if bp < 0 {
				continue
			}
			out[i] = strings.TrimRight(line[:bp], " ")
			out = insert(out, i+1, strings.Repeat(" ", indent)+"# "+strings.TrimLeft(line[bp:], " "))
			continue
		}
		hang := hangOf(line)
		if i+1 < len(out) {
			// the entry's own continuation lines say where its text hangs
			// (a label longer than the table's column pushes its first
			// line's text further right)
			if next := indentOf(out[i+1]); next > indent && continues(out[i+1], next) {
				hang = next
			}
		}
		bp := breakPoint(line, width, hang+1, false)
		if bp < 0 {
			continue
		}
		head, tail := strings.TrimRight(line[:bp], " "), strings.TrimLeft(line[bp:], " ")
		out[i] = head
		if i+1 < len(out) && continues(out[i+1], hang) {
			out[i+1] = strings.Repeat(" ", hang) + tail + " " + strings.TrimLeft(out[i+1], " ")
		} else {
			out = insert(out, i+1, strings.Repeat(" ", hang)+tail)
		}
	}
	return out
}

var (
	// a table's entry: a label, two or more spaces, its text
	tableEntry = regexp.MustCompile(`^( *)(\S(?:\S| \S)*)(  +)\S`)
	// a list's item: "1. ", "- ", "* "
	listItem = regexp.MustCompile(`^( *)(\d+\.|[-*]) +\S`)
)

// hangOf is the column a line's text is continued under.
func hangOf(line string) int {
	if m := listItem.FindStringSubmatchIndex(line); m != nil {
		return m[1] - 1
	}
	if m := tableEntry.FindStringSubmatchIndex(line); m != nil {
		return m[1] - 1
	}
	return indentOf(line)
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// continues reports whether next carries on the entry whose text hangs at
// column hang: indented exactly so far, and not an entry of its own.
func continues(next string, hang int) bool {
	indent := indentOf(next)
	return strings.TrimSpace(next) != "" && indent == hang && hangOf(next) == hang
}

// isShell reports whether line i of a block is a command line: it starts
// with caseplan (or a prompt) at the block's own indent, or continues one
// ending in a backslash.
func isShell(lines []string, i int) bool {
	t := strings.TrimLeft(lines[i], " ")
	shallow := len(lines[i])-len(t) <= 4 // deeper, it is a table's text naming a command
	return shallow && (strings.HasPrefix(t, "caseplan ") || strings.HasPrefix(t, "$ ")) ||
		i > 0 && strings.HasSuffix(lines[i-1], `\`)
}

// splitComment cuts a command line's trailing "# comment" (after two or
// more spaces, outside quotes) from the command.
func splitComment(line string) (code, comment string) {
	var quote rune
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && i >= 2 && line[i-2:i] == "  ":
			return line[:i], line[i:]
		}
	}
	return line, ""
}

// breakPoint is the byte offset at which line is best broken so that its
// head is at most width runes, not before column min: the last space, or
// (outside a shell command, in a list of JSON fields) the last place after
// a comma, that fits — in a command, the last space before a flag, unless
// that leaves the line half empty; else the first space past width, the least overflow
// there is. A shell command is never broken inside quotes or a $(...).
// -1 when there is no place at all.
func breakPoint(line string, width, min int, shell bool) int {
	space, flag, comma, over := -1, -1, -1, -1
	var quote rune
	depth := 0
	col := 0
	for i, r := range line {
		switch {
		case shell && quote != 0:
			if r == quote {
				quote = 0
			}
		case shell && (r == '\'' || r == '"'):
			quote = r
		case shell && r == '(':
			depth++
		case shell && r == ')' && depth > 0:
			depth--
		case depth > 0 || col < min || strings.TrimSpace(line[:i]) == "":
		case r == ' ' && col <= width:
			space = i
			if shell && strings.HasPrefix(line[i+1:], "-") {
				flag = i
			}
		case r == ' ' && over < 0:
			over = i
		case r == ',' && !shell && col+1 <= width:
			comma = i + 1
		}
		col++
	}
	if flag >= 0 && flag >= len(line[:space])/2 {
		return flag // a command breaks before a flag, keeping it with its value
	}
	if comma >= len(line) {
		comma = -1
	}
	if best := max(space, comma); best >= 0 {
		return best
	}
	return over
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func insert(lines []string, i int, line string) []string {
	lines = append(lines, "")
	copy(lines[i+1:], lines[i:])
	lines[i] = line
	return lines
}
