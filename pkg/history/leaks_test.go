package history

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
)

// TestVerifyHistoryLeak: an SSN typed into a note and "removed" by a later
// commit (a correction note, then the file's content replaced by hand) is
// still in the history; verify names the commit that wrote it and the
// file, once, and says how to purge it, never repeating the number. The
// same content reached again later is not reported again.
func TestVerifyHistoryLeak(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	path, _ := note("2026-AAAAA", "n1", "")
	s.write(path, "id: n1\ncontent: |\n  Called her back.\n  SSN 123-45-6789 read out by mistake\n")
	leak := s.caseplanCommit(alice, "2026-AAAAA", "note.add", "add note n1")
	s.write(path, "id: n1\ncontent: Called her back.\n")
	s.caseplanCommit(alice, "2026-AAAAA", "commit", "remove the number")
	s.write("cases/2026-AAAAA/services.yaml", "referrals: []\n# ssn: 987654321\n")
	leak2 := s.caseplanCommit(alice, "2026-AAAAA", "service.add", "referral")

	fs, _ := verify(t, s, "")
	var got []string
	for _, f := range leakFindings(t, fs, "6789", "987654321") {
		got = append(got, f.String())
		if !strings.Contains(f.Message, "git filter-repo") {
			t.Errorf("no way to purge it: %s", f)
		}
	}
	want := []string{
		path + ":4:1: error history-pii-leak: commit " + leak[:12] + " wrote a number shaped like a Social Security number into the file",
		"cases/2026-AAAAA/services.yaml:2:1: error history-pii-leak: commit " + leak2[:12] + " wrote",
	}
	wantLeaks(t, got, want)

	// A run after the leaks, from the trust anchor on, does not read them
	// again: they were reported when they were new.
	fs, _, err := Verify(s.open(), plumbing.ZeroHash, VerifyOptions{Since: hash(leak2)})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Errorf("since the last leak: %v", fs)
	}
}

// TestVerifyHistoryLeakOtherFiles: a file caseplan does not read (a text
// file, a .yml copy) committed with git under cases/ is in every clone's
// history as surely as a record, and so is a file's name: verify reports
// each, never repeating the number, not even in the path it names; a
// binary file too, for the number its bytes spell out in plain text.
func TestVerifyHistoryLeakOtherFiles(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.write("cases/2026-AAAAA/scan.txt", "Called her back.\nSSN 912-78-1234\n")
	txt := s.caseplanCommit(alice, "2026-AAAAA", "commit", "a scan")
	s.write("cases/2026-AAAAA/ssn 912-78-1235.txt", "nothing here\n")
	name := s.caseplanCommit(alice, "2026-AAAAA", "commit", "a file")
	s.write("cases/2026-AAAAA/photo.bin", "\x00\x01SSN 912-78-1236\n")
	bin := s.caseplanCommit(alice, "2026-AAAAA", "commit", "a binary file")

	fs, _ := verify(t, s, "")
	var got []string
	for _, f := range leakFindings(t, fs, "912") {
		got = append(got, f.String())
	}
	want := []string{
		"cases/2026-AAAAA/scan.txt:2:1: error history-pii-leak: commit " + txt[:12] + " wrote a number shaped like a Social Security number into the file",
		"cases/2026-AAAAA/ssn XXX-XX-XXXX.txt: error history-pii-leak: commit " + name[:12] + " wrote a file whose name holds a number shaped like a Social Security number",
		"cases/2026-AAAAA/photo.bin: error history-pii-leak: commit " + bin[:12] + " wrote",
	}
	wantLeaks(t, got, want)
}

// wantLeaks checks that the leak findings got, as strings, begin with
// want's, one for one.
// leakFindings are the history-pii-leak findings of fs; any that
// repeats one of numbers (parts of the numbers the test wrote) is an
// error: a finding names where a number is, never the number.
func leakFindings(t *testing.T, fs []finding.Finding, numbers ...string) []finding.Finding {
	t.Helper()
	var leaks []finding.Finding
	for _, f := range fs {
		if f.Rule != RuleHistoryLeak {
			continue
		}
		for _, n := range numbers {
			if strings.Contains(f.String(), n) {
				t.Errorf("the finding repeats the number: %s", f)
			}
		}
		leaks = append(leaks, f)
	}
	return leaks
}

