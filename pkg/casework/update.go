package casework

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// The update commands (ref update, case team update, iep service update,
// staff set, ...) change some fields of one item of a list in place: each
// field whose flag is given gets its new value where it stands — or, when
// the item lacks it, in the record's field order — and an empty value
// removes an optional field. The helpers below are what they share.

// fieldChange is one field an update may change.
type fieldChange struct {
	label    string  // for messages and the commit subject: "phone"
	flag     string  // the flag that gives it, when not the label with dashes: "grade-min"
	key      string  // the item's YAML key
	now      string  // its value in the record
	v        *string // the new value; nil: not given; "": remove the field
	required bool    // the field cannot be removed
	date     bool    // the value is a date
}

// itemEdits returns the edits that give the item at base — a path in a
// record of doc's Go type (record.IEP{}, ...) — the given fields' new
// values, and the labels of the fields that change. A field given with
// the value it has is left out. It refuses an empty required field and a
// value that is not a date where one must be.
func itemEdits(doc any, base []string, fields []fieldChange) (edits []Edit, changed []string, err error) {
	for _, f := range fields {
		if f.v == nil {
			continue
		}
		v := strings.TrimSpace(*f.v)
		switch {
		case v == "" && *f.v != "":
			// Spaces are not '': a stray space or a quoted variable that
			// was never set removed the value the record held.
			hint := orRemove(f.flagName())
			if f.required {
				hint = "give the " + f.label + " as it should read; it cannot be removed"
			}
			return nil, nil, spacesOnly(f.flagName(), *f.v, hint)
		case v == "" && f.required:
			return nil, nil, inputErrorf("", "the %s cannot be empty", f.label)
		case v != "" && f.date:
			if _, ok := record.Date(v).Time(); !ok {
				return nil, nil, inputErrorf("", "%s %q is not a date; use YYYY-MM-DD", f.label, v)
			}
		}
		if v == f.now {
			continue
		}
		path := append(append([]string(nil), base...), f.key)
		if v == "" {
			edits = append(edits, deleteKey(path))
			changed = append(changed, f.label+" removed")
			continue
		}
		if f.date {
			edits = append(edits, setInOrder(doc, path, record.Date(v)))
			changed = append(changed, f.label+" "+v)
		} else {
			edits = append(edits, setInOrder(doc, path, v))
			changed = append(changed, f.label)
		}
	}
	return edits, changed, nil
}

// flagName is the flag that gives the field, without its dashes.
func (f fieldChange) flagName() string {
	if f.flag != "" {
		return f.flag
	}
	return strings.ReplaceAll(f.label, " ", "-")
}

// spacesOnly is the one refusal of a flag's value that is only spaces,
// named by the flag the user typed (case set, the update commands, note
// add): spaces are neither a value nor the empty value, and taken for
// either (a stray space, or a quoted variable never set) they would write
// a blank or remove what the record held. hint says what to give instead
// (orRemove for a field the empty value removes).
func spacesOnly(flag, v, hint string) error {
	return &InputError{Msg: fmt.Sprintf("--%s %q is only spaces", flag, v), Hint: hint, spaces: true}
}

// SpacesOnly is the check of every write command's flags, after the
// command built its change with err the error it gave, if any: typed
// holds each flag the person typed with its values. The first flag (by
// name) given a value of spaces only is refused in spacesOnly's wording:
// every command trims a value or takes it as it comes, so spaces would
// write a blank, leave out what the person meant to give, or be refused
// as empty ("the goal's text is empty") while the person typed it. A command
// that says more about such a value (case set and the updates, where an
// empty value removes a field; note add) has refused it itself, and its
// refusal stands; so does err when no value is only spaces.
func SpacesOnly(typed map[string][]string, err error) error {
	var in *InputError
	if errors.As(err, &in) && in.spaces {
		return err
	}
	names := make([]string, 0, len(typed))
	for name := range typed {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range typed[name] {
			if v != "" && strings.TrimSpace(v) == "" {
				return spacesOnly(name, v, "give the value as it should read, or leave --"+name+" out")
			}
		}
	}
	return err
}

// orRemove is spacesOnly's hint for a field an empty value removes.
func orRemove(flag string) string {
	return "give the value as it should read, or --" + flag + " '' to remove it"
}

// noChange is the refusal of an update that changes nothing: no field was
// given, or each has the value given.
func noChange(given bool, flagsHint, what string) error {
	if !given {
		return inputErrorf(flagsHint, "nothing to change")
	}
	return inputErrorf("", "nothing changes: %s already has these values", what)
}

// anyGiven reports whether any field was given.
func anyGiven(fields []fieldChange) bool {
	for _, f := range fields {
		if f.v != nil {
			return true
		}
	}
	return false
}

// removeItem returns an Edit that removes item i of the list at list in a
// record — the list's key with it when i is its only item, since an empty
// key would be a null where the schema wants a list.
func removeItem(list []string, i, n int) Edit {
	path := append(append([]string(nil), list...), strconv.Itoa(i))
	if n == 1 {
		path = list
	}
	return deleteKey(path)
}

// deleteKey returns an Edit that removes the mapping entry or list item
// at path, with its lines.
func deleteKey(path []string) Edit {
	return func(data []byte) ([]byte, error) { return yamledit.Delete(data, path) }
}

// pickItem finds the item of a list that a command line names: by its ID
// (ids[i], in any case: BR-K7QX2), by its number in the list (1 for the
// first, as the list commands show them) or by its name (names[i]),
// ignoring case. Items written before their list had IDs have none (""),
// and are named by number or name. what names the kind of item
// ("barrier"), where the list ("case W-001"), addHint how to add one, and
// missHint what to do when which names none ("": name one by ID, number
// or name).
func pickItem(what, where, which string, ids, names []string, addHint, missHint string) (int, error) {
	which = strings.TrimSpace(which)
	var have []string
	for i, n := range names {
		have = append(have, fmt.Sprintf("%d %s", i+1, planQuote(n)))
	}
	if len(names) == 0 {
		return 0, inputErrorf(addHint, "%s has no %ss yet", where, what)
	}
	if missHint == "" {
		missHint = fmt.Sprintf("name the %s by its number (1 to %d), its name or its ID", what, len(names))
		if len(names) == 1 {
			missHint = fmt.Sprintf("name the %s by its number (1), its name or its ID", what)
		}
	}
	for i, id := range ids {
		if id != "" && id == itemID(which) {
			return i, nil
		}
	}
	if n, err := strconv.Atoi(which); err == nil {
		if n < 1 || n > len(names) {
			return 0, inputErrorf(missHint, "%s has no %s %d (it has %s)", where, what, n, strings.Join(have, ", "))
		}
		return n - 1, nil
	}
	found := -1
	for i, n := range names {
		if !strings.EqualFold(strings.TrimSpace(n), which) {
			continue
		}
		if found >= 0 {
			return 0, inputErrorf("name it by its ID or its number", "%s has more than one %s %q (%s)", where, what, which, strings.Join(have, ", "))
		}
		found = i
	}
	if found < 0 {
		return 0, inputErrorf(missHint, "%s has no %s %q (it has %s)", where, what, which, strings.Join(have, ", "))
	}
	return found, nil
}
