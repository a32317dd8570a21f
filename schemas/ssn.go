package schemas

import (
	"errors"
	"slices"
	"strconv"

	"github.com/caseplan/caseplan/pkg/pii"
)

// ssnPattern is the separated form of a Social Security number, which
// every schema refuses in every string (definitions/no-full-ssn); it is
// pii.SchemaSSN, and a test keeps the two the same. pii.SpacedSSN finds
// it without a regular expression.
const ssnPattern = `(^|[^0-9])[0-9]{3}[-. /][0-9]{2}[-. /][0-9]{4}([^0-9]|$)`

// ssnMessage is what a string holding one is told. It never repeats the
// value.
const ssnMessage = "holds a number shaped like a Social Security number; a full SSN is never stored in a record: remove it (only its last four digits may be kept, in the case's sealed fields: caseplan case sealed set --ssn-last4)"

// dropNoFullSSN removes the reference to definitions/no-full-ssn from a
// schema document's root allOf, which noFullSSN applies instead.
func dropNoFullSSN(doc any) error {
	root, _ := doc.(map[string]any)
	all, _ := root["allOf"].([]any)
	i := slices.IndexFunc(all, func(s any) bool {
		m, _ := s.(map[string]any)
		return m["$ref"] == "#/definitions/no-full-ssn"
	})
	if i < 0 {
		return errors.New("no allOf reference to #/definitions/no-full-ssn")
	}
	if all = slices.Delete(all, i, i+1); len(all) == 0 {
		delete(root, "allOf")
	} else {
		root["allOf"] = all
	}
	return nil
}

// noFullSSN appends an error for every string in v (at path in the record
// doc), at any depth, that
// holds an SSN in its separated form: definitions/no-full-ssn of every
// schema.
func noFullSSN(doc, v any, path []string, out *[]Error) {
	switch v := v.(type) {
	case string:
		if pii.SpacedSSN(v) {
			*out = append(*out, Error{Path: slices.Clone(path), Message: label(path, doc) + ": " + ssnMessage})
		}
	case map[string]any:
		for k, x := range v {
			noFullSSN(doc, x, append(path, k), out)
		}
	case []any:
		for i, x := range v {
			noFullSSN(doc, x, append(path, strconv.Itoa(i)), out)
		}
	}
}

// anySSN reports whether any string in v, at any depth, holds an SSN in
// its separated form: the walk without paths that noFullSSN, which
// builds them, need only follow when one does (almost never).
func anySSN(v any) bool {
	switch v := v.(type) {
	case string:
		return pii.SpacedSSN(v)
	case map[string]any:
		for _, x := range v {
			if anySSN(x) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if anySSN(x) {
				return true
			}
		}
	}
	return false
}
