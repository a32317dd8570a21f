package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/spf13/cobra"
)

// TestMainUsageErrors: every way of calling caseplan wrongly exits 2 and
// says so on stderr, with nothing on stdout.
func TestMainUsageErrors(t *testing.T) {
	root := initCLIStore(t)
	tests := []struct {
		name       string
		env        map[string]string
		args       []string
		wantStderr string
	}{
		{name: "an unknown command", args: []string{"frobnicate"}, wantStderr: `unknown command "frobnicate"`},
		{name: "an unknown subcommand", args: []string{"case", "frobnicate"}, wantStderr: `unknown command "frobnicate" for "caseplan case"`},
		{name: "an unknown flag", args: []string{"validate", "--bogus"}, wantStderr: "unknown flag: --bogus"},
		// Words a new user tries for a command caseplan has under
		// another name, or leaves out on purpose: the hint names the
		// command that does it, never only "run --help".
		{name: "a case's command without its group", args: []string{"show", "W-1"}, wantStderr: "unknown command \"show\" for \"caseplan\"\ncaseplan: hint: did you mean 'caseplan case show'? run 'caseplan --help' for its commands\n"},
		// A case typed after a group, where its command goes: the
		// group's command that shows one case, the case after it.
		{name: "a case after its group", args: []string{"note", "2026-K7QX2"}, wantStderr: "unknown command \"2026-K7QX2\" for \"caseplan note\"\ncaseplan: hint: the command comes first, then the case: caseplan note list 2026-K7QX2\n"},
		{name: "a case after case", args: []string{"case", "W-1"}, wantStderr: "hint: the command comes first, then the case: caseplan case show W-1\n"},
		{name: "a case after activity", args: []string{"activity", "W-1"}, wantStderr: "hint: the command comes first, then the case: caseplan activity list W-1\n"},
		{name: "a word mistyped after a group", args: []string{"note", "lst"}, wantStderr: "hint: did you mean 'caseplan note list'?"},
		{name: "list without its group", args: []string{"list"}, wantStderr: "hint: did you mean 'caseplan case list'?"},
		{name: "a plan's part without iep", args: []string{"goal", "add", "W-1"}, wantStderr: "hint: did you mean 'caseplan iep goal'?"},
		{name: "push for sync", args: []string{"push"}, wantStderr: "hint: did you mean 'caseplan sync'? it sends this clone's commits and receives the host's"},
		{name: "a case opened", args: []string{"case", "open", "--program", "wioa", "--name", "Ana Example"}, wantStderr: "unknown command \"open\" for \"caseplan case\"\ncaseplan: hint: did you mean 'caseplan case new'? it opens a case (caseplan case reopen opens a closed one again), and caseplan case new --help names its flags\n"},
		{name: "a case opened, after a global flag", args: []string{"--today", "2026-03-02", "case", "create", "-o", "json", "--program", "wioa"}, wantStderr: "hint: did you mean 'caseplan case new'? it opens a case"},
		{name: "a case opened without case", args: []string{"open", "--program", "wioa"}, wantStderr: "unknown command \"open\" for \"caseplan\"\ncaseplan: hint: did you mean 'caseplan case new'?"},
		{name: "a mistyped command with flags", args: []string{"note", "lst", "--kind", "contact"}, wantStderr: "unknown command \"lst\" for \"caseplan note\"\ncaseplan: hint: did you mean 'caseplan note list'?"},
		{name: "an unknown flag of a group before its word", args: []string{"case", "--program", "wioa", "open"}, wantStderr: "unknown flag: --program\ncaseplan: hint: run 'caseplan case --help' for usage\n"},
		{name: "an unknown flag of a real command", args: []string{"case", "new", "--bogus", "wioa"}, wantStderr: "caseplan: unknown flag: --bogus\ncaseplan: hint: run 'caseplan case new --help' for usage\n"},
		{name: "a case deleted", args: []string{"case", "delete", "W-1"}, wantStderr: "hint: a case is never deleted, git history being the audit trail: close it with caseplan case close CASE --date DATE --reason REASON"},
		{name: "a note edited", args: []string{"note", "edit", "W-1", "2026-03-03-ab12"}, wantStderr: "hint: a committed note is never edited or deleted: correct it with caseplan note amend CASE NOTE --content TEXT, or void it with --void"},
		{name: "a note deleted", args: []string{"note", "delete", "W-1", "2026-03-03-ab12"}, wantStderr: "hint: a committed note is never edited or deleted"},
		{name: "a staff member removed", args: []string{"staff", "remove", "dpatel"}, wantStderr: "hint: a staff member stays on the roster, which names the authors of past commits: retire them with caseplan staff set ID --active=false"},
		{name: "a reference removed", args: []string{"ref", "remove", "W-1", "RF-7QX2K"}, wantStderr: "hint: a reference stays on the record: caseplan ref withdraw CASE REF records that they withdrew their permission"},
		{name: "a flag one slip away", args: []string{"note", "add", "W-1", "--knd", "contact"}, wantStderr: "unknown flag: --knd\ncaseplan: hint: did you mean --kind? run 'caseplan note add --help' for usage\n"},
		{name: "a flag written out", args: []string{"activity", "add", "W-1", "--organization", "Acme"}, wantStderr: "unknown flag: --organization\ncaseplan: hint: did you mean --org? run 'caseplan activity add --help' for usage\n"},
		{name: "a flag cut short", args: []string{"activity", "add", "W-1", "--pos", "Clerk"}, wantStderr: "unknown flag: --pos\ncaseplan: hint: did you mean --position? run 'caseplan activity add --help' for usage\n"},
		{name: "a date without its zeros", args: []string{"due", "--today", "2026-3-4"}, wantStderr: "--today \"2026-3-4\": not a date; use YYYY-MM-DD\ncaseplan: hint: did you mean --today 2026-03-04?\n"},
		// Dates as people write them on paper: the day and the month
		// told apart only where one is over 12.
		{name: "a date month first", args: []string{"due", "--today", "11/20/2026"}, wantStderr: "--today \"11/20/2026\": not a date; use YYYY-MM-DD\ncaseplan: hint: did you mean --today 2026-11-20?\n"},
		{name: "a date day first", args: []string{"due", "--today", "20.11.2026"}, wantStderr: "hint: did you mean --today 2026-11-20?\n"},
		{name: "a date with slashes, year first", args: []string{"due", "--today", "2026/11/20"}, wantStderr: "hint: did you mean --today 2026-11-20?\n"},
		{name: "a date that reads two ways", args: []string{"due", "--today", "04/05/2026"}, wantStderr: "hint: write the year first: --today 2026-04-05 for April 5, --today 2026-05-04 for 4 May\n"},
		// A day without its year, as a tired person types it: the
		// year that puts it nearest --today, before anything is read.
		{name: "a day without its year", args: []string{"case", "close", "W-1", "--date", "11/24", "--reason", "placed", "--today", "2026-11-23"}, wantStderr: "caseplan: --date \"11/24\": not a date; use YYYY-MM-DD\ncaseplan: hint: did you mean --date 2026-11-24?\n"},
		{name: "a day without its year, read two ways", args: []string{"placement", "set", "W-1", "--start", "12/07", "--today", "2026-11-26"}, wantStderr: "hint: write the year first: --start 2026-12-07 for December 7, --start 2026-07-12 for 12 July\n"},
		{name: "a month without its zero", args: []string{"report", "monthly", "--month", "2026-2"}, wantStderr: "--month: \"2026-2\" is not a month; use YYYY-MM\ncaseplan: hint: did you mean --month 2026-02?\n"},
		// --table or --bom without -o csv: the error names only the
		// flags given, and the hint is the command with -o csv.
		{name: "a CSV table without -o csv", args: []string{"report", "monthly", "--month", "2026-11", "--table", "weeks"}, wantStderr: "caseplan: --table goes with -o csv\ncaseplan: hint: for a CSV file: caseplan report monthly --month 2026-11 --table weeks -o csv\n"},
		{name: "a byte order mark with -o md", args: []string{"report", "performance", "--program-year", "2025", "-o", "md", "--bom"}, wantStderr: "caseplan: --bom goes with -o csv\ncaseplan: hint: for a CSV file: caseplan report performance --bom --program-year 2025 -o csv\n"},
		{name: "both CSV flags without -o csv", args: []string{"report", "caseload", "--bom", "--table", "managers"}, wantStderr: "caseplan: --bom and --table go with -o csv\ncaseplan: hint: for a CSV file: caseplan report caseload --bom --table managers -o csv\n"},
		{name: "a month before its year", args: []string{"report", "monthly", "--month", "11-2026"}, wantStderr: "caseplan: --month: \"11-2026\" is not a month; use YYYY-MM\ncaseplan: hint: did you mean --month 2026-11?\n"},
		{name: "a month with slashes", args: []string{"report", "monthly", "--month", "2026/11"}, wantStderr: "caseplan: hint: did you mean --month 2026-11?\n"},
		{name: "a month before its year, with a slash", args: []string{"report", "monthly", "--month", "3/2026"}, wantStderr: "caseplan: hint: did you mean --month 2026-03?\n"},
		{name: "a day for a month", args: []string{"report", "monthly", "--month", "2026-11-01"}, wantStderr: "caseplan: --month: \"2026-11-01\" is a day, not a month; use YYYY-MM\ncaseplan: hint: did you mean --month 2026-11?\n"},
		{name: "a day for a month, without its zeros", args: []string{"report", "monthly", "--month", "2026-3-4"}, wantStderr: "caseplan: hint: did you mean --month 2026-03?\n"},
		// A file to write given empty (an unset shell variable) would
		// otherwise write to stdout, or no calendar at all.
		{name: "an empty --out", args: []string{"report", "monthly", "--month", "2026-11", "--out", ""}, wantStderr: "caseplan: --out \"\": an empty file name names no file\ncaseplan: hint: name the file to write, or leave --out out to write to stdout\n"},
		{name: "an empty --out for the caseload", args: []string{"report", "caseload", "--out="}, wantStderr: "caseplan: --out \"\": an empty file name names no file"},
		{name: "an empty --out for performance", args: []string{"report", "performance", "--program-year", "2025", "--out", ""}, wantStderr: "caseplan: --out \"\": an empty file name"},
		{name: "an empty --out for the PIRL export", args: []string{"export", "pirl", "--program-year", "2025", "--out", ""}, wantStderr: "caseplan: --out \"\": an empty file name"},
		{name: "an empty --ics", args: []string{"due", "--ics", ""}, wantStderr: "caseplan: --ics \"\": an empty file name names no file\ncaseplan: hint: name the file to write, or leave --ics out to write no calendar\n"},
		{name: "a month that is not one", args: []string{"report", "monthly", "--month", "2026-13"}, wantStderr: "--month: \"2026-13\" is not a month; use YYYY-MM\n"},
		{name: "a word a new user tries for a flag", args: []string{"note", "add", "W-1", "--text", "Called"}, wantStderr: "unknown flag: --text\ncaseplan: hint: did you mean --content? run 'caseplan note add --help' for usage\n"},
		// A word for a yes-or-no flag's "no" is that flag set false,
		// never the flag itself, which would record the opposite.
		{name: "the opposite of a yes-or-no flag", args: []string{"activity", "add", "W-1", "--external"}, wantStderr: "unknown flag: --external\ncaseplan: hint: did you mean --internal=false? run 'caseplan activity add --help' for usage\n"},
		{name: "the opposite of --internal for a placement", args: []string{"placement", "set", "W-1", "--external"}, wantStderr: "hint: did you mean --internal=false?"},
		{name: "a one-way note", args: []string{"note", "add", "W-1", "--one-way"}, wantStderr: "hint: did you mean --two-way=false?"},
		// A date flag called otherwise is what --date meant; --X-date
		// means --X where there is one, and only then --date.
		{name: "a date flag called --due", args: []string{"iep", "milestone", "add", "W-1", "--date", "2026-12-01"}, wantStderr: "unknown flag: --date\ncaseplan: hint: did you mean --due? run 'caseplan iep milestone add --help' for usage\n"},
		{name: "--X-date for --X", args: []string{"followup", "add", "W-1", "--due-date", "2026-12-01"}, wantStderr: "hint: did you mean --due? run"},
		{name: "--X-date for --date", args: []string{"case", "exit", "W-1", "--exit-date", "2026-12-01"}, wantStderr: "hint: did you mean --date? run"},
		{name: "a word for free text", args: []string{"case", "close", "W-1", "--comment", "moved"}, wantStderr: "hint: did you mean --notes? run"},
		{name: "another word for a flag", args: []string{"case", "new", "--program", "wioa", "--participant", "Ana Example"}, wantStderr: "hint: did you mean --name?"},
		{name: "a flag with letters swapped", args: []string{"case", "list", "--manaegr", "x"}, wantStderr: "hint: did you mean --manager?"},
		{name: "a case before its command, with flags", args: []string{"W-1", "note", "add", "--kind", "contact", "--content", "Called back"}, wantStderr: "unknown flag: --kind\ncaseplan: hint: the command comes first, then the case: caseplan note add W-1 --kind contact --content \"Called back\"\n"},
		{name: "a case before its command", args: []string{"case", "W-1", "show"}, wantStderr: "unknown command \"W-1\" for \"caseplan case\"\ncaseplan: hint: the command comes first, then the case: caseplan case show W-1\n"},
		{name: "an unknown shorthand", args: []string{"validate", "-z"}, wantStderr: "unknown shorthand flag"},
		{name: "a flag without its value", args: []string{"validate", "--store"}, wantStderr: "flag needs an argument"},
		{name: "an argument too many", args: []string{"commit", "extra"}, wantStderr: `commit takes no arguments, but was given "extra"`},
		{name: "a case not named", args: []string{"case", "show"}, wantStderr: "case show needs CASE\ncaseplan: hint: usage: caseplan case show CASE [flags]; run 'caseplan case show --help' for more"},
		{name: "one argument of two", args: []string{"note", "amend", "W-1"}, wantStderr: `note amend needs CASE NOTE, but was given only "W-1"`},
		{name: "a value of several words unquoted", args: []string{"case", "reopen", "W-1", "--date", "2026-03-16", "--reason", "found", "work"}, wantStderr: `case reopen takes CASE, but was given 2 arguments: "W-1" "work"` + "\ncaseplan: hint: usage: caseplan case reopen CASE --date DATE --reason TEXT [flags]; run 'caseplan case reopen --help' for more\ncaseplan: hint: a value of several words goes in quotes: --reason 'found work'\n"},
		// The hint names the flag the words were typed after, with the
		// whole value as it should have been typed — never a flag the
		// command lacks, and no hint about quotes where no flag's value
		// ran on.
		{name: "a name of several words unquoted", args: []string{"ref", "add", "W-1", "--name", "Pat", "Example", "--relationship", "supervisor"}, wantStderr: "hint: a value of several words goes in quotes: --name 'Pat Example'\n"},
		{name: "a name unquoted, to a command without arguments", args: []string{"case", "new", "--program", "wioa", "--name", "Se\u00e1n", "O'Brien", "Jr"}, wantStderr: `case new takes no arguments, but was given "O'Brien" "Jr"` + "\ncaseplan: hint: usage: caseplan case new --program KEY --name NAME [--phone P] [--email E] [--manager ID] [flags]; run 'caseplan case new --help' for more\ncaseplan: hint: a value of several words goes in quotes: --name 'Se\u00e1n O'\\''Brien Jr'\n"},
		{name: "a value with a quote in it", args: []string{"case", "new", "--program", "wioa", "--name=Ann \"Annie\"", "Lee"}, wantStderr: `hint: a value of several words goes in quotes: --name='Ann "Annie" Lee'` + "\n"},
		{name: "two cases to a command of one", args: []string{"case", "show", "W-1", "W-2"}, wantStderr: `case show takes CASE, but was given 2 arguments: "W-1" "W-2"` + "\ncaseplan: hint: usage: caseplan case show CASE [flags]; run 'caseplan case show --help' for more\n"},
		{name: "a word of a note's text read as a case", args: []string{"note", "add", "--kind", "contact", "--mode", "phone", "--content", "Reviewed", "resume", "W-1"}, wantStderr: `no case "resume" in this store` + "\ncaseplan: hint: \"resume\" is a word of the value of --content: a value of several words goes in quotes: --content 'Reviewed resume'\n"},
		// The hint gives the whole value as typed, in quotes the shell
		// keeps: every word of it (none taken for a case that is not
		// one), each value of several, the = it was given with.
		{name: "a note's text unquoted, with no case", args: []string{"note", "add", "--content", "Called", "about", "it", "--kind", "contact", "--mode", "phone"}, wantStderr: "hint: \"about\" is a word of the value of --content: a value of several words goes in quotes: --content 'Called about it'; note add also needs CASE\n"},
		{name: "a note's text unquoted, the case after it", args: []string{"note", "add", "--content", "Called", "about", "it", "W-1", "--kind", "contact", "--mode", "phone"}, wantStderr: "hint: \"about\" is a word of the value of --content: a value of several words goes in quotes: --content 'Called about it'\n"},
		{name: "a note's text unquoted after =", args: []string{"note", "add", "--content=Called", "about", "it", "--kind", "contact", "--mode", "phone"}, wantStderr: "hint: \"about\" is a word of the value of --content: a value of several words goes in quotes: --content='Called about it'; note add also needs CASE\n"},
		{name: "a note's text unquoted, with an apostrophe", args: []string{"note", "add", "--content", "Called", "Ana's", "office", "W-1", "--kind", "contact", "--mode", "phone"}, wantStderr: "quotes: --content 'Called Ana'\\''s office'\n"},
		{name: "a message run on from -m", args: []string{"commit", "-mFixed", "typo"}, wantStderr: "hint: a value of several words goes in quotes: -m 'Fixed typo'\n"},
		{name: "a name unquoted, with no case", args: []string{"ref", "add", "--name", "Pat", "Example", "Smith", "--relationship", "supervisor"}, wantStderr: "hint: a value of several words goes in quotes: --name 'Pat Example Smith'; ref add also needs CASE\n"},
		{name: "two values unquoted", args: []string{"ref", "add", "W-1", "--name", "Pat", "Example", "--relationship", "former", "supervisor"}, wantStderr: "hint: values of several words go in quotes: --name 'Pat Example' --relationship 'former supervisor'\n"},
		{name: "too many for an optional argument", args: []string{"clone", "a", "b", "c"}, wantStderr: `clone takes URL [DIR], but was given 3 arguments`},
		{name: "an empty filter", args: []string{"case", "list", "--manager", ""}, wantStderr: `--manager "": an empty value is not one of the choices`},
		{name: "a choice of only spaces", args: []string{"case", "list", "--status", " "}, wantStderr: "caseplan: --status \" \" is only spaces\ncaseplan: hint: give one of the choices, or leave --status out\n"},
		{name: "a filter of only spaces", args: []string{"due", "--manager", "  "}, wantStderr: "caseplan: --manager \"  \" is only spaces\ncaseplan: hint: give one of the choices, or leave --manager out\n"},
		{name: "a program year not begun", args: []string{"report", "performance", "--program-year", "2030", "--today", "2026-11-22"}, wantStderr: `program year 2030 (2030-07-01 to 2031-06-30) has not begun on 2026-11-22, the report's day (--today)`},
		{name: "a quarter not begun", args: []string{"export", "pirl", "--program-year", "2026", "--quarter", "3", "--as-of", "2026-11-22"}, wantStderr: `program year 2026, quarter 3 (2027-01-01 to 2027-03-31) has not begun on 2026-11-22, the report's day (--as-of)`},
		// A quarter and a program year as a coordinator writes them:
		// program years begin on July 1 (TEGL 10-16), so the quarter
		// ending 2026-12-31 is program year 2026's quarter 2, not 4.
		{name: "a calendar quarter with its year", args: []string{"export", "pirl", "--program-year", "2026", "--quarter", "2026Q4"}, wantStderr: "caseplan: --quarter \"2026Q4\": not a quarter of a program year; give its number, 1 to 4 (1 is July to September)\ncaseplan: hint: the calendar's 2026 Q4 (2026-10-01 to 2026-12-31) is program year 2026, quarter 2: did you mean --program-year 2026 --quarter 2?\n"},
		{name: "a calendar quarter before its year", args: []string{"report", "performance", "--program-year", "2026", "--quarter", "Q1-2027"}, wantStderr: "hint: the calendar's 2027 Q1 (2027-01-01 to 2027-03-31) is program year 2026, quarter 3: did you mean --program-year 2026 --quarter 3?\n"},
		{name: "a quarter with its letter", args: []string{"export", "pirl", "--program-year", "2026", "--quarter", "Q2"}, wantStderr: "hint: did you mean --quarter 2, October to December? The calendar's Q2, April to June, is --quarter 4\n"},
		{name: "a quarter out of range", args: []string{"export", "pirl", "--program-year", "2026", "--quarter", "5"}, wantStderr: "caseplan: --quarter 5: a program year has quarters 1 to 4\ncaseplan: hint: a program year's quarters begin in July: --quarter 1 is July to September, 2 October to December, 3 January to March, 4 April to June\n"},
		{name: "a quarter counted from January, not begun", args: []string{"export", "pirl", "--program-year", "2026", "--quarter", "4", "--today", "2027-01-05"}, wantStderr: "; a program year's quarters begin in July: --quarter 1 is July to September, 2 October to December, 3 January to March, 4 April to June\n"},
		{name: "a program year as its two years", args: []string{"report", "performance", "--program-year", "2026-27"}, wantStderr: "caseplan: --program-year \"2026-27\": not a program year; name it by the year it starts in, in four digits\ncaseplan: hint: did you mean --program-year 2026? It is 2026-07-01 to 2027-06-30\n"},
		{name: "a program year as PY", args: []string{"export", "pirl", "--program-year", "PY26"}, wantStderr: "hint: did you mean --program-year 2026? It is 2026-07-01 to 2027-06-30\n"},
		{name: "a program year of two digits", args: []string{"export", "pirl", "--program-year", "26"}, wantStderr: "hint: did you mean --program-year 2026? It is 2026-07-01 to 2027-06-30\n"},
		{name: "a program year of words", args: []string{"export", "pirl", "--program-year", "last"}, wantStderr: "hint: --program-year 2026 is 2026-07-01 to 2027-06-30\n"},
		{name: "a word of a value read as a case", args: []string{"validate", "--today", "2026-03-16", "called"}, wantStderr: `no case "called" in this store` + "\ncaseplan: hint: no case ID and no participant's name in this clone matches \"called\": caseplan case list --name called --today 2026-03-16 searches the names"},
		{name: "an output format the command lacks", args: []string{"validate", "-o", "xml"}, wantStderr: `-o "xml": not a format this command writes`},
		// Numbers as people write them on paper: pflag's strconv
		// message said nothing a case manager could act on.
		{name: "a wage with a dollar sign", args: []string{"placement", "set", "W-1", "--wage", "$19.50"}, wantStderr: "caseplan: --wage \"$19.50\": not a number; write it in digits, with a point before any cents or fraction (no $, no commas)\ncaseplan: hint: did you mean --wage 19.50?\n"},
		{name: "hours with a decimal comma", args: []string{"placement", "set", "W-1", "--hours", "37,5"}, wantStderr: "hint: did you mean --hours 37.5?\n"},
		{name: "earnings with a thousands comma", args: []string{"followup", "add", "W-1", "--earnings", "8,450"}, wantStderr: "hint: did you mean --earnings 8450?\n"},
		{name: "a wait with a unit unknown", args: []string{"--lock-wait", "5x", "staff", "list"}, wantStderr: "caseplan: --lock-wait \"5x\": not a length of time\ncaseplan: hint: give a number with its unit: s for seconds, m for minutes, h for hours, e.g. --lock-wait 30s or --lock-wait 2m; 0 does not wait\n"},
		{name: "a wait without its unit", args: []string{"staff", "list", "--lock-wait", "30"}, wantStderr: "caseplan: hint: did you mean --lock-wait 30s? A length of time needs its unit"},
		{name: "a count in words", args: []string{"activity", "add", "W-1", "--contacts", "three"}, wantStderr: "caseplan: --contacts \"three\": not a whole number; write it in digits, such as 3\n"},
		{name: "a yes-or-no flag given no", args: []string{"placement", "set", "W-1", "--internal=no"}, wantStderr: "caseplan: --internal=no: write --internal for yes, --internal=false for no\ncaseplan: hint: did you mean --internal=false?\n"},
		{name: "a bad --today", args: []string{"validate", "--today", "tomorrow"}, wantStderr: `--today "tomorrow": not a date`},
		// A day in words: a record keeps the date, and the word's day
		// changes with the day it is read.
		{name: "a day in words", args: []string{"note", "add", "W-1", "--kind", "contact", "--mode", "phone", "--date", "Tomorrow"}, wantStderr: "--date \"Tomorrow\": not a date; use YYYY-MM-DD\ncaseplan: hint: write the day itself, as YYYY-MM-DD: a record keeps a date, not a word whose day changes\n"},
		{name: "a day in two words", args: []string{"due", "--today", "next monday"}, wantStderr: "hint: write the day itself, as YYYY-MM-DD"},
		{name: "a bad CASEPLAN_TODAY", env: map[string]string{"CASEPLAN_TODAY": "2026-3-1"}, args: []string{"validate"}, wantStderr: "not a date"},
		{name: "a bad --author", args: []string{"validate", "--author", "maria@example.org"}, wantStderr: `write it as "Name <email>"`},
		// A roster ID is what other flags take; --author says what it
		// takes. No store here, so no roster to give the value from: the
		// hint says how to see it, with staff list run without --author
		// (which refuses the same value while it is given).
		{name: "a roster ID as --author", args: []string{"validate", "--author", "mbell"}, wantStderr: "hint: the acting member's name and email, as caseplan staff list (without --author) shows them: --author \"mbell <email>\""},
		{name: "a bad CASEPLAN_AUTHOR", env: map[string]string{"CASEPLAN_AUTHOR": "Maria"}, args: []string{"validate"}, wantStderr: `write it as "Name <email>"`},
		{name: "a bad GIT_COMMITTER_DATE", env: map[string]string{"GIT_COMMITTER_DATE": "last week"}, args: []string{"validate"}, wantStderr: "GIT_COMMITTER_DATE: "},
		{name: "a bad GIT_AUTHOR_DATE", env: map[string]string{"GIT_AUTHOR_DATE": "soon"}, args: []string{"validate"}, wantStderr: "GIT_AUTHOR_DATE: "},
		{name: "no store here", args: []string{"validate", "--store", filepath.Join(root, "..")}, wantStderr: "no case store at or above"},
		{name: "no store in CASEPLAN_STORE", env: map[string]string{"CASEPLAN_STORE": ".."}, args: []string{"validate"}, wantStderr: "no case store at or above"},
		// A path mistyped is said to be one, and the hint does not ask
		// for the --store that was given.
		{name: "a --store not there", args: []string{"validate", "--store", filepath.Join(root, "casess")}, wantStderr: `--store "` + filepath.Join(root, "casess") + `": no such directory` + "\ncaseplan: hint: name the directory of a store (or one inside it)"},
		{name: "a CASEPLAN_STORE not there", env: map[string]string{"CASEPLAN_STORE": "casess"}, args: []string{"validate"}, wantStderr: `CASEPLAN_STORE "casess": no such directory`},
		{name: "a --store that is a file", args: []string{"validate", "--store", filepath.Join(root, "cases", "caseplan.yaml")}, wantStderr: `caseplan.yaml": not a directory`},
		{name: "a --store with no store", args: []string{"validate", "--store", filepath.Join(root, "..")}, wantStderr: "caseplan: hint: --store names the directory of a store"},
		{name: "a CASEPLAN_STORE with no store", env: map[string]string{"CASEPLAN_STORE": ".."}, args: []string{"validate"}, wantStderr: "caseplan: hint: CASEPLAN_STORE names the directory of a store"},
		{name: "an unknown case", args: []string{"validate", "--today", "2026-03-16", "W-404"}, wantStderr: `no case "W-404" in this store`},
		{name: "a path outside the store", args: []string{"validate", "--today", "2026-03-16", "../x.yaml"}, wantStderr: "is outside the store"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCaseplan(t, root, tt.env, tt.args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, ExitUsage, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if !strings.HasPrefix(stderr, "caseplan: ") || !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr:\n%s\nwant caseplan: ... %q", stderr, tt.wantStderr)
			}
			// A want ending in a line break is how stderr ends: no hint
			// after it.
			if strings.HasSuffix(tt.wantStderr, "\n") && !strings.HasSuffix(stderr, tt.wantStderr) {
				t.Errorf("stderr:\n%s\nwant it to end with %q", stderr, tt.wantStderr)
			}
		})
	}

	t.Run("a valid store is valid", func(t *testing.T) {
		code, stdout, stderr := runCaseplan(t, root, map[string]string{"CASEPLAN_STORE": "."}, "validate", "--today", "2026-03-16", "-o", "json")
		if code != ExitOK || !strings.Contains(stdout, `"valid": true`) || !strings.Contains(stderr, "caseplan: valid: 0 error(s)") {
			t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})
}

