// Package personname owns when two written names are one person's name:
// the comparison that validate's duplicate-person, case import's
// duplicate rows and the staff roster's did-you-mean hints make.
//
// A name is compared as people write it, not as it is spelled. One
// center's case managers type the same job seeker's name on a Mac
// (accents as combining marks), on Windows (composed), on a US keyboard
// without the accents, in capitals from an ID card, with a hyphen or a
// space between two family names, and a phone's keyboard set to Russian
// slips a Cyrillic letter that looks Latin into a Latin name. Each way is
// the same participant, whom TEGL 10-16 counts once, with one period of
// participation at a time; two open cases count them twice.
package personname

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// fold is Unicode case folding: "ß" and "SS" fold alike, and so do a
// Greek word's final sigma and its capital.
var fold = cases.Fold()

// Key returns name as names are compared: its words — runs of letters
// and digits with the marks that belong to them; spaces, hyphens,
// apostrophes and other punctuation only separate words — case-folded,
// joined by one space, "" when the name has no letter or digit.
//
// The accents of Latin, Greek and Cyrillic letters are set aside (José is
// Jose, Nguyễn is Nguyen, Đặng is Dang), and so are Hebrew and Arabic
// vowel points, which are written only sometimes; the marks of other
// scripts are letters of the name (a Devanagari vowel sign) and are kept.
// A Cyrillic or Greek letter inside a word that also has Latin letters is
// read as the Latin letter it looks like ("Аlex" with a Cyrillic А is
// Alex), while a word written wholly in Cyrillic or Greek stays as it is.
//
// Known misses, on purpose: German's spelled-out umlaut (Müller is
// Muller, not Mueller), a transliteration (Хосе is not Jose), and given
// and family names written in the other order.
func Key(name string) string {
	var b strings.Builder
	base := rune(-1) // the letter the marks that follow belong to; -1: none
	for _, r := range norm.NFD.String(fold.String(name)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			base = r
			if s, ok := plainLetter[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteRune(r)
			}
		case unicode.IsMark(r):
			// A mark with no letter before it belongs to no word.
			if base >= 0 && !optionalMark(base, r) {
				b.WriteRune(r)
			}
		default:
			base = -1
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		words[i] = unconfused(w)
	}
	return norm.NFC.String(strings.Join(words, " "))
}

// optionalMark reports whether mark, written on the letter base, is one
// that people leave out when they type the name: an accent on a Latin,
// Greek or Cyrillic letter (a US keyboard, a state system, an ID card
// often has none), a Hebrew or Arabic vowel point.
func optionalMark(base, mark rune) bool {
	if !unicode.Is(unicode.Mn, mark) {
		return false
	}
	for _, script := range []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Hebrew, unicode.Arabic} {
		if unicode.Is(script, base) {
			return true
		}
	}
	return false
}

// plainLetter are the Latin letters (case-folded) that carry their accent
// in the letter itself, so that decomposing does not set it aside, with
// the letters typed for them on a US keyboard.
var plainLetter = map[rune]string{
	'đ': "d", // Vietnamese, Croatian: Đặng is typed Dang
	'ł': "l", // Polish
	'ø': "o", // Danish, Norwegian
	'æ': "ae",
	'œ': "oe",
	'ı': "i", // Turkish dotless i
	'ħ': "h", // Maltese
}

// latinLike are the Cyrillic and Greek letters (case-folded) that look
// like a Latin letter, in capitals or small, and the Latin letter each is
// read as inside a Latin word.
var latinLike = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p',
	'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd',
	'һ': 'h', 'ԛ': 'q', 'ԝ': 'w',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'ζ': 'z', 'η': 'h', 'ι': 'i', 'κ': 'k', 'μ': 'm',
	'ν': 'n', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'y', 'χ': 'x',
}

// unconfused returns word with its Cyrillic and Greek look-alikes read as
// Latin letters when it also has a Latin letter: no name mixes the
// scripts in one word, so such a word is a Latin name typed with a
// keyboard set to another language (or pasted from a spoofed text).
func unconfused(word string) string {
	latin, other := false, false
	for _, r := range word {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r):
			other = true
		}
	}
	if !latin || !other {
		return word
	}
	return strings.Map(func(r rune) rune {
		if l, ok := latinLike[r]; ok {
			return l
		}
		return r
	}, word)
}

// AsTyped returns a name given to a command (case new --name, case set
// --name, ref add --name, case team add --name) as caseplan writes it,
// and whether that differs from what was typed in more than its ends.
//
// The spaces and line breaks at its ends go, as from every flag's value
// (a form field takes them so). Its accents are composed (Unicode NFC),
// as case import writes a roster's cells: "José" typed on a Mac is an e
// followed by a combining accent, which looks the same on screen but is
// another string, so git grep José and the office's other systems would
// miss the case. Neither is a change anyone sees. A run of spaces, tabs
// or line breaks between two words is one space, as case import reads a
// cell ("Ayunda  Putri" is "Ayunda Putri"): a name is one line, and a
// doubled space is a slip that git grep "Ayunda Putri" would miss. That
// one can be seen, so the command says it (collapsed is true).
func AsTyped(name string) (stored string, collapsed bool) {
	s := strings.TrimSpace(norm.NFC.String(name))
	stored = strings.Join(strings.Fields(s), " ")
	return stored, stored != s
}

// Search is a name typed to find a participant by (case list --name):
// its words as Key writes them.
type Search struct{ words []string }

// NewSearch returns the search for text, and false when text has no
// letter or digit, which would find every name or none.
func NewSearch(text string) (Search, bool) {
	words := strings.Fields(Key(text))
	return Search{words: words}, len(words) > 0
}

// Finds reports whether name is one the search finds: each word of the
// search begins a word of the name, each its own word, in any order,
// compared as Key compares names. "souza", "ana sou" and "Souza Ana" find
// "Ana Souza", and "an" finds "Ana" and "Anabel"; "jose" finds "José
// Martínez-Peña", and so does "pena", a word of its hyphenated family
// name. Two words of the search need two words of the name: "ana a" finds
// "Ana Alves" but not "Ana Souza", so an initial typed after a first name
// narrows the search, as a person means it to.
func (s Search) Finds(name string) bool {
	if len(s.words) == 0 {
		return false
	}
	words := strings.Fields(Key(name))
	if len(words) < len(s.words) {
		return false
	}
	return begins(s.words, words, make([]bool, len(words)))
}

// begins reports whether each of typed begins a word of words not yet
// used, each its own word. A name has a few words, so trying each word
// for each typed one in turn is quick; a typed word that begins several
// ("a" for Ana and Alves) must leave the others to the rest.
func begins(typed, words []string, used []bool) bool {
	if len(typed) == 0 {
		return true
	}
	for i, w := range words {
		if !used[i] && strings.HasPrefix(w, typed[0]) {
			used[i] = true
			if begins(typed[1:], words, used) {
				return true
			}
			used[i] = false
		}
	}
	return false
}
