// Package pii is caseplan's leak guard: it finds sensitive personal
// information typed into free text where it does not belong — a Social
// Security number, a date of birth, a word about someone's health or
// criminal record — so that it can be refused or flagged before it is
// committed to a history that every clone keeps forever.
//
// TEGL 39-11 calls these "sensitive PII". A case's sensitive facts belong
// in its sealed fields (sealed.age, encrypted to the case team); a full SSN
// belongs nowhere in a store.
//
// The guard never returns the text it found, only where it is and what
// kind of thing it looks like: callers report a leak without repeating it
// (a message printed by CI is one more copy).
//
// Patterns are Go regular expressions (RE2 syntax) and are settings of the
// store (caseplan.yaml, pii:); each list left out takes the defaults below.
// A pattern's first capturing group, when it has one, is the part reported
// (the number after "SSN:", not the word).
package pii

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kind is what a match looks like.
type Kind string

const (
	// SSN is a number shaped like a Social Security number (or an ITIN,
	// which has the same shape): an error wherever it is.
	SSN Kind = "ssn"
	// DOB is a date of birth: a date after "DOB", "date of birth",
	// "born", ...
	DOB Kind = "dob"
	// Term is one of the store's configured sensitive terms: words about
	// health, disability or a criminal record that belong in the sealed
	// fields rather than a note.
	Term Kind = "term"
)

// Describe says in words what a match of kind k is, without its text.
func Describe(k Kind) string {
	switch k {
	case SSN:
		return "a number shaped like a Social Security number"
	case DOB:
		return "what looks like a date of birth"
	case Term:
		return "a sensitive term"
	}
	return string(k)
}

// Settings are the store's leak-guard patterns, caseplan.yaml's pii:. A
// nil list takes its default (DefaultSSN, DefaultDOB, DefaultTerms,
// DefaultAllow); an empty list turns that kind of check off.
type Settings struct {
	// SSN are the patterns of Social Security numbers.
	SSN []string `yaml:"ssn,omitempty" json:"ssn,omitempty"`
	// DOB are the patterns of dates of birth.
	DOB []string `yaml:"dob,omitempty" json:"dob,omitempty"`
	// Terms are words and phrases, matched as whole words. A term written
	// entirely in capitals (HIV) matches only in capitals; any other
	// matches in any case.
	Terms []string `yaml:"terms,omitempty" json:"terms,omitempty"`
	// Allow are patterns of text that is never reported: a match that
	// lies inside a match of one of them is dropped. This is where a
	// store lists its known false positives.
	Allow []string `yaml:"allow,omitempty" json:"allow,omitempty"`
}

// The date forms a date of birth may be written in: 4/5/1980, 04-05-80,
// 5.4.1980, 1980-04-05, April 5, 1980, 5 April 1980, 05-Apr-1980 (as
// many systems print a date) and the eight digits of a form's boxes,
// 04051980 or 19800405 (after a word: alone they are any number).
const (
	months = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
	mm     = `(?:0[1-9]|1[0-2])`
	dd     = `(?:0[1-9]|[12][0-9]|3[01])`
)

var (
	dateForm = `(?:` + dateWritten(`[12][0-9]{3}`, `[0-9]{2}`) +
		`|` + mm + dd + `(?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}` + mm + dd + `)`
	// oldDate is a date as people write one, of a year before 2010 (or
	// 30-99 in two digits): a participant, 14 or older, was born then, and
	// a case's steps, contacts and deadlines are not dated so.
	oldDate = `(?:` + dateWritten(`(?:19[0-9]{2}|200[0-9])`, `[3-9][0-9]`) + `)`
	// born is "b." as a birth's abbreviation; a list's second item
	// too ("a. 3/2/2026 intake; b. 4/5/2026 IEP"), so only before an
	// oldDate.
	born = `\bb\.\s?(` + oldDate + `)\b`
)

const (
	// The words before (or after) a date of birth and an SSN. Each ends
	// in a word boundary unless it ends in punctuation ("D.O.B.", "SS#").
	// "birth" alone is a label only with its colon ("Birth: 4/5/1980"),
	// or after "gave" or in "the birth of her son": a child's date of
	// birth, which is as sensitive as the participant's (TEGL 39-11), and
	// says more (a pregnancy, a leave). A birth certificate's date, a
	// birth-to-three program's, are not one.
	birthWord = `(?:dob\b|d\.o\.b\.?|date of birth\b|birth[ -]?date\b|birth ?:|birthday\b|born(?: on)?\b` +
		`|gave birth\b(?: to (?:a |her |his |their )?` + child + `)?` +
		`|birth of (?:a |her |his |their |my |the )?` + child + `)`
	// birthWordOther are the labels of a date of birth in the languages
	// a US one-stop center's notes are also written in, or a
	// participant's own document is copied from: Spanish, Portuguese,
	// French and Haitian Creole, Tagalog, Vietnamese (with or without its
	// tone marks, as a US keyboard types it), Chinese, Korean and Arabic.
	// (Not Russian: fold reads its Latin-looking letters as Latin, so
	// "дата рождения" is not what the patterns see.) A word of a script
	// without spaces has no \b before it, and one ending in a letter
	// outside ASCII none after it (RE2's \b is ASCII's): the pattern
	// asks for no letter or digit before the label instead.
	birthWordOther = `(?:fecha de nacimiento|fecha de nac\.|f\. de nac\.|naci[óo](?: el)?|nacid[oa](?: el)?|cumpleaños` +
		`|data de nascimento|nascid[oa](?: em)?|date de naissance|née? le|dat (?:de )?nesans` +
		`|petsa ng kapanganakan|ipinanganak(?: noong)?|ng[àa]y sinh|sinh ng[àa]y|sinh năm|sinh nam` +
		`|出生日期|出生于|出生於|生日|생년월일|생일|تاريخ الميلاد|تاريخ الولادة)`
	// dateCJK is a date as Chinese, Japanese and Korean write one:
	// 1980年4月5日, 1980년 4월 5일.
	dateCJK = `[12][0-9]{3}\s?[年년]\s?[0-9]{1,2}\s?[月월]\s?[0-9]{1,2}\s?[日일]?`
	// child is a word for a child a birth is of.
	child = `(?:son|daughter|child|baby|boy|girl|twins)\b`
	// nine is the number the words stand by: nine digits in a row or
	// grouped 3-3-3 (as a phone number is grouped; alone, one may be).
	nine    = `[0-9]{9}|[0-9]{3}` + ssnSep + `[0-9]{3}` + ssnSep + `[0-9]{3}`
	ssnWord = `(?:ssn\b|s\.s\.(?:n\.?| ?#)|ss ?#|ss ?(?:no\b\.?|number\b)|soc\.? ?sec\b\.?(?: ?no\b\.?)?|social security(?: number\b| no\b\.?| #)?|social\b|itin\b)`
)

