// Package findingout writes findings — what validate finds in the records
// and what verify finds in their history — in the formats people, scripts
// and CI read: one line per finding (text), a JSON report (json), GitHub
// Actions workflow annotations (github) with a job summary in Markdown,
// and SARIF 2.1.0 for code scanning (sarif).
//
// As kubeconform keeps its outputs, a Writer has two methods, Write for
// each finding and Flush at the end, and each format is one file of this
// package; pkg/report's Writer is the same idea for the reports. Nothing
// here knows about the command line.
package findingout

import (
	"fmt"
	"io"
	"strings"

	"github.com/caseplan/caseplan/pkg/finding"
)

// Writer prints findings in one format: Write each finding, in order, then
// Flush once. A format that prints a whole document (json) prints it on
// Flush; the others print each finding as it is written.
type Writer interface {
	Write(f finding.Finding) error
	Flush() error
}

// StoreFormats are the formats of validate's findings, the first the
// default.
var StoreFormats = []string{"text", "json", "github", "sarif"}

// NoCommit is what the json and sarif documents name as the commit
// validate --new-from HEAD compared with in a store without commits yet:
// forty zeros, as git writes a commit that does not exist (a hook's old
// value of a new branch).
const NoCommit = "0000000000000000000000000000000000000000"

// HistoryFormats are the formats of verify's findings, the first the
// default.
var HistoryFormats = []string{"text", "json", "github", "sarif"}

// HistoryRun is what verify checked, for the formats that say so: the
// JSON report's and SARIF's count of commits, and the range checked and
// the rules reported (sarif).
type HistoryRun struct {
	// Commits is how many commits were checked.
	Commits int
	// Since is the full hash of the commit the check started after
	// (--since, or the trust anchor when only the commits after it were
	// checked); "" when every commit was.
	Since string
	// Anchor is the full hash of the trust anchor the check looked for
	// in the history (the clone's, or --anchor); "" when there was none.
	Anchor string
	// Tool names caseplan's version and describes verify's rules.
	Tool Tool
	// Place is the file a finding that names none (one about a whole
	// commit, or the repository) is shown at, where a format must show
	// every finding at a file (sarif: code scanning shows no result
	// without one); "" leaves such a result at no file.
	Place string
}

// ForStore returns the writer of a validate format to w. cases and files
// are what was checked, for the JSON report's counts; newFrom, when not
// "", is the full hash of the commit the findings are new since
// (validate --new-from; NoCommit for a store without commits yet), which
// the json and sarif documents name; tool, when given, names caseplan's
// version and its rules in the formats that say so (sarif).
func ForStore(w io.Writer, format string, cases, files int, newFrom string, tool ...Tool) (Writer, error) {
	switch format {
	case "text":
		return textWriter{w}, nil
	case "json":
		return &jsonWriter{w: w, report: func(fs []finding.Finding, errs, warns int) any {
			return storeReport{Valid: errs == 0, Cases: cases, Files: files, Errors: errs, Warnings: warns, Waived: finding.CountWaived(fs), NewFrom: newFrom, Findings: fs}
		}}, nil
	case "github":
		return githubWriter{w}, nil
	case "sarif":
		s := &sarifWriter{w: w}
		if newFrom != "" {
			s.props = &sarifRunProps{NewFrom: newFrom}
		}
		if len(tool) > 0 {
			s.tool = tool[0]
		}
		return s, nil
	}
	return nil, unknown(format, StoreFormats)
}

// ForHistory returns the writer of a verify format to w; run says what
// was checked.
func ForHistory(w io.Writer, format string, run HistoryRun) (Writer, error) {
	switch format {
	case "text":
		return textWriter{w}, nil
	case "json":
		return &jsonWriter{w: w, report: func(fs []finding.Finding, errs, _ int) any {
			return historyReport{Valid: errs == 0, Commits: run.Commits, Since: run.Since, Anchor: run.Anchor, Findings: fs}
		}}, nil
	case "github":
		return githubWriter{w}, nil
	case "sarif":
		commits := run.Commits
		return &sarifWriter{w: w, tool: run.Tool, place: run.Place, history: true,
			props: &sarifRunProps{Commits: &commits, Since: run.Since, Anchor: run.Anchor}}, nil
	}
	return nil, unknown(format, HistoryFormats)
}

func unknown(format string, formats []string) error {
	return fmt.Errorf("unknown format %q; use one of %s", format, strings.Join(formats, ", "))
}

// WriteAll writes fs to w in order and flushes it.
func WriteAll(w Writer, fs []finding.Finding) error {
	for _, f := range fs {
		if err := w.Write(f); err != nil {
			return err
		}
	}
	return w.Flush()
}
