package gitstore

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// Edit is one file whose content in the work tree differs from HEAD's.
type Edit struct {
	Path string // slash-separated, repository-relative
	Data []byte // the work tree's content; nil when the file was deleted
	// Executable says the work tree's file has its executable bit set
	// (core.filemode not false): git would commit it as 100755, which a
	// record never is.
	Executable bool
	// Symlink says the work tree has a symbolic link where HEAD has the
	// file (Data is nil): git would commit the link, not a deletion.
	Symlink bool
	// NewLink says the symbolic link is where HEAD has nothing, and git
	// would add it (it is not ignored): validate reports it, so it is
	// no "nothing to commit" (Symlink is set too, Data nil).
	NewLink bool
}

// EditsUnder is "git status" for one directory of the work tree: the files
// under dir whose content differs from HEAD's tree (added, changed or
// deleted), in path order.
//
// It costs what git status costs, not a read of every file: a tracked
// file whose stat data (times, inode, size) matches its index entry, and
// that is not racily clean, is taken to have the entry's blob, as git
// does, so only files touched since the index was written are read and
// hashed. Hashes then go up the work tree as tree hashes and are compared
// with HEAD's trees from the top: a directory whose tree hash equals
// HEAD's (a case nobody edited) is skipped without reading anything more.
//
// Untracked files that git ignores (.gitignore, .git/info/exclude, the
// global excludes file) are left out, as git add leaves them out. Of the
// other untracked files, those track rejects are left out too and returned
// as skipped; track nil keeps every one. Symbolic links and other
// non-regular files are never edits.
func (r *Repo) EditsUnder(dir string, track func(path string) bool) (edits []Edit, skipped []string, err error) {
	s, err := r.scanUnder(dir, track)
	if err != nil {
		return nil, nil, err
	}
	return s.edits, s.skipped, nil
}

// scanUnder does EditsUnder's work and keeps its counts.
func (r *Repo) scanUnder(dir string, track func(path string) bool) (*statusScan, error) {
	idx, err := readIndex(filepath.Join(r.gitDir, "index"))
	if err != nil {
		return nil, err
	}
	head, err := r.Head()
	if err != nil {
		return nil, err
	}
	s := &statusScan{r: r, idx: idx, ignore: newIgnorer(r.root), work: map[string]*workFile{}, filemode: r.fileMode(), links: map[string]bool{}}
	s.indexed = idx.stage0Under(dir)
	if err := s.walk(dir); err != nil {
		return nil, err
	}
	for p, f := range s.work {
		if !f.tracked && track != nil && !track(p) {
			// A stray file (a call log, a scan) stays out of the audit trail.
			s.skipped = append(s.skipped, p)
			delete(s.work, p)
		}
	}
	sort.Strings(s.skipped)

	var headTree plumbing.Hash
	if !head.IsZero() {
		if headTree, err = r.treeHashAt(head, dir); err != nil {
			return nil, err
		}
	}
	root := s.buildDirs(dir)
	changed := map[string]bool{}
	if err := s.compare(root, headTree, changed); err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(changed))
	for p := range changed {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		f := s.work[p]
		if f == nil {
			s.edits = append(s.edits, Edit{Path: p, Symlink: s.links[p]})
			continue
		}
		if f.data == nil {
			if f.data, err = os.ReadFile(filepath.Join(r.root, filepath.FromSlash(p))); err != nil {
				return nil, err
			}
			s.reads++
		}
		s.edits = append(s.edits, Edit{Path: p, Data: f.data, Executable: f.exec})
	}
	var added []string
	for p := range s.links {
		if !changed[p] {
			added = append(added, p)
		}
	}
	sort.Strings(added)
	for _, p := range added {
		s.edits = append(s.edits, Edit{Path: p, Symlink: true, NewLink: true})
	}
	return s, nil
}

// workFile is one regular file of the work tree: its blob hash, and its
// content when it had to be read to know the hash.
type workFile struct {
	hash    plumbing.Hash
	data    []byte
	tracked bool // in the index at stage 0
	exec    bool // its executable bit is set, and git heeds it
}

type statusScan struct {
	r       *Repo
	idx     *indexFile
	indexed map[string]*indexEntry
	ignore  *ignorer
	work    map[string]*workFile

	edits   []Edit
	skipped []string
	reads   int // files read from the work tree

	filemode bool            // core.filemode: git heeds the executable bit
	links    map[string]bool // the symbolic links met
}