// DefaultSSN are the patterns of Social Security numbers a store checks
// unless it lists its own: three digits, two and four separated by a dash,
// a space, a dot or a slash (anywhere: no other number people write has
// that shape), and nine digits — in a row, or grouped 3-3-3 — within a
// few words after or before
// "SSN", "S.S.N.", "SS#" (or "SS #", "S.S. #"), "SS number", "soc. sec.", "social
// (security)" or "ITIN" — on the same line or the next, as a block
// scalar holds "SSN:" at the end of one line and the number on the next —, or
// run into "SSN" or "ITIN" ("SSN123456789") (an
// individual taxpayer identification number, which the IRS issues to
// people who cannot have an SSN: as sensitive) — nine digits alone are
// as likely a phone number with a digit missing, an employer's FEIN or an
// account number.
//
// Known false positives, left in on purpose: a nine-digit reference number
// near the word "social" ("social services case 123456789"), and a
// 3-2-4 number that is not an SSN (rare: US phone numbers are 3-3-4).
// A store lists the ones it meets in pii.allow.
var DefaultSSN = []string{
	`\b[0-9]{3}` + ssnSep + `[0-9]{2}` + ssnSep + `[0-9]{4}\b`,
	`(?i)\b` + ssnWord + `[^0-9\n]{0,30}?(?:\n[^0-9\n]{0,30}?)?\b(` + nine + `)\b`,
	`(?i)\b(` + nine + `)\b[^0-9\n]{0,20}?(?:\n[^0-9\n]{0,20}?)?\b` + ssnWord,
	`(?i)\b(?:ssn|itin)([0-9]{9})\b`,
}

// dateWritten is the forms of a date written out — 4/5/1980, 04-05-80,
// 1980-04-05, April 5, 1980, 5 April 1980, 05-Apr-1980 — with the year
// written as year4 (four digits) or year2 (two, where a form allows).
func dateWritten(year4, year2 string) string {
	return `[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:` + year4 + `|` + year2 + `)` +
		`|` + year4 + `[-/.][0-9]{1,2}[-/.][0-9]{1,2}` +
		`|` + months + ` [0-9]{1,2}(?:st|nd|rd|th)?,? ` + year4 +
		`|[0-9]{1,2}(?:st|nd|rd|th)? ` + months + `,? ` + year4 +
		`|[0-9]{1,2}[-/]` + months + `[-/](?:` + year4 + `|` + year2 + `)`
}

// DefaultDOB are the patterns of dates of birth: a date after "DOB",
// "D.O.B.", "DOB#", "date of birth", "birth date" ("birthdate",
// "birth-date"), "Birth:", "birthday", "born (on)", "gave birth (to a
// son)" or "the birth of her daughter", or before "(DOB)";
// and a year after "born in"; a date run into the label ("DOB4/5/1980");
// and after "b." (born) a date of a year before 2010 ("Jordan Lee, b.
// 4/5/1980"). A date alone is never one: case records are
// full of dates; nor one after "birth" alone ("birth certificate",
// "birth-to-three program"), nor after "b." a later one (a list's second
// item as often as "born"). A family member's date of birth (a child's)
// is one: TEGL 39-11's sensitive PII is any person's. So is a date after
// the label in another language a center's notes are written in
// (birthWordOther: "fecha de nacimiento", "ngày sinh", "出生日期", ...),
// in a CJK date's form too (1980年4月5日).
//
// Known false positives: a date after "born" that is not a birth ("the
// program was born on 1/5/2020"). Known misses: a birthday without a year,
// an age ("Keisha, 31"), which is not a date of birth, and after "b." a
// date of 2010 on.
var DefaultDOB = []string{
	`(?i)\b` + birthWord + `[\s:=,#-]{0,4}(?:(?:is|was|on|of|the)\s+){0,2}\(?(` + dateForm + `)\b`,
	`(?i)\b(?:dob|birth[ -]?date|date of birth|born)(` + dateForm + `)\b`,
	`(?i)` + born,
	`(?i)\b(` + dateForm + `)\)?\s*[\(\[,-]?\s*(?:dob\b|d\.o\.b\.?|date of birth\b)`,
	`(?i)\bborn in ([12][0-9]{3})\b`,
	`(?i)(?:^|[^\p{L}\p{N}])` + birthWordOther + `[\s:=,#-]{0,4}(?:(?:es|fue|el|em|le|là|:)\s*){0,2}\(?(` + dateForm + `|` + dateCJK + `)(?:[^0-9]|$)`,
}

// DefaultTerms are the sensitive terms a store warns about unless it lists
// its own: health and disability information and criminal history, which
// TEGL 39-11 names as sensitive PII and which belong in a case's sealed
// fields (disability, health, criminal record). Benefits and public
// assistance are not among them: post-employment cases (003) record
// benefits and their renewals in the plan by design.
//
// Known false positives: "medication" in a job title ("medication
// technician"), "arrest" in "cardiac arrest" training; a store lists them in
// pii.allow or replaces the list.
var DefaultTerms = []string{
	"diagnosis", "diagnosed", "HIV", "AIDS", "hepatitis", "chemotherapy",
	"psychiatric", "bipolar", "schizophrenia", "PTSD", "medication",
	"substance abuse", "rehab", "detox", "overdose",
	"felony", "misdemeanor", "convicted", "conviction", "incarcerated",
	"parole", "criminal record", "arrested", "sex offender",
	"immigration status", "undocumented",
}

