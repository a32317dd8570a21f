package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/caseplan/caseplan/pkg/layout"
)

// outputFileValue is the value of a flag naming the file a command writes
// (--out, --ics). Given empty — --out "$FILE" with FILE never set — it
// would read as left out and the output would go to stdout (or nowhere)
// while the user waits for a file: Set refuses it while the flags are
// parsed, naming the flag (exit 2), as dateValue does a date.
type outputFileValue struct {
	name    string
	p       *string
	without string // what leaving the flag out does, for the hint
}

func (v *outputFileValue) String() string { return *v.p }
func (v *outputFileValue) Type() string   { return "string" }

func (v *outputFileValue) Set(s string) error {
	if s == "" {
		return &UsageError{
			Msg:  fmt.Sprintf("--%s \"\": an empty file name names no file", v.name),
			Hint: fmt.Sprintf("name the file to write, or leave --%s out %s", v.name, v.without),
		}
	}
	*v.p = s
	return nil
}

// outputFileVar defines a flag naming the file a command writes its
// output to, never given empty; without says what leaving it out does
// ("to write to stdout").
func outputFileVar(f *pflag.FlagSet, p *string, name, without, usage string) {
	f.Var(&outputFileValue{name: name, p: p, without: without}, name, usage)
}

// outputPath resolves the file a command writes its output to (a report's
// --out, the tickler's --ics) and refuses a path inside a .git directory or
// onto a record of the store: an output must never overwrite what git keeps
// or what a case holds.
func (g *globals) outputPath(flag, name string) (string, error) {
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(g.env.Dir, path)
	}
	path = filepath.Clean(path)
	// A folder named where a file is meant (a coordinator's "reports"
	// folder) would fail only at the final rename, with an error about a
	// temporary file the user never named.
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return "", hintf(usageErrorf("--%s %s: that is a directory, not a file", flag, name),
			"name the file to write in it: --%s %s", flag, filepath.Join(name, "FILE"))
	}
	// The directory is resolved through symbolic links, as the write will
	// be: a link must not lead the output into .git or cases/.
	resolved := path
	if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		resolved = filepath.Join(dir, filepath.Base(path))
	}
	for _, p := range []string{path, resolved} {
		if slices.Contains(strings.Split(filepath.ToSlash(p), "/"), ".git") {
			return "", usageErrorf("--%s %s: that is inside a .git directory, which only git writes; write the output elsewhere", flag, name)
		}
	}
	if root, err := g.storeRoot(); err == nil {
		for _, r := range []string{root, evalOr(root)} {
			for _, p := range []string{path, resolved} {
				rel, err := filepath.Rel(r, p)
				if err != nil || strings.HasPrefix(rel, "..") {
					continue
				}
				if _, isRecord := layout.KindOf(filepath.ToSlash(rel)); isRecord {
					return "", usageErrorf("--%s %s: that is a record of the store; write the output elsewhere", flag, name)
				}
			}
		}
	}
	return path, nil
}

func evalOr(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// outputWriteError is the error of writing what (a report, the calendar)
// to name, the path given to --flag: it says what was not written and
// where, and when the directory is missing (a typo, or a folder not made
// yet) the hint says so and how to go on; an error of permission keeps
// the hint errorHint gives it.
func outputWriteError(what, flag, name string, err error) error {
	err = fmt.Errorf("cannot write %s to %s: %w", what, name, err)
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(name)
		return hintf(err, "the directory %s does not exist: make it first (mkdir -p %s) or give --%s a file in a directory that does", dir, dir, flag)
	}
	return err
}
