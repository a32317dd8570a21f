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