// notAfter lists, for a term that is also a common French (or
// Italian) word, the words before it that make it that word and not the
// English term: "a pris la parole" (took the floor), "un homme de
// parole", "le parole" (Italian: the words), "une conviction", "avec
// conviction" (a belief). None of them is English, so "on parole", "his
// parole officer", "a conviction for theft" and "prior conviction" are
// still found, and so is French for on parole ("libéré sur parole").
// It holds for the term however the store lists it (default or its own);
// the words are matched as the terms are, ASCII letters in any case.
var notAfter = map[string][]string{
	"parole":     {"la", "le", "sa", "ma", "ta", "une", "cette", "leur", "notre", "votre", "de", "avec", "delle", "di", "belle"},
	"conviction": {"la", "sa", "ma", "ta", "une", "cette", "leur", "notre", "votre", "de", "avec", "par"},
}

// otherSense reports whether the one-word term t matched at text[start:]
// is preceded by a word of notAfter[t], with only spaces between.
func otherSense(text string, start int, t *term) bool {
	if len(t.words) != 1 || t.exact {
		return false
	}
	before, ok := notAfter[t.words[0]]
	if !ok {
		return false
	}
	end := start
	for end > 0 && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\n') {
		end--
	}
	if end == start {
		return false
	}
	from := end
	for from > 0 && isLetter(text[from-1]) {
		from--
	}
	if from > 0 && isWordByte(text[from-1]) {
		return false
	}
	w := asciiLower(text[from:end])
	return slices.Contains(before, w)
}

// DefaultAllow is empty: a store lists its false positives.
var DefaultAllow = []string{}

// Match is one finding in a text: its kind and where it is, as byte
// offsets. It never holds the text itself, except a configured term's
// own spelling (which is the store's, not the participant's).
type Match struct {
	Kind       Kind
	Start, End int
	Term       string // the configured term, for Kind Term
}

// Guard finds leaks with one store's patterns. It is safe for concurrent
// use.
type Guard struct {
	ssn, dob, allow []*regexp.Regexp
	defaultSSN      bool // ssn is DefaultSSN
	terms           []term
	// dobWords, when set, are words one of which a text must hold (in
	// lower case) for the date-of-birth patterns to be tried: the default
	// patterns each need one, and regular expressions are slow enough
	// that most text is better passed over by a plain search.
	dobWords []string
	dobFirst [256]bool // the first bytes of dobWords
	// first lists the terms by the first byte of their first word: [0]
	// the terms matched in any case (lower-cased), [1] the exact ones.
	first [2][256][]int
	// starts holds the bytes a term can start with, in the text.
	starts [256]bool
	// pairs holds the first two bytes a term can start with (pairKey):
	// most words that start with a term's first letter do not start with
	// its first two, and are passed over with one look.
	pairs []bool
}

// pairKey is the index in Guard.pairs of a text's two bytes b0 b1.
func pairKey(b0, b1 byte) int { return int(b0)<<8 | int(b1) }

// term is one sensitive term, as its words; exact terms (written in
// capitals) match only as written, the others in any case.
type term struct {
	spelling string
	words    []string
	exact    bool
}

// SettingError says which pattern of the settings does not compile.
type SettingError struct {
	List  string // ssn, dob, terms or allow
	Index int
	Err   error
}

func (e *SettingError) Error() string {
	return fmt.Sprintf("pii.%s[%d]: %v", e.List, e.Index, e.Err)
}

// New compiles a guard from s. A pattern that does not compile is a
// *SettingError.
func New(s Settings) (*Guard, error) {
	g := &Guard{}
	var err error
	if g.ssn, err = compile("ssn", or(s.SSN, DefaultSSN)); err != nil {
		return nil, err
	}
	g.defaultSSN = len(s.SSN) == 0
	if g.dob, err = compile("dob", or(s.DOB, DefaultDOB)); err != nil {
		return nil, err
	}
	if g.allow, err = compile("allow", or(s.Allow, DefaultAllow)); err != nil {
		return nil, err
	}
	if s.DOB == nil {
		g.dobWords = []string{"dob", "d.o.b", "birth", "born", "b.",
			// birthWordOther's, as they begin.
			"fecha", "f. de", "naci", "cumplea", "data de", "nascid", "date de", "né", "dat ", "petsa", "ipinanganak",
			"ngày", "ngay", "sinh", "出生", "生日", "생년월일", "생일", "تاريخ"}
		for _, w := range g.dobWords {
			g.dobFirst[w[0]] = true
		}
	}
	for i, t := range or(s.Terms, DefaultTerms) {
		words := strings.Fields(t)
		if len(words) == 0 {
			return nil, &SettingError{List: "terms", Index: i, Err: fmt.Errorf("empty term")}
		}
		tm := term{spelling: strings.Join(words, " "), words: words}
		tm.exact = strings.ToUpper(t) == t && strings.ToLower(t) != t
		if !tm.exact {
			for j := range tm.words {
				tm.words[j] = asciiLower(tm.words[j])
			}
		}
		k := 0
		if tm.exact {
			k = 1
		}
		b := tm.words[0][0]
		if g.pairs == nil {
			g.pairs = make([]bool, 1<<16)
		}
		if w := tm.words[0]; len(w) == 1 {
			// A one-letter word: any byte may follow it (the match
			// checks that none of a word does).
			for b1 := range 256 {
				g.pairs[pairKey(b, byte(b1))] = true
			}
		} else {
			g.pairs[pairKey(b, w[1])] = true
		}
		g.first[k][b] = append(g.first[k][b], len(g.terms))
		g.starts[b] = true
		if !tm.exact && 'a' <= b && b <= 'z' {
			g.starts[b-'a'+'A'] = true
		}
		g.terms = append(g.terms, tm)
	}
	return g, nil
}

