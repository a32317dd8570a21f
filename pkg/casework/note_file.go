package casework

import (
	"fmt"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// NoteFile is a case note written by hand, which note add and note amend
// read with --file: a YAML mapping of a note's fields, which may leave out
// what caseplan fills in.
type NoteFile struct {
	Name string // the file as the user named it, for findings ("<stdin>" for standard input)
	Data []byte
	// Set are values the command sets whatever the file says: a --kind
	// given on the command line, an amendment's kind and the note it amends.
	Set map[string]any
	// Fill are values used where the file says nothing: an amendment's
	// mode none.
	Fill map[string]any
}

// filledLater stands in, while a hand-written note is checked, for the
// fields AddNote fills in when it writes the note: its ID always, its date
// (--date, else today) and author (the acting staff member) when the file
// leaves them out. The note written is checked again, with the real
// values, as every write is; these only keep the file's check from
// reporting as missing what is not the file's to give.
var filledLater = map[string]any{"id": "2000-01-01-fill", "date": "2000-01-01", "author": "fill"}

// NoteFileError says a note file written by hand is not a valid note.
// Findings are its problems at the file's own lines, naming it as the user
// did; Err, when there are none, is why it could not be decoded.
type NoteFileError struct {
	Name     string
	Findings []finding.Finding
	Err      error
}

func (e *NoteFileError) Error() string {
	if len(e.Findings) == 0 && e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Name, e.Err)
	}
	return e.Name + " is not a valid note; nothing was written"
}

// Note parses the file into a note and checks it against the note schema,
// with Set and Fill applied. The note has the file's values only: the
// caller lays what the command sets over them. The check is here, and not
// left to the write, because the write's findings would name the note
// file caseplan writes, which the user has never seen, rather than the
// lines of the file they wrote.
func (f NoteFile) Note(v *schemas.Validator) (record.Note, error) {
	var n record.Note
	doc, fs := load.Parse(f.Name, f.Data)
	if doc != nil {
		value := doc.Value().(map[string]any) // Parse refuses anything but a mapping
		for _, defaults := range []map[string]any{filledLater, f.Fill} {
			for k, def := range defaults {
				if _, ok := value[k]; !ok {
					value[k] = def
				}
			}
		}
		for k, set := range f.Set {
			value[k] = set
		}
		for _, e := range v.Validate("note", value) {
			line, col := doc.Position(e.Path)
			fs = append(fs, finding.Finding{Path: f.Name, Line: line, Column: col, Severity: finding.Error, Rule: validate.RuleSchema, Message: e.Message, Hint: e.Hint})
		}
	}
	if len(fs) > 0 {
		return n, &NoteFileError{Name: f.Name, Findings: fs}
	}
	if err := doc.Decode(&n); err != nil {
		return n, &NoteFileError{Name: f.Name, Err: err}
	}
	return n, nil
}
