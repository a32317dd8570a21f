package casework

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/caseplan/caseplan/pkg/record"
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

// EditRecord returns the new content of the record file at path: the file
// as it stands in the work tree with the edits applied or, when there is no
// such file yet, the canonical encoding of fresh with the edits applied.
func (s *State) EditRecord(path string, fresh any, edits ...Edit) ([]byte, error) {
	data, err := s.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if data, err = record.Marshal(path, fresh); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	for _, e := range edits {
		if data, err = e(data); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return data, nil
}