// TestIDsAndDatesFromEnv: the IDs caseplan makes come from Env.Rand and its
// commit times from GIT_AUTHOR_DATE and GIT_COMMITTER_DATE read through
// Env.Getenv, never from the process, so a program that drives caseplan
// in-process (the demo store's builder) makes the same history every run.
func TestIDsAndDatesFromEnv(t *testing.T) {
	root := initCLIStore(t)
	env := map[string]string{
		"CASEPLAN_AUTHOR":    "Maria Rivera <mrivera@example.org>",
		"CASEPLAN_TODAY":     "2026-03-16",
		"GIT_AUTHOR_DATE":    "2026-03-16T09:04:00+00:00",
		"GIT_COMMITTER_DATE": "2026-03-16T09:04:00+00:00",
	}
	run := func(random []byte, args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		code := Main(args, Env{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string { return env[k] },
			Now:    func() time.Time { t.Errorf("caseplan %s read the clock", args[0]); return time.Now() },
			Rand:   bytes.NewReader(random),
			Dir:    root,
		})
		if code != 0 {
			t.Fatalf("caseplan %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
		}
		return strings.TrimSpace(out.String())
	}
	// All zero bits make the case ID 2026-00000; bytes 9 21 14 6 the note
	// suffix jvog.
	id := run(make([]byte, 4), "case", "new", "--program", "wioa", "--name", "Ana Example")
	if id != "2026-00000" {
		t.Errorf("case ID %q, want 2026-00000", id)
	}
	note := run([]byte{9, 21, 14, 6}, "note", "add", id, "--kind", "contact", "--mode", "phone")
	if note != "2026-03-16-jvog" {
		t.Errorf("note ID %q, want 2026-03-16-jvog", note)
	}

	repo, err := gitstore.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	head, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.Git().CommitObject(head)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 3, 16, 9, 4, 0, 0, time.UTC)
	if !c.Author.When.Equal(want) || !c.Committer.When.Equal(want) {
		t.Errorf("commit times %s and %s, want %s", c.Author.When, c.Committer.When, want)
	}
}

