package cli

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestTodayDate(t *testing.T) {
	now := time.Date(2026, 3, 16, 23, 30, 0, 0, time.FixedZone("EST", -5*3600))
	tests := []struct {
		name    string
		flag    string
		env     string
		want    string
		wantErr string
	}{
		{name: "the flag", flag: "2026-01-02", env: "2026-05-06", want: "2026-01-02"},
		{name: "the environment", env: "2026-05-06", want: "2026-05-06"},
		{name: "the clock's own date, not UTC's", want: "2026-03-16"},
		{name: "a bad flag", flag: "16/03/2026", wantErr: `--today "16/03/2026": not a date`},
		{name: "a bad environment value", env: "2026-02-30", wantErr: `--today (CASEPLAN_TODAY) "2026-02-30": not a date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &globals{today: tt.flag, env: Env{
				Getenv: func(k string) string {
					if k == "CASEPLAN_TODAY" {
						return tt.env
					}
					return ""
				},
				Now: func() time.Time { return now },
			}}
			got, err := g.todayDate()
			if tt.wantErr != "" {
				var ue *UsageError
				if !errors.As(err, &ue) || !strings.Contains(ue.Msg, tt.wantErr) {
					t.Fatalf("todayDate = %v, %v; want a usage error %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.Format(time.DateOnly) != tt.want || got.Hour() != 0 {
				t.Errorf("todayDate = %v, %v; want midnight of %s", got, err, tt.want)
			}
		})
	}
}

func TestCommitTime(t *testing.T) {
	now := time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"the clock", nil, "2026-03-16T10:00:00Z"},
		{"the author date", map[string]string{"GIT_AUTHOR_DATE": "2026-01-05T09:00:00+01:00"}, "2026-01-05T09:00:00+01:00"},
		{"the committer date wins", map[string]string{"GIT_AUTHOR_DATE": "2026-01-05T09:00:00Z", "GIT_COMMITTER_DATE": "@1772442240 +0000"}, "2026-03-02T09:04:00Z"},
	}
	for _, tt := range tests {
		g := &globals{env: Env{Getenv: func(k string) string { return tt.env[k] }, Now: func() time.Time { return now }}}
		if got := g.commitTime().Format(time.RFC3339); got != tt.want {
			t.Errorf("%s: commitTime = %s, want %s", tt.name, got, tt.want)
		}
	}
}
