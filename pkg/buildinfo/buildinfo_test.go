package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	const rev = "1b9e4c071f8f2a3d4e5f60718293a4b5c6d7e8f9"
	for _, tt := range []struct {
		name        string
		bi          debug.BuildInfo
		str, instal string
		modified    bool
	}{
		{"a release installed with go install @v1.2.0",
			debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: Module, Version: "v1.2.0"}, Settings: settings("GOOS", "linux", "GOARCH", "amd64")},
			"v1.2.0", "v1.2.0", false},
		{"a build in a clean clone: a pseudo-version naming the commit",
			debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261122093000-1b9e4c071f8f"}, Settings: settings("vcs.revision", rev, "vcs.modified", "false")},
			"v0.0.0-20261122093000-1b9e4c071f8f", "v0.0.0-20261122093000-1b9e4c071f8f", false},
		{"a build from changed files",
			debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261122093000-1b9e4c071f8f+dirty"}, Settings: settings("vcs.revision", rev, "vcs.modified", "true")},
			"v0.0.0-20261122093000-1b9e4c071f8f+dirty", "", true},
		{"go run without a version: the commit names it",
			debug.BuildInfo{Main: debug.Module{Version: Devel}, Settings: settings("vcs.revision", rev, "vcs.modified", "false")},
			"(devel) 1b9e4c071f8f", rev, false},
		{"a dirty development build",
			debug.BuildInfo{Main: debug.Module{Version: Devel}, Settings: settings("vcs.revision", rev, "vcs.modified", "true")},
			"(devel) 1b9e4c071f8f+dirty", "", true},
		{"a test binary knows nothing",
			debug.BuildInfo{},
			"(devel)", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := FromBuildInfo(&tt.bi)
			if got := in.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if got := in.Installable(); got != tt.instal {
				t.Errorf("Installable() = %q, want %q", got, tt.instal)
			}
			if in.Modified != tt.modified {
				t.Errorf("Modified = %v", in.Modified)
			}
			if in.Go == "" || in.Platform == "" {
				t.Errorf("no toolchain or platform: %+v", in)
			}
		})
	}
}
