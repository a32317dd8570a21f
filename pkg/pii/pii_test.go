package pii

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The planted leaks: fictional numbers and dates in the sentences a case
// manager might type them in. Every one must be caught, and caught as the
// right kind, at the right place (the part in [brackets]).
var plantedSSN = []string{
	"SSN [123-45-6789] confirmed at intake",
	"Her SSN is [123-45-6789].",
	"ssn: [123 45 6789]",
	"Social Security number [234 56 7890] on the I-9",
	"SSN [345678901]",
	"ssn:[456789012]",
	"SS# [567890123]",
	"Soc. Sec. No. [678901234] for the wage record match",
	"social security #[789012345]",
	"Social: [890123456]",
	"[901234567] (SSN)",
	"gave [112233445] as her social security number",
	"number [223344556] - that is his SSN",
	"Verified identity; SSN [334-45-5667] matches the state ID.",
	"[445.56.6778] was on the UI claim form",
	"Fax cover listed [556-67-7889] by mistake",
	"Client read out [667 78 8990] over the phone",
	"UI claim under [778-89-9001]; follow up with the claims office",
	"ITIN [912-70-1234] used for the training voucher",
	"ITIN [912781234] on the letter from the IRS",
	"her itin: [923701234]",
	"S.S.N. [234567890] on the old intake form",
	"The W-4 shows [135-79-2468].",
	"SSN on file: [246-80-1357]; shredded the copy",
	"Sent the form with SSN [357913579] to the employer",
	"(ssn [468024680])",
	"SSN - [579135791]",
	"Social Security Number: [680246802]",
	"Per the letter, SSN [791357913].",
	"[802468024] is her social security number",
	"his ss no. [913579135] was on the pay stub",
	"Checked [124-68-0246] in the wage records",
	"Typed [235 79 1357] in the wrong field",
	// As a case manager types them in a hurry, or pastes them: run into
	// the word, with an input method's full-width digits, a word
	// processor's dashes and no-break spaces, spaces around the dashes,
	// and broken over two lines of a block scalar.
	"SSN[912781234] per the claimant",
	"itin[923701234]",
	"SSN [９１２-７８-１２３４] from the scanned form",
	"ssn: [９１２７８１２３４]",
	"[９１２－７８－１２３４]",
	"Typed [912–78–1234] from the letter",
	"Copied [912\u00a078\u00a01234] from the portal",
	"Read out [912 - 78 - 1234] on the phone",
	"Number on the form:\n[912-78-\n1234]\nshredded the copy",
	"SSN is [912 78\n1234] per the UI claim",
	// The word at the end of one line of a block scalar, the number at
	// the start of the next; and the # written apart.
	"Took down her SSN:\n[912781234] for the wage match",
	"social security number\n  [923701234]\nshredded the copy",
	"[934561234]\n(SSN, from the claim form)",
	"SS # [912781234] on the pay stub",
	"S.S. # [923701234] per the letter",
	"S.S.#[934561234]",
	// The label typed full-width, as an input method types it.
	"ＳＳＮ [912781234] from the scanned form",
	"ｓｓｎ：[９２３７０１２３４]",
	"ss number [945671234] on the UI letter",
	// With invisible characters a paste brings: a zero-width space, a
	// soft hyphen, a word joiner.
	"SSN [912\u200b781234] per the portal",
	"Her number [912\u200b-78-1234] from the email",
	"[9\u00ad1\u00ad2-78-1234] on the fax",
	"S\u200bSN: [923\u206070\u20601234]",
	// Nine digits grouped 3-3-3 after (or before) the label — alone they
	// are a phone-like number —, and slashes for separators.
	"Social Security Number: [934 561 234]",
	"SSN [934-561-234] per the claim form",
	"ssn: [934.561.234]",
	"[934 561 234] (SSN)",
	"SSN [934/56/1234]",
	"Copied [934/56/1234] from the fax",
	"SS# [934/561/234] on the old form",
	// A zero-width space between words is a space between them.
	"social\u200bsecurity\u200bnumber [912781234]",
	// The label with letters of another script that look Latin (Unicode
	// TR39 confusables): a Cyrillic Es, a Greek capital Sigma-less "S".
	"\u0405SN [912781234] per the claim",
	"\u0455\u0455n: [923701234]",
	"\u0406TIN [934561234] from the IRS letter",
}