// walk reads dir's files: their hash from the index when the stat data
// says they are unchanged, else from their content.
func (s *statusScan) walk(dir string) error {
	// The rules of the directories on the way down to dir apply in it.
	parts := strings.Split(dir, "/")
	for i := 1; i < len(parts); i++ {
		s.ignore.readDir(strings.Join(parts[:i], "/"))
	}
	return s.walkDir(dir, false)
}

// walkDir walks one directory; ignored says an ignore rule covers it, so
// only its tracked files count.
func (s *statusScan) walkDir(dir string, ignored bool) error {
	abs := filepath.Join(s.r.root, filepath.FromSlash(dir))
	ents, err := os.ReadDir(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return nil
		}
		return err
	}
	// Only a directory that has a .gitignore adds rules: looking for one
	// in each of a store's 20,000 directories would cost as much as the
	// rest of the walk.
	for _, d := range ents {
		if d.Name() == ".gitignore" {
			s.ignore.readDir(dir)
			break
		}
	}
	for _, d := range ents {
		rel := dir + "/" + d.Name()
		if d.IsDir() {
			if d.Name() == ".git" {
				continue
			}
			// An ignored directory may still hold tracked files, which git
			// keeps tracking: walk on, and leave out only what is untracked.
			if err := s.walkDir(rel, ignored || s.ignore.match(rel, true)); err != nil {
				return err
			}
			continue
		}
		if !d.Type().IsRegular() {
			// A link git would add (not ignored) is kept too: where HEAD
			// has no file, it is a new link (Edit.NewLink).
			if d.Type()&fs.ModeSymlink != 0 && (s.indexed[rel] != nil || !(ignored || s.ignore.match(rel, false))) {
				s.links[rel] = true
			}
			continue
		}
		e := s.indexed[rel]
		if e == nil && (ignored || s.ignore.match(rel, false)) {
			continue
		}
		f := &workFile{tracked: e != nil}
		// The listing does not give the mode bits: one lstat, which the
		// index comparison of a tracked file needs anyway.
		fi, err := d.Info()
		if err != nil {
			return err
		}
		f.exec = s.filemode && fi.Mode().Perm()&0o111 != 0
		if e != nil {
			if s.idx.clean(e, fi) {
				copy(f.hash[:], s.idx.fixed(e)[40:60])
				s.work[rel] = f
				continue
			}
		}
		data, err := os.ReadFile(filepath.Join(abs, d.Name()))
		if err != nil {
			return err
		}
		s.reads++
		f.data, f.hash = data, s.r.workHash(rel, data)
		s.work[rel] = f
	}
	return nil
}

// workDir is a directory of the work tree with its tree hash as git would
// compute it from the files kept.
type workDir struct {
	path  string
	files map[string]plumbing.Hash
	execs map[string]bool // the executable files
	dirs  map[string]*workDir
	hash  plumbing.Hash
}

// buildDirs arranges the kept files in directories under dir and hashes
// each directory as a git tree of regular files.
func (s *statusScan) buildDirs(dir string) *workDir {
	root := &workDir{path: dir, files: map[string]plumbing.Hash{}, execs: map[string]bool{}, dirs: map[string]*workDir{}}
	for p, f := range s.work {
		rest := strings.TrimPrefix(p, dir+"/")
		d := root
		for {
			name, more, isDir := strings.Cut(rest, "/")
			if !isDir {
				d.files[name] = f.hash
				if f.exec {
					d.execs[name] = true
				}
				break
			}
			sub := d.dirs[name]
			if sub == nil {
				sub = &workDir{path: d.path + "/" + name, files: map[string]plumbing.Hash{}, execs: map[string]bool{}, dirs: map[string]*workDir{}}
				d.dirs[name] = sub
			}
			d, rest = sub, more
		}
	}
	root.hashTree()
	return root
}

// hashTree sets the tree hash of d and of every directory under it.
func (d *workDir) hashTree() {
	type entry struct {
		name string
		dir  bool
		exec bool
		hash plumbing.Hash
	}
	var ents []entry
	for name, h := range d.files {
		ents = append(ents, entry{name, false, d.execs[name], h})
	}
	for name, sub := range d.dirs {
		sub.hashTree()
		ents = append(ents, entry{name, true, false, sub.hash})
	}
	sort.Slice(ents, func(i, j int) bool { return gitNameLess(ents[i].name, ents[i].dir, ents[j].name, ents[j].dir) })
	var b bytes.Buffer
	for _, e := range ents {
		switch {
		case e.dir:
			b.WriteString("40000 ")
		case e.exec:
			b.WriteString("100755 ")
		default:
			b.WriteString("100644 ")
		}
		b.WriteString(e.name)
		b.WriteByte(0)
		b.Write(e.hash[:])
	}
	d.hash = objectHash("tree", b.Bytes())
}