func wantLeaks(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d leak findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %s\nwant %s...", got[i], want[i])
		}
	}
}

// TestVerifyHistoryLeakUnreadFiles: verify reads every file a commit
// wrote under cases/, not only those small enough to be a record: an
// export over 1 MiB (load.MaxFileSize) holding a number, its number past
// the first MiB, is reported at its line; and a file named sealed.age is
// read for numbers too, whether plain text was given that name or put
// after a hand-made age header (then also reported as not ciphertext).
func TestVerifyHistoryLeakUnreadFiles(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	line := "participant,enrolled,notes\n"
	big := strings.Repeat(line, (1<<20)/len(line)+10) + "x,2026-03-01,ssn 123-45-6789\n"
	s.write("cases/2026-AAAAA/export.csv", big)
	bigLeak := s.commit(alice, "2026-AAAAA: export\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Action: commit\n")
	s.write("cases/2026-AAAAA/sealed.age", "not encrypted at all: ssn 123-45-6789\n")
	sealedLeak := s.commit(alice, "2026-AAAAA: seal\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Action: commit\n")
	s.write("cases/2026-BBBBB/sealed.age", "age-encryption.org/v1\n-> X25519 abc\n123-45-6789\n")
	handMade := s.commit(alice, "2026-BBBBB: seal\n\nCaseplan-Case: 2026-BBBBB\nCaseplan-Action: commit\n")

	fs, _ := verify(t, s, "")
	var got []string
	for _, f := range fs {
		if f.Rule == RuleHistoryLeak {
			got = append(got, f.String())
		}
	}
	n := strings.Count(big, "\n")
	wantLeaks(t, got, []string{
		"cases/2026-AAAAA/export.csv:" + strconv.Itoa(n) + ":1: error history-pii-leak: commit " + bigLeak[:12] + " wrote",
		"cases/2026-AAAAA/sealed.age:1:1: error history-pii-leak: commit " + sealedLeak[:12] + " wrote",
		"cases/2026-BBBBB/sealed.age: error history-pii-leak: commit " + handMade[:12] + " wrote a sealed.age that is not age ciphertext: its header is not one age wrote",
		"cases/2026-BBBBB/sealed.age:3:1: error history-pii-leak: commit " + handMade[:12] + " wrote a number",
	})
}

// TestVerifyHistoryLeakEncodedFiles: a file with NUL bytes is still read
// for what a reader sees in it: a text saved as UTF-16 (Notepad's
// "Unicode", with its byte order mark or without, either byte order) is
// decoded, and a binary file (a PDF whose text stream is not compressed)
// is read for its printable runs, as strings(1) shows them. A file of
// random bytes with no readable number is not reported.
func TestVerifyHistoryLeakEncodedFiles(t *testing.T) {
	ssn := "912-78-" + "1234"
	utf16 := func(s string, bom []byte, le bool) string {
		b := append([]byte{}, bom...)
		for _, r := range s {
			if le {
				b = append(b, byte(r), 0)
			} else {
				b = append(b, 0, byte(r))
			}
		}
		return string(b)
	}
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.write("cases/2026-AAAAA/notepad.txt", utf16("Called her back.\r\nSSN "+ssn+"\r\n", []byte{0xFF, 0xFE}, true))
	le := s.caseplanCommit(alice, "2026-AAAAA", "commit", "a text saved as Unicode")
	s.write("cases/2026-AAAAA/export.txt", utf16("participant\nssn "+ssn+"\n", nil, false))
	be := s.caseplanCommit(alice, "2026-AAAAA", "commit", "a big-endian text without a byte order mark")
	pdf := "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 >>\nstream\x00\x00\x01BT /F1 12 Tf (SSN " + ssn + ") Tj ET\nendstream\x00\x02\x00"
	s.write("cases/2026-AAAAA/intake.pdf", pdf)
	bin := s.caseplanCommit(alice, "2026-AAAAA", "commit", "a scanned form")
	s.write("cases/2026-AAAAA/photo.bin", "\x00\x01\xff\x9c912\x0078\x00\x02")
	s.caseplanCommit(alice, "2026-AAAAA", "commit", "a photo")
	// The cost is bounded: a binary file is read no further than its
	// first MiB, so a number past it is not found.
	s.write("cases/2026-AAAAA/video.bin", "\x00"+strings.Repeat("\x01\x02", 3<<19)+"SSN "+ssn)
	s.caseplanCommit(alice, "2026-AAAAA", "commit", "a video")

	fs, _ := verify(t, s, "")
	var got []string
	for _, f := range leakFindings(t, fs, "1234") {
		got = append(got, f.String())
	}
	wantLeaks(t, got, []string{
		"cases/2026-AAAAA/notepad.txt:2:1: error history-pii-leak: commit " + le[:12] + " wrote a number shaped like a Social Security number into the file",
		"cases/2026-AAAAA/export.txt:2:1: error history-pii-leak: commit " + be[:12] + " wrote",
		"cases/2026-AAAAA/intake.pdf: error history-pii-leak: commit " + bin[:12] + " wrote",
	})
}