var plantedDOB = []string{
	"DOB: [4/5/1980]",
	"DOB [04/05/1980]",
	"dob:[12/31/1975]",
	"D.O.B. [3-14-1969]",
	"date of birth [1980-04-05]",
	"Date of birth is [5 April 1980].",
	"born [1980-04-05]",
	"born on [April 5, 1980]",
	"Born [Jan 3, 1992] in Riverside",
	"birthdate [07/22/88]",
	"Birth date: [1991-11-02]",
	"birthday [March 9th, 1985]",
	"[6/18/1979] (DOB)",
	"[1974-02-28] DOB per the ID",
	"born in [1983]",
	"DOB is [2.3.1990]",
	"Confirmed date of birth of [10/10/1970] with the state ID",
	"She was born on [9/9/1999].",
	"dob = [1988/06/30]",
	"Client born [15 Aug 1977], per the intake sheet",
	"DOB [Sept. 4, 1966]",
	"birth date was [11-30-1958]",
	"Date of Birth: [1/1/2001]",
	"born on the [1st May 1994]",
	"His DOB: [7/4/76]",
	"DOB [４/５/１９８０], from the scanned form",
	"born [1980 - 04 - 05]",
	"ＤＯＢ [４/５/１９８０] per the ID",
	"Ｄａｔｅ ｏｆ ｂｉｒｔｈ: [1980-04-05]",
	// As other systems print a date, and a form's boxes.
	"DOB: [05-Apr-1980] per the UI system",
	"dob [5-APR-80]",
	"DOB [04051980] on the state form",
	"Date of birth [19800405]",
	"DOB#[4/5/1980]",
	// "birth" as a label (with a colon), and birth date written as one
	// word or with a hyphen.
	"Birth: [4/5/1980]",
	"birthdate [4/5/1980]",
	"Birth-date: [1980-04-05]",
	"Date\u200bof\u200bbirth: [4/5/1980]",
	"DOB\u200b[4/5/1980]",
	// Letters of another script that look Latin: a Greek capital
	// omicron, a Cyrillic o and e.
	"D\u039fB: [4/5/1980]",
	"d\u043eb [4/5/1980]",
	"dat\u0435 of birth: [1980-04-05]",
	// The label run into the date, and "b." (born) before a date of a
	// year no list of a case's steps holds.
	"DOB[4/5/1980] per the ID",
	"Birthdate[1980-04-05]",
	"b. [4/5/1980]",
	"Jordan Lee (b. [April 5, 1980]) enrolled",
	"Jordan Lee, b.[05-Apr-1979], per the intake sheet",
	"b. [4/5/80] per the form",
	// A family member's date of birth is one too (TEGL 39-11 protects
	// birthdates, not only the participant's): a child's, in a note about
	// childcare or leave.
	"She gave birth on [4/5/2026]; leave until June",
	"Childcare since the birth of her son, [3/2/2025]",
	"Gave birth to a daughter on [April 5, 2026]",
	"Son's Birth: [4/5/2019]; childcare at Eastgate after school",
	// The labels of the other languages a center's notes are written
	// in, and of the documents a participant brings.
	"Fecha de nacimiento: [4/5/1980]",
	"Revisamos su identificación; nació el [12-03-1975] en Puebla",
	"Ngày sinh: [03/04/1985]",
	"ngay sinh [03/04/1985] (typed without the tone marks)",
	"date de naissance : [04/05/1980]",
	"data de nascimento: [04/05/1980]",
	"petsa ng kapanganakan: [4/5/1980]",
	"出生日期：[1980年4月5日]",
	"생년월일: [1980년 4월 5일]",
	"تاريخ الميلاد: [1980-04-05]",
}

// corpus returns the planted texts with their markers removed and where
// each marked span lies.
func corpus(planted []string) (texts []string, spans [][2]int) {
	for _, p := range planted {
		start := strings.IndexByte(p, '[')
		end := strings.IndexByte(p, ']')
		texts = append(texts, p[:start]+p[start+1:end]+p[end+1:])
		spans = append(spans, [2]int{start, end - 1})
	}
	return texts, spans
}