// compare adds to changed every file that differs between the work
// directory d and HEAD's tree at the same place (zero when HEAD has none),
// reading only the trees whose hashes differ.
func (s *statusScan) compare(d *workDir, tree plumbing.Hash, changed map[string]bool) error {
	if d.hash == tree {
		return nil
	}
	var headEntries []rawTreeEntry
	if !tree.IsZero() {
		var err error
		if headEntries, err = s.r.readTreeEntries(tree); err != nil {
			return err
		}
	}
	seenFile, seenDir := map[string]bool{}, map[string]bool{}
	for _, e := range headEntries {
		p := d.path + "/" + e.name
		if e.dir {
			seenDir[e.name] = true
			sub := d.dirs[e.name]
			if sub == nil {
				if err := s.deleted(p, e.hash, changed); err != nil {
					return err
				}
				continue
			}
			if err := s.compare(sub, e.hash, changed); err != nil {
				return err
			}
			continue
		}
		if !e.regular {
			continue // a symlink or submodule is never edited here
		}
		seenFile[e.name] = true
		// A file whose content is HEAD's but whose mode is not (chmod +x,
		// or the reverse) is changed, as git status says.
		if h, ok := d.files[e.name]; !ok || h != e.hash || d.execs[e.name] != e.exec {
			changed[p] = true
		}
	}
	for name := range d.files {
		if !seenFile[name] {
			changed[d.path+"/"+name] = true
		}
	}
	for name, sub := range d.dirs {
		if !seenDir[name] {
			if err := s.compare(sub, plumbing.ZeroHash, changed); err != nil {
				return err
			}
		}
	}
	return nil
}

// deleted marks every regular file of HEAD's tree under p as deleted.
func (s *statusScan) deleted(p string, tree plumbing.Hash, changed map[string]bool) error {
	ents, err := s.r.readTreeEntries(tree)
	if err != nil {
		return err
	}
	for _, e := range ents {
		switch {
		case e.dir:
			if err := s.deleted(p+"/"+e.name, e.hash, changed); err != nil {
				return err
			}
		case e.regular:
			changed[p+"/"+e.name] = true
		}
	}
	return nil
}

// rawTreeEntry is one decoded entry of a tree object.
type rawTreeEntry struct {
	name    string
	dir     bool
	regular bool // a blob that is not a symlink
	exec    bool // mode 100755
	hash    plumbing.Hash
}

// readTreeEntries decodes a tree object.
func (r *Repo) readTreeEntries(h plumbing.Hash) ([]rawTreeEntry, error) {
	data, err := r.readRaw(plumbing.TreeObject, h)
	if err != nil {
		return nil, fmt.Errorf("read tree %s: %w", h, err)
	}
	ents, err := parseRawTree(data)
	if err != nil {
		return nil, fmt.Errorf("read tree %s: %w", h, err)
	}
	out := make([]rawTreeEntry, 0, len(ents))
	for _, e := range ents {
		mode := string(data[e.start : e.name-1])
		out = append(out, rawTreeEntry{
			name:    string(data[e.name:e.nul]),
			dir:     e.isDir(data),
			regular: mode == "100644" || mode == "100755",
			exec:    mode == "100755",
			hash:    e.hash(data),
		})
	}
	return out, nil
}

// treeHashAt returns the hash of the tree at dir in commit c, or zero when
// the commit has nothing there.
func (r *Repo) treeHashAt(c plumbing.Hash, dir string) (plumbing.Hash, error) {
	commit, err := r.readRaw(plumbing.CommitObject, c)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("read commit %s: %w", c, err)
	}
	line, _, _ := bytes.Cut(commit, []byte("\n"))
	hexTree, ok := bytes.CutPrefix(line, []byte("tree "))
	if !ok {
		return plumbing.ZeroHash, fmt.Errorf("commit %s has no tree", c)
	}
	h := plumbing.NewHash(string(hexTree))
	for _, name := range strings.Split(dir, "/") {
		ents, err := r.readTreeEntries(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		h = plumbing.ZeroHash
		for _, e := range ents {
			if e.name == name && e.dir {
				h = e.hash
			}
		}
		if h.IsZero() {
			return h, nil
		}
	}
	return h, nil
}

