package cli

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func TestParseAuthor(t *testing.T) {
	tests := []struct {
		in        string
		wantName  string
		wantEmail string // "" means a usage error
	}{
		{"Maria Rivera <mrivera@example.org>", "Maria Rivera", "mrivera@example.org"},
		{"Maria Rivera <MRivera@Example.ORG>", "Maria Rivera", "mrivera@example.org"},
		{"  Maria Rivera   <mrivera@example.org>  ", "Maria Rivera", "mrivera@example.org"},
		{`"Rivera, Maria" <mrivera@example.org>`, "Rivera, Maria", "mrivera@example.org"},
		{"José Núñez <jnunez@example.org>", "José Núñez", "jnunez@example.org"},
		{"Dev <dev+caseplan@example.org>", "Dev", "dev+caseplan@example.org"},
		{"Rivera, Maria <mrivera@example.org>", "Rivera, Maria", "mrivera@example.org"},
		{"M. Rivera Jr. <mrivera@example.org>", "M. Rivera Jr.", "mrivera@example.org"},
		{"mrivera@example.org", "", ""},
		{"Rivera, <Maria> <mrivera@example.org>", "", ""},
		{`Rivera, "Maria <mrivera@example.org>`, "", ""},
		{"Rivera, Maria <mrivera@example.org> x", "", ""},
		{"Rivera, Maria <mrivera>", "", ""},
		{", <mrivera@example.org>", "", ""},
		{"<mrivera@example.org>", "", ""},
		{"Maria Rivera", "", ""},
		{"Maria Rivera <mrivera>", "", ""},
		{"Maria Rivera <mrivera@example.org", "", ""},
		{"Maria <a@example.org>, Dev <b@example.org>", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		name, email, err := parseAuthor(tt.in, "--author")
		if tt.wantEmail == "" {
			var ue *UsageError
			if !errors.As(err, &ue) || !strings.Contains(ue.Msg, `write it as "Name <email>"`) {
				t.Errorf("parseAuthor(%q) = %q, %q, %v; want a usage error", tt.in, name, email, err)
			}
			continue
		}
		if err != nil || name != tt.wantName || email != tt.wantEmail {
			t.Errorf("parseAuthor(%q) = %q, %q, %v; want %q, %q", tt.in, name, email, err, tt.wantName, tt.wantEmail)
		}
	}
}

// TestParseAuthorName: the name of "Name <email>" may be quoted as an
// email address's display name, and so hold what git cannot write in an
// author line; record.StaffNameProblem refuses it as it does on the roster.
func TestParseAuthorName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`"Rivera <Maria>" <mrivera@example.org>`, `author "\"Rivera <Maria>\" <mrivera@example.org>": a name cannot hold '<' or '>'`},
		{"\"Maria\tRivera\" <mrivera@example.org>", `a name cannot hold a control character`},
	} {
		name, email, err := parseAuthor(tt.in, "--author")
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(ue.Msg, tt.want) {
			t.Errorf("parseAuthor(%q) = %q, %q, %v; want a usage error %q", tt.in, name, email, err, tt.want)
		}
	}
}

func TestOutputFormat(t *testing.T) {
	tests := []struct {
		v       string
		allowed []string
		ok      bool
	}{
		{"text", []string{"text", "json", "github"}, true},
		{"github", []string{"text", "json", "github"}, true},
		{"json", []string{"text", "json"}, true},
		{"github", []string{"text", "json"}, false},
		{"JSON", []string{"text", "json"}, false},
		{"", []string{"text", "json"}, false},
		{"json ", []string{"text", "json"}, false},
	}
	for _, tt := range tests {
		err := outputFormat(tt.v, tt.allowed...)
		if tt.ok {
			if err != nil {
				t.Errorf("outputFormat(%q, %v) = %v", tt.v, tt.allowed, err)
			}
			continue
		}
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(ue.Msg, "use one of "+strings.Join(tt.allowed, ", ")) || !strings.Contains(ue.Msg, `"`+tt.v+`"`) {
			t.Errorf("outputFormat(%q, %v) = %v; want a usage error naming the value and the formats", tt.v, tt.allowed, err)
		}
	}
}

// TestDateFlagsRefuseEmpty: every date flag is a dateValue, and one given
// empty (--date "", an unset shell variable) is a usage error naming the
// flag rather than the flag left out, which would take its default — the
// update commands' flags aside, whose empty value removes the field.
func TestDateFlagsRefuseEmpty(t *testing.T) {
	root := newCmdRoot(&globals{})
	dates, clearable := 0, 0
	walkCommands(root, func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if name, _ := pflag.UnquoteUsage(f); name != "DATE" {
				return
			}
			where := c.CommandPath() + " --" + f.Name
			v, ok := f.Value.(*dateValue)
			if !ok {
				t.Errorf("%s: a date flag, but not defined with dateVar", where)
				return
			}
			dates++
			err := (&dateValue{name: v.name, p: new(string), clearable: v.clearable}).Set("")
			if v.clearable {
				clearable++
				if err != nil {
					t.Errorf("%s: clearable, yet an empty value is refused: %v", where, err)
				}
				return
			}
			var ue *UsageError
			if !errors.As(err, &ue) || !strings.HasPrefix(ue.Msg, "--"+f.Name+` "": `) {
				t.Errorf("%s \"\": got %v, want a usage error naming the flag", where, err)
			}
		})
	})
	if dates < 50 || clearable == 0 {
		t.Errorf("checked %d date flags, %d of them clearable: the walk missed them", dates, clearable)
	}
}

// TestFlagPlaceholders: the word of a flag's usage in backquotes is the
// placeholder help shows after the flag (--due DATE), so it is a capital
// word; "`short` or long" showed `--term short`, as if short were what to
// type in every case.
func TestFlagPlaceholders(t *testing.T) {
	root := newCmdRoot(&globals{env: Env{Getenv: func(string) string { return "" }}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !strings.Contains(f.Usage, "`") {
				return
			}
			if name, _ := pflag.UnquoteUsage(f); name != strings.ToUpper(name) {
				t.Errorf("%s --%s: placeholder %q is not a capital word", c.CommandPath(), f.Name, name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// TestUsagePlaceholders: the usage line and the Flags list name a flag's
// value the same way, so a case manager reading "--to STAFF" above
// "--to ID" does not wonder whether they differ. A usage line may list the
// values instead (--term short|long).
func TestUsagePlaceholders(t *testing.T) {
	root := newCmdRoot(&globals{env: Env{Getenv: func(string) string { return "" }}})
	inUse := regexp.MustCompile(`--([a-z][a-z0-9-]*) ([^\s\]\)]+)`)
	walkCommands(root, func(c *cobra.Command) {
		for _, m := range inUse.FindAllStringSubmatch(c.Use, -1) {
			name, word := m[1], strings.TrimSuffix(m[2], "...")
			if strings.Contains(word, "|") || strings.HasPrefix(word, "-") || word != strings.ToUpper(word) {
				continue
			}
			f := c.Flags().Lookup(name)
			if f == nil {
				t.Errorf("%s: usage names --%s, which is no flag of it", c.CommandPath(), name)
				continue
			}
			if !strings.Contains(f.Usage, "`") {
				continue
			}
			if want, _ := pflag.UnquoteUsage(f); word != want {
				t.Errorf("%s: usage shows --%s %s, its flag list --%s %s", c.CommandPath(), name, word, name, want)
			}
		}
	})
}