// TestPlantedLeaksAreCaught: every one of the planted SSNs and dates of
// birth is found, as its kind, at the marked span.
func TestPlantedLeaksAreCaught(t *testing.T) {
	if n := len(plantedSSN) + len(plantedDOB); n < 50 {
		t.Fatalf("the corpus has %d planted leaks; the guard is held to at least 50", n)
	}
	g := Default()
	for _, c := range []struct {
		kind    Kind
		planted []string
	}{{SSN, plantedSSN}, {DOB, plantedDOB}} {
		texts, spans := corpus(c.planted)
		for i, text := range texts {
			var got []Match
			for _, m := range g.Scan(text) {
				if m.Kind == c.kind {
					got = append(got, m)
				}
			}
			if len(got) != 1 || got[0].Start != spans[i][0] || got[0].End != spans[i][1] {
				t.Errorf("%s in %q: got %v, want one at %v", c.kind, text, got, spans[i])
			}
			if c.kind == SSN && !ContainsSSN(text) {
				t.Errorf("ContainsSSN(%q) = false", text)
			}
		}
	}
}

// TestNotLeaks: the numbers and dates case records are full of are not
// leaks.
func TestNotLeaks(t *testing.T) {
	for _, text := range []string{
		"Called 555-0181 and left a message",
		"Phone (555) 012-3456, best after 5:30 pm",
		"Call 1-800-555-0199 for the claims line",
		"Opened 2026-03-02; layoff date 2026-05-01",
		"Follow-up due 03/16/2026",
		"Employer FEIN 12-3456789 for the wage record",
		"Grades 052 to 054; position 123456",
		"ZIP 02139-4307",
		"Case 2026-K7QX2 transferred from mbell",
		"Earned $1,234.56 in the quarter; 32 hours a week",
		"Account 1234 5678 9012 3456 closed",
		"Keisha, 31, left cash assistance on 2025-12-31",
		"Order number 123456789 for the work boots",
		"Placeholder 000-00-0000 in the old form",
		"She was born and raised in Eastgate",
		"The program was born out of the 2024 layoffs",
		"conventional and social; office administration",
		"Meeting on April 5, 1980 anniversary of the plant",
		"Version 1.2.3 of the form",
		"Social media campaign reached 4,500 people",
		// Dates in notes of other languages that are no birth.
		"Fecha de la cita: 4/5/2026; programa nacional desde 2020-03-01",
		"Sinh viên từ 2020-09-01; ngày 4/5/2026 gọi lại",
		"data de início: 04/05/2026",
		"面谈日期：2026年3月4日",
		"Hours 2026-03-04 - 12\n3456 steps",
		"Interview 3/16 at 10:30 - 11:30, room 101 - 12",
		"Phone ５５５－０１８１, ZIP 12345 - 6789",
		"Mileage 120 - 45 - 30 = 45 miles",
		"Case 2026-K7QX2\n2026-03-04 follow-up\n123 Main St",
		// The codes and amounts of a plan, and a nine-digit number two
		// lines away from the word.
		"Target occupation SOC 15-1252.00 (O*NET 15-1252.00)",
		"ZIP+4 12345-6789; phone 555 123 4567",
		"Voucher $12,345.67 approved; 1,234.56 paid",
		"SSN verified with the state ID.\nNotes:\nOrder 123456789 shipped",
		// Accented letters are letters, not ASCII ones; full-width lower
		// case is not a capitals-only term.
		"Taller de currículum; diagnóstico de habilidades con José",
		"Bought hearing ａｉｄｓ",
		// Eight digits and a month name are not a birth without the word.
		"Invoice 04051980 paid on 05-Apr-2026",
		"Born to lead: 12345678 views",
		// "b." (a list's second item as often as "born") before this
		// year's date is not a date of birth; nor a birth certificate's
		// date, nor a birth-to-three program.
		"Birth certificate requested 4/5/2026",
		"Referred to the birth-to-three program on 4/5/2026",
		"Steps: a. 3/2/2026 intake; b. 4/5/2026 IEP signed",
		"Options (a. 1/5/2026, b. 2/5/2026); plan b. 3/4/26 fallback",
		"Dobbs4/5/2026 meeting; Dob 4/5 call",
		// Nine digits 3-3-3 without the word are a phone-like number;
		// ten or eight digits after it are not one; a date with slashes
		// is a date.
		"Call 934 561 234 after 5",
		"Fax 934-561-234, ext 12",
		"SSN verified; phone 555 123 4567",
		"SSN on file; callback 555/123/4567",
		"Follow-up 03/16/2026; SOC 15-1252.00; ZIP+4 02139-4307; $934,561.23",
		"Ref 934/56/12345 and 1934/56/1234",
		// A zero-width space inside a number or between words joins no
		// phone number, ZIP+4 or date into a leak.
		"Phone 555\u200b-0181\u200b, ZIP+4 02139\u200b-4307, on 2026\u200b-03-04",
		"Call\u200b555\u200b123\u200b4567\u200bor email; SOC\u200b15-1252.00; $1,234\u200b.56",
		"SSN\u200bverified;\u200bcall\u200b555 123 4567",
		// Text in another script is its own letters: a Russian or Greek
		// note, with a phone number and a contact date.
		"Клиент говорит по-русски; звонок 555-0181, встреча 2026-03-04",
		"Ο πελάτης τηλεφώνησε στις 3/16/2026",
	} {
		if got := Default().Scan(text); len(got) > 0 {
			t.Errorf("%q: %v, want nothing", text, got)
		}
	}
}

