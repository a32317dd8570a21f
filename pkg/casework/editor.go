package casework

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	pathpkg "path"
	"slices"
	"strings"
	"sync"

	"github.com/caseplan/caseplan/pkg/atomicfile"
	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

// EditableRecords are the records caseplan edit opens by name: a case's
// single-record files. An activity week is opened as activity/WEEK
// (EditablePath); notes are append-only, so none is opened.
var EditableRecords = layout.SingleKinds()

// EditablePath returns the repository-relative path of the record name
// names ("intake", "iep.yaml", ...; "" is intake) in case caseID.
func EditablePath(caseID, name string) (string, error) {
	n := strings.TrimSuffix(strings.TrimSpace(name), layout.Ext)
	if n == "" {
		n = layout.KindIntake
	}
	switch {
	case slices.Contains(EditableRecords, n):
		return layout.File(caseID, n), nil
	case n == layout.NotesDir || n == layout.KindNote || strings.HasPrefix(n, layout.NotesDir+"/"):
		// The hint names the note that was typed, so it can be run as
		// shown; a note in a subfolder, or none named, leaves NOTE to fill in.
		note := "NOTE"
		if id, ok := strings.CutPrefix(n, layout.NotesDir+"/"); ok && id != "" && !strings.ContainsAny(id, "/ ") {
			note = id
		}
		return "", inputErrorf("correct a note with caseplan note amend "+caseID+" "+note, "notes are append-only: a committed note is never edited")
	case n == "sealed" || layout.IsSealedName(n):
		return "", inputErrorf("set them with caseplan case sealed set "+caseID+" (caseplan case sealed show "+caseID+" shows them)", "the sealed fields are encrypted, and not edited with caseplan edit")
	case n == layout.ActivityDir || strings.HasPrefix(n, layout.ActivityDir+"/"):
		// A week's file holds its entries only (list adds up the
		// totals), so a hand edit keeps nothing out of step: a wording
		// corrected, an entry logged in the wrong week moved (README).
		week, _ := strings.CutPrefix(n, layout.ActivityDir+"/")
		if _, ok := calendar.ParseISOWeek(week); !ok {
			hint := "name the week as its file is named: caseplan edit " + caseID + " " + layout.ActivityDir + "/2026-W10 (caseplan activity list " + caseID + " lists the case's weeks)"
			if week == n || week == "" {
				return "", inputErrorf(hint, "an activity week is opened by its week, not the folder")
			}
			return "", inputErrorf(hint, "%q is not an ISO week such as 2026-W10", week)
		}
		return layout.ActivityWeek(caseID, week), nil
	}
	return "", inputErrorf("", "%q is not a record caseplan edit opens; use one of %s", name, strings.Join(EditableRecords, ", "))
}

// kindOf is layout.KindOf's kind of p, "" for a path that is no record.
func kindOf(p string) string {
	k, _ := layout.KindOf(p)
	return k
}

// ErrUnchanged says the edited copy came back as it was.
var ErrUnchanged = errors.New("no changes; nothing to commit")

// ErrCopyRemoved says the editor closed with the copy it was given gone
// (an editor that deletes its file, as rm would): there is no edit to
// save, and the record was never touched.
var ErrCopyRemoved = errors.New("nothing was changed; the record and the store are as they were")

// ErrStopped says the command was stopped (a signal) while the copy was
// being edited, and the copy was kept as HandEdit.Copied's keep keeps it.
var ErrStopped = errors.New("stopped while the record was being edited; nothing was written")

// ErrChangedMeanwhile says the record changed (another command, a
// colleague's sync) while its copy was being edited: writing the copy
// would undo that change.
var ErrChangedMeanwhile = errors.New("changed while it was being edited; nothing was written")

// HandEdit describes one run of caseplan edit: a copy of the record is
// edited in an editor, validated in the case's context, and committed only
// when valid.
type HandEdit struct {
	Case    string
	Record  string // as EditablePath takes it
	TempDir string // where the copy is made; "" for the system's

	// Open opens the editor on the copy at path and waits for it to close.
	Open func(path string) error
	// Invalid is shown what is wrong with the copy at temp (a finding on
	// the record names it as Path, and temp as Copy, at the copy's lines)
	// and answers whether to open the editor
	// again. Nil means never.
	Invalid func(temp string, findings []finding.Finding) (reopen bool)
	// Copied, when set, is given keep once the copy exists, and nil once
	// Edit returns. keep is for a command stopped in between (caseplan
	// edit interrupted): it leaves the copy as a refused edit leaves it
	// (keepCopy) and returns where it is and how many SSN-shaped numbers
	// it masked; temp is "" when there is no copy left to keep.
	Copied func(keep func() (temp string, masked int))
}

