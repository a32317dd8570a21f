package gitstore

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// looseCount counts the loose objects as git does.
func looseCount(t *testing.T, dir string) (loose, packs int) {
	t.Helper()
	for _, line := range strings.Split(gitT(t, dir, "count-objects", "-v"), "\n") {
		k, v, _ := strings.Cut(line, ": ")
		switch k {
		case "count":
			fmt.Sscan(v, &loose)
		case "packs":
			fmt.Sscan(v, &packs)
		}
	}
	return loose, packs
}

func TestPackLoose(t *testing.T) {
	r := newTestRepo(t)
	for i := range 20 {
		commitT(t, r, fmt.Sprintf("note %d", i), put(fmt.Sprintf("cases/C%02d/notes/n%d.yaml", i%4, i), strings.Repeat("text ", i+1)))
	}
	head, _ := r.Head()
	loose, _ := looseCount(t, r.Root())
	if loose < 20*5 {
		t.Fatalf("only %d loose objects before packing", loose)
	}
	// A small batch makes several packs.
	var progress []int
	read, last := 0, 0 // objects read, and the last count told of either step
	st, err := r.PackLoose(PackOptions{BatchBytes: 4 << 10, Progress: func(step string, done, total int) {
		if total != loose || done < last || done > total {
			t.Errorf("%s: %d of %d after %d, of %d loose objects", step, done, total, last, loose)
		}
		last = done
		switch step {
		case ObjectsRead:
			read++
		case ObjectsPacked:
			progress = append(progress, done)
		default:
			t.Errorf("step %q", step)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Objects != loose || st.Packs < 2 || len(progress) != st.Packs {
		t.Errorf("stats %+v, progress %v; want %d objects in several packs", st, progress, loose)
	}
	// Each object is told of as it is read, before its pack is written:
	// the encoder reads them all first and says nothing until it is done.
	if read < loose {
		t.Errorf("%d reads told of, want one for each of the %d objects", read, loose)
	}
	if n, packs := looseCount(t, r.Root()); n != 0 || packs != st.Packs {
		t.Errorf("after packing: %d loose, %d packs; want 0 and %d", n, packs, st.Packs)
	}
	gitT(t, r.Root(), "fsck", "--strict", "--no-dangling")
	if out := gitT(t, r.Root(), "status", "--porcelain"); out != "" {
		t.Errorf("git status after packing:\n%s", out)
	}
	// The same Repo and a new one read and write the packed repository.
	commitT(t, r, "after packing", put("cases/C00/notes/late.yaml", "late\n"))
	r2, err := Open(r.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	tf, err := r2.TreeAt(head)
	if err != nil {
		t.Fatal(err)
	}
	if data, err := tf.ReadFile("cases/C03/notes/n19.yaml"); err != nil || string(data) != strings.Repeat("text ", 20) {
		t.Errorf("read from the pack: %q, %v", data, err)
	}
	commitT(t, r2, "again", put("cases/C01/notes/late.yaml", "late\n"))
	gitT(t, r.Root(), "fsck", "--strict", "--no-dangling")

	// MaxPacks stops early, leaving the newest objects loose.
	for i := range 10 {
		commitT(t, r2, "more", put(fmt.Sprintf("cases/C02/notes/m%d.yaml", i), strings.Repeat("more ", i+1)))
	}
	if st, err := r2.PackLoose(PackOptions{BatchBytes: 1 << 10, MaxPacks: 2}); err != nil || st.Packs != 2 {
		t.Errorf("MaxPacks 2: %+v, %v", st, err)
	}
	if n, _ := looseCount(t, r.Root()); n == 0 {
		t.Error("MaxPacks 2 packed everything")
	}
	gitT(t, r.Root(), "fsck", "--strict", "--no-dangling")

	// Nothing loose: nothing to do.
	if _, err := r2.PackLoose(PackOptions{}); err != nil {
		t.Fatal(err)
	}
	if st, err := r2.PackLoose(PackOptions{}); err != nil || st.Objects != 0 || st.Packs != 0 {
		t.Errorf("packing nothing: %+v, %v", st, err)
	}
}

func TestCommitPacksWhenLooseObjectsPileUp(t *testing.T) {
	r := newTestRepo(t)
	r.AutoPackLoose = -1
	for i := range 10 {
		commitT(t, r, "note", put(fmt.Sprintf("cases/A/notes/n%d.yaml", i), fmt.Sprint(i)))
	}
	if n, _ := looseCount(t, r.Root()); n == 0 {
		t.Fatal("AutoPackLoose -1 packed")
	}
	// Any estimate above 1 packs now: the first commit that leaves an
	// object in objects/17 (the estimate is git's, a sample) packs them all.
	r.AutoPackLoose = 1
	for i := 0; ; i++ {
		commitT(t, r, "note", put(fmt.Sprintf("cases/B/notes/n%d.yaml", i), fmt.Sprint(i)))
		if _, packs := looseCount(t, r.Root()); packs > 0 {
			break
		}
		if i > 1000 {
			t.Fatal("never packed")
		}
	}
	if n, _ := looseCount(t, r.Root()); n != 0 {
		t.Errorf("%d loose objects after the commit that packed", n)
	}
	gitT(t, r.Root(), "fsck", "--strict", "--no-dangling")
}

// A tree over 64 KiB (the cases/ directory of a large store) is stored
// compressed, as the git CLI would store it.
func TestLargeTreesStoredCompressed(t *testing.T) {
	r := newTestRepo(t)
	// The store is made by the git CLI (a commit of 2,000 files through
	// Commit would sync each file); caseplan's commit rewrites cases/,
	// and must not pack it away before it is looked at.
	r.AutoPackLoose = -1
	for i := range 2000 {
		writeFile(t, r.Root(), fmt.Sprintf("cases/2026-%05d/intake.yaml", i), fmt.Sprintf("id: %d\n", i))
	}
	gitT(t, r.Root(), "add", "-A")
	gitT(t, r.Root(), "commit", "-q", "-m", "many cases")
	commitT(t, r, "one note", put("cases/2026-00007/notes/n.yaml", "n: 1\n"))
	casesTree := strings.TrimSpace(gitT(t, r.Root(), "rev-parse", "HEAD:cases"))
	size := strings.TrimSpace(gitT(t, r.Root(), "cat-file", "-s", casesTree))
	var raw int64
	fmt.Sscan(size, &raw)
	if raw < 64<<10 {
		t.Fatalf("the cases tree is only %d bytes", raw)
	}
	p := filepath.Join(r.Root(), ".git", "objects", casesTree[:2], casesTree[2:])
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > raw*3/4 {
		t.Errorf("the %d-byte cases tree takes %d bytes on disk: not compressed", raw, fi.Size())
	}
	// And it is valid zlib that git reads back.
	f, _ := os.Open(p)
	defer f.Close()
	zr, err := zlib.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := io.ReadAll(zr)
	if !bytes.HasPrefix(all, []byte("tree "+size+"\x00")) {
		t.Errorf("object header %q", all[:20])
	}
}

// git gc run by someone while a caseplan process has the repository open
// moves the objects into a new pack and deletes the old one; the commit
// still finds them.
func TestCommitAfterConcurrentRepack(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("cases/A/intake.yaml", "a: 1\n"), put("cases/B/intake.yaml", "b: 1\n"))
	gitT(t, r.Root(), "gc", "-q")
	// This Repo lists the packs now.
	if _, err := r.TreeAt(mustHead(t, r)); err != nil {
		t.Fatal(err)
	}
	// Meanwhile: a commit by the git CLI and a repack of everything.
	writeFile(t, r.Root(), "cases/B/iep.yaml", "i: 1\n")
	gitT(t, r.Root(), "add", "cases/B/iep.yaml")
	gitT(t, r.Root(), "commit", "-q", "-m", "B: by hand\n\nCaseplan-Case: B\nCaseplan-Action: commit")
	gitT(t, r.Root(), "gc", "-q", "--prune=now")
	if n, packs := looseCount(t, r.Root()); n != 0 || packs != 1 {
		t.Fatalf("%d loose, %d packs after git gc", n, packs)
	}
	commitT(t, r, "A: note", put("cases/A/notes/n1.yaml", "n: 1\n"))
	gitT(t, r.Root(), "fsck", "--strict", "--no-dangling")
	if out := strings.TrimSpace(gitT(t, r.Root(), "log", "--format=%s")); out != "A: note\nB: by hand\nbase" {
		t.Errorf("history:\n%s", out)
	}
}

// When the objects HEAD needs are gone for good (here: the pack moved
// away, as if a repack were halfway), a commit fails with everything as it
// was, and succeeds when run again once they are back.
func TestCommitWithMissingObjectsFailsCleanly(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("cases/A/intake.yaml", "a: 1\n"))
	gitT(t, r.Root(), "gc", "-q")
	packDir := filepath.Join(r.Root(), ".git", "objects", "pack")
	aside := t.TempDir()
	ents, _ := os.ReadDir(packDir)
	move := func(from, to string) {
		for _, e := range ents {
			if err := os.Rename(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	move(packDir, aside)
	r2, err := Open(r.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	before := takeSnapshot(t, r2)
	_, err = r2.Commit(CommitRequest{Message: "A: note", Author: testAuthor, Changes: []Change{put("cases/A/notes/n1.yaml", "n\n")}})
	if err == nil || !strings.Contains(err.Error(), "try again") {
		t.Fatalf("err = %v, want a failure that says to try again", err)
	}
	before.assertSame(t, takeSnapshot(t, r2))
	assertNoLockFiles(t, r2)
	move(aside, packDir)
	commitT(t, r2, "A: note", put("cases/A/notes/n1.yaml", "n\n"))
	gitT(t, r.Root(), "fsck", "--strict", "--no-dangling")
}

func mustHead(t *testing.T, r *Repo) plumbing.Hash {
	t.Helper()
	head, err := r.Head()
	if err != nil {
		t.Fatal(err)
	}
	return head
}

// Loose and packed objects are read by caseplan's own readers; both give
// git's answer, for every object of a history part loose, part packed.
func TestReadObjectsLooseAndPacked(t *testing.T) {
	r := newTestRepo(t)
	r.AutoPackLoose = -1
	commitT(t, r, "one", put("cases/A/intake.yaml", "a: 1\n"), put("cases/A/notes/n.yaml", strings.Repeat("n ", 5000)))
	gitT(t, r.Root(), "gc", "-q")
	commitT(t, r, "two", put("cases/B/intake.yaml", "b: 1\n"))
	r2, err := Open(r.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	loose := 0
	for _, line := range strings.Split(strings.TrimSpace(gitT(t, r.Root(), "rev-list", "--objects", "--all")), "\n") {
		h, _, _ := strings.Cut(line, " ")
		typ := strings.TrimSpace(gitT(t, r.Root(), "cat-file", "-t", h))
		want := gitT(t, r.Root(), "cat-file", typ, h)
		o, err := r2.objects.EncodedObject(plumbing.AnyObject, plumbing.NewHash(h))
		if err != nil {
			t.Fatalf("%s: %v", h, err)
		}
		rd, _ := o.Reader()
		got, _ := io.ReadAll(rd)
		if o.Type().String() != typ || string(got) != want || o.Hash().String() != h {
			t.Errorf("%s: %s %q, want %s %q", h, o.Type(), got, typ, want)
		}
		if _, err := os.Stat(filepath.Join(r.Root(), ".git", "objects", h[:2], h[2:])); err == nil {
			loose++
		}
		if _, err := r2.objects.EncodedObject(plumbing.TagObject, plumbing.NewHash(h)); err != plumbing.ErrObjectNotFound {
			t.Errorf("%s as a tag: %v", h, err)
		}
	}
	if loose == 0 {
		t.Error("no object was read loose")
	}
}

// A reader that listed the packs before another process packed (caseplan
// gc, or git gc) still finds the objects that moved.
func TestReadersSurviveRepack(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("cases/A/intake.yaml", "a: 1\n"))
	gitT(t, r.Root(), "gc", "-q")
	reader, err := Open(r.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if _, err := reader.TreeAt(mustHead(t, reader)); err != nil { // lists the packs
		t.Fatal(err)
	}
	read := func(path, want string) {
		t.Helper()
		tf, err := reader.TreeAt(mustHead(t, reader))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := tf.ReadFile(path); err != nil || string(got) != want {
			t.Fatalf("%s: %q, %v", path, got, err)
		}
	}
	// Another caseplan process commits and packs the loose objects.
	commitT(t, r, "B", put("cases/B/intake.yaml", "b: 1\n"))
	if _, err := r.PackLoose(PackOptions{}); err != nil {
		t.Fatal(err)
	}
	read("cases/B/intake.yaml", "b: 1\n")
	// git gc: everything into one new pack, the old ones deleted.
	commitT(t, r, "C", put("cases/C/intake.yaml", "c: 1\n"))
	gitT(t, r.Root(), "gc", "-q", "--prune=now")
	read("cases/C/intake.yaml", "c: 1\n")
	read("cases/A/intake.yaml", "a: 1\n")
}

// A damaged loose object makes packing fail: a commit still succeeds, the
// objects stay loose, the failure is remembered so the next commits do not
// each try again, and gc reports it.
func TestAutoPackFailureIsRememberedNotRepeated(t *testing.T) {
	r := newTestRepo(t)
	r.AutoPackLoose = -1
	commitT(t, r, "base", put("cases/A/intake.yaml", "a: 1\n"))
	bad := filepath.Join(r.Root(), ".git", "objects", "17", strings.Repeat("0", 38))
	if err := os.MkdirAll(filepath.Dir(bad), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("not zlib"), 0o444); err != nil {
		t.Fatal(err)
	}
	r.AutoPackLoose = 1
	commitT(t, r, "one", put("cases/A/notes/n1.yaml", "n\n"))
	failed := filepath.Join(r.StateDir(), autoPackFailed)
	if _, err := os.Stat(failed); err != nil {
		t.Fatalf("the failure was not remembered: %v", err)
	}
	if n, packs := looseCount(t, r.Root()); n == 0 || packs != 0 {
		t.Errorf("%d loose objects, %d packs after a failed packing", n, packs)
	}
	stamp, _ := os.Stat(failed)
	commitT(t, r, "two", put("cases/A/notes/n2.yaml", "n\n"))
	if again, err := os.Stat(failed); err != nil || !again.ModTime().Equal(stamp.ModTime()) {
		t.Errorf("the next commit tried to pack again")
	}
	if _, err := r.PackLoose(PackOptions{}); err == nil {
		t.Error("gc did not report the damaged object")
	}
	// Once the damage is gone, packing works and forgets the failure.
	os.Remove(bad)
	if _, err := r.PackLoose(PackOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(failed); err == nil {
		t.Error("the failure is still remembered after packing succeeded")
	}
}
