package schemas

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
)

// ssnPattern is the separated form of a Social Security number, which
// every schema refuses in every string (definitions/no-full-ssn); it is
// pii.SchemaSSN, and a test keeps the two the same.
const ssnPattern = `(^|[^0-9])[0-9]{3}[- .][0-9]{2}[- .][0-9]{4}([^0-9]|$)`

var ssnRE = regexp.MustCompile(ssnPattern)

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

// noFullSSN appends an error for every string in v, at any depth, that
// holds an SSN in its separated form: definitions/no-full-ssn of every
// schema.
func noFullSSN(v any, path []string, out *[]Error) {
	switch v := v.(type) {
	case string:
		if nineDigits(v) && ssnRE.MatchString(v) {
			*out = append(*out, Error{Path: slices.Clone(path), Message: label(path) + ": " + ssnMessage})
		}
	case map[string]any:
		for k, x := range v {
			noFullSSN(x, append(path, k), out)
		}
	case []any:
		for i, x := range v {
			noFullSSN(x, append(path, strconv.Itoa(i)), out)
		}
	}
}

// anySSN reports whether any string in v, at any depth, holds an SSN in
// its separated form: the walk without paths that noFullSSN, which
// builds them, need only follow when one does (almost never).
func anySSN(v any) bool {
	switch v := v.(type) {
	case string:
		return nineDigits(v) && ssnRE.MatchString(v)
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

// nineDigits reports whether s has at least nine digits: the pattern
// needs them, and most strings have fewer.
func nineDigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			if n++; n == 9 {
				return true
			}
		}
	}
	return false
}
