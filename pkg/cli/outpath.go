package cli

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
)

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