// EditNotSavedError says an edit was not committed. The edited copy stays
// at Temp so the work is not lost.
type EditNotSavedError struct {
	Err   error // a *RefusedError when the result would be invalid
	Temp  string
	Shown bool // the findings were already given to Invalid
	// Masked counts the SSN-shaped numbers the kept copy was written
	// without (each replaced by SSNMask).
	Masked int
}

func (e *EditNotSavedError) Error() string { return e.Err.Error() }
func (e *EditNotSavedError) Unwrap() error { return e.Err }

// Edit runs h: it copies the record to a temporary file, has it edited,
// and validates the copy as Apply would validate the change; while the
// copy is invalid it asks h.Invalid whether to edit again. A valid copy
// is committed (action edit) through Apply. The store lock is not held
// while the editor is open; if the record changed meanwhile, the edit is
// refused rather than overwriting the other change.
func (w *Workspace) Edit(h HandEdit) (*Result, error) {
	path, err := EditablePath(h.Case, h.Record)
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(w.Repo.Root())
	if err != nil {
		return nil, err
	}
	snap, found, err := store.Load(src, []string{h.Case})
	if err != nil {
		return nil, err
	}
	if snap.Config == nil {
		return nil, store.NoSettings(found)
	}
	if s, ok := snap.Config.StaffByEmail(w.Author.Email); !ok || !s.IsActive() {
		return nil, notOnRoster(snap.Config, w.Author)
	}
	// An edit of the team re-seals the sealed fields from the work
	// tree's file: one changed by hand would be committed as caseplan's.
	if f, err := w.handSealed(h.Case); err != nil {
		return nil, err
	} else if f != nil {
		return nil, &RefusedError{Findings: []finding.Finding{*f}, HandEdits: true}
	}
	original, err := src.ReadFile(path)
	created := errors.Is(err, fs.ErrNotExist)
	switch {
	case created && kindOf(path) == layout.KindActivity:
		// A new week's entries get the IDs activity add gives them, by
		// which two clones' entries of one week are merged (sync).
		week := strings.TrimSuffix(pathpkg.Base(path), layout.Ext)
		return nil, inputErrorf("start it with caseplan activity add "+h.Case+" --date DATE --kind KIND (a day of "+week+"), then edit it; caseplan activity list "+h.Case+" lists the case's weeks", "case %s has no activity week %s", h.Case, week)
	case created:
		// A record the case does not have yet starts as its modeline, so
		// the editor can already check it against the schema.
		modeline, ok := layout.Modeline(path)
		if !ok {
			return nil, fmt.Errorf("%s is not a record file", path)
		}
		original = []byte(modeline)
	case err != nil:
		return nil, err
	}

	// The copy lives outside the store, where the modeline's relative path
	// to the schema resolves to nothing: the copy gets one naming the
	// store's schema by its absolute file:// URL, so the editor still
	// completes and checks the record, and the file is written back with
	// the relative one it had.
	relative, _ := layout.Modeline(path)
	absolute, _ := layout.AbsoluteModeline(path, w.Repo.Root())
	shown := layout.SwapModeline(original, relative, absolute)

	base := strings.TrimSuffix(pathpkg.Base(path), layout.Ext)
	tmp, err := os.CreateTemp(h.TempDir, "caseplan-"+h.Case+"-"+base+"-*.yaml")
	if err != nil {
		dir := h.TempDir
		if dir == "" {
			dir = os.TempDir()
		}
		return nil, fmt.Errorf("the copy to edit cannot be made in %s (the temporary directory, $TMPDIR): %w; set TMPDIR to a directory you can write to; nothing was written", dir, errors.Unwrap(err))
	}
	temp := tmp.Name()
	_, err = tmp.Write(shown)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(temp)
		return nil, err
	}

	// The copy has one owner: a stop (keep, run by a signal handler while
	// Edit goes on) or Edit itself. Whichever claims it first decides
	// what becomes of it, and the other leaves it alone: a stop that came
	// as the editor died by the same signal (a shutdown signals both)
	// once found the copy removed under it, or was killed half-way
	// through rewriting it, leaving a hidden temporary file beside it.
	var copyMu sync.Mutex
	stopped, settled := false, false
	claim := func() bool {
		copyMu.Lock()
		defer copyMu.Unlock()
		if stopped {
			return false
		}
		settled = true
		return true
	}
	if h.Copied != nil {
		h.Copied(func() (string, int) {
			copyMu.Lock()
			defer copyMu.Unlock()
			if settled {
				return "", 0
			}
			stopped = true
			data, err := os.ReadFile(temp)
			if err != nil {
				return "", 0
			}
			return temp, keepCopy(temp, layout.SwapModeline(data, absolute, relative))
		})
		defer h.Copied(nil)
	}

	var edited []byte
	for {
		if err := h.Open(temp); err != nil {
			if !claim() {
				return nil, ErrStopped
			}
			os.Remove(temp)
			return nil, fmt.Errorf("%w; nothing was written", err)
		}
		if edited, err = os.ReadFile(temp); err != nil {
			if !claim() {
				return nil, ErrStopped
			}
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("the editor removed the copy of %s it was given (%s): %w", path, temp, ErrCopyRemoved)
			}
			return nil, fmt.Errorf("%w; nothing was written", err)
		}
		// As git would store it: a copy saved with CRLF line ends (an
		// editor on Windows) is the record with LF, and one that differs
		// only in its line ends is unchanged.
		edited = w.Repo.Clean(path, layout.SwapModeline(edited, absolute, relative))
		if bytes.Equal(edited, w.Repo.Clean(path, original)) {
			if !claim() {
				return nil, ErrStopped
			}
			os.Remove(temp)
			return nil, ErrUnchanged
		}
		found, err := w.checkChange([]string{h.Case}, map[string][]byte{path: edited})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			break
		}
		for i := range found {
			if found[i].Path == path {
				found[i].Copy = temp
			}
		}
		if h.Invalid == nil || !h.Invalid(temp, found) {
			if !claim() {
				return nil, ErrStopped
			}
			masked := keepCopy(temp, edited)
			return nil, &EditNotSavedError{Err: &RefusedError{Findings: found}, Temp: temp, Shown: h.Invalid != nil, Masked: masked}
		}
	}

	res, err := w.Apply([]string{h.Case}, func(s *State) (*Change, error) {
		now, err := s.ReadFile(path)
		changed := !bytes.Equal(now, original)
		if created {
			changed = err == nil
		} else if err != nil {
			changed = true
		}
		if changed {
			return nil, fmt.Errorf("%s %w", path, ErrChangedMeanwhile)
		}
		return &Change{
			Cases:   []string{h.Case},
			Action:  "edit",
			Summary: "edit " + layout.InCase(path),
			Files:   map[string][]byte{path: edited},
		}, nil
	})
	// A stop while the change is being written is held until it is
	// complete (the CLI's critical part), so one that kept the copy came
	// before the write, which it then prevented.
	if !claim() {
		return nil, ErrStopped
	}
	if err != nil {
		masked := keepCopy(temp, edited)
		return nil, &EditNotSavedError{Err: err, Temp: temp, Masked: masked}
	}
	os.Remove(temp)
	return res, nil
}

