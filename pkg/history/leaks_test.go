package history

import (
	"strconv"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
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
	for _, f := range fs {
		if f.Rule != RuleHistoryLeak {
			continue
		}
		got = append(got, f.String())
		if strings.Contains(f.Message, "6789") || strings.Contains(f.Message, "987654321") {
			t.Errorf("the finding repeats the number: %s", f)
		}
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
	for _, f := range fs {
		if f.Rule != RuleHistoryLeak {
			continue
		}
		got = append(got, f.String())
		if strings.Contains(f.String(), "912") {
			t.Errorf("the finding repeats the number: %s", f)
		}
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
// skipped as ciphertext only when it is one (age's header), not when a
// plain text file was given that name.
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
	s.commit(alice, "2026-BBBBB: seal\n\nCaseplan-Case: 2026-BBBBB\nCaseplan-Action: commit\n")

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
	for _, f := range fs {
		if f.Rule != RuleHistoryLeak {
			continue
		}
		got = append(got, f.String())
		if strings.Contains(f.String(), "1234") {
			t.Errorf("the finding repeats the number: %s", f)
		}
	}
	wantLeaks(t, got, []string{
		"cases/2026-AAAAA/notepad.txt:2:1: error history-pii-leak: commit " + le[:12] + " wrote a number shaped like a Social Security number into the file",
		"cases/2026-AAAAA/export.txt:2:1: error history-pii-leak: commit " + be[:12] + " wrote",
		"cases/2026-AAAAA/intake.pdf: error history-pii-leak: commit " + bin[:12] + " wrote",
	})
}
