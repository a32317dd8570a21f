package cli

import "strings"

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