func or(list, def []string) []string {
	if list == nil {
		return def
	}
	return list
}

func compile(list string, exprs []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(exprs))
	for i, e := range exprs {
		re, err := regexp.Compile(e)
		if err != nil {
			return nil, &SettingError{List: list, Index: i, Err: err}
		}
		out = append(out, re)
	}
	return out, nil
}

var (
	defaultOnce  sync.Once
	defaultGuard *Guard
)

// Default returns the guard with the default patterns.
func Default() *Guard {
	defaultOnce.Do(func() {
		g, err := New(Settings{})
		if err != nil {
			panic("pii: a default pattern does not compile: " + err.Error())
		}
		defaultGuard = g
	})
	return defaultGuard
}

// Scan returns every leak in text, ordered by where it starts. Matches of
// one kind never overlap.
func (g *Guard) Scan(text string) []Match {
	var out []Match
	n, wide := shape(text) // once for both: most text is passed over on it
	out = append(out, g.ssns(text, n, wide)...)
	out = append(out, g.dobs(text, n, wide)...)
	out = append(out, g.termsIn(text, wide)...)
	if len(out) > 1 {
		slices.SortStableFunc(out, func(a, b Match) int { return a.Start - b.Start })
	}
	return out
}

// SSNs returns the SSN-shaped numbers in text. The patterns read the
// text as folded (see fold): a number typed with full-width digits, with
// the dashes or spaces a word processor puts in, with spaces around its
// dashes or broken over two lines is the number all the same.
func (g *Guard) SSNs(text string) []Match {
	n, wide := shape(text)
	return g.ssns(text, n, wide)
}

// ssns is SSNs of a text of n ASCII digits (wide: and bytes outside ASCII).
func (g *Guard) ssns(text string, n int, wide bool) []Match {
	if n < 9 && !wide {
		return nil // nine digits or none: most strings, at the cost of one look
	}
	return readings(text, func(f string) []Match {
		if g.defaultSSN && !ssnShaped(f) || !nineDigits(f) {
			return nil
		}
		return g.find(SSN, g.ssn, f, ssnIssued)
	})
}

// zwsp is the zero-width space, which a paste brings between two words
// as often as inside one.
const zwsp = "\u200b"

// readings returns the matches scan finds in text as fold reads it, at
// their offsets in text. A zero-width space is read both ways: passed over
// ("H<ZWSP>IV" is HIV, "912<ZWSP>-78-1234" the number it shows), and, where
// it does not stand between two digits, as the word break it may be
// ("a<ZWSP>felony" is "a felony", "date<ZWSP>of<ZWSP>birth" the label):
// a text holding one is scanned in both readings, and a match of the
// second that overlaps none of the first's is added. No other text is
// read twice.
func readings(text string, scan func(folded string) []Match) []Match {
	f, at := fold(text)
	out := mapBack(scan(f), at)
	if strings.IndexByte(text, zwsp[0]) < 0 || !strings.Contains(text, zwsp) {
		return out
	}
	f, at = foldAs(text, true)
	n := len(out)
	for _, m := range mapBack(scan(f), at) {
		if !overlaps(out[:n], m) {
			out = append(out, m)
		}
	}
	if len(out) > n && n > 0 {
		slices.SortStableFunc(out, func(a, b Match) int { return a.Start - b.Start })
	}
	return out
}

// fold returns text as the SSN patterns read it, and for each of its
// bytes (and its end) the offset in text it stands for; nil when it is
// text itself. A decimal digit of any script (the full-width ９００ an
// input method types) is its ASCII digit; a no-break, figure, narrow or
// ideographic space an ASCII space; a hyphen, dash, minus sign or
// full-width hyphen-minus an ASCII dash; a full-width full stop a dot;
// any other character whose compatibility decomposition (NFKC) is ASCII,
// that ASCII (ＳＳＮ is SSN, ＨＩＶ HIV); and an invisible format character
// (a zero-width space, a soft hyphen) is dropped, so "912<ZWSP>781234" is
// the nine digits it shows (a zero-width space is also read as a word
// break: see readings).
// Then between two digits, white space of up to three bytes around a
// dash or dot, or a line break with the spaces about it, is one
// separator: "900 - 12 - 3456", and "900-12-" at the end of a line of a
// block scalar with "3456" at the start of the next.
func fold(text string) (string, []int) { return foldAs(text, false) }

// foldAs is fold; with zwBreak, a zero-width space that does not stand
// between two digits (other invisible characters aside) is a space: the
// word break it is between two words (see readings).
func foldAs(text string, zwBreak bool) (string, []int) {
	if !needsFold(text) {
		return text, nil
	}
	// First the characters: each ASCII byte of out, and the bytes of
	// what foldRune reads another character as, stand for it.
	out := make([]byte, 0, len(text))
	at := make([]int, 0, len(text)+1)
	afterDigit := false // the last visible character is a digit
	for i, r := range text {
		c, ok := foldRune(r)
		if zwBreak && r == '\u200b' && !(afterDigit && digitNext(text[i+len(zwsp):])) {
			c = " "
		}
		if !ok || c != "" {
			afterDigit = ok && isDigit(c[len(c)-1]) || !ok && unicode.IsDigit(r)
		}
		if !ok {
			n := utf8.RuneLen(r)
			if r == utf8.RuneError {
				n = 1
				if i+1 <= len(text) {
					_, n = utf8.DecodeRuneInString(text[i:])
				}
			}
			for k := 0; k < n; k++ {
				out = append(out, text[i+k])
				at = append(at, i+k)
			}
			continue
		}
		for k := 0; k < len(c); k++ {
			out = append(out, c[k])
			at = append(at, i)
		}
	}
	// Then the separators between digits.
	b := make([]byte, 0, len(out))
	bat := make([]int, 0, len(out)+1)
	for i := 0; i < len(out); {
		b = append(b, out[i])
		bat = append(bat, at[i])
		if !isDigit(out[i]) {
			i++
			continue
		}
		if sep, next, ok := separatorRun(out, i+1); ok {
			b = append(b, sep)
			bat = append(bat, at[i+1])
			i = next
			continue
		}
		i++
	}
	bat = append(bat, len(text))
	return string(b), bat
}

