// Package buildinfo says which caseplan this is: the module version the Go
// toolchain stamped into the binary and the commit it was built from. A
// report names it beside the commit it was made from, since the same
// records give next year's caseplan other figures if its rules changed;
// init records it in a new store so the store's CI installs the same one.
package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Module is caseplan's module path, what go install takes.
const Module = "github.com/caseplan/caseplan"

// Devel is the version of a build that has none the Go toolchain could
// stamp: go build or go run in a work tree without a tag or VCS data.
const Devel = "(devel)"

// Info is what a binary knows of its own build. Its JSON form is caseplan
// version -o json's contract: {"version","revision","time","modified",
// "go","platform"}.
type Info struct {
	// Version is the main module's version: a release (v1.2.0), a
	// pseudo-version (v0.0.0-20261122093000-1b9e4c071f8f, with +dirty
	// when the work tree had changes), or (devel).
	Version string `json:"version"`
	// Revision is the commit the binary was built from (vcs.revision), ""
	// when the build recorded none (go install module@version does not).
	Revision string `json:"revision"`
	// Time is that commit's time, RFC 3339, "" when unknown.
	Time string `json:"time"`
	// Modified says the work tree had uncommitted changes (vcs.modified).
	Modified bool `json:"modified"`
	// Go is the toolchain that built the binary; Platform is GOOS/GOARCH.
	Go       string `json:"go"`
	Platform string `json:"platform"`
}

// Read returns the running binary's build information.
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: Devel, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	}
	return FromBuildInfo(bi)
}

// FromBuildInfo reads Info from the toolchain's record of a build.
func FromBuildInfo(bi *debug.BuildInfo) Info {
	in := Info{Version: bi.Main.Version, Go: bi.GoVersion}
	if in.Version == "" {
		in.Version = Devel
	}
	var goos, goarch string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			in.Revision = s.Value
		case "vcs.time":
			in.Time = s.Value
		case "vcs.modified":
			in.Modified = s.Value == "true"
		case "GOOS":
			goos = s.Value
		case "GOARCH":
			goarch = s.Value
		}
	}
	if goos == "" {
		goos, goarch = runtime.GOOS, runtime.GOARCH
	}
	in.Platform = goos + "/" + goarch
	if in.Go == "" {
		in.Go = runtime.Version()
	}
	return in
}

// String is the version as a person reads it, and as reports name it: the
// module version, with the commit when the version does not already name
// it (a development build), and "+dirty" when it was built from changed
// files: "v1.2.0", "(devel) 1b9e4c071f8f+dirty".
func (in Info) String() string {
	s := in.Version
	if s == "" {
		s = Devel
	}
	if in.Revision != "" && !strings.Contains(s, short(in.Revision)) {
		s += " " + short(in.Revision)
		if in.Modified {
			s += "+dirty"
		}
	}
	return s
}

// Installable returns what go install Module/cmd/caseplan@... takes to
// install this very caseplan again — the release or pseudo-version, else
// the commit of a clean development build — or "" when nothing can: a
// build from changed files, or one that recorded no commit.
func (in Info) Installable() string {
	switch {
	case in.Modified || strings.HasSuffix(in.Version, "+dirty"):
		return ""
	case in.Version != "" && in.Version != Devel:
		return in.Version
	case in.Revision != "":
		return in.Revision
	}
	return ""
}

func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
