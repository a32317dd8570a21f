package report

import (
	"encoding/json"
	"io"
)

// jsonWriter writes the reports' JSON contracts: Monthly and Caseload as
// they are, indented, keys in snake_case.
type jsonWriter struct{}

func (jsonWriter) Monthly(w io.Writer, r *Monthly) error { return writeJSON(w, r) }

func (jsonWriter) Caseload(w io.Writer, r *Caseload) error { return writeJSON(w, r) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