// digitNext reports whether the first visible character of s (invisible
// format characters aside) is a decimal digit.
func digitNext(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Cf, r) {
			return unicode.IsDigit(r)
		}
	}
	return false
}

// needsFold reports whether fold would change text: a character it reads
// as an ASCII one, or a loose separator between two digits. It is asked of
// every string of every record, most of them prose that has neither, so it
// looks no further than it must: a sentence ending in a number ("called
// 555-0181. Then") needs no fold.
func needsFold(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[i:])
			if _, ok := foldRune(r); ok {
				return true
			}
			i += n
			continue
		}
		if isDigit(c) {
			if _, _, ok := separatorRun(text, i+1); ok {
				return true
			}
		}
		i++
	}
	return false
}

// separatorRun looks at b[from:], just after a digit, for what stands
// between two groups of an SSN written loosely — white space, at most
// three bytes, around one dash or dot; or a line break with white space
// around it, after an optional dash or dot — followed by a digit. It
// returns the one separator it stands for and where the digit is; ok is
// false for a single separator (nothing to fold) or anything else.
func separatorRun[T string | []byte](b T, from int) (sep byte, next int, ok bool) {
	i := from
	space := func() (n, breaks int) {
		for i < len(b) && n < 3 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
			if b[i] == '\n' {
				breaks++
			}
			i++
			n++
		}
		return n, breaks
	}
	n1, b1 := space()
	sep = ' '
	if i < len(b) && (b[i] == '-' || b[i] == '.') {
		sep = b[i]
		i++
	}
	n2, b2 := space()
	if i >= len(b) || !isDigit(b[i]) || b1+b2 > 1 {
		return 0, 0, false
	}
	if b1+b2 == 0 && (sep == ' ' && n1+n2 <= 1 || sep != ' ' && n1+n2 == 0) {
		return 0, 0, false // as written: one separator, or none
	}
	if sep == ' ' && b1+b2 == 0 {
		return 0, 0, false // spaces alone: a column of figures, not one number
	}
	return sep, i, true
}

// foldRune returns the ASCII text fold reads r as, if any: a space,
// dash, dot or digit as above, or else r's compatibility decomposition
// (Unicode NFKC/NFKD) when that is all ASCII — the full-width "ＨＩＶ" and
// "ＳＳＮ" an input method types, the mathematical letters of a styled
// paste, a ligature ("ﬀ") copied from a PDF —, or the Latin letter a
// Cyrillic or Greek one looks like (see confusable). A letter with an accent
// (é: e and a combining accent) is itself. An invisible format character
// (Unicode Cf) is nothing: ok with "".
func foldRune(r rune) (string, bool) {
	if r < utf8.RuneSelf {
		return "", false
	}
	switch {
	case r == '\u00a0', r == '\u2007', r == '\u202f', r == '\u3000':
		return " ", true
	case '\u2010' <= r && r <= '\u2015', r == '\u2212', r == '\uff0d', r == '\ufe63':
		return "-", true
	case r == '\uff0e':
		return ".", true
	case unicode.Is(unicode.Cf, r):
		// An invisible format character — a zero-width space or joiner,
		// a soft hyphen, a byte-order mark, a direction mark — that a
		// paste brings in the middle of a number or a word: nothing.
		return "", true
	case unicode.Is(unicode.Nd, r):
		if d, ok := digitValue(r); ok {
			return asciiDigits[d : d+1], true
		}
	}
	if c := confusable(r); c != 0 {
		return asciiChars[c : c+1], true
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFKC.Properties(buf[:n]).Decomposition()
	if len(d) == 0 {
		return "", false
	}
	for _, c := range d {
		if c >= utf8.RuneSelf || c < ' ' {
			return "", false
		}
	}
	return string(d), true
}

const asciiDigits = "0123456789"

// asciiChars holds every ASCII byte at its own offset, so that one is a
// string without an allocation.
var asciiChars = func() string {
	var b [utf8.RuneSelf]byte
	for i := range b {
		b[i] = byte(i)
	}
	return string(b[:])
}()

// confusable returns the ASCII letter a Cyrillic or Greek letter is drawn
// as, or 0: the letters Unicode's confusables table (TR39, Unicode
// Security Mechanisms, confusables.txt) maps to one Latin letter, of the
// scripts a keyboard layout puts within reach, so that "SSN" typed with a
// Cyrillic Es, "DOB" with a Greek Omicron or "HIV" with a Cyrillic En is
// the word it shows. Only the letters that look Latin are read so: a word
// of Russian or Greek keeps its other letters, which no label or term
// holds. NFKC, which fold reads the rest by, leaves all of these as they
// are.
func confusable(r rune) byte {
	switch r {
	// Cyrillic capitals and small letters.
	case 'А':
		return 'A'
	case 'В':
		return 'B'
	case 'Е':
		return 'E'
	case 'К':
		return 'K'
	case 'М':
		return 'M'
	case 'Н':
		return 'H'
	case 'О':
		return 'O'
	case 'Р':
		return 'P'
	case 'С':
		return 'C'
	case 'Т':
		return 'T'
	case 'Х':
		return 'X'
	case 'Ѕ':
		return 'S'
	case 'І':
		return 'I'
	case 'Ј':
		return 'J'
	case 'Ү':
		return 'Y'
	case 'Ԁ':
		return 'D'
	case 'а':
		return 'a'
	case 'е':
		return 'e'
	case 'о':
		return 'o'
	case 'р':
		return 'p'
	case 'с':
		return 'c'
	case 'у':
		return 'y'
	case 'х':
		return 'x'
	case 'ѕ':
		return 's'
	case 'і':
		return 'i'
	case 'ј':
		return 'j'
	case 'һ':
		return 'h'
	case 'ԁ':
		return 'd'
	case 'ԛ':
		return 'q'
	case 'ԝ':
		return 'w'
	case 'ӏ':
		return 'l'
	// Greek capitals and small letters.
	case 'Α':
		return 'A'
	case 'Β':
		return 'B'
	case 'Ε':
		return 'E'
	case 'Ζ':
		return 'Z'
	case 'Η':
		return 'H'
	case 'Ι':
		return 'I'
	case 'Κ':
		return 'K'
	case 'Μ':
		return 'M'
	case 'Ν':
		return 'N'
	case 'Ο':
		return 'O'
	case 'Ρ':
		return 'P'
	case 'Τ':
		return 'T'
	case 'Υ':
		return 'Y'
	case 'Χ':
		return 'X'
	case 'ο':
		return 'o'
	case 'ν':
		return 'v'
	case 'ρ':
		return 'p'
	case 'ι':
		return 'i'
	case 'α':
		return 'a'
	}
	return 0
}

// digitValue returns the value of r, a decimal digit (Unicode Nd): each
// range of the Nd table runs from a zero in blocks of ten.
func digitValue(r rune) (byte, bool) {
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) && rg.Stride == 1 {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) && rg.Stride == 1 {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	return 0, false
}

// DOBs returns the dates of birth in text, read as folded as SSNs reads
// it: a date typed in full-width digits is a date.
func (g *Guard) DOBs(text string) []Match {
	n, wide := shape(text)
	return g.dobs(text, n, wide)
}

// dobs is DOBs of a text of n ASCII digits (wide: and bytes outside ASCII).
func (g *Guard) dobs(text string, n int, wide bool) []Match {
	if n < 2 && !wide {
		return nil // every date has digits: ASCII ones, or another script's
	}
	return readings(text, func(f string) []Match {
		if g.dobWords != nil {
			if !containsAnyWordFold(f, g.dobWords, &g.dobFirst) {
				return nil
			}
		}
		if digits(f) < 2 {
			return nil // every date has digits
		}
		return g.find(DOB, g.dob, f, nil)
	})
}

// shape counts the ASCII digits of text and says whether it holds a byte
// outside ASCII (a digit of another script may be among them): fold keeps
// the count of an ASCII text's digits, so a text with too few and nothing
// else to fold holds no SSN or date.
func shape(text string) (digits int, wide bool) {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c >= utf8.RuneSelf:
			wide = true
		}
	}
	return digits, wide
}

