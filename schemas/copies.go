package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// VersionKey is the keyword that numbers a schema file's versions. A
// store keeps copies of the schemas for its editors (caseplan init writes
// them to schemas/), and a copy is judged by it: one with a lower number
// than the binary's was made by an older caseplan (a copy without it
// predates the numbering, version 0), one with a higher number by a newer
// caseplan. JSON Schema ignores keywords it does not know, and so do the
// validator and the editors.
//
// Raise a file's number whenever its content changes: TestVersions holds
// the hash of every version and fails until both are recorded.
const VersionKey = "x-caseplan-version"

// CopyState is how a store's copy of a schema stands against the binary's.
type CopyState int

const (
	// CopySame is a copy byte for byte the binary's (line ends aside).
	CopySame CopyState = iota
	// CopyMissing is a copy that is not there.
	CopyMissing
	// CopyOlder is a copy of an earlier version than the binary's.
	CopyOlder
	// CopyNewer is a copy of a later version than the binary's: the
	// store was moved to a newer caseplan than the one running.
	CopyNewer
	// CopyChanged is a copy of the binary's version that differs from it
	// (edited by hand), or one that is not a schema file at all.
	CopyChanged
)

// Copy is the verdict on one copy of a schema.
type Copy struct {
	Kind  string
	State CopyState
	// Have is the copy's version, Want the binary's.
	Have, Want int
}

// CheckCopy judges data, a store's copy of kind's schema; data is nil
// when the store has none. Line ends are compared as git stores them, so
// a copy checked out with CRLF on Windows is the same copy.
func CheckCopy(kind string, data []byte) (Copy, error) {
	own, err := Bytes(kind)
	if err != nil {
		return Copy{}, err
	}
	want, err := Version(own)
	if err != nil {
		return Copy{}, fmt.Errorf("internal error: %s: %w", FileName(kind), err)
	}
	c := Copy{Kind: kind, Want: want}
	switch {
	case data == nil:
		c.State = CopyMissing
		return c, nil
	case bytes.Equal(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), own):
		c.Have, c.State = want, CopySame
		return c, nil
	}
	have, err := Version(data)
	if err != nil {
		c.State = CopyChanged
		return c, nil
	}
	c.Have = have
	switch {
	case have < want:
		c.State = CopyOlder
	case have > want:
		c.State = CopyNewer
	default:
		c.State = CopyChanged
	}
	return c, nil
}

// Version returns the version a schema file carries under VersionKey, 0
// when it carries none (a file written before versions were numbered).
func Version(data []byte) (int, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		return 0, err
	}
	raw, ok := doc[VersionKey]
	if !ok {
		return 0, nil
	}
	var v int
	if err := json.Unmarshal(raw, &v); err != nil || v < 0 {
		return 0, fmt.Errorf("%s is not a whole number", VersionKey)
	}
	return v, nil
}