// TestGroupHelpUsage: the help of a command that only groups others shows
// how its commands are called, not a use of its own ("caseplan case
// [flags]"), which it does not have; a command of its own keeps its line.
func TestGroupHelpUsage(t *testing.T) {
	root := initCLIStore(t)
	for _, tc := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"case"}, "Usage:\n  caseplan case [command]\n", "caseplan case [flags]"},
		{[]string{"--help"}, "Usage:\n  caseplan [command]\n", "caseplan [flags]"},
		{[]string{"case", "show", "--help"}, "Usage:\n  caseplan case show CASE [flags]\n", "caseplan case show [command]"},
	} {
		code, stdout, stderr := runCaseplan(t, root, nil, tc.args...)
		if code != ExitOK || !strings.Contains(stdout, tc.want) || strings.Contains(stdout, tc.not) {
			t.Errorf("caseplan %s: exit %d, want %q and not %q in:\n%s%s", strings.Join(tc.args, " "), code, tc.want, tc.not, stdout, stderr)
		}
	}
}

// TestTriedCommandsNameRealCommands: every command the table of words a
// new user tries sends them to is in the tree, and every word is one
// the group does not know, so no entry hides a command or outlives a
// rename.
func TestTriedCommandsNameRealCommands(t *testing.T) {
	root := Command(Env{})
	for key, tr := range triedCommands {
		fields := strings.Fields(key)
		group, _, err := root.Find(fields[1 : len(fields)-1])
		if err != nil || group.CommandPath() != strings.Join(fields[:len(fields)-1], " ") {
			t.Errorf("%q: no group %q", key, strings.Join(fields[:len(fields)-1], " "))
			continue
		}
		for _, sub := range group.Commands() {
			if sub.Name() == fields[len(fields)-1] || sub.HasAlias(fields[len(fields)-1]) {
				t.Errorf("%q: %s has that command", key, group.CommandPath())
			}
		}
		if tr.meant == "" {
			continue
		}
		if got := triedHint(group, fields[len(fields)-1]); !strings.Contains(got, tr.meant) {
			t.Errorf("%q: meant %q is not a command (hint %q)", key, tr.meant, got)
		}
	}
}

// TestExamplesInTheirField: a command's examples are in its Example,
// which --help shows after Usage and the man pages in EXAMPLES, as every
// other command's are; report monthly had them in its description,
// before the exit status, where neither looked for them.
func TestExamplesInTheirField(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if strings.Contains(c.Long, "\nExamples:\n") || strings.Contains(c.Long, "\nExample:\n") {
			t.Errorf("%s: examples in its Long help; give them as its Example", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(Command(Env{}))
}
