// Package caseid makes and checks case IDs. A case ID names the case's
// directory, so it must be safe as a file name and must not collide when
// case managers open cases in several clones at once.
package caseid

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/pii"
)

var validRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// Check reports why id cannot be a case ID, or nil.
func Check(id string) error {
	// A number shaped like a US Social Security number must never be a
	// directory name (DESIGN.md §2): records are plain text in git, kept
	// forever. The message does not repeat it: it would be one more copy,
	// in a terminal's scrollback or a CI log.
	if pii.IsSSNShaped(id) {
		return fmt.Errorf("the case ID looks like a Social Security number; never use one as a case ID")
	}
	if !validRE.MatchString(id) {
		return fmt.Errorf("case ID %q is not valid: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", id)
	}
	if layout.IsStoreDir(Key(id)) {
		return fmt.Errorf("case ID %q is the name of a directory of store records (cases/%s/); choose another ID", id, id)
	}
	return nil
}

// Key is what no two cases of a store may share: their IDs ignoring
// capitals. IDs that differ only in capitals ("E-0001", "e-0001") name one
// directory on the case-insensitive disks of macOS and Windows, where a
// clone of the store would hold one case's files in the other's place.
func Key(id string) string { return strings.ToLower(id) }

// Crockford-style alphabet without I, L, O, U: no two characters that a
// person reading an ID aloud could confuse.
var encoding = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// New returns a new ID: the year and five random base32 characters (25 bits,
// about 33 million per year), e.g. 2026-K7QX2. random is crypto/rand.Reader
// when nil.
func New(year int, random io.Reader) (string, error) {
	if random == nil {
		random = rand.Reader
	}
	var b [4]byte
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return "", fmt.Errorf("making a case ID: %w", err)
	}
	return strconv.Itoa(year) + "-" + encoding.EncodeToString(b[:])[:5], nil
}

// NewItem returns a new ID for an item of a case's records — a goal, a
// referral, an application, a placement, ... — that two clones may add to
// the same file at once: prefix, a hyphen and five random characters of
// the case ID alphabet (25 bits), e.g. PL-7QX2K. Two items added in two
// clones then merge as two items (DESIGN.md §2). Each list's prefix is in
// one table, pkg/record's ListRules, with the rule a merge follows for it.
// random is crypto/rand.Reader when nil.
func NewItem(prefix string, random io.Reader) (string, error) {
	if random == nil {
		random = rand.Reader
	}
	var b [4]byte
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return "", fmt.Errorf("making an ID: %w", err)
	}
	return prefix + "-" + encoding.EncodeToString(b[:])[:5], nil
}

// Meant returns the IDs among ids that typed was probably meant to be:
// those one slip of a key away from it (a character left out, added,
// changed, or two swapped), capitals aside, and those whose random part it
// is without the year ("K7QX2" for 2026-K7QX2). nil when there is none:
// what to suggest for a case ID a store does not have.
func Meant(typed string, ids []string) []string {
	t := Key(typed)
	var out []string
	for _, id := range ids {
		k := Key(id)
		if k == t {
			continue
		}
		if OneSlip(t, k) || (len(t) >= 4 && strings.HasSuffix(k, "-"+t)) {
			out = append(out, id)
		}
	}
	return out
}

// OneSlip reports whether a and b differ by one character left out, added
// or changed, or by two neighbours swapped: one slip of a key, for the
// suggestions of anything typed (a case ID, a flag's name).
func OneSlip(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) < len(b) {
		return a[i:] == b[i+1:] // one left out
	}
	if i == len(a) {
		return false // equal
	}
	if a[i+1:] == b[i+1:] {
		return true // one changed
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // two swapped
}

// Choice returns the choice of valid that typed names, and whether it
// names one: the choice itself in any case ("Weekly", "TUESDAY"), or the
// beginning of one choice alone, three letters or more ("tue", "Tues",
// "fortn"; "t" and "s" begin two days each, and three letters are asked
// of every choice alike). A value longer than a choice that merely starts
// with it ("tuesdays and fridays", "phonecall") names none: read as the
// choice it would change what was typed without a word, so it is refused,
// and ChoiceMeant may suggest the choice. The spelling returned is
// valid's, which is what a record keeps.
func Choice(valid []string, typed string) (string, bool) {
	t := strings.TrimSpace(typed)
	if t == "" {
		return "", false
	}
	if m := onlyOne(valid, func(c string) bool { return strings.EqualFold(c, t) }); m != "" {
		return m, true
	}
	if begun := Begun(valid, t); len(begun) == 1 {
		return begun[0], true
	}
	return "", false
}

// Begun returns the choices of valid that typed is the beginning of, as
// Choice reads a beginning: in any case, three letters or more. More than
// one is why Choice named none ("int" begins intake and
// interview-feedback), which a refusal says, naming them: listing every
// choice would leave the user to find the two.
func Begun(valid []string, typed string) []string {
	t := strings.ToLower(strings.TrimSpace(typed))
	if len(t) < 3 {
		return nil
	}
	var out []string
	for _, c := range valid {
		if strings.HasPrefix(strings.ToLower(c), t) {
			out = append(out, c)
		}
	}
	return out
}

