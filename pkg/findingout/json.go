package findingout

import (
	"encoding/json"
	"io"

	"github.com/caseplan/caseplan/pkg/finding"
)

// storeReport is validate's JSON contract: {"valid","cases","files",
// "errors","warnings","waived","new_from","findings"}. Waived counts the
// warnings a supervisor's waiver set aside: they are among Warnings (each
// is a finding of severity warning with "waived": true), so a script that
// read warnings before waived existed reads the same number. NewFrom is
// the full hash of the commit validate --new-from compared with, absent
// without it: the counts are then only the new findings, and a script
// must be able to tell them from a whole store's.
type storeReport struct {
	Valid    bool              `json:"valid"`
	Cases    int               `json:"cases"`
	Files    int               `json:"files"`
	Errors   int               `json:"errors"`
	Warnings int               `json:"warnings"`
	Waived   int               `json:"waived"`
	NewFrom  string            `json:"new_from,omitempty"`
	Findings []finding.Finding `json:"findings"`
}

// historyReport is verify's JSON contract: {"valid","commits","findings"},
// with "since" and "anchor" (HistoryRun's) when the check had them, as
// validate's report has "new_from": a script reading it knows which
// commits "commits" counted.
type historyReport struct {
	Valid    bool              `json:"valid"`
	Commits  int               `json:"commits"`
	Since    string            `json:"since,omitempty"`
	Anchor   string            `json:"anchor,omitempty"`
	Findings []finding.Finding `json:"findings"`
}

// jsonWriter collects the findings and prints the report on Flush, indented
// by two spaces; findings is [] (never null) when there are none.
type jsonWriter struct {
	w        io.Writer
	findings []finding.Finding
	report   func(fs []finding.Finding, errs, warns int) any
}

func (j *jsonWriter) Write(f finding.Finding) error {
	j.findings = append(j.findings, f)
	return nil
}

func (j *jsonWriter) Flush() error {
	fs := j.findings
	if fs == nil {
		fs = []finding.Finding{}
	}
	errs, warns := finding.Count(fs)
	enc := json.NewEncoder(j.w)
	enc.SetIndent("", "  ")
	return enc.Encode(j.report(fs, errs, warns))
}