// stage0Under returns the stage-0 entries under dir by path; the index is
// sorted by path, so this is one binary search and the range after it.
func (idx *indexFile) stage0Under(dir string) map[string]*indexEntry {
	prefix := dir + "/"
	i := idx.search(prefix)
	out := map[string]*indexEntry{}
	for ; i < len(idx.entries) && strings.HasPrefix(string(idx.nameAt(i)), prefix); i++ {
		e := &idx.entries[i]
		flags := binary.BigEndian.Uint16(idx.fixed(e)[60:62])
		if flags&0x3000 == 0 { // stage 0: not a conflict
			out[string(idx.name(e))] = e
		}
	}
	return out
}

// clean reports whether the file fi still has e's content by git's rules:
// its stat data matches the entry's, and the entry is not racily clean
// (the file was not changed in the second the index was written).
func (idx *indexFile) clean(e *indexEntry, fi fs.FileInfo) bool {
	fixed := idx.fixed(e)
	mode := binary.BigEndian.Uint32(fixed[24:28])
	if mode&0o170000 != 0o100000 || !fi.Mode().IsRegular() {
		return false
	}
	st := statFromInfo(fi)
	u := func(off int) uint32 { return binary.BigEndian.Uint32(fixed[off:]) }
	if u(0) != st.ctimeSec || u(4) != st.ctimeNsec || u(8) != st.mtimeSec || u(12) != st.mtimeNsec ||
		u(20) != st.ino || u(28) != st.uid || u(32) != st.gid || u(36) != st.size {
		return false
	}
	if idx.mtime.IsZero() {
		return false
	}
	// Racy git: a file changed within the same second as the index was
	// written may show the recorded stat data with other content.
	return int64(st.mtimeSec) < idx.mtime.Unix()
}

// blobHash is the hash git gives data as a blob.
func blobHash(data []byte) plumbing.Hash { return objectHash("blob", data) }

func objectHash(typ string, data []byte) (h plumbing.Hash) {
	var head [32]byte
	hdr := append(head[:0], typ...)
	hdr = append(hdr, ' ')
	hdr = strconv.AppendInt(hdr, int64(len(data)), 10)
	hdr = append(hdr, 0)
	sum := sha1.New()
	sum.Write(hdr)
	sum.Write(data)
	sum.Sum(h[:0])
	return h
}

// ignorer applies git's ignore rules: .git/info/exclude, the user's global
// excludes file, and the .gitignore files from the root down to the
// directories walked. Only the directories on the way are read, never the
// whole tree.
type ignorer struct {
	root     string
	patterns []gitignore.Pattern
}

func newIgnorer(root string) *ignorer {
	ig := &ignorer{root: root}
	if ps, err := gitignore.LoadGlobalPatterns(osfs.New("/")); err == nil {
		ig.patterns = append(ig.patterns, ps...)
	}
	ig.readFile(".git/info/exclude", nil)
	ig.readDir("")
	return ig
}

// readDir adds the patterns of dir's .gitignore (dir is slash-separated,
// relative to the root; "" for the root itself).
func (ig *ignorer) readDir(dir string) {
	var domain []string
	name := ".gitignore"
	if dir != "" {
		domain = strings.Split(dir, "/")
		name = dir + "/.gitignore"
	}
	ig.readFile(name, domain)
}

func (ig *ignorer) readFile(name string, domain []string) {
	data, err := os.ReadFile(filepath.Join(ig.root, filepath.FromSlash(name)))
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ig.patterns = append(ig.patterns, gitignore.ParsePattern(line, domain))
	}
}

func (ig *ignorer) match(rel string, isDir bool) bool {
	return gitignore.NewMatcher(ig.patterns).Match(strings.Split(rel, "/"), isDir)
}

