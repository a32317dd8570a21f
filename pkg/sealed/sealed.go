// Package sealed keeps a case's sensitive fields — what TEGL 39-11 calls
// sensitive PII: the date of birth, the last four digits of an SSN or a
// state ID, disability, health, criminal record, public assistance, and
// the demographics a program reports — in one file per case encrypted with
// age (filippo.io/age) to the case's team: its manager, the staff on its
// team, and the store's supervisors, each by the age recipient the roster
// holds for them (README, Confidentiality).
//
// Beside the ciphertext (cases/<id>/sealed.age) a plain list names the
// recipients by staff id and recipient fingerprint (sealed.recipients), so
// validate can check that the right people can read a case without anyone
// decrypting it. The list never names a field: which fields a case has
// sealed (a criminal record, say) is itself sensitive.
//
// Values are held only in memory: nothing here writes plaintext anywhere.
package sealed

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
)

// Fields are a case's sealed fields. The full SSN is not among them: it is
// never stored anywhere (DESIGN.md §3).
type Fields struct {
	DateOfBirth      string `yaml:"date_of_birth,omitempty" json:"date_of_birth,omitempty"`
	SSNLast4         string `yaml:"ssn_last4,omitempty" json:"ssn_last4,omitempty"`
	StateIDLast4     string `yaml:"state_id_last4,omitempty" json:"state_id_last4,omitempty"`
	Disability       string `yaml:"disability,omitempty" json:"disability,omitempty"`
	Health           string `yaml:"health,omitempty" json:"health,omitempty"`
	CriminalRecord   string `yaml:"criminal_record,omitempty" json:"criminal_record,omitempty"`
	PublicAssistance string `yaml:"public_assistance,omitempty" json:"public_assistance,omitempty"`
	// The demographics a program reports (PIRL 201-212), as the
	// participant self-identified.
	Sex       string `yaml:"sex,omitempty" json:"sex,omitempty"`
	Ethnicity string `yaml:"ethnicity,omitempty" json:"ethnicity,omitempty"`
	Race      string `yaml:"race,omitempty" json:"race,omitempty"`
	Veteran   string `yaml:"veteran,omitempty" json:"veteran,omitempty"`
}

// Names lists the fields' names, as set and show spell them.
var Names = []string{
	"date_of_birth", "ssn_last4", "state_id_last4", "disability", "health",
	"criminal_record", "public_assistance", "sex", "ethnicity", "race", "veteran",
}

// Labels are the fields' names as a person reads them — the
// participant reading their own copy of the case file (case show
// --sealed) — where Names are what set, show's JSON and the sealed file
// spell.
var Labels = map[string]string{
	"date_of_birth":     "Date of birth",
	"ssn_last4":         "Last four digits of the SSN",
	"state_id_last4":    "Last four characters of the state ID",
	"disability":        "Disability",
	"health":            "Health",
	"criminal_record":   "Criminal record",
	"public_assistance": "Public assistance",
	"sex":               "Sex",
	"ethnicity":         "Ethnicity",
	"race":              "Race",
	"veteran":           "Veteran status",
}

// About says what each field holds and which values it takes (Check
// refuses the others), in the words set's help gives them.
var About = map[string]string{
	"date_of_birth":     "the participant's date of birth: a date, YYYY-MM-DD, not after today",
	"ssn_last4":         "the last four digits of the participant's Social Security number: four digits (the full number is refused)",
	"state_id_last4":    "the last four characters of the participant's state ID: four letters or digits",
	"disability":        "the participant's disability, as they disclosed it: any text",
	"health":            "health conditions the participant disclosed: any text",
	"criminal_record":   "the participant's criminal record: any text",
	"public_assistance": "public assistance the participant receives (TANF, SNAP, ...): any text",
	"sex":               "the participant's sex, as they self-identify: any text",
	"ethnicity":         "the participant's ethnicity, as they self-identify: any text",
	"race":              "the participant's race, as they self-identify: any text",
	"veteran":           "the participant's veteran status, as they self-identify: any text",
}

