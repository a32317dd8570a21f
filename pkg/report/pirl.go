package report

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/performance"
	"github.com/caseplan/caseplan/pkg/record"
)

// PIRLExport is the PIRL-style export: one row per WIOA participant the
// performance report for a program year looks at, with the PIRL elements
// (ETA-9172) caseplan holds, so a board can set its records beside the
// state's (pkg/performance says which elements, and how each is written).
// Every row ends with the program year, the day it is as of and the
// commit it was read from. Its JSON form is the contract of caseplan
// export pirl -o json.
type PIRLExport struct {
	Export       string     `json:"export"` // "pirl"
	ProgramYear  int        `json:"program_year"`
	Quarter      *int       `json:"quarter"` // null for the whole program year
	AsOf         string     `json:"as_of"`
	Organization string     `json:"organization"`
	Commit       string     `json:"commit"`
	Committed    string     `json:"committed"`
	Columns      []string   `json:"columns"`
	Rows         [][]string `json:"rows"`
}

// PIRLFormats are the formats of the export, the first the default.
var PIRLFormats = []string{"csv", "json"}

// pirlStamp are the columns every row ends with.
var pirlStamp = []string{"caseplan: program year", "caseplan: as of", "caseplan: commit"}

// BuildPIRL makes the export for period as of day from the records in
// snap, read at the commit src names.
func BuildPIRL(snap *casefile.Snapshot, period calendar.ReportPeriod, day time.Time, src Source) *PIRLExport {
	return BuildPIRLOf(snap.Config, performance.AllFacts(snap, day), period, day, src)
}

// BuildPIRLOf makes the export from the facts of every WIOA case
// (performance.FactsOf on day, in case ID order) and the store settings.
func BuildPIRLOf(cfg *record.Config, all []performance.Facts, period calendar.ReportPeriod, day time.Time, src Source) *PIRLExport {
	day = calendar.Day(day)
	e := &PIRLExport{
		Export: "pirl", ProgramYear: period.Year, AsOf: dateString(day),
		Commit: src.Commit, Committed: src.Committed.Format(time.RFC3339),
		Columns: append(append([]string{}, performance.PIRLColumns...), pirlStamp...),
		Rows:    [][]string{},
	}
	if period.Quarter > 0 {
		q := period.Quarter
		e.Quarter = &q
	}
	if cfg != nil {
		e.Organization = cfg.Organization
	}
	for _, row := range performance.PIRLRowsOf(all, period) {
		e.Rows = append(e.Rows, append(row, strconv.Itoa(period.Year), e.AsOf, e.Commit))
	}
	return e
}

// WritePIRL writes the export in format, one of PIRLFormats: CSV (RFC
// 4180, a header row of the column names, cells neutralised as in the
// reports) or JSON.
func WritePIRL(w io.Writer, format string, e *PIRLExport) error {
	switch format {
	case "csv":
		rows := [][]string{append([]string{}, e.Columns...)}
		for _, r := range e.Rows {
			rows = append(rows, append([]string{}, r...))
		}
		return writeCSV(w, rows)
	case "json":
		return writeJSON(w, e)
	}
	return fmt.Errorf("unknown export format %q; use csv or json", format)
}
