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
// store-wide rule must not depend on which cases are named). It reads none
// of their files, and in the work tree looks for each case's sealed.age
// with one lstat rather than a listing of its directory: a store that
// keeps none is looked through to its last case, by every command that
// shows one.
func AnySealed(src Source) (bool, error) {
	entries, err := src.List(layout.CasesDir)
	if err != nil {
		return false, err
	}
	look := func(dir string) (bool, error) { return hasFile(src, dir, layout.SealedFile) }
	if w, ok := src.(*WorkTree); ok {
		look = func(dir string) (bool, error) { return w.hasFile(dir, layout.SealedFile) }
	}
	for _, e := range entries {
		if !e.IsDir || layout.IsStoreDir(e.Name) {
			continue
		}
		if ok, err := look(layout.CaseDir(e.Name)); ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}

// hasFile reports whether src lists an entry of dir named base that is no
// directory.
func hasFile(src Source, dir, base string) (bool, error) {
	files, err := src.List(dir)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(files, func(f Entry) bool { return f.Name == base && !f.IsDir }), nil
}