// mapBack moves matches in a folded text to where they are in the text
// it was folded from (at, from fold; nil: the same).
func mapBack(ms []Match, at []int) []Match {
	if at != nil {
		for i := range ms {
			ms[i].Start, ms[i].End = at[ms[i].Start], at[ms[i].End]
		}
	}
	return ms
}

// Terms returns the configured sensitive terms in text: each term's words
// in order, separated by white space, as whole words. One pass over the
// text tries, where a word may start, only the terms whose first byte is
// there (a validate of 10,000 cases scans 250,000 files' every string),
// comparing ASCII letters in either case for the terms matched in any
// case, without a lower-cased copy of the text. Where two matches overlap,
// the earlier term in the list wins, and of one term the earlier match.
// The text is read as folded (see fold): "ＨＩＶ" typed full-width is HIV;
// and with a zero-width space read both ways (see readings): "H<ZWSP>IV"
// is HIV, "a<ZWSP>felony" "a felony".
func (g *Guard) Terms(written string) []Match {
	_, wide := shape(written)
	return g.termsIn(written, wide)
}

// termsIn is Terms of a text that holds a byte outside ASCII when wide.
// Folding an ASCII text changes only what stands between digits, and no
// term holds a digit: an ASCII text is searched as it is, without a
// folded copy (most text in records is ASCII).
func (g *Guard) termsIn(written string, wide bool) []Match {
	if len(g.terms) == 0 {
		return nil
	}
	if !wide {
		return g.terms1(written)
	}
	return readings(written, g.terms1)
}