func TestTerms(t *testing.T) {
	g := Default()
	for text, want := range map[string]string{
		// Full-width letters (an input method's), mathematical ones (a
		// styled paste) and a ligature (a PDF's) read as the ASCII they
		// stand for (NFKC).
		"Disclosed ＨＩＶ status":        "HIV",
		"ｄｉａｇｎｏｓｅｄ last year":         "diagnosed",
		"Registered sex o\ufb00ender": "sex offender",
		"𝐟𝐞𝐥𝐨𝐧𝐲 record from 2015":     "felony",
		"Was diag\u00adnosed in May":  "diagnosed",
		"H\u200bIV status disclosed":  "HIV",
		// A zero-width space between words is a break between them,
		// and inside a word, mid-way, nothing: both are read.
		"Has a\u200bfelony record":                     "felony",
		"Was\u200bdiagnosed\u200blast year":            "diagnosed",
		"Her criminal\u200brecord came up":             "criminal record",
		"felony\u200bcase closed":                      "felony",
		"Dis\u200bclosed PT\u200bSD at intake":         "PTSD",
		"Recently diagnosed with diabetes":             "diagnosed",
		"HIV status disclosed in the meeting":          "HIV",
		"Has a felony conviction from 2015":            "felony",
		"Mentioned her criminal  record at the intake": "criminal record",
		// Letters of another script that look Latin (TR39 confusables):
		// a Cyrillic En and Byelorussian-Ukrainian I, a Cyrillic ie, a
		// Greek capital Iota.
		"Disclosed \u041d\u0406V status": "HIV",
		"Has a f\u0435lony record":       "felony",
		"\u0399ncarcerated in 2015":      "incarcerated",
	} {
		got := g.Terms(text)
		if len(got) == 0 || got[0].Term != want {
			t.Errorf("%q: %v, want %q", text, got, want)
		}
	}
	// A folded match is reported where it is in the text as written.
	text := "On 3/4 she said: ＨＩＶ."
	if got := g.Terms(text); len(got) != 1 || text[got[0].Start:got[0].End] != "ＨＩＶ" {
		t.Errorf("%q: %v, want ＨＩＶ's bytes", text, got)
	}
	// Each is reported once, where it is in the text as written.
	for _, text := range []string{"a\u200bfelony\u200b", "fel\u200bony", "\u200bfelony", "a \u200bfel\u200bony\u200b."} {
		got := g.Terms(text)
		if len(got) != 1 || strings.ReplaceAll(text[got[0].Start:got[0].End], "\u200b", "") != "felony" {
			t.Errorf("%q: %v, want felony once", text, got)
		}
	}
	// A term in capitals matches only in capitals: "hearing aids" is not
	// AIDS.
	if got := g.Terms("Bought hearing aids and job aids"); len(got) != 0 {
		t.Errorf("aids: %v", got)
	}
}

