package store

import (
	"errors"
	"io/fs"
	"slices"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// readSealed reads what validate needs of case id's sealed fields — the
// ciphertext's header and the recipients list — never decrypting them.
func (l *loader) readSealed(id string) (*casefile.Sealed, error) {
	s := &casefile.Sealed{}
	data, err := l.src.ReadFile(layout.Sealed(id))
	switch {
	case err == nil && len(data) > load.MaxFileSize:
		s.Ciphertext, s.Problem = true, layout.SealedFile+" is larger than any sealed fields can be"
	case err == nil:
		s.Ciphertext = true
		if s.Stanzas, err = sealed.Stanzas(data); err != nil {
			s.Problem = layout.SealedFile + " is not an age-encrypted file"
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	data, err = l.src.ReadFile(layout.SealedRecipients(id))
	switch {
	case err == nil:
		s.Listed = true
		if s.Recipients, err = sealed.ParseRecipients(data); err != nil && s.Problem == "" {
			s.Problem = layout.RecipientsFile + ": " + err.Error()
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	return s, nil
}

// AnySealed reports whether some case of the store in src has sealed
// fields (its sealed.age), stopping at the first: whether the store keeps
// sealed fields, for a check that reads only some of its cases (a
// store-wide rule must not depend on which cases are named). It lists the
// case directories, reading none of their files.
func AnySealed(src Source) (bool, error) {
	entries, err := src.List(layout.CasesDir)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if !e.IsDir || layout.IsStoreDir(e.Name) {
			continue
		}
		files, err := src.List(layout.CaseDir(e.Name))
		if err != nil {
			return false, err
		}
		if slices.ContainsFunc(files, func(f Entry) bool { return f.Name == layout.SealedFile && !f.IsDir }) {
			return true, nil
		}
	}
	return false, nil
}