// keepCopy leaves the edited copy at temp as the record would be written,
// with the relative modeline: the copy is kept to be fixed and copied
// over the record, and the absolute file:// URL it was edited with names
// this clone's directory, which would then be committed for the whole
// team. A full SSN is never stored, not even in a file left in a
// temporary directory (TEGL 39-11): each SSN-shaped number is replaced by
// SSNMask, and keepCopy returns how many were. If the copy cannot be
// rewritten, it is removed when it holds one, else left as it is.
func keepCopy(temp string, edited []byte) (masked int) {
	text, n := pii.Default().Redact(string(edited))
	if err := atomicfile.WriteFile(temp, []byte(text), 0o600); err != nil && n > 0 {
		os.Remove(temp)
	}
	return n
}

// SSNMask stands for an SSN-shaped number in a kept copy of an edit: it
// is not one, and a YAML plain value as it stands.
const SSNMask = pii.SSNMask

// checkChange returns the errors that writing files would introduce in cases,
// as Apply would refuse them, without taking the lock or writing.
func (w *Workspace) checkChange(cases []string, files map[string][]byte) ([]finding.Finding, error) {
	src, err := store.NewWorkTree(w.Repo.Root())
	if err != nil {
		return nil, err
	}
	opt := validate.Options{Schemas: w.Schemas, Today: w.Today}
	before, loaded, err := store.Load(src, cases)
	if err != nil {
		return nil, err
	}
	after, afterLoaded, err := store.Load(newOverlay(src, files), cases)
	if err != nil {
		return nil, err
	}
	b, a, err := withLaterPeriods(loadedStore{before, loaded, src}, loadedStore{after, afterLoaded, newOverlay(src, files)})
	if err != nil {
		return nil, err
	}
	beforeOpt, afterOpt := opt, opt
	beforeOpt.Lookup, afterOpt.Lookup = validate.LookupIn(b.src), validate.LookupIn(a.src)
	beforeOpt.AnySealed, afterOpt.AnySealed = validate.SealedIn(b.src), validate.SealedIn(a.src)
	found := introduced(validate.Run(b.snap, b.loaded, beforeOpt), validate.Run(a.snap, a.loaded, afterOpt), files)
	gone, err := removedEpisodes(b, a)
	if err != nil {
		return nil, err
	}
	found = append(found, gone...)
	finding.Sort(found)
	return validate.NewerCaseplanHints(a.src, a.snap.Config, w.Running, found), nil
}
