package cli

import (
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

// The checks and conversions of flag values that many commands share. A
// bad value is a usage error (exit 2) naming the flag.

// parseDate parses a YYYY-MM-DD flag value.
func parseDate(flag, v string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		if why := schemas.MissingDay(v); why != "" {
			return time.Time{}, usageErrorf("--%s %q: not a date: %s", flag, v, why)
		}
		if padded, ok := zeroPadded(v, 3); ok {
			if _, err := time.Parse(time.DateOnly, padded); err == nil {
				return time.Time{}, &UsageError{Msg: fmt.Sprintf("--%s %q: not a date; use YYYY-MM-DD", flag, v), Hint: "did you mean --" + flag + " " + padded + "?"}
			}
		}
		if isWords(v) {
			// tomorrow, yesterday, next Monday: a record keeps a day,
			// and a word's day depends on when it is read.
			return time.Time{}, &UsageError{Msg: fmt.Sprintf("--%s %q: not a date; use YYYY-MM-DD", flag, v), Hint: "write the day itself, as YYYY-MM-DD: a record keeps a date, not a word whose day changes"}
		}
		if hint := schemas.DateReadings(v, "--"+flag+" "); hint != "" {
			return time.Time{}, &UsageError{Msg: fmt.Sprintf("--%s %q: not a date; use YYYY-MM-DD", flag, v), Hint: hint}
		}
		return time.Time{}, usageErrorf("--%s %q: not a date; use YYYY-MM-DD", flag, v)
	}
	return t, nil
}

// yearlessDates refuses a date flag given a day without its year
// (--date 11/24, --start 24.11), with the date to type in the year that
// puts it nearest --today (schemas.YearlessReadings). It runs once
// --today is known, before any command reads its dates: parseDate, which
// the commands call, knows no today. A date the flag refuses for another
// reason is left to parseDate.
func yearlessDates(c *cobra.Command, today time.Time) error {
	var bad error
	c.Flags().Visit(func(f *pflag.Flag) {
		if bad == nil && f.Value.Type() == "date" {
			bad = yearlessDate(f.Name, f.Value.String(), today)
		}
	})
	return bad
}

// yearlessDate is yearlessDates' refusal of one value v of flag, or nil
// when v is not a day without its year: also the due date inside an
// --action, which is no date flag of its own.
func yearlessDate(flag, v string, today time.Time) error {
	if v == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, v); err == nil {
		return nil
	}
	if hint := schemas.YearlessReadings(v, "--"+flag+" ", today); hint != "" {
		return &UsageError{Msg: fmt.Sprintf("--%s %q: not a date; use YYYY-MM-DD", flag, v), Hint: hint}
	}
	return nil
}

// isWords reports whether v is letters and spaces only: a day named in
// words rather than written as a date.
func isWords(v string) bool {
	v = strings.TrimSpace(v)
	return v != "" && strings.IndexFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' }) < 0
}

// zeroPadded returns v, numbers joined by '-' (parts of them: 2026-3-4
// has 3), with its month and day written with two digits (2026-03-04);
// false when v is not such numbers.
func zeroPadded(v string, parts int) (string, bool) {
	fields := strings.Split(strings.TrimSpace(v), "-")
	if len(fields) != parts || len(fields[0]) != 4 {
		return "", false
	}
	for i, f := range fields {
		if f == "" || len(f) > 4 || strings.Trim(f, "0123456789") != "" {
			return "", false
		}
		if i > 0 && len(f) == 1 {
			fields[i] = "0" + f
		}
	}
	return strings.Join(fields, "-"), true
}

// dateValue is a date flag's value. Left out, a date flag takes its
// default (--today, the date the records give, or none), so a date given
// empty — --date "", often a shell variable that was never set — must not
// read as left out: Set refuses it while the flags are parsed, naming the
// flag (exit 2). Only the update commands' flags, where an empty value
// removes the field, are clearable. The date itself is checked where the
// command reads it (parseDate), beside the command's other rules for it.
type dateValue struct {
	name      string
	p         *string
	clearable bool
}

func (v *dateValue) String() string { return *v.p }
func (v *dateValue) Type() string   { return "date" }

func (v *dateValue) Set(s string) error {
	if s == "" && !v.clearable {
		return usageErrorf("--%s \"\": an empty date is not a date; give one as YYYY-MM-DD, or leave the flag out", v.name)
	}
	*v.p = s
	return nil
}

