package store

import (
	"errors"
	"io/fs"

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

// KeepsSealed says whether some case in src has sealed fields (a
// sealed.age), stopping at the first: what validate's store-wide
// roster-age-recipient asks of the whole store when only some cases are
// checked (validate CASE, case show, a write), so that its count of
// store-wide warnings does not depend on which case is named. A case
// directory that cannot be listed counts as none.
func KeepsSealed(src Source) (bool, error) {
	ids, _, err := CaseIDs(src, nil)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return false, err
	}
	for _, id := range ids {
		entries, err := src.List(layout.CaseDir(id))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.Name == layout.SealedFile && !e.IsDir {
				return true, nil
			}
		}
	}
	return false, nil
}