// TestVerifyHistorySealedNotCiphertext: a sealed.age is skipped as
// ciphertext only when all of it is age's: a header that parses, then a
// payload as long as age's can be, with no readable text in it. Text
// pasted after a sealed block, a hand-made header, a payload cut short,
// or text after an armored file's end line is a leak disguised as
// sealed, reported without decrypting anything.
func TestVerifyHistorySealedNotCiphertext(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	seal := func(armored bool) string {
		var b bytes.Buffer
		var w io.Writer = &b
		var aw io.WriteCloser
		if armored {
			aw = armor.NewWriter(&b)
			w = aw
		}
		ew, err := age.Encrypt(w, id.Recipient())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(ew, "date_of_birth: 1990-01-01\n")
		ew.Close()
		if aw != nil {
			aw.Close()
		}
		return b.String()
	}
	// cut leaves a file its header and a payload too short for age's.
	cut := func(file string) string {
		hdr, err := age.ExtractHeader(strings.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		return file[:len(hdr)+16+16-1] // age's nonce and tag, one byte short
	}
	ssn := "912-78-" + "1234"
	s := newTestStore(t)
	s.initStore()
	// what: how each is reported ("" not at all): a short number pasted
	// after the payload keeps its length one age's can have and is too
	// short to tell from ciphertext as text, but is found as any number.
	const notAge, number = "wrote a sealed.age that is not age ciphertext", "wrote a number shaped like"
	cases := []struct{ content, what string }{
		{seal(false), ""},
		{seal(true), ""},
		{seal(false) + "\nand her caseworker said she moved in March\n", notAge},
		{seal(false) + "ssn " + ssn, number},
		{"age-encryption.org/v1\n-> X25519 abc\nher record follows in plain text\n", notAge},
		{cut(seal(false)), notAge},
		{seal(true) + "she moved in March, new address to follow\n", notAge},
	}
	var want []string
	for i, c := range cases {
		id := fmt.Sprintf("2026-AAAA%c", 'A'+i)
		s.write(layout.Sealed(id), c.content)
		h := s.commit(alice, id+": seal\n\nCaseplan-Case: "+id+"\nCaseplan-Action: commit\n")
		if c.what != "" {
			want = append(want, layout.Sealed(id)+" "+h[:12]+" "+c.what)
		}
	}

	fs, _ := verify(t, s, "")
	var got []string
	for _, f := range leakFindings(t, fs, "1234") {
		what, _, _ := strings.Cut(strings.TrimPrefix(f.Message, "commit "+f.Commit[:12]+" "), " into")
		what, _, _ = strings.Cut(what, ":")
		got = append(got, f.Path+" "+f.Commit[:12]+" "+what)
	}
	wantLeaks(t, got, want)
}