// dateVar defines a date flag: a YYYY-MM-DD date, never given empty.
func dateVar(f *pflag.FlagSet, p *string, name, usage string) {
	f.Var(&dateValue{name: name, p: p}, name, usage)
}

// clearableDateVar defines a date flag of an update command, where an
// empty value removes the field (givenDate).
func clearableDateVar(f *pflag.FlagSet, p *string, name, usage string) {
	f.Var(&dateValue{name: name, p: p, clearable: true}, name, usage)
}

// requiredDate parses a date flag that must be given, as a record's date.
func requiredDate(flag, v string) (record.Date, error) {
	if _, err := parseDate(flag, v); err != nil {
		return "", err
	}
	return record.Date(v), nil
}

// optionalDate parses a date flag that may be left out ("").
func optionalDate(flag, v string) (record.Date, error) {
	if v == "" {
		return "", nil
	}
	return requiredDate(flag, v)
}

// dateOrToday parses a --date flag that defaults to --today.
func (g *globals) dateOrToday(v string) (record.Date, error) {
	if v != "" {
		return optionalDate("date", v)
	}
	t, err := g.todayDate()
	if err != nil {
		return "", err
	}
	return record.Date(t.Format(time.DateOnly)), nil
}

// givenFlag returns v when flag was given on the command line and nil when
// not, for the set commands, which change only the fields whose flags are
// given (a nil field is left as it is).
func givenFlag(c *cobra.Command, flag string, v *string) *string {
	if c.Flags().Changed(flag) {
		return v
	}
	return nil
}

