package casework

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// Edit changes a record file's bytes in place (see pkg/yamledit): commands
// change only the lines they must, so a person's comments, blank lines and
// key order survive, and the commit's diff shows just the change.
type Edit func(data []byte) ([]byte, error)

// Set returns an Edit that sets the value at path (mapping keys and list
// indexes, as in yamledit).
func Set(path []string, v any) Edit {
	return func(data []byte) ([]byte, error) { return yamledit.Set(data, path, v) }
}

// Append returns an Edit that appends v to the list at path.
func Append(path []string, v any) Edit {
	return func(data []byte) ([]byte, error) { return yamledit.Append(data, path, v) }
}

// setInOrder returns an Edit that sets the value at path as Set does,
// except that a missing key goes where it stands in the record's field
// order instead of at its mapping's end, as a freshly written file would
// have it (yamledit.SetInOrder): deciding an extension puts decided under
// requested, a plan's first review puts updated under created. doc is a
// value of the Go type of the whole file (record.Outcome{}, record.IEP{}),
// whose fields give the order at every depth.
func setInOrder(doc any, path []string, v any) Edit {
	order := yamledit.FieldOrder(doc)
	return func(data []byte) ([]byte, error) { return yamledit.SetInOrder(data, path, v, order) }
}

// appendInOrder returns an Edit that appends v to the list at path as
// Append does; a list the file does not have yet goes in the record's
// field order, as setInOrder puts a key.
func appendInOrder(doc any, path []string, v any) Edit {
	order := yamledit.FieldOrder(doc)
	return func(data []byte) ([]byte, error) { return yamledit.AppendInOrder(data, path, v, order) }
}

// EditRecord returns the new content of the record file at path: the file
// as it stands in the work tree with the edits applied or, when there is no
// such file yet, the canonical encoding of fresh with the edits applied.
func (s *State) EditRecord(path string, fresh any, edits ...Edit) ([]byte, error) {
	data, err := s.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if data, err = record.Marshal(path, fresh); err != nil {
			return nil, err
		}
	} else if _, ok := store.ReadErrorFinding(path, err); ok {
		return nil, refuseUnreadable(path, "", nil, err)
	} else if err != nil {
		return nil, err
	}
	for _, e := range edits {
		if data, err = e(data); err != nil {
			return nil, editError(path, err)
		}
	}
	return data, nil
}

// editError is err, an edit of the record file path that failed, naming
// the file: a record in flow style as every finding is placed,
// FILE:LINE:, anything else as FILE: err.
func editError(path string, err error) error {
	if flow, ok := errors.AsType[*yamledit.FlowStyleError](err); ok {
		flow.File = path
		return flow
	}
	return fmt.Errorf("%s: %w", path, err)
}

// refuseUnreadable refuses a change to the record file p of case id that
// is there but cannot be read as its record — data and err being what
// reading it gave: caseplan does not add to a file it cannot read, and
// the person who broke it by hand is the one to mend it. A read the
// source itself refused (a link out of the store, a named pipe, a file
// over the size limit) is such a file too, said with validate's finding;
// any other read error is returned as it is.
func refuseUnreadable(p, id string, data []byte, err error) error {
	var found []finding.Finding
	if f, ok := store.ReadErrorFinding(p, err); ok {
		found = []finding.Finding{f}
	} else if err != nil {
		return err
	} else {
		_, found = load.Parse(p, data)
	}
	if len(found) == 0 {
		found = []finding.Finding{{Path: p, Severity: finding.Error, Rule: store.RuleDecode, Message: "cannot read the record; run caseplan validate to see why"}}
	}
	for i := range found {
		if id != "" {
			found[i].Case = id
		}
	}
	return &RefusedError{Findings: found, Broken: []string{p}}
}

// brokenHint says what to do about the record files paths, which were
// broken before the command that refuses to write them (a hand edit's
// syntax error, a NUL byte, a link): the values typed are not what to
// correct, and the person who broke a file is the one to mend it.
// Every refusal of a file broken before it says it in these words.
func brokenHint(paths []string) string {
	the := "the file was"
	if len(paths) > 1 {
		the = "the files were"
	}
	how := "git checkout -- " + strings.Join(paths, " ") + " takes back a hand edit not committed yet"
	var edit []string
	for _, p := range paths {
		if cmd, ok := editCommand(p); ok {
			edit = append(edit, cmd)
		}
	}
	if len(edit) > 0 {
		how += "; " + strings.Join(edit, ", ") + " mends a committed one"
	}
	return the + " broken before this command, which left it as it was: mend it as said above (" + how + "), then run the command again"
}

// editCommand is the caseplan edit command that opens the record file p,
// false for a file caseplan edit does not open (a note, the settings).
func editCommand(p string) (string, bool) {
	id, ok := layout.CaseOf(p)
	kind, isRecord := layout.KindOf(p)
	switch {
	case !ok || !isRecord:
		return "", false
	case slices.Contains(EditableRecords, kind):
		return "caseplan edit " + id + " " + kind, true
	case kind == layout.KindActivity:
		return "caseplan edit " + id + " " + strings.TrimSuffix(layout.InCase(p), layout.Ext), true
	}
	return "", false
}
