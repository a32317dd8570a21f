package report

import "io"

func (jsonWriter) Search(w io.Writer, r *Search) error { return writeJSON(w, r) }