// terms1 is Terms on text as folded, at offsets in it.
func (g *Guard) terms1(text string) []Match {
	type candidate struct {
		term int
		m    Match
	}
	var found []candidate
	afterWord := false // text[i-1] is a word byte
	for i := 0; i < len(text); i++ {
		b := text[i]
		if !g.starts[b] || afterWord {
			afterWord = wordByte[b]
			continue
		}
		afterWord = wordByte[b]
		var b1 byte
		if i+1 < len(text) {
			b1 = text[i+1]
		}
		// The folded pair for a term matched in any case (its words are
		// in lower case), the pair as written for an exact one.
		if !g.pairs[pairKey(lowerByte(b), lowerByte(b1))] && !g.pairs[pairKey(b, b1)] {
			continue
		}
		for k, c := range [2]byte{lowerByte(b), b} {
			fold := k == 0
			for _, ti := range g.first[k][c] {
				t := &g.terms[ti]
				if !hasPrefix(text[i:], t.words[0], fold) {
					continue
				}
				if end, ok := matchWords(text, i, t.words, fold); ok && !otherSense(text, i, t) {
					found = append(found, candidate{ti, Match{Kind: Term, Start: i, End: end, Term: t.spelling}})
				}
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	slices.SortStableFunc(found, func(a, b candidate) int { return a.term - b.term })
	var out []Match
	for _, c := range found {
		if !g.allowed(text, c.m) && !overlaps(out, c.m) {
			out = append(out, c.m)
		}
	}
	slices.SortFunc(out, func(a, b Match) int { return a.Start - b.Start })
	return out
}

// matchWords matches words at in[start:], the first of which is known to
// be there, each after white space, the last ending a word; it returns
// where the match ends. fold compares ASCII letters in either case (the
// words are in lower case).
func matchWords(in string, start int, words []string, fold bool) (int, bool) {
	pos := start + len(words[0])
	for _, w := range words[1:] {
		sp := pos
		for sp < len(in) && (in[sp] == ' ' || in[sp] == '\t' || in[sp] == '\n' || in[sp] == '\r') {
			sp++
		}
		if sp == pos || !hasPrefix(in[sp:], w, fold) {
			return 0, false
		}
		pos = sp + len(w)
	}
	if pos < len(in) && isWordByte(in[pos]) {
		return 0, false
	}
	return pos, true
}

func isWordByte(c byte) bool { return wordByte[c] }

// wordByte holds the bytes of a word: ASCII letters, digits and _.
var wordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	return t
}()

// lowerByte lower-cases an ASCII letter; any other byte is itself.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefix reports whether s starts with prefix; with fold, an ASCII
// letter of s matches prefix's (lower-case) letter in either case, as if
// s were asciiLower(s).
func hasPrefix(s, prefix string, fold bool) bool {
	if !fold {
		return strings.HasPrefix(s, prefix)
	}
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lowerByte(s[i]) != prefix[i] {
			return false
		}
	}
	return true
}

// containsAnyWordFold reports whether one of words (in lower case) is in
// s, in any case, not run on from a letter, in one pass over s: no
// default date-of-birth pattern has its word so (each starts it after \b,
// or after a date, which ends in a digit): "b." in "Jordan Lee, b.
// 4/5/1980" but not in "found a job. Starts 3/4", which would otherwise
// send most notes through the patterns. A byte outside ASCII is no
// letter, as \b reads it.
//
// first, when not nil, holds the words' first bytes: a byte no word
// starts with is passed with one look, however many words there are.
func containsAnyWordFold(s string, words []string, first *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		if i > 0 && isLetter(s[i-1]) {
			continue
		}
		c := lowerByte(s[i])
		if first != nil && !first[c] {
			continue
		}
		for _, w := range words {
			if c == w[0] && len(w) <= len(s)-i && hasPrefix(s[i:], w, true) {
				return true
			}
		}
	}
	return false
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// asciiLower lower-cases the ASCII letters of s only, so that every byte
// offset in the result is the same in s.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// HasSSN reports whether text holds an SSN-shaped number by g's patterns.
func (g *Guard) HasSSN(text string) bool { return len(g.SSNs(text)) > 0 }

// ContainsSSN reports whether text holds an SSN-shaped number by the
// default patterns: for input with no store settings to go by (an import
// file, a command-line value).
func ContainsSSN(text string) bool { return Default().HasSSN(text) }

// IsSSNShaped reports whether a whole value, spaces around it aside, is a
// number shaped like an SSN: ddd-dd-dddd, ddd dd dddd, ddd.dd.dddd,
// ddd/dd/dddd or nine
// digits in a row. It is for values that stand alone — a spreadsheet
// cell, an ID — where nine digits and nothing else are an SSN until shown
// otherwise. The separators may be the ones a word processor or a web
// page puts in a copied number (a no-break space, a non-breaking hyphen,
// an en dash, a minus sign), the digits full-width ones (read as fold
// reads them), and nine digits may end in ".0", as a
// program that saves a numeric column as decimals writes them. The
// separators are both there or neither: a ZIP+4 code (12345-6789) is
// none.
func IsSSNShaped(value string) bool {
	f, _ := fold(strings.TrimSpace(value))
	return wholeSSN.MatchString(f)
}

const wholeSep = `[-. /\x{00a0}\x{2007}\x{202f}\x{2010}-\x{2015}\x{2212}]`

var wholeSSN = regexp.MustCompile(`^(?:[0-9]{3}` + wholeSep + `[0-9]{2}` + wholeSep + `[0-9]{4}|[0-9]{9}(?:\.0+)?)$`)

// NineDigits reports whether value, all of it digits and the punctuation
// of a phone number (spaces, dashes, dots, parentheses, slashes), has
// nine digits: a US phone number has seven or ten, never nine, so a phone
// field that has nine is an SSN typed in the wrong column until shown
// otherwise. A number that starts with + is an international one, of any
// length.
func NineDigits(value string) bool {
	n := 0
	f, _ := fold(strings.TrimSpace(value))
	for _, r := range f {
		switch {
		case '0' <= r && r <= '9':
			n++
		case strings.ContainsRune(" -.()/", r), r == '\u00a0':
		default:
			return false
		}
	}
	return n == 9
}

// RedactQuoted returns text with every double-quoted value that, standing
// alone, is shaped like an SSN (IsSSNShaped) replaced by SSNMask in its
// quotes, and how many were. A message quotes what was typed (%q): nine
// digits typed as a case ID or a staff ID are an SSN until shown otherwise
// (caseid refuses them as an ID), but in free text nine digits alone are
// not one (a reference number), so Redact passes them over.
func RedactQuoted(text string) (string, int) {
	if !strings.Contains(text, `"`) {
		return text, 0
	}
	n := 0
	out := quotedValue.ReplaceAllStringFunc(text, func(q string) string {
		v, err := strconv.Unquote(q)
		if err != nil {
			v = q[1 : len(q)-1]
		}
		if !IsSSNShaped(v) {
			return q
		}
		n++
		return `"` + SSNMask + `"`
	})
	return out, n
}

var quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// SSNMask stands for an SSN-shaped number that Redact took out of a
// text: it is not one, and a YAML plain value as it stands.
const SSNMask = "XXX-XX-XXXX"

// Redact returns text with every number shaped like an SSN replaced by
// SSNMask, and how many were: each one g finds, and each one the record
// schemas refuse (SchemaSSN: 3-2-4 digits set off by anything but a
// digit, "SSN123-45-6789" too). It is for text that repeats what a
// person wrote — a message that quotes a value, a line, a field name; a
// copy of an edit kept to be fixed — and so must not repeat an SSN: a
// message printed by CI, or a file left in a temporary directory, is one
// more copy of it.
func (g *Guard) Redact(text string) (string, int) {
	if !nineDigits(text) && !needsFold(text) {
		return text, 0
	}
	spans := spacedSpans(text)
	for _, m := range g.SSNs(text) {
		if !slices.ContainsFunc(spans, func(s [2]int) bool { return m.Start < s[1] && s[0] < m.End }) {
			spans = append(spans, [2]int{m.Start, m.End})
		}
	}
	if len(spans) == 0 {
		return text, 0
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	var b strings.Builder
	at := 0
	for _, s := range spans {
		b.WriteString(text[at:s[0]])
		b.WriteString(SSNMask)
		at = s[1]
	}
	b.WriteString(text[at:])
	return b.String(), len(spans)
}

// spacedSpans returns where s holds what SpacedSSN finds: three digits,
// two and four, each group set off from the next by one dash, dot or
// space, and the whole by anything but a digit.
func spacedSpans(s string) [][2]int {
	var out [][2]int
	for at := 0; ; {
		from, to, ok := nextSSN(s, at, false)
		if !ok {
			return out
		}
		out = append(out, [2]int{from, to})
		at = to
	}
}

// ssnSep is what sets off the groups of an SSN, wherever caseplan looks
// for one — the free-text guard (DefaultSSN), the schemas (SchemaSSN,
// SpacedSSN) and a value alone (IsSSNShaped; isSeparator): a dash, a
// dot, a space or a slash. It is the one place that says so.
const ssnSep = `[-. /]`

// SchemaSSN is the pattern every string of every record schema refuses
// (schemas/*.schema.json): the separated form of an SSN, which no other
// value of a record has (a date has 1-2, 1-2 and 2 or 4 digits). It is
// written to mean the same in JavaScript (editors) and Go.
const SchemaSSN = `(^|[^0-9])[0-9]{3}` + ssnSep + `[0-9]{2}` + ssnSep + `[0-9]{4}([^0-9]|$)`

// find runs patterns over text and returns their non-overlapping matches
// that keep passes (nil: all) and that no allow pattern covers.
func (g *Guard) find(k Kind, patterns []*regexp.Regexp, text string, keep func(string) bool) []Match {
	var out []Match
	for _, re := range patterns {
		group := 0
		if re.NumSubexp() > 0 {
			group = 1
		}
		for _, loc := range re.FindAllStringSubmatchIndex(text, -1) {
			start, end := loc[2*group], loc[2*group+1]
			if start < 0 {
				start, end = loc[0], loc[1]
			}
			m := Match{Kind: k, Start: start, End: end}
			if keep != nil && !keep(text[start:end]) {
				continue
			}
			if g.allowed(text, m) || overlaps(out, m) {
				continue
			}
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b Match) int { return a.Start - b.Start })
	return out
}

// allowed reports whether an allow pattern's match covers m.
func (g *Guard) allowed(text string, m Match) bool {
	for _, re := range g.allow {
		for _, loc := range re.FindAllStringIndex(text, -1) {
			if loc[0] <= m.Start && m.End <= loc[1] {
				return true
			}
		}
	}
	return false
}

func overlaps(ms []Match, m Match) bool {
	for _, o := range ms {
		if m.Start < o.End && o.Start < m.End {
			return true
		}
	}
	return false
}

// ssnIssued drops numbers the Social Security Administration never issues
// and that people write as placeholders: area 000, group 00 or serial
// 0000 (000-00-0000, 123-45-0000). Areas 666 and 900-999 are kept: the
// latter are ITINs, as sensitive as an SSN.
func ssnIssued(s string) bool {
	var d []byte
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			d = append(d, s[i])
		}
	}
	if len(d) != 9 {
		return true
	}
	return string(d[0:3]) != "000" && string(d[3:5]) != "00" && string(d[5:9]) != "0000"
}