// TestSettings: a store's own lists replace the defaults; an empty list
// turns a check off; allow drops known false positives; a bad pattern is
// a SettingError naming it.
func TestSettings(t *testing.T) {
	g, err := New(Settings{Terms: []string{"union grievance"}, DOB: []string{}, Allow: []string{`case 123-45-6789`}})
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Scan("DOB: 4/5/1980"); len(got) != 0 {
		t.Errorf("dob off: %v", got)
	}
	if got := g.Terms("Filed a union grievance"); len(got) != 1 {
		t.Errorf("own term: %v", got)
	}
	if got := g.Terms("diagnosed"); len(got) != 0 {
		t.Errorf("the defaults are replaced: %v", got)
	}
	if got := g.SSNs("see case 123-45-6789"); len(got) != 0 {
		t.Errorf("allowed: %v", got)
	}
	if got := g.SSNs("SSN 123-45-6789"); len(got) != 1 {
		t.Errorf("not allowed: %v", got)
	}
	_, err = New(Settings{SSN: []string{`ok`, `(unclosed`}})
	var se *SettingError
	if !errors.As(err, &se) || se.List != "ssn" || se.Index != 1 {
		t.Errorf("bad pattern: %v", err)
	}
}

func TestIsSSNShaped(t *testing.T) {
	for v, want := range map[string]bool{
		"123-45-6789": true, " 123456789 ": true, "123 45 6789": true, "123.45.6789": true,
		"12345678": false, "1234567890": false, "12-3456789": false, "2026-K7QX2": false,
		// As copied from a document or a web page, or saved as decimals.
		"123\u00a045\u00a06789": true, "123\u201145\u20116789": true, "123\u201345\u20136789": true,
		"123\u221245\u22126789": true, "123456789.0": true, "\u00a0123-45-6789\u00a0": true,
		"12345-6789": false, "123456789.5": false, "1234567.89": false, "123\u00a0456\u00a0789": false,
		// Typed with an input method's full-width digits.
		"９１２７８１２３４": true, "９１２－７８－１２３４": true, "１２３４５－６７８９": false,
		// With slashes, as the free-text guard reads it; a date is not one.
		"912/78/1234": true, "９１２／７８／１２３４": true, "12345/6789": false, "12/31/2026": false,
	} {
		if got := IsSSNShaped(v); got != want {
			t.Errorf("IsSSNShaped(%q) = %v", v, got)
		}
	}
}

// TestNineDigits: a phone field's value with nine digits, whatever its
// punctuation, and nothing but a phone number's punctuation.
func TestNineDigits(t *testing.T) {
	for v, want := range map[string]bool{
		"(123) 45-6789": true, "123 456 789": true, "123456789": true, " 987.654.321 ": true,
		"555-0101": false, "(555) 123-4567": false, "+1 555 123 4567": false,
		"+12 345 6789": false, "ext 123456789": false, "123-45-6789 x": false, "": false,
		"９１２ ７８１ ２３４": true, "５５５－０１０１": false,
	} {
		if got := NineDigits(v); got != want {
			t.Errorf("NineDigits(%q) = %v", v, got)
		}
	}
}

// TestDemoStoreNotes: over every note of the demo store (fictional, and
// written as case managers write), the guard raises at most two false
// positives.
func TestDemoStoreNotes(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "cases", "*", "notes", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 100 {
		t.Fatalf("found %d demo notes; is the demo store there?", len(files))
	}
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range Default().Scan(string(data)) {
			total++
			t.Logf("%s: %s %q", f, m.Kind, string(data[m.Start:m.End]))
		}
	}
	t.Logf("%d notes, %d matches", len(files), total)
	if total > 2 {
		t.Errorf("%d false positives over the demo store's notes; at most 2 allowed", total)
	}
}

func BenchmarkScan(b *testing.B) {
	text := strings.Repeat("Reviewed three postings with her; she applied to two on 2026-03-04 and called 555-0181. ", 4)
	g := Default()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		g.Scan(text)
	}
}

