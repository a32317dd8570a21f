package load

import (
	"strings"
	"testing"
)

// parserJargon is the YAML library's own wording (go.yaml.in/yaml/v3,
// scannerc.go, parserc.go, decode.go), which a case manager editing a
// record by hand cannot act on.
var parserJargon = []string{
	"mapping values are not allowed", "did not find expected", "could not find expected",
	"found character that cannot start any token", "found undefined alias", "unknown anchor",
	"found unexpected end of stream", "block sequence entries are not allowed",
	"found a tab character", "found unknown escape character", "in this context",
	"node content", "<document start>", "indicator",
}

// Every hand-edit mistake that makes the parser fail is told in plain
// words at the line to fix, whichever of the parser's messages it makes
// (the parser's message for each is in the comment).
func TestSyntaxMistakesInPlainWords(t *testing.T) {
	for _, tt := range []struct {
		name, data string
		line       int
		msg        string
	}{
		// mapping values are not allowed in this context: a field
		// indented under a long plain value, after a list.
		{"a field indented under a plain value after a list",
			"id: 2026-10-22-5ed6\nservices:\n  - assessment\n  - career-planning\nbackground: Works in Facilities Services.\n  reason: Intake meeting (000).\nobservations: Calm.\n",
			6, "line 6 is indented further than line 5 (background:), which already has a value, so it cannot hold more fields; line `reason:` up with the fields around it"},
		// could not find expected ':'
		{"a list item without its dash",
			"id: W-001\nbarriers:\n  - housing\n  transport\n",
			4, "line 4 is lined up with the list items above it (each starting with '- ') but has no '- ' of its own"},
		// did not find expected '-' indicator
		{"a field among list items",
			"id: W-001\nplan:\n  - a\n  b: c\n",
			4, "line 4 is lined up with the list items above it"},
		// did not find expected key
		{"a list item among nested fields",
			"id: W-001\nparticipant:\n  name: Ana\n  - phone\n",
			4, "line 4 starts with '- ' (a list item) but is lined up with fields written name: value; remove the '- '"},
		{"an apostrophe in single quotes",
			"id: W-001\nreason: 'client's car broke down'\nstatus: open\n",
			2, "the value on line 2 is in single quotes and holds an apostrophe ('), which YAML reads as the closing quote; write each apostrophe inside it twice: reason: 'client''s car broke down'"},
		{"double quotes in double quotes",
			"id: W-001\nreason: \"said \"ready\" today\"\nstatus: open\n",
			2, `the value on line 2 is in double quotes and holds a double quote ("), which YAML reads as the closing one; put the value in single quotes instead: reason: 'said "ready" today'`},
		{"text after the closing quote",
			"id: W-001\nparticipant:\n  name: \"Ana\" Example\n",
			3, `the value on line 3 goes on after its closing "; move the closing " to the end of the value: name: "Ana Example"`},
		{"a field with no name",
			"id: W-001\n: open\n",
			2, "line 2 does not read as a field (name: value) lined up with the fields around it"},
		// found character that cannot start any token
		{"a value starting with @",
			"id: W-001\ncontact: @ana_example\n",
			2, `the value on line 2 starts with @, which YAML keeps for its own use at the start of a value; put the value in quotes: contact: "@ana_example"`},
		{"a value starting with %",
			"id: W-001\nresults: %50 of applications answered\n",
			2, "the value on line 2 starts with %"},
		// unknown anchor 'ana' referenced (found undefined alias)
		{"a value starting with *",
			"id: W-001\nreason: *urgent* call back\n",
			2, `the value on line 2 starts with *, which YAML keeps for its own use at the start of a value; put the value in quotes: reason: "*urgent* call back"`},
		// did not find expected alphabetic or numeric character
		{"a value starting with & and a space",
			"id: W-001\norganisation: & Sons\n",
			2, "the value on line 2 starts with &"},
		// block sequence entries are not allowed in this context
		{"a list item on its field's line",
			"id: W-001\nbarriers: - housing\n",
			2, "line 2 has a list item (- housing) on the same line as its field barriers:; put each item on a line of its own below it, indented, starting with '- '"},
		// found unexpected end of stream
		{"a quote opened on a line of its own, never closed",
			"id: W-001\nreason: a\n\"b\n",
			3, "the file ends inside a quoted value: a \" or ' opened on line 3 or above is never closed; add the closing quote"},
		// did not find expected <document start>
		{"the first field indented",
			"  id: W-001\nstatus: open\n",
			1, "the file's first field is indented, and a field below it starts further left; remove the spaces before the first field"},
		// found unknown escape character
		{"a backslash in double quotes",
			"id: W-001\nresume: \"C:\\Users\\ana\\resume.docx\"\n",
			2, `a value in double quotes on line 2 holds a \ that YAML reads as the start of a special character; write \\ for a backslash, or put the value in single quotes`},
		// did not find expected ',' or ']'
		{"text after a closed list",
			"id: W-001\nskills: [forklift, welding] and more\nstatus: open\n",
			2, "line 2 does not read as a field"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Parse("cases/X/notes/x.yaml", []byte(tt.data))
			if len(fs) != 1 || fs[0].Rule != RuleSyntax {
				t.Fatalf("findings %v, want one %s", fs, RuleSyntax)
			}
			if fs[0].Line != tt.line || !strings.Contains(fs[0].Message, tt.msg) {
				t.Errorf("got %d: %s\nwant %d: ...%s", fs[0].Line, fs[0].Message, tt.line, tt.msg)
			}
			for _, j := range parserJargon {
				if strings.Contains(fs[0].Message, j) {
					t.Errorf("message %q holds the parser's words %q", fs[0].Message, j)
				}
			}
		})
	}
}

// A parser message not known is passed on as it is, never dropped.
func TestParserWordsUnknown(t *testing.T) {
	if msg, ok := parserWords(3, "found undefined tag handle"); ok {
		t.Errorf("parserWords = %q, want none", msg)
	}
}