// Uncommitted returns those of paths whose content in the work tree is not
// what HEAD holds: a hand edit not committed yet (or staged with git add),
// a file new in the work tree, or one deleted from it. A write that would
// commit such a file would sweep the edit into its own commit.
func (r *Repo) Uncommitted(paths []string) ([]string, error) {
	head, err := r.Head()
	if err != nil {
		return nil, err
	}
	var out []string
	// Each directory of HEAD's tree is read once: an import checks
	// hundreds of paths, all under the 10,000-entry cases/.
	type dirEntries struct{ files, dirs map[string]plumbing.Hash }
	cache := map[string]*dirEntries{}
	var treeOf func(dir string) (*dirEntries, error)
	treeOf = func(dir string) (*dirEntries, error) {
		if d, ok := cache[dir]; ok {
			return d, nil
		}
		var h plumbing.Hash
		if dir == "" {
			commit, err := r.readRaw(plumbing.CommitObject, head)
			if err != nil {
				return nil, fmt.Errorf("read commit %s: %w", head, err)
			}
			line, _, _ := bytes.Cut(commit, []byte("\n"))
			hexTree, ok := bytes.CutPrefix(line, []byte("tree "))
			if !ok {
				return nil, fmt.Errorf("commit %s has no tree", head)
			}
			h = plumbing.NewHash(string(hexTree))
		} else {
			parent, err := treeOf(parentDir(dir))
			if err != nil {
				return nil, err
			}
			h = parent.dirs[dir[strings.LastIndexByte(dir, '/')+1:]]
		}
		d := &dirEntries{files: map[string]plumbing.Hash{}, dirs: map[string]plumbing.Hash{}}
		if !h.IsZero() {
			ents, err := r.readTreeEntries(h)
			if err != nil {
				return nil, err
			}
			for _, e := range ents {
				if e.dir {
					d.dirs[e.name] = e.hash
				} else {
					d.files[e.name] = e.hash
				}
			}
		}
		cache[dir] = d
		return d, nil
	}
	for _, p := range paths {
		var want plumbing.Hash
		if !head.IsZero() {
			d, err := treeOf(parentDir(p))
			if err != nil {
				return nil, err
			}
			want = d.files[p[strings.LastIndexByte(p, '/')+1:]]
		}
		data, err := os.ReadFile(filepath.Join(r.root, filepath.FromSlash(p)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if !want.IsZero() {
				out = append(out, p)
			}
		case err != nil:
			return nil, err
		case r.workHash(p, data) != want:
			out = append(out, p)
		}
	}
	return out, nil
}

// fileMode reports core.filemode: whether git heeds the executable bit of
// the work tree's files (true unless the repository's config says false,
// as git sets it where the file system has no such bit).
func (r *Repo) fileMode() bool {
	cfg, err := r.repo.Config()
	if err != nil {
		return true
	}
	v := strings.ToLower(cfg.Raw.Section("core").Option("filemode"))
	return v != "false" && v != "no" && v != "off" && v != "0"
}

// underAny reports whether a parent directory of p is in dirs.
func underAny(dirs map[string]bool, p string) bool {
	for i := strings.LastIndexByte(p, '/'); i > 0 && len(dirs) > 0; i = strings.LastIndexByte(p[:i], '/') {
		if dirs[p[:i]] {
			return true
		}
	}
	return false
}

// StagedUnder returns, in path order, the files under dir whose index
// entry (stage 0) differs from HEAD's: another blob or mode (git add, git
// update-index --chmod), a file HEAD does not have, or one of HEAD's the
// index no longer has (git rm --cached). caseplan commits what the work
// tree holds against HEAD and keeps such entries as they are, so a staged
// change the work tree does not have is never committed by caseplan but
// stays for the next git commit; the caller says so.
func (r *Repo) StagedUnder(dir string) ([]string, error) {
	idx, err := readIndex(filepath.Join(r.gitDir, "index"))
	if err != nil {
		return nil, err
	}
	head, err := r.Head()
	if err != nil {
		return nil, err
	}
	// A directory the index's cache tree (TREE extension) holds valid with
	// HEAD's tree hash has HEAD's entries under it, modes included: git and
	// caseplan invalidate a directory's node whenever an entry under it
	// changes. At 10,000 cases that spares reading every case's trees.
	cached := idx.cachedTrees()
	same := map[string]bool{}
	inHead := map[string]Entry{}
	if !head.IsZero() {
		t, err := r.TreeAt(head)
		if err != nil {
			return nil, err
		}
		if h, ok := cached[dir]; ok {
			if e, err := t.entry(dir); err == nil && e.Hash == h {
				return nil, nil
			}
		}
		err = t.Walk(dir, func(p string, e Entry) error {
			switch {
			case !e.IsDir:
				inHead[p] = e
			case cached != nil && cached[p] == e.Hash:
				same[p] = true
				return fs.SkipDir
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	indexed := idx.stage0Under(dir)
	var staged []string
	for p, ie := range indexed {
		if underAny(same, p) {
			continue
		}
		he, ok := inHead[p]
		fixed := idx.fixed(ie)
		mode := binary.BigEndian.Uint32(fixed[24:28])
		if !ok || uint32(he.Mode) != mode || !bytes.Equal(he.Hash[:], fixed[40:60]) {
			staged = append(staged, p)
		}
	}
	for p := range inHead {
		if _, ok := indexed[p]; !ok {
			staged = append(staged, p)
		}
	}
	sort.Strings(staged)
	return staged, nil
}