// BenchmarkScanShort: most strings of a record are short — an enum value,
// a date, an ID, a name — and Scan runs on every one of them.
func BenchmarkScanShort(b *testing.B) {
	g := Default()
	ss := []string{"phone", "job-search", "2026-03-04", "cm08", "contact", "in-person", "Example Library", "applied", "Clerk", "W-001"}
	for b.Loop() {
		for _, s := range ss {
			g.Scan(s)
		}
	}
}

// termsOneByOne is Terms as it was first written: a search of the whole
// text for each term in turn. TestTermsOnePass holds the one-pass Terms
// to it.
func termsOneByOne(g *Guard, text string) []Match {
	lower := asciiLower(text)
	var out []Match
	for _, t := range g.terms {
		in := lower
		if t.exact {
			in = text
		}
		for from := 0; ; {
			i := strings.Index(in[from:], t.words[0])
			if i < 0 {
				break
			}
			start := from + i
			from = start + 1
			if start > 0 && isWordByte(in[start-1]) {
				continue
			}
			end, ok := matchWords(in, start, t.words, false)
			if !ok {
				continue
			}
			m := Match{Kind: Term, Start: start, End: end, Term: t.spelling}
			if !g.allowed(text, m) && !overlaps(out, m) {
				out = append(out, m)
			}
		}
	}
	slices.SortFunc(out, func(a, b Match) int { return a.Start - b.Start })
	return out
}

// TestTermsOnePass: on texts made of the terms' words, pieces of them,
// other words and separators, in every case, the one-pass Terms finds what
// a search for each term in turn finds — with the default terms and with a
// store's own (overlapping terms, terms that start with punctuation, an
// allow list).
func TestTermsOnePass(t *testing.T) {
	guards := []Settings{
		{},
		{Terms: []string{"abuse", "substance abuse", "HIV", "hiv test", "#tag", "re-entry", "ab", "x ray"}, Allow: []string{`substance abuse counsell?or`}},
	}
	pieces := []string{"diagnosis", "Diagnosed", "HIV", "hiv", "AIDS", "aids", "substance", "abuse", "Abuse",
		"criminal", "record", "sex", "offender", "rehab", "rehabilitation", "PTSD", "#tag", "re-entry", "ab", "test",
		"counselor", "x", "X", "ray", "12", "900 - ", "-\n3456", "é", "_", "9", " ", "  ", "\n", "\t", ".", ",", "-", "/", "'"}
	rng := rand.New(rand.NewPCG(1, 2))
	for gi, s := range guards {
		g, err := New(s)
		if err != nil {
			t.Fatal(err)
		}
		for range 20000 {
			var b strings.Builder
			for range rng.IntN(12) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			text := b.String()
			// An ASCII text is searched unfolded: the same as folded.
			if folded := readings(text, g.terms1); !slices.Equal(g.Terms(text), folded) && len(folded)+len(g.Terms(text)) > 0 {
				t.Fatalf("guard %d, %q: Terms = %v, on the folded text %v", gi, text, g.Terms(text), folded)
			}
			got, want := g.Terms(text), termsOneByOne(g, text)
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !slices.Equal(got, want) {
				t.Fatalf("guard %d, %q: Terms = %v, searching term by term = %v", gi, text, got, want)
			}
		}
	}
}