// Field returns a pointer to the field of the given name, or nil.
func (f *Fields) Field(name string) *string {
	switch name {
	case "date_of_birth":
		return &f.DateOfBirth
	case "ssn_last4":
		return &f.SSNLast4
	case "state_id_last4":
		return &f.StateIDLast4
	case "disability":
		return &f.Disability
	case "health":
		return &f.Health
	case "criminal_record":
		return &f.CriminalRecord
	case "public_assistance":
		return &f.PublicAssistance
	case "sex":
		return &f.Sex
	case "ethnicity":
		return &f.Ethnicity
	case "race":
		return &f.Race
	case "veteran":
		return &f.Veteran
	}
	return nil
}

// Empty reports whether no field is set.
func (f Fields) Empty() bool { return f == Fields{} }

var (
	last4RE   = regexp.MustCompile(`^[0-9]{4}$`)
	stateIDRE = regexp.MustCompile(`^[A-Za-z0-9]{4}$`)
)

// FieldError says a sealed value is not acceptable. It never repeats the
// value.
type FieldError struct {
	Field, Msg string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Check refuses values that are not what their field holds, and any value
// that holds a full SSN: only the last four digits are ever kept.
func (f Fields) Check(today time.Time) error {
	for _, name := range Names {
		v := *f.Field(name)
		if v == "" {
			continue
		}
		if pii.ContainsSSN(v) || pii.IsSSNShaped(v) {
			return &FieldError{name, "holds a number shaped like a full Social Security number; only its last four digits are kept (ssn_last4)"}
		}
	}
	if f.DateOfBirth != "" {
		d, err := time.Parse(time.DateOnly, f.DateOfBirth)
		switch {
		case err != nil:
			return &FieldError{"date_of_birth", "is not a date (want YYYY-MM-DD)"}
		case d.After(today):
			return &FieldError{"date_of_birth", "is after today"}
		}
	}
	if f.SSNLast4 != "" && !last4RE.MatchString(f.SSNLast4) {
		return &FieldError{"ssn_last4", "is not four digits: only the last four digits of an SSN are kept"}
	}
	if f.StateIDLast4 != "" && !stateIDRE.MatchString(f.StateIDLast4) {
		return &FieldError{"state_id_last4", "is not four letters or digits: only the last four characters of a state ID are kept"}
	}
	return nil
}

// Marshal encodes the fields as the plaintext of a sealed file.
func (f Fields) Marshal() ([]byte, error) { return yaml.Marshal(f) }

// Unmarshal decodes the plaintext of a sealed file.
func Unmarshal(data []byte) (Fields, error) {
	var f Fields
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return Fields{}, errors.New("the sealed file's content is not sealed fields")
	}
	return f, nil
}

// Recipient is one person a sealed file is encrypted to.
type Recipient struct {
	Staff       string // roster id
	Fingerprint string // of their age recipient (Fingerprint)
}

// Fingerprint is the short, stable name of an age recipient in the
// recipients list: SHA-256 of the recipient's text, in base64.
func Fingerprint(recipient string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(recipient)))
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

// Team returns who may read a case's sealed fields — the "authorized
// persons" of document 001, "those involved in the customer's service
// strategy", and TEGL 39-11's need to know — as cfg's roster and the
// case's intake say: its manager, the roster members on its team (a team
// entry with their email) and the store's supervisors — every active one
// with an age recipient, in roster order — and, apart, the active members
// among them who have no age recipient, and so cannot be sealed to.
func Team(cfg *record.Config, in *record.Intake) (with, without []record.Staff) {
	if cfg == nil {
		return nil, nil
	}
	for _, s := range cfg.Staff {
		if !s.IsActive() || !(in.OnTeam(s) || s.RoleName() == record.RoleSupervisor) {
			continue
		}
		if s.AgeRecipient == "" {
			without = append(without, s)
		} else {
			with = append(with, s)
		}
	}
	return with, without
}