// ChoiceMeant returns the one choice of valid that typed was probably
// meant to be, or "" when there is none or more than one. First the
// choices typed is in other capitals ("Open") or one slip of a key from
// ("contct"), or the one choice typed begins (Choice: "fri"); failing
// those, the choices typed starts with ("phonecall")
// or holds as a word ("phone-call", "in person" for in-person, "video
// call"); failing those, the one choice typed is a word of ("medical" for
// health-medical: Worded). It is the one "did you mean" for a closed
// list, on the command line (a flag's value) and in a record (a schema's
// enum).
func ChoiceMeant(valid []string, typed string) string {
	t := strings.ToLower(strings.TrimSpace(typed))
	if t == "" {
		return ""
	}
	// A value pasted from a word processor ("‘work-security’") is read
	// through its quotes: said, never taken.
	if u, ok := Unquoted(t); ok {
		return ChoiceMeant(valid, u)
	}
	if m := onlyOne(valid, func(c string) bool { return strings.EqualFold(c, t) || choiceSlip(t, strings.ToLower(c)) }); m != "" {
		return m
	}
	// What the command line reads as a choice ("fri", "Tues") a record
	// keeps spelled out, so validate refuses "day: fri" in iep.yaml; it
	// names the word to write instead.
	if m, ok := Choice(valid, t); ok {
		return m
	}
	words := choiceWords(t)
	if m := onlyOne(valid, func(c string) bool {
		c = strings.ToLower(c)
		return strings.HasPrefix(t, c) || containsRun(words, choiceWords(c))
	}); m != "" {
		return m
	}
	// Last, the one choice typed is a word of ("medical" for
	// health-medical): said, never taken, as Choice takes a beginning.
	if part := Worded(valid, t); len(part) == 1 {
		return part[0]
	}
	return ""
}

// typographicQuotes are the pairs of quotes a word processor puts around
// a value (‘work-security’, “open”, „open“, «open»), opening and closing.
// Pasted into a record, YAML keeps them as part of the value.
var typographicQuotes = [][2]string{
	{"‘", "’"}, {"“", "”"}, {"’", "’"}, {"”", "”"}, {"‚", "‘"}, {"„", "“"}, {"„", "”"}, {"«", "»"}, {"»", "«"}, {"‹", "›"},
}

// Unquoted returns typed without the typographic quotes around the whole
// of it, and whether it had them: what a closed list's "did you mean"
// (ChoiceMeant) and a pattern's read through, never take.
func Unquoted(typed string) (string, bool) {
	t := strings.TrimSpace(typed)
	for _, q := range typographicQuotes {
		if inner, ok := strings.CutPrefix(t, q[0]); ok {
			if inner, ok := strings.CutSuffix(inner, q[1]); ok && strings.TrimSpace(inner) != "" {
				return strings.TrimSpace(inner), true
			}
		}
	}
	return typed, false
}

// Worded returns the choices of valid that hold typed as whole words, in
// any case: "medical" is a word of health-medical, "degree" of
// associate-degree and bachelor-degree, but "institution" is no word of
// institutionalized. A choice typed in full is not among them ("interview"
// is a choice of its own beside informational-interview). More than one is
// why ChoiceMeant named none, which a refusal says, naming them, as it
// names the choices a beginning begins (Begun).
func Worded(valid []string, typed string) []string {
	t := strings.ToLower(strings.TrimSpace(typed))
	words := choiceWords(t)
	if len(words) == 0 {
		return nil
	}
	var out []string
	for _, c := range valid {
		if strings.EqualFold(c, t) {
			return nil
		}
		if containsRun(choiceWords(strings.ToLower(c)), words) {
			out = append(out, c)
		}
	}
	return out
}

// choiceSlip is OneSlip for a closed list's choice, less a first letter
// changed in a short word: a short word with another first letter is most
// often another word — "done" is not "none" (case toolbox --resume Done
// means final), nor "four" "hour". From six letters on another first
// letter rarely makes a word ("Dlosed", a finger on the key beside
// "closed"), and it is a slip: said, never taken.
func choiceSlip(typed, choice string) bool {
	if len(typed) == len(choice) && len(typed) < firstLetterSlipLen && typed != "" && typed[0] != choice[0] && typed[1:] == choice[1:] {
		return false
	}
	return OneSlip(typed, choice)
}

// firstLetterSlipLen is the length from which a word with another first
// letter is taken for a slip of the choice (choiceSlip).
const firstLetterSlipLen = 6

// onlyOne is the one choice of valid that fits, or "".
func onlyOne(valid []string, fits func(string) bool) string {
	meant, n := "", 0
	for _, c := range valid {
		if fits(c) {
			meant, n = c, n+1
		}
	}
	if n != 1 {
		return ""
	}
	return meant
}

// choiceWords splits s into its words: runs of letters and digits.
func choiceWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	})
}

// containsRun reports whether sub appears in words as consecutive words.
func containsRun(words, sub []string) bool {
	if len(sub) == 0 {
		return false
	}
	for i := 0; i+len(sub) <= len(words); i++ {
		if slices.Equal(words[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