// TestSSNShapes holds SpacedSSN to the regular expression it replaces and
// the default patterns' pre-check to the patterns: on random strings of
// digits, separators and letters, SpacedSSN matches exactly where
// SchemaSSN does, and no default pattern matches where the pre-check
// says no pattern can.
func TestSSNShapes(t *testing.T) {
	schema := regexp.MustCompile(SchemaSSN)
	var defaults []*regexp.Regexp
	for _, p := range DefaultSSN {
		defaults = append(defaults, regexp.MustCompile(p))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const alphabet = "0123456789012345678901234567890123456789 -.-./ x/ssnSSN#social\n"
	shaped := regexp.MustCompile(`(^|[^0-9])([0-9]{9}|[0-9]{3}[-. /][0-9]{2}[-. /][0-9]{4}|[0-9]{3}[-. /][0-9]{3}[-. /][0-9]{3})([^0-9]|$)`)
	matched, checked := 0, 0
	for range 300_000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		if rng.IntN(4) == 0 {
			s += []string{"123-45-6789", "123456789", "SSN 123456789", "1234-56-7890", "12 34 5678", "SSN 123 456 789", "123/45/6789"}[rng.IntN(7)]
		}
		if got, want := SpacedSSN(s), schema.MatchString(s); got != want {
			t.Fatalf("SpacedSSN(%q) = %v, SchemaSSN matches: %v", s, got, want)
		}
		if SpacedSSN(s) {
			matched++
		}
		if ssnShaped(s) != shaped.MatchString(s) {
			t.Fatalf("ssnShaped(%q) = %v, the pattern of its shapes says %v", s, ssnShaped(s), !ssnShaped(s))
		}
		if ssnShaped(s) {
			continue
		}
		checked++
		for _, re := range defaults {
			if re.MatchString(s) {
				t.Fatalf("%q: %s matches, but the pre-check says no default pattern can", s, re)
			}
		}
	}
	if matched < 1000 || checked < 1000 {
		t.Fatalf("%d strings of the SSN shape, %d without: too few of one to test", matched, checked)
	}
}

// TestContainsWordFold holds containsAnyWordFold to a search of the
// lower-cased text for each word not run on from a letter, which it
// replaces in the date-of-birth pre-check.
func TestContainsWordFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const alphabet = "dDoObB.iIrRtThHnNj3 é\n"
	words := []string{"dob", "d.o.b", "birth", "born", "b."}
	var res []*regexp.Regexp
	for _, w := range words {
		res = append(res, regexp.MustCompile(`(^|[^a-z])`+regexp.QuoteMeta(w)))
	}
	for range 100_000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		anyWant := false
		for i, w := range words {
			want := res[i].MatchString(asciiLower(string(b)))
			anyWant = anyWant || want
			if got := containsAnyWordFold(string(b), []string{w}, nil); got != want {
				t.Fatalf("containsAnyWordFold(%q, %q) = %v, want %v", b, w, got, want)
			}
		}
		if got := containsAnyWordFold(string(b), words, nil); got != anyWant {
			t.Fatalf("containsAnyWordFold(%q, %q) = %v, want %v", b, words, got, anyWant)
		}
	}
	if containsAnyWordFold("Found a job. Starts 3/4/2026", words, nil) {
		t.Error(`"job." passes the pre-check for "b."`)
	}
}

// Redact masks every SSN-shaped number the guard finds and every one the
// schemas refuse, and nothing else.
func TestRedact(t *testing.T) {
	g := Default()
	for _, c := range []struct{ in, want string }{
		{"name: Ana: SSN 987-65-4329", "name: Ana: SSN XXX-XX-XXXX"},
		{"SS# 987654329 and 123.45.6789", "SS# XXX-XX-XXXX and XXX-XX-XXXX"},
		{`unknown field "SSN987-65-4329"`, `unknown field "SSNXXX-XX-XXXX"`},
		{"call 555-0181 on 2026-03-04, case 987654329", "call 555-0181 on 2026-03-04, case 987654329"},
		{"1987-65-4329 and 987-65-43210", "1987-65-4329 and 987-65-43210"},
		{"no digits", "no digits"},
		{"SSN ９１２-７８-１２３４ and 912 - 78 - 1234", "SSN XXX-XX-XXXX and XXX-XX-XXXX"},
		{"line one 912-78-\n1234 line two", "line one XXX-XX-XXXX line two"},
		{"SSN912781234", "SSNXXX-XX-XXXX"},
		{"SSN 934 561 234, fax 934/56/1234", "SSN XXX-XX-XXXX, fax XXX-XX-XXXX"},
		{"call 934 561 234", "call 934 561 234"},
	} {
		got, n := g.Redact(c.in)
		if got != c.want {
			t.Errorf("Redact(%q) = %q, want %q", c.in, got, c.want)
		}
		if want := strings.Count(c.want, SSNMask); n != want {
			t.Errorf("Redact(%q) masked %d, want %d", c.in, n, want)
		}
	}
	for _, s := range plantedSSN {
		text := strings.NewReplacer("[", "", "]", "").Replace(s)
		if got, _ := g.Redact(text); g.HasSSN(got) || SpacedSSN(got) {
			t.Errorf("Redact(%q) = %q, still holds one", text, got)
		}
	}
}

