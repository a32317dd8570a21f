package report

import "io"

func (jsonWriter) Performance(w io.Writer, r *Performance) error { return writeJSON(w, r) }