// givenDate is givenFlag for a date flag: a value given must be a date,
// or empty to remove the field.
func givenDate(c *cobra.Command, flag string, v *string) (*string, error) {
	p := givenFlag(c, flag, v)
	if p != nil && *p != "" {
		if _, err := parseDate(flag, *p); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// authorEnv is the environment variable an author may come from instead
// of --author.
const authorEnv = "CASEPLAN_AUTHOR"

// parseAuthor parses "Name <email>": an email address with a display
// name, or, as git writes an author, a name that an email address would
// have to quote ("Rivera, Maria <mrivera@example.org>"). from is where v
// came from, --author or CASEPLAN_AUTHOR: the error and its hint name
// that, so that nobody is told to fix a flag they never typed.
func parseAuthor(v, from string) (name, email string, err error) {
	what := from // the flag as typed, --author, as every flag's refusal names it
	a, err := mail.ParseAddress(v)
	if err != nil {
		a, err = parseGitIdent(v)
	}
	if err != nil || a.Name == "" {
		return "", "", &UsageError{
			Msg:  fmt.Sprintf("%s %q: write it as \"Name <email>\"", what, v),
			Hint: authorHint(from, authorExample(v, ""), false),
		}
	}
	if p := record.StaffNameProblem(a.Name); p != "" {
		return "", "", usageErrorf("%s %q: %s", what, v, p)
	}
	return a.Name, strings.ToLower(a.Address), nil
}

// authorHint is the hint of an author not written as "Name <email>",
// with example as its example, given where the author came from
// (--author or CASEPLAN_AUTHOR). onRoster says the example is the
// roster's own name and email, a value that works; otherwise the hint
// says how to see the roster — staff list with the bad author unset, as
// every command, staff list too, refuses it while it is set.
func authorHint(from, example string, onRoster bool) string {
	if from == authorEnv {
		if onRoster {
			return "set " + authorEnv + " to the acting member's name and email, as the roster has them: " + authorEnv + "=" + strconv.Quote(example)
		}
		return "set " + authorEnv + " to the acting member's name and email, as " + authorEnv + "= caseplan staff list shows them: " + authorEnv + "=" + strconv.Quote(example)
	}
	if onRoster {
		return "the acting member's name and email, as the roster has them: --author " + strconv.Quote(example)
	}
	return "the acting member's name and email, as caseplan staff list (without --author) shows them: --author " + strconv.Quote(example)
}

// authorExample writes what was typed as --author as an author is written:
// a name typed alone with email (the roster's address of that name, when
// known), an address typed alone after "Name". A demo person in the
// example (once Ana Lucero) may not be on the store's roster.
func authorExample(typed, email string) string {
	v := strings.Trim(strings.TrimSpace(typed), `"'`)
	if i := strings.IndexByte(v, '<'); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	if v == "" {
		return "Name <email>"
	}
	if strings.Contains(v, "@") && !strings.Contains(v, " ") {
		return "Name <" + v + ">"
	}
	if email == "" {
		email = "email"
	}
	return v + " <" + email + ">"
}

// authorOnRoster is the roster's spelling of an author given as a name
// alone, with its email, for the hint of parseAuthor's error: "" when the
// store or its roster cannot be read, or holds no such name.
func (g *globals) authorOnRoster(typed string) string {
	root, err := g.storeRoot()
	if err != nil {
		return ""
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return ""
	}
	snap, _, err := store.LoadConfig(src)
	if err != nil || snap == nil || snap.Config == nil {
		return ""
	}
	name := strings.Trim(strings.TrimSpace(typed), `"'`)
	for _, s := range snap.Config.Staff {
		// A roster ID (mrivera) is a name alone too, as staff list
		// shows it: its member's name and email are the example.
		if s.Email != "" && (strings.EqualFold(strings.TrimSpace(s.Name), name) || s.ID == name) {
			return authorExample(s.Name, s.Email)
		}
	}
	return ""
}

// parseGitIdent parses git's "Name <email>", whose name may hold what an
// email address's display name may not (a comma, a period, an "@"), but
// not the angle brackets that delimit the address.
func parseGitIdent(v string) (*mail.Address, error) {
	v = strings.TrimSpace(v)
	open := strings.LastIndexByte(v, '<')
	if open < 0 || !strings.HasSuffix(v, ">") {
		return nil, errors.New("no <email>")
	}
	name := strings.TrimSpace(v[:open])
	if strings.ContainsAny(name, "<>\"") || !strings.ContainsFunc(name, unicode.IsLetter) {
		return nil, errors.New("no name, or angle brackets or quotes in it")
	}
	addr, err := mail.ParseAddress(v[open:])
	if err != nil {
		return nil, err
	}
	return &mail.Address{Name: name, Address: addr.Address}, nil
}

// outputFormat checks an -o value against the formats a command supports.
func outputFormat(v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return usageErrorf("-o %q: not a format this command writes; use one of %s", v, strings.Join(allowed, ", "))
}

func addOutputFlag(c *cobra.Command, p *string, formats ...string) {
	c.Flags().StringVarP(p, "output", "o", formats[0], "output format: "+strings.Join(formats, ", "))
	_ = c.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// numberFlagError says, in caseplan's words, why a number flag's value
// (--wage, --hours, --earnings, --contacts) or a yes-or-no flag's
// (--internal=no) is not one, for pflag's "strconv.ParseFloat: parsing
// ...: invalid syntax", which tells a case manager nothing; where the
// value is a number written as on paper ("$19.50", "19,50", "8,450") or a
// yes or no in words, the hint gives it as caseplan takes it. A length of
// time (--lock-wait) gets a hint of the units it takes. It returns nil for
// any other error.
func numberFlagError(err error) *UsageError {
	var ive *pflag.InvalidValueError
	if !errors.As(err, &ive) || ive.GetFlag() == nil {
		return nil
	}
	f, v := ive.GetFlag(), ive.GetValue()
	switch f.Value.Type() {
	case "float64", "float32":
		e := &UsageError{Msg: fmt.Sprintf("--%s %q: not a number; write it in digits, with a point before any cents or fraction (no $, no commas)", f.Name, v)}
		if s := plainNumber(v); s != v {
			if _, err := strconv.ParseFloat(s, 64); err == nil {
				e.Hint = "did you mean --" + f.Name + " " + s + "?"
			}
		}
		return e
	case "int", "int64", "int32", "uint", "uint64", "uint32":
		e := &UsageError{Msg: fmt.Sprintf("--%s %q: not a whole number; write it in digits, such as 3", f.Name, v)}
		if s := plainNumber(v); s != v {
			if _, err := strconv.ParseInt(s, 10, 64); err == nil {
				e.Hint = "did you mean --" + f.Name + " " + s + "?"
			}
		}
		return e
	case "bool":
		e := &UsageError{Msg: fmt.Sprintf("--%s=%s: write --%s for yes, --%s=false for no", f.Name, v, f.Name, f.Name)}
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "no", "n", "off":
			e.Hint = "did you mean --" + f.Name + "=false?"
		case "yes", "y", "on":
			e.Hint = "did you mean --" + f.Name + "?"
		}
		return e
	case "duration":
		// --lock-wait: Go's "time: unknown unit "x" in duration "5x""
		// names the parser, not what the flag takes.
		e := &UsageError{
			Msg:  fmt.Sprintf("--%s %q: not a length of time", f.Name, v),
			Hint: fmt.Sprintf("give a number with its unit: s for seconds, m for minutes, h for hours, e.g. --%s 30s or --%s 2m; 0 does not wait", f.Name, f.Name),
		}
		if n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 32); err == nil && n > 0 {
			e.Hint = fmt.Sprintf("did you mean --%s %ds? A length of time needs its unit: s for seconds, m for minutes, h for hours", f.Name, n)
		}
		return e
	}
	return nil
}

// plainNumber writes a number as it is written on paper ("$1,250.00",
// "19,50") the way strconv reads it: no currency sign or spaces, a comma
// before one or two final digits a decimal point, any other a thousands
// separator.
func plainNumber(v string) string {
	s := strings.TrimSpace(v)
	s = strings.TrimPrefix(s, "$")
	s = strings.ReplaceAll(s, " ", "")
	if i := strings.LastIndexByte(s, ','); i >= 0 && !strings.Contains(s, ".") && strings.Count(s, ",") == 1 && len(s)-i-1 <= 2 {
		return s[:i] + "." + s[i+1:]
	}
	return strings.ReplaceAll(s, ",", "")
}

// flagTakenAsValue refuses a flag whose value is another of the command's
// flags: a value left out (--content --two-way) makes pflag take the next
// word as the value, whatever it is, so the note would be committed with
// the content "--two-way", not two-way — and a note is never edited once
// committed. A value that is exactly a flag of the command (--two-way,
// --due=..., -o) is taken to be that mistake; no record has a reason to
// hold one.
func flagTakenAsValue(c *cobra.Command, f *pflag.Flag) error {
	if f.Value.Type() == "bool" {
		return nil
	}
	for _, v := range flagStrings(f) {
		if flagNamed(c, v) != nil {
			return takenAsValue(f, v)
		}
	}
	return nil
}

// flagNamed returns the flag of c that word names (--due, --due=...,
// -o), nil when it names none.
func flagNamed(c *cobra.Command, word string) *pflag.Flag {
	name, _, _ := strings.Cut(word, "=")
	switch {
	case strings.HasPrefix(name, "--") && len(name) > 2:
		return c.Flags().Lookup(name[2:])
	case len(name) == 2 && name[0] == '-' && name[1] != '-':
		return c.Flags().ShorthandLookup(name[1:])
	}
	return nil
}

// takenAsValue is the error of flag f given no value, so that the flag
// next, next, was taken as its value.
func takenAsValue(f *pflag.Flag, next string) *UsageError {
	what, _ := pflag.UnquoteUsage(f)
	if what == "" || strings.ToUpper(what) != what {
		what = "VALUE"
		if strings.HasPrefix(f.Value.Type(), "string") {
			what = "TEXT"
		}
	}
	return &UsageError{
		Msg:  fmt.Sprintf("--%s was given no value: it took the flag that came next, %s, as its value", f.Name, next),
		Hint: fmt.Sprintf("put its value right after the flag: --%s %s", f.Name, what),
	}
}

// onceValue is a string flag that takes one value: given twice (a
// supervisor's --manager alice --manager bob, meaning both) pflag would
// keep the last without a word, and the report, list or tickler would be
// one manager's where two were asked for, or a case opened for the
// second manager named. Its type is "string", so checkFlagValues
// treats it as any string flag.
type onceValue struct {
	name string
	p    *string
	set  bool
}

func (v *onceValue) String() string { return *v.p }
func (v *onceValue) Type() string   { return "string" }

func (v *onceValue) Set(s string) error {
	if v.set {
		return &UsageError{
			Msg:  fmt.Sprintf("--%s given more than once (%q, then %q); it takes one value", v.name, *v.p, s),
			Hint: "give --" + v.name + " once (run the command again for each other one)",
		}
	}
	v.set = true
	*v.p = s
	return nil
}

// onceVar defines a string flag that refuses a second value (onceValue).
func onceVar(f *pflag.FlagSet, p *string, name, usage string) {
	f.Var(&onceValue{name: name, p: p}, name, usage)
}
