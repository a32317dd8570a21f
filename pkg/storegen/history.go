package storegen

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"crypto/sha1"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The history is written as one git fast-import stream: every distinct
// blob once, with a mark, as the cases are generated, and the commits in
// date order, each naming the blobs it adds or changes with M lines, as
// soon as their day is complete (scheduler), so that generating the cases
// overlaps with fast-import's work on the commits.
// fast-import writes a single pack and the branch; the work tree, already
// written by the generator, is then matched with an index:
//
//	git read-tree HEAD          the index from HEAD's tree (no stat data)
//	git update-index --refresh  hashes every file and records its stat data;
//	                            it fails when a file differs from the tree
//
// which checks that the files written are exactly the tree, and is much
// cheaper than checking 250,000 files out again (git reset --hard, or
// read-tree -u). git status is then clean.

// importer feeds git fast-import.
type importer struct {
	dir    string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	w      *bufio.Writer
	stderr bytes.Buffer
	marks  map[[sha1.Size]byte]int // blob content to mark: each blob is sent once
	last   int                     // the last mark given
	werr   error                   // the first write error
}

func startImport(dir string) (*importer, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("storegen: writing the history needs the git CLI: %w", err)
	}
	if _, err := git(dir, nil, "init", "-q", "-b", "main", "."); err != nil {
		return nil, err
	}
	im := &importer{dir: dir, marks: map[[sha1.Size]byte]int{}}
	im.cmd = gitCmd(dir, "fast-import", "--quiet", "--done")
	im.cmd.Stderr = &im.stderr
	var err error
	if im.stdin, err = im.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	if err := im.cmd.Start(); err != nil {
		return nil, fmt.Errorf("storegen: git fast-import: %w", err)
	}
	im.w = bufio.NewWriterSize(im.stdin, 1<<20)
	im.printf("feature done\n")
	return im, nil
}

func (im *importer) printf(format string, args ...any) {
	if im.werr == nil {
		_, im.werr = fmt.Fprintf(im.w, format, args...)
	}
}

func (im *importer) write(b []byte) {
	if im.werr == nil {
		_, im.werr = im.w.Write(b)
	}
}

// err is the first error writing the stream; nil for a nil importer.
func (im *importer) err() error {
	if im == nil || im.werr == nil {
		return nil
	}
	return im.failed(im.werr)
}

// blob sends f's content, unless the same content was sent before, and
// gives f its mark. f's bytes are dropped: the stream has them.
func (im *importer) blob(f *file) {
	if f.mark != 0 {
		return
	}
	key := sha1.Sum(f.data)
	if m, ok := im.marks[key]; ok {
		f.mark, f.data = m, nil
		return
	}
	im.last++
	f.mark = im.last
	im.marks[key] = f.mark
	im.printf("blob\nmark :%d\ndata %d\n", f.mark, len(f.data))
	im.write(f.data)
	im.write([]byte{'\n'})
	f.data = nil
}

// commit sends c, whose blobs were sent before.
func (im *importer) commit(c *commitPlan) {
	im.last++
	who := c.author.signature() + " " + strconv.FormatInt(c.when, 10) + " +0000"
	msg := c.message()
	im.printf("commit refs/heads/main\nmark :%d\nauthor %s\ncommitter %s\ndata %d\n%s\n", im.last, who, who, len(msg), msg)
	for _, f := range c.files {
		if f.mark == 0 || strings.ContainsAny(f.path, " \t\n\"") {
			im.werr = cmp.Or(im.werr, fmt.Errorf("storegen: internal error: %s has no blob or needs quoting", f.path))
			return
		}
		im.printf("M 100644 :%d %s\n", f.mark, f.path)
	}
	im.printf("\n")
}

// finish ends the stream and waits for fast-import.
func (im *importer) finish() error {
	im.printf("done\n")
	if im.werr == nil {
		im.werr = im.w.Flush()
	}
	cerr := im.stdin.Close()
	werr := im.cmd.Wait()
	im.cmd = nil
	if err := cmp.Or(werr, im.werr, cerr); err != nil {
		return im.failed(err)
	}
	return nil
}

func (im *importer) failed(err error) error {
	return fmt.Errorf("storegen: git fast-import: %w\n%s", err, strings.TrimSpace(im.stderr.String()))
}

