package gitstore

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/config"
)

// ConfiguredAuthor returns git's user.name and user.email as the git CLI
// would use them: each from the repository's config, else the global one,
// else the system one (/etc/gitconfig, unless GIT_CONFIG_NOSYSTEM is set).
// r may be nil, for a store not created yet in a directory that is no git
// repository. A config that cannot be read is passed over, as an unset
// one. ok is false when either is unset.
func ConfiguredAuthor(r *Repo) (name, email string, ok bool) {
	var cfgs []*config.Config
	if r != nil {
		if cfg, err := r.repo.Storer.Config(); err == nil {
			cfgs = append(cfgs, cfg)
		}
	}
	scopes := []config.Scope{config.GlobalScope}
	if os.Getenv("GIT_CONFIG_NOSYSTEM") == "" {
		scopes = append(scopes, config.SystemScope)
	}
	for _, scope := range scopes {
		if cfg, err := config.LoadConfig(scope); err == nil {
			cfgs = append(cfgs, cfg)
		}
	}
	for _, cfg := range cfgs {
		if name == "" {
			name = cfg.User.Name
		}
		if email == "" {
			email = cfg.User.Email
		}
	}
	if name == "" || email == "" {
		return "", "", false
	}
	return name, email, true
}

// DateVars are the environment variables that set a commit's time, as
// the git CLI honours them, in the order caseplan reads them.
var DateVars = []string{"GIT_COMMITTER_DATE", "GIT_AUTHOR_DATE"}

// DateFromEnv returns the commit time getenv's GIT_COMMITTER_DATE or
// GIT_AUTHOR_DATE sets (importing an office's paper history, or building
// the demo store, needs it); ok is false when neither is set or readable.
func DateFromEnv(getenv func(string) string) (t time.Time, ok bool) {
	for _, name := range DateVars {
		if v := getenv(name); v != "" {
			if t, err := ParseDate(v); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// ParseDate reads the date formats people give git: RFC 3339 / ISO 8601
// ("2026-03-02T09:04:00+00:00", with or without the T) and git's internal
// "@1772442240 +0000" or "1772442240 +0000".
func ParseDate(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05 -0700", "2006-01-02T15:04:05-0700", "2006-01-02 15:04:05Z07:00"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	secs, zone, ok := strings.Cut(strings.TrimPrefix(v, "@"), " ")
	if ok {
		if n, err := strconv.ParseInt(secs, 10, 64); err == nil {
			if z, err := time.Parse("-0700", zone); err == nil {
				return time.Unix(n, 0).In(z.Location()), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date git reads; use RFC 3339, e.g. 2026-03-02T09:04:00+00:00", v)
}
