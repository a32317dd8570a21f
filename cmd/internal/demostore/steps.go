package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
)

// The steps. YAML text in a step is written as a raw string that starts on
// the line after the backquote, so it reads as the block it is; that first
// newline is not part of the text (see text).

// storeSettings writes the store settings, cases/caseplan.yaml, by hand as
// an office would, and commits them: the store's first commit.
type storeSettings struct {
	yaml string
}

func (s storeSettings) do(r *replayer, _ string) error {
	if err := r.writeRecord(layout.ConfigPath, text(s.yaml)); err != nil {
		return err
	}
	_, err := r.caseplan(nil, "", "commit", "-m", "create the demo store")
	return err
}

// staffAdd adds a member of staff to the roster: caseplan staff add.
type staffAdd struct {
	name, email, role, center string
}

func (s staffAdd) do(r *replayer, _ string) error {
	_, err := r.caseplan(nil, "", "staff", "add", "--name", s.name, "--email", s.email, "--role", s.role, "--center", s.center)
	return err
}

// openCase opens the story's case on the day: caseplan case new --id.
type openCase struct {
	program, manager, name string
	noticeDate, layoffDate string // work security (000)
	grantEnded             bool   // work security: a 30-day notification period
}

func (o openCase) do(r *replayer, caseID string) error {
	args := []string{"case", "new", "--id", caseID, "--program", o.program, "--manager", o.manager, "--name", o.name, "--opened", r.date}
	if o.noticeDate != "" {
		args = append(args, "--notice-date", o.noticeDate)
	}
	if o.layoffDate != "" {
		args = append(args, "--layoff-date", o.layoffDate)
	}
	if o.grantEnded {
		args = append(args, "--grant-ended")
	}
	_, err := r.caseplan(nil, "", args...)
	return err
}

// note adds a case note dated the day: caseplan note add --file, the file
// being kind and mode, then yaml (two_way, services, the seven elements of a
// good note of 001, actions).
//
// id is the ID the note has in the demo store's history: the step hands
// caseplan the random bytes that make it. A note added later may leave id
// empty; its ID is then drawn from a source seeded by the note itself, so
// it is the same on every run, and the program prints it.
type note struct {
	id, kind, mode, yaml string
}

func (n note) do(r *replayer, caseID string) error {
	random, err := n.random(r.date, caseID)
	if err != nil {
		return err
	}
	// caseplan note add --file checks the file before it applies --kind
	// and --mode, so they go into the YAML itself.
	file := "kind: " + n.kind + "\nmode: " + n.mode + "\n" + text(n.yaml)
	out, err := r.caseplan(random, file, "note", "add", caseID, "--date", r.date, "--file", "-")
	if err != nil {
		return err
	}
	got := strings.TrimSpace(out)
	switch {
	case n.id == "":
		r.logf("%s %s: new note %s (write its ID into the story to amend it later)", r.date, caseID, got)
	case got != n.id:
		return fmt.Errorf("note add made note %s, want %s", got, n.id)
	}
	return nil
}

// random returns the bytes caseplan draws the note's ID suffix from.
func (n note) random(date, caseID string) (io.Reader, error) {
	if n.id == "" {
		seed := sha256.Sum256([]byte(strings.Join([]string{caseID, date, n.kind, n.mode, n.yaml}, "\x00")))
		return rand.NewChaCha8(seed), nil
	}
	suffix, ok := strings.CutPrefix(n.id, date+"-")
	if !ok {
		return nil, fmt.Errorf("note %s is not dated %s, its day", n.id, date)
	}
	b := make([]byte, len(suffix))
	for i := range suffix {
		c := strings.IndexByte(casework.NoteSuffixAlphabet, suffix[i])
		if c < 0 {
			return nil, fmt.Errorf("note %s: caseplan never makes a suffix %q", n.id, suffix)
		}
		b[i] = byte(c)
	}
	return bytes.NewReader(b), nil
}

// amend corrects the note amends with a new note of kind amendment (001:
// notes are never edited), written by hand as id and committed with
// caseplan commit, as the demo store's first amendment was made before
// caseplan had note amend.
type amend struct {
	id, amends, mode, yaml string
}

func (a amend) do(r *replayer, caseID string) error {
	if err := r.committed(caseID); err != nil {
		return err
	}
	if !strings.HasPrefix(a.id, r.date+"-") {
		return fmt.Errorf("note %s is not dated %s, its day", a.id, r.date)
	}
	data := fmt.Sprintf("id: %s\ndate: %s\nauthor: %s\nkind: amendment\nmode: %s\n%samends: %s\n",
		a.id, r.date, r.staff, a.mode, text(a.yaml), a.amends)
	if err := r.writeRecord(caseFile(caseID, "notes/"+a.id+".yaml"), data); err != nil {
		return err
	}
	_, err := r.caseplan(nil, "", "commit", "-m", "amend note "+a.amends)
	return err
}