// abort stops fast-import if it still runs (after an error elsewhere).
func (im *importer) abort() {
	if im.cmd != nil && im.cmd.Process != nil {
		im.stdin.Close()
		im.cmd.Process.Kill()
		im.cmd.Wait()
		im.cmd = nil
	}
}

// scheduler hands the commits to fast-import in date order as soon as
// their day is complete: cases are generated in the order they opened, and
// no case commits before it opens, so once the cases opened before a day
// are all generated, every commit dated before that day is known.
//
// Commits are ordered by day, then the store's first, then the cases' in
// case order, each case's in its own order. Each gets a time in office
// hours on its day, spread evenly and strictly increasing, so author and
// committer dates rise with the history.
type scheduler struct {
	pending commitHeap
	prev    int64 // the time of the last commit handed on
	batch   []*commitPlan
}

func (s *scheduler) add(cs ...*commitPlan) {
	for _, c := range cs {
		heap.Push(&s.pending, c)
	}
}

// flush hands on, in order, every pending commit dated before day (every
// one when day is zero).
func (s *scheduler) flush(day time.Time, emit func(*commitPlan)) {
	s.batch = s.batch[:0]
	for len(s.pending) > 0 && (day.IsZero() || s.pending[0].day.Before(day)) {
		s.batch = append(s.batch, heap.Pop(&s.pending).(*commitPlan))
	}
	const open, hours = 8 * 3600, 9 * 3600
	for i := 0; i < len(s.batch); {
		j := i
		for j < len(s.batch) && s.batch[j].day.Equal(s.batch[i].day) {
			j++
		}
		step := int64(hours / (j - i + 1))
		for k := i; k < j; k++ {
			c := s.batch[k]
			c.when = max(c.day.Unix()+open+int64(k-i+1)*step, s.prev+1)
			s.prev = c.when
			emit(c)
		}
		i = j
	}
}

type commitHeap []*commitPlan

func (h commitHeap) Len() int { return len(h) }
func (h commitHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	return cmp.Or(a.day.Compare(b.day), cmp.Compare(a.order, b.order), cmp.Compare(a.seq, b.seq)) < 0
}
func (h commitHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *commitHeap) Push(x any)   { *h = append(*h, x.(*commitPlan)) }
func (h *commitHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}

// checkout builds the index for the work tree the generator wrote and
// checks that the two agree (see the top of this file).
func checkout(dir string) error {
	if _, err := git(dir, nil, "read-tree", "HEAD"); err != nil {
		return err
	}
	if _, err := git(dir, nil, "update-index", "--refresh"); err != nil {
		return fmt.Errorf("storegen: the files written differ from the history's last tree: %w", err)
	}
	return nil
}

// unpack explodes fast-import's pack into loose objects, as caseplan
// writes them (git unpack-objects only writes objects the repository
// lacks, so the pack is moved out first).
func unpack(dir string) error {
	packDir := filepath.Join(dir, ".git", "objects", "pack")
	packs, err := filepath.Glob(filepath.Join(packDir, "pack-*.pack"))
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Join(dir, ".git"), "storegen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, pack := range packs {
		moved := filepath.Join(tmp, filepath.Base(pack))
		if err := os.Rename(pack, moved); err != nil {
			return err
		}
		others, _ := filepath.Glob(strings.TrimSuffix(pack, ".pack") + ".*")
		for _, o := range others {
			if err := os.Remove(o); err != nil {
				return err
			}
		}
		f, err := os.Open(moved)
		if err != nil {
			return err
		}
		_, err = git(dir, f, "unpack-objects", "-q")
		f.Close()
		if err != nil {
			return err
		}
	}
	_, err = git(dir, nil, "config", "gc.auto", "0")
	return err
}

// gitCmd is a git command in dir that reads no user or system
// configuration (which could change what it writes) and no GIT_*
// variables of the caller.
func gitCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "LC_ALL=C")
	return cmd
}

// git runs a git command in dir and returns its output, trimmed.
func git(dir string, stdin io.Reader, args ...string) (string, error) {
	cmd := gitCmd(dir, args...)
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("storegen: git %s: %w\n%s%s", args[0], err, stdout.String(), strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(stdout.String()), nil
}
