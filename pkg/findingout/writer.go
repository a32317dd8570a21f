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
var HistoryFormats = []string{"text", "json", "github"}

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
		s := &sarifWriter{w: w, newFrom: newFrom}
		if len(tool) > 0 {
			s.tool = tool[0]
		}
		return s, nil
	}
	return nil, unknown(format, StoreFormats)
}

// ForHistory returns the writer of a verify format to w. commits is how
// many commits were checked, for the JSON report.
func ForHistory(w io.Writer, format string, commits int) (Writer, error) {
	switch format {
	case "text":
		return textWriter{w}, nil
	case "json":
		return &jsonWriter{w: w, report: func(fs []finding.Finding, errs, _ int) any {
			return historyReport{Valid: errs == 0, Commits: commits, Findings: fs}
		}}, nil
	case "github":
		return githubWriter{w}, nil
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