// nineDigits reports whether s has nine digits in one stretch of digits,
// spaces, dots, dashes and slashes: no SSN pattern is tried on text without (a
// date, 2026-03-04, has eight; a phone number, 555-0181, seven).
func nineDigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			if n++; n == 9 {
				return true
			}
		case c == ' ' || c == '-' || c == '.' || c == '/':
		default:
			n = 0
		}
	}
	return false
}

// SpacedSSN reports whether s holds three digits, two and four, each
// group set off from the next by one dash, dot, space or slash (ssnSep)
// and the whole by anything but a digit: a Social Security number as
// people write it. It is the regular expression SchemaSSN, which a
// validate of 10,000 cases would run on a million strings, without one;
// every match of DefaultSSN's first pattern is one of it.
func SpacedSSN(s string) bool { return ssnRuns(s, false) }

// ssnShaped reports whether s has a run of exactly nine digits, the
// shape SpacedSSN finds, or nine digits grouped 3-3-3, in one pass:
// every match of DefaultSSN's patterns has one of them.
func ssnShaped(s string) bool { return ssnRuns(s, true) }

// ssnRuns reports whether nextSSN finds one in s.
func ssnRuns(s string, nine bool) bool {
	_, _, ok := nextSSN(s, 0, nine)
	return ok
}

// nextSSN looks at the maximal runs of digits in s from at on for three,
// two and four digits set off from each other by one separator, or with
// nine, for a run of exactly nine digits, or three, three and three set
// off so (every shape a default pattern finds), and returns where the
// first such is.
func nextSSN(s string, at int, nine bool) (from, to int, ok bool) {
	var start, end [3]int // the last three runs
	runs := 0
	for i := at; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if nine && j-i == 9 {
			return i, j, true
		}
		start[0], start[1], start[2] = start[1], start[2], i
		end[0], end[1], end[2] = end[1], end[2], j
		runs++
		if runs >= 3 && start[2] == end[1]+1 && start[1] == end[0]+1 &&
			isSeparator(s[end[1]]) && isSeparator(s[end[0]]) {
			n0, n1, n2 := end[0]-start[0], end[1]-start[1], end[2]-start[2]
			if n0 == 3 && n1 == 2 && n2 == 4 || nine && n0 == 3 && n1 == 3 && n2 == 3 {
				return start[0], end[2], true
			}
		}
		i = j
	}
	return 0, 0, false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isSeparator reports whether c sets off the groups of an SSN: ssnSep
// (a dash, a dot, a space, a slash).
func isSeparator(c byte) bool {
	return c == '-' || c == '.' || c == ' ' || c == '/'
}

// digits counts the ASCII digits in s.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			n++
		}
	}
	return n
}
