package findingout

import (
	"fmt"
	"io"
	"strings"

	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
)

// githubWriter prints findings as GitHub Actions workflow commands, so they
// show on the changed lines of a pull request: one line each, with the
// values escaped so that no text in a record can end the command or start
// another. Like the text output it shows control characters escaped
// (display.Escape; a message keeps its line breaks, which an annotation
// shows, and a CR LF is one of them): a file name or a commit's author — which a pull
// request from anyone chooses — with an escape sequence must not paint or
// rewrite the CI log, which renders them.
type githubWriter struct{ w io.Writer }

var (
	escMessage  = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	escProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func (g githubWriter) Write(f finding.Finding) error {
	level := "error"
	if f.Severity == finding.Warning {
		level = "warning"
	}
	var props []string
	if f.Path != "" {
		props = append(props, "file="+escProperty.Replace(display.Escape(f.Path)))
		if f.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d,col=%d", f.Line, max(f.Column, 1)))
		}
	}
	props = append(props, "title="+escProperty.Replace(display.Escape("caseplan "+f.Rule)))
	msg := f.Message
	if f.Commit != "" {
		// verify's findings are about a commit, which the line must name:
		// a note changed in a commit is shown on the note's file.
		msg += " (commit " + short(f.Commit) + ")"
	}
	if f.Hint != "" {
		// The annotation is what a pull request's author reads, on the
		// changed line, without the step's log: a schema finding says
		// there what to do (take day: out), on a line labelled as stderr
		// labels it, as a command that could not run says its hint
		// (cli's annotate).
		msg += "\nhint: " + f.Hint
	}
	_, err := fmt.Fprintf(g.w, "::%s %s::%s\n", level, strings.Join(props, ","), escMessage.Replace(display.EscapeText(msg)))
	return err
}

func (githubWriter) Flush() error { return nil }

// WriteGitHubError writes msg as a GitHub Actions error annotation without
// a file, titled title: a command given -o github that could not run at
// all (a shallow clone, a missing commit) says why on the check's page,
// where its stderr, in the step's log, is a click away.
func WriteGitHubError(w io.Writer, title, msg string) error {
	_, err := fmt.Fprintf(w, "::error title=%s::%s\n", escProperty.Replace(display.Escape(title)), escMessage.Replace(display.EscapeText(msg)))
	return err
}