// RecipientsOf returns the recipients list of staff.
func RecipientsOf(staff []record.Staff) []Recipient {
	out := make([]Recipient, len(staff))
	for i, s := range staff {
		out[i] = Recipient{Staff: s.ID, Fingerprint: Fingerprint(s.AgeRecipient)}
	}
	return out
}

// SameRecipients reports whether two lists name the same recipients, in
// any order.
func SameRecipients(a, b []Recipient) bool {
	key := func(r Recipient) string { return r.Staff + " " + r.Fingerprint }
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i, r := range a {
		ka[i] = key(r)
	}
	for i, r := range b {
		kb[i] = key(r)
	}
	slices.Sort(ka)
	slices.Sort(kb)
	return slices.Equal(ka, kb)
}

// Resealed reports whether a case's recipients list changed from before
// to after as a re-seal to its team makes it change — what every command
// that changes a team, a role or a key does in the same commit, sealing
// the fields to the team as cfg's roster and the intake in then say it is
// (Team): the file was not sealed to that team (before is not its list)
// and now is (after is). A team with nobody to seal to is never re-sealed
// to. Anything else that changes a sealed file — the list left as it was,
// or rewritten to anyone but the team — is not a re-seal.
func Resealed(before, after []Recipient, cfg *record.Config, in *record.Intake) bool {
	if in == nil {
		return false
	}
	team, _ := Team(cfg, in)
	if len(team) == 0 {
		return false
	}
	want := RecipientsOf(team)
	return !SameRecipients(before, want) && SameRecipients(after, want)
}

// ErrNoRecipients: nobody who could read a case's sealed fields has an age
// recipient on the roster.
var ErrNoRecipients = errors.New("nobody on the case's team has an age recipient on the roster")

// Seal encrypts the fields to staff (their age recipients) and returns the
// ciphertext and the recipients list to write beside it.
func Seal(caseID string, f Fields, staff []record.Staff) (ciphertext, list []byte, err error) {
	if len(staff) == 0 {
		return nil, nil, ErrNoRecipients
	}
	var rs []age.Recipient
	for _, s := range staff {
		r, err := age.ParseX25519Recipient(s.AgeRecipient)
		if err != nil {
			return nil, nil, fmt.Errorf("the age recipient of %s on the roster is not valid: %w", s.ID, err)
		}
		rs = append(rs, r)
	}
	plain, err := f.Marshal()
	if err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	w, err := age.Encrypt(&out, rs...)
	if err != nil {
		return nil, nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, nil, err
	}
	if err := w.Close(); err != nil {
		return nil, nil, err
	}
	return out.Bytes(), FormatRecipients(caseID, RecipientsOf(staff)), nil
}

// ErrCannotOpen: none of the identities is among a sealed file's
// recipients.
var ErrCannotOpen = errors.New("none of your age identities is among the recipients")

// ErrDamaged: a sealed file is sealed to one of the identities (its
// header opens with it) but does not decrypt — its header or payload was
// changed after it was sealed, by hand or by a broken copy. The key is
// not what is wrong.
var ErrDamaged = errors.New("it is damaged: it is sealed to your key, but its content was changed after it was sealed and does not decrypt")

// Open decrypts a sealed file with the identities.
func Open(ciphertext []byte, ids []age.Identity) (Fields, error) {
	if len(ids) == 0 {
		return Fields{}, ErrCannotOpen
	}
	r, err := age.Decrypt(bytes.NewReader(ciphertext), ids...)
	var nm *age.NoIdentityMatchError
	if errors.As(err, &nm) {
		return Fields{}, ErrCannotOpen
	}
	if err != nil {
		return Fields{}, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		return Fields{}, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	return Unmarshal(plain)
}

// Stanzas counts the recipient stanzas in an age file's header, which is
// plain text: how many people the file is encrypted to, known without
// decrypting it. (An X25519 stanza does not say whose recipient it is.)
func Stanzas(ciphertext []byte) (int, error) {
	hdr, err := age.ExtractHeader(bytes.NewReader(ciphertext))
	if err != nil {
		return 0, errors.New("not an age file")
	}
	n := 0
	for _, line := range bytes.Split(hdr, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("-> ")) {
			n++
		}
	}
	return n, nil
}