// TestOneSSNShape: what the free-text guard finds anywhere (DefaultSSN's
// first pattern), the schemas refuse (SchemaSSN, SpacedSSN) and a value
// alone is (IsSSNShaped): one shape, whichever asks.
func TestOneSSNShape(t *testing.T) {
	anywhere := regexp.MustCompile(DefaultSSN[0])
	schema := regexp.MustCompile(SchemaSSN)
	for _, v := range []string{"912-78-1234", "912 78 1234", "912.78.1234", "912/78/1234", "912-78/1234"} {
		if !anywhere.MatchString(v) {
			t.Fatalf("the guard does not find %q", v)
		}
		if !schema.MatchString("x "+v+" y") || !SpacedSSN("x "+v+" y") || !IsSSNShaped(v) {
			t.Errorf("%q: SchemaSSN %v, SpacedSSN %v, IsSSNShaped %v; the guard finds it",
				v, schema.MatchString("x "+v+" y"), SpacedSSN("x "+v+" y"), IsSSNShaped(v))
		}
	}
}

// RedactQuoted masks a quoted value that is an SSN standing alone — nine
// digits typed as a case ID — and leaves quoted text and numbers of any
// other shape as they are.
func TestRedactQuoted(t *testing.T) {
	nine := "512" + "73" + "4418"
	dashed := "512-" + "73-" + "4418"
	for _, c := range []struct{ in, want string }{
		{`no case "` + nine + `" in this store`, `no case "XXX-XX-XXXX" in this store`},
		{`--at "` + dashed + `": no such commit`, `--at "XXX-XX-XXXX": no such commit`},
		{`--manager " ` + nine + ` " is not on the staff roster`, `--manager "XXX-XX-XXXX" is not on the staff roster`},
		{`no case "W-001" in this store`, `no case "W-001" in this store`},
		{`ticket "` + nine + `0" and "a \"` + nine + `\" b"`, `ticket "` + nine + `0" and "a \"` + nine + `\" b"`},
		{`reference ` + nine + ` unquoted`, `reference ` + nine + ` unquoted`},
		{`zip "78701-1234"`, `zip "78701-1234"`},
	} {
		got, n := RedactQuoted(c.in)
		if got != c.want {
			t.Errorf("RedactQuoted(%q) = %q, want %q", c.in, got, c.want)
		}
		if want := strings.Count(c.want, SSNMask); n != want {
			t.Errorf("RedactQuoted(%q) masked %d, want %d", c.in, n, want)
		}
	}
}

// TestTermsOtherSense: "parole" and "conviction" are French words too (the
// floor, speech; a belief): after a French (or Italian) article,
// possessive or preposition they are not the English terms, which are
// still found after any English word.
func TestTermsOtherSense(t *testing.T) {
	g := Default()
	for _, text := range []string{
		"Elle a pris la parole en réunion",
		"Un homme de parole, dit-il",
		"Il parle avec conviction de son projet",
		"C'est une conviction profonde",
		"Sa  conviction est faite",
		"Ha detto belle parole",
	} {
		if got := g.Terms(text); len(got) != 0 {
			t.Errorf("%q: %v, want nothing", text, got)
		}
	}
	for text, want := range map[string]string{
		"He is on parole until June":        "parole",
		"Meets her parole officer weekly":   "parole",
		"Has a conviction for theft (2019)": "conviction",
		"Prior conviction disclosed":        "conviction",
		"Libéré sur parole en 2024":         "parole",
		"PAROLE ends in May":                "parole",
		"la-parole":                         "parole",
		"Parole: yes; conviction: 2015":     "parole",
		"Said \"a conviction\" twice":       "conviction",
	} {
		if got := g.Terms(text); len(got) == 0 || got[0].Term != want {
			t.Errorf("%q: %v, want %q", text, got, want)
		}
	}
}