// put writes a whole record file of the case (intake.yaml,
// activity/2026-W05.yaml, ...), with its schema modeline. A commit step
// commits it.
type put struct {
	file, yaml string
}

func (p put) do(r *replayer, caseID string) error {
	if err := r.edited(caseID); err != nil {
		return err
	}
	return r.writeRecord(caseFile(caseID, p.file), text(p.yaml))
}

// appendItems adds list items (yaml, indented as in the file) at the end
// of the top-level list key of a record file of the case. When the file
// has no such list yet it is started just before the top-level key before,
// or at the end of the file when before is "".
type appendItems struct {
	file, key, before, yaml string
}

func (a appendItems) do(r *replayer, caseID string) error {
	return r.edit(caseID, a.file, func(s string) (string, error) {
		return appendToList(s, a.key, a.before, text(a.yaml)), nil
	})
}

// set sets a top-level scalar (key) or a scalar of a top-level map
// (parent.key) in a record file of the case, adding it at the end of its
// map when it is new.
type set struct {
	file, key, value string
}

func (s set) do(r *replayer, caseID string) error {
	return r.edit(caseID, s.file, func(t string) (string, error) {
		return setScalar(t, s.key, s.value), nil
	})
}

// setItem sets field in the list item of a record file of the case that
// starts with "- item" (e.g. item "id: M1"), adding it at the end of the
// item when it is new.
type setItem struct {
	file, item, field, value string
}

func (s setItem) do(r *replayer, caseID string) error {
	return r.edit(caseID, s.file, func(t string) (string, error) {
		return setInItem(t, s.item, s.field, s.value)
	})
}

// commit validates and commits the case's hand edits of the day:
// caseplan commit -m message.
type commit struct {
	message string
}

func (c commit) do(r *replayer, caseID string) error {
	if err := r.committed(caseID); err != nil {
		return err
	}
	_, err := r.caseplan(nil, "", "commit", "-m", c.message)
	return err
}

// commitAhead is a commit whose edits record an event dated after the
// step's day, which caseplan now refuses (future-date): the demo store's
// history is fixed, so the step is replayed with --today at the event's
// day; the commit keeps the step's date.
type commitAhead struct {
	message, today string
}

func (c commitAhead) do(r *replayer, caseID string) error {
	if err := r.committed(caseID); err != nil {
		return err
	}
	_, err := r.caseplan(nil, "", "commit", "-m", c.message, "--today", c.today)
	return err
}

// week writes the candidate's activity tracker for the ISO week of the day
// (000: the weekly Candidate Activity Tracker), yaml after its week key,
// and commits it with the case's other hand edits of the day.
type week struct {
	yaml string
}

func (w week) do(r *replayer, caseID string) error {
	if err := r.edited(caseID); err != nil {
		return err
	}
	t, _ := time.Parse(time.DateOnly, r.date)
	name := calendar.ISOWeek(t)
	if err := r.writeRecord(casework.ActivityPath(caseID, name), "week: "+name+"\n"+text(w.yaml)); err != nil {
		return err
	}
	if err := r.committed(caseID); err != nil {
		return err
	}
	_, err := r.caseplan(nil, "", "commit", "-m", "log the activity tracker for "+name)
	return err
}

// text is a step's YAML without the newline that follows the opening
// backquote.
func text(yaml string) string { return strings.TrimPrefix(yaml, "\n") }

// caseFile is the repository-relative path of file in the case directory.
func caseFile(caseID, file string) string {
	return path.Join(layout.CasesDir, caseID, file)
}

// writeRecord writes a record file by hand: its schema modeline, then data.
func (r *replayer) writeRecord(rel, data string) error {
	modeline, ok := layout.Modeline(rel)
	if !ok {
		return fmt.Errorf("%s is not a record file", rel)
	}
	p := filepath.Join(r.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(modeline+data), 0o644)
}

// edit changes a record file of the case by hand with fn.
func (r *replayer) edit(caseID, file string, fn func(string) (string, error)) error {
	if err := r.edited(caseID); err != nil {
		return err
	}
	p := filepath.Join(r.root, filepath.FromSlash(caseFile(caseID, file)))
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	out, err := fn(string(data))
	if err != nil {
		return fmt.Errorf("%s: %w", caseFile(caseID, file), err)
	}
	return os.WriteFile(p, []byte(out), 0o644)
}