// FormatRecipients writes the recipients list of case caseID.
func FormatRecipients(caseID string, rs []Recipient) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# The people cases/%s/sealed.age is encrypted to: staff id and the\n", caseID)
	b.WriteString("# fingerprint of their age recipient. caseplan writes this file with the\n")
	b.WriteString("# sealed fields; validate checks it against the case's team.\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "%s %s\n", r.Staff, r.Fingerprint)
	}
	return b.Bytes()
}

// ParseRecipients reads a recipients list.
func ParseRecipients(data []byte) ([]Recipient, error) {
	var out []Recipient
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 || !strings.HasPrefix(f[1], "SHA256:") {
			return nil, fmt.Errorf("line %d is not a staff id and a fingerprint", n)
		}
		out = append(out, Recipient{Staff: f[0], Fingerprint: f[1]})
	}
	return out, sc.Err()
}

// ageHeader is how an age file (a sealed.age, ciphertext) begins, in its
// binary form; armor.Header in its armored form.
const ageHeader = "age-encryption.org/v1\n"

// Sizes in age's payload (age-encryption.org/v1): a nonce, then the
// plaintext in chunks of 64 KiB, each sealed with a tag.
const (
	ageNonce = 16
	ageTag   = 16
	ageChunk = 64<<10 + ageTag
)

// ageReadableRun is the shortest run of printable bytes in a payload
// taken for readable text. Ciphertext is random: a byte is printable
// with odds of 95/256, so a run of 24 turns up once in some 10^10
// bytes, never in a sealed file of some hundred bytes; a sentence pasted
// after the payload is one. A shorter paste (a number) is found by the
// scan for numbers, which reads a sealed.age as any file.
const ageReadableRun = 24

// CiphertextProblem says why data, a sealed.age that begins as age's
// files do, is not wholly age ciphertext, "" when it is or does not
// begin so (then it is text, which the scan for numbers reads as any).
// It decrypts nothing: it parses the header as age does and checks that
// what follows could be age's payload — as long as one can be, and
// holding no readable text — which is all that can be known without a
// key. verify asks it of every sealed.age in history, and caseplan
// commit of a hand-edited one. The reasons never quote the file.
func CiphertextProblem(data []byte) string {
	raw := data
	var err error
	switch {
	case bytes.HasPrefix(data, []byte(armor.Header)):
		if raw, err = io.ReadAll(armor.NewReader(bytes.NewReader(data))); err != nil {
			return "its armored text does not decode, or text follows its end line"
		}
	case !bytes.HasPrefix(data, []byte(ageHeader)):
		return ""
	}
	hdr, err := age.ExtractHeader(bytes.NewReader(raw))
	if err != nil || !bytes.HasPrefix(raw, hdr) {
		return "its header is not one age wrote"
	}
	payload := raw[len(hdr):]
	if !agePayloadSize(len(payload)) {
		return "what follows its header is not as long as age's payload can be"
	}
	run := 0
	for _, b := range payload {
		if b == '\t' || b == '\n' || b >= 0x20 && b < 0x7F {
			if run++; run >= ageReadableRun {
				return "what follows its header holds readable text"
			}
			continue
		}
		run = 0
	}
	return ""
}

// agePayloadSize reports whether an age payload can be n bytes long: the
// nonce, then full chunks and a last one that holds at least its tag,
// and nothing more only when it is the only one (an empty plaintext).
func agePayloadSize(n int) bool {
	n -= ageNonce
	if n < ageTag {
		return false
	}
	full, last := n/ageChunk, n%ageChunk
	switch {
	case last == 0:
		return true
	case last < ageTag:
		return false
	case last == ageTag:
		return full == 0
	}
	return true
}
