// Package gitstore keeps a caseplan store's git repository: it commits a
// command's changed files as one commit, and reads past commits' trees from
// git objects.
//
// Commits take the fast path rather than go-git's Worktree.Add/Status/Commit,
// which cost time in proportion to the whole repository: a commit writes only
// the changed blobs and the trees along their paths, moves the branch with a
// compare-and-swap, and rewrites only the changed entries of .git/index. It
// never runs hooks and never needs the git CLI.
//
// A Repo is not safe for concurrent use by several goroutines (nor is the
// go-git Repository under it); separate Repos, in one process or several,
// exclude each other with the store's lock file (see Repo.Lock).
package gitstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// DefaultBranch is the branch Init points HEAD at when none is given.
const DefaultBranch = "main"

// Errors that callers may want to tell apart with errors.Is.
var (
	// ErrLocked: another caseplan process held the store's lock for longer
	// than the caller was willing to wait. The error is a *LockedError.
	ErrLocked = errors.New("store is locked by another caseplan process")
	// ErrIndexLocked: .git/index.lock exists, so a git command is running
	// (or one crashed and left the file behind).
	ErrIndexLocked = errors.New("git index is locked")
	// ErrConcurrentUpdate: the branch moved between reading HEAD and
	// moving it, so the commit was not made and the work tree was restored.
	ErrConcurrentUpdate = errors.New("branch was updated concurrently")
	// ErrNothingToCommit: the requested changes leave HEAD's tree as it is.
	ErrNothingToCommit = errors.New("nothing to commit")
	// ErrDetachedHead: HEAD names a commit rather than a branch, so there is
	// no branch to commit on.
	ErrDetachedHead = errors.New("HEAD is detached")
	// ErrNotRegular: a tree entry is a symlink or a submodule, which a
	// store's records never are.
	ErrNotRegular = errors.New("not a regular file")
)

// Repo is a caseplan store's git repository; its work tree root is the
// repository root and its git directory is Root()/.git, or, in a linked
// worktree (git worktree add), the directory Root()/.git names.
type Repo struct {
	root string
	// gitDir holds what belongs to this work tree: HEAD, the index and the
	// store's lock. commonDir holds what all work trees of the repository
	// share: objects and refs. They are the same directory except in a
	// linked worktree.
	gitDir    string
	commonDir string
	storage   *filesystem.Storage
	objects   *objectStore // storage, reading loose objects faster
	repo      *git.Repository

	// text is what the store's .gitattributes say of line ends (Clean).
	textOnce sync.Once
	text     *TextFiles

	// lock is the open lock file while this Repo holds the store's lock;
	// lockDepth lets Commit run inside a caller's own Lock.
	lock      *os.File
	lockDepth int
	// recovered is what taking the lock last recovered; TakeRecovery
	// hands it out.
	recovered *Recovery

	// OnLockWait, when set, is told once when Lock has waited
	// LockNoticeAfter for the store lock: the holder's process ID (0 when
	// not known) and how long Lock will wait in all.
	OnLockWait func(pid int, timeout time.Duration)

	// AutoPackLoose is the estimated number of loose objects above which
	// a commit packs them before it returns (see PackLoose); zero means
	// the package's AutoPackLoose, a negative number never.
	AutoPackLoose int

	// beforeRefUpdate, when set by a test, runs after everything is
	// prepared and just before the branch is moved, so a test can move the
	// branch underneath or make a later step fail.
	beforeRefUpdate func() error
	// beforeObjectTemp, when set by a test, runs when writeLoose has made
	// an objects directory and is about to create its file there.
	beforeObjectTemp func(dir string)
}

// Init creates a new non-bare repository at root (creating the directory if
// needed) whose HEAD points at the unborn branch refs/heads/<branch>;
// branch "" means DefaultBranch.
func Init(root string, branch string) (*Repo, error) {
	if branch == "" {
		branch = DefaultBranch
	}
	ref := plumbing.NewBranchReferenceName(branch)
	if err := ref.Validate(); err != nil {
		return nil, fmt.Errorf("init %s: invalid branch name %q: %w", root, branch, err)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("init %s: %w", root, err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, fmt.Errorf("init %s: %w", root, err)
	}
	r := newRepo(abs, filepath.Join(abs, git.GitDirName), "")
	repo, err := git.InitWithOptions(r.objects, osfs.New(abs), git.InitOptions{DefaultBranch: ref})
	if err != nil {
		_ = r.storage.Close()
		return nil, fmt.Errorf("init %s: %w", root, err)
	}
	// go-git's InitWithOptions writes no config for a work tree at the
	// default place; write the one git init would, so git sees a normal
	// non-bare repository.
	cfg, err := repo.Config()
	if err == nil {
		cfg.Core.IsBare = false
		err = repo.Storer.SetConfig(cfg)
	}
	if err != nil {
		_ = r.storage.Close()
		return nil, fmt.Errorf("init %s: write config: %w", root, err)
	}
	r.repo = repo
	return r, nil
}

// Open opens the existing repository whose work tree root is root: a
// repository of its own, or a linked worktree of one (whose .git is a file
// naming its git directory). Call Close when done: the storage keeps pack
// files open between reads.
func Open(root string) (*Repo, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", root, err)
	}
	gitDir, commonDir, err := findGitDirs(abs)
	if err != nil {
		return nil, fmt.Errorf("open %s: not a git repository: %w", root, err)
	}
	r := newRepo(abs, gitDir, commonDir)
	repo, err := git.Open(r.objects, osfs.New(abs))
	if err != nil {
		_ = r.storage.Close()
		return nil, fmt.Errorf("open %s: %w", root, err)
	}
	r.repo = repo
	return r, nil
}

// findGitDirs returns the git directory of the work tree at root and the
// common directory it shares with the repository's other work trees, as
// gitrepository-layout(5) describes them: .git is the git directory, or a
// file "gitdir: PATH" naming it (a linked worktree or a submodule); a
// "commondir" file in the git directory names the common directory,
// relative to the git directory.
func findGitDirs(root string) (gitDir, commonDir string, err error) {
	gitDir = filepath.Join(root, git.GitDirName)
	fi, err := os.Stat(gitDir)
	if err != nil {
		return "", "", err
	}
	if !fi.IsDir() {
		data, err := os.ReadFile(gitDir)
		if err != nil {
			return "", "", err
		}
		line, _, _ := strings.Cut(string(data), "\n")
		dir, ok := strings.CutPrefix(strings.TrimSpace(line), "gitdir:")
		if !ok {
			return "", "", fmt.Errorf("%s: not a gitdir file", gitDir)
		}
		gitDir = resolve(root, strings.TrimSpace(dir))
		if fi, err := os.Stat(gitDir); err != nil || !fi.IsDir() {
			return "", "", fmt.Errorf("%s names %s, which is not a git directory", filepath.Join(root, git.GitDirName), gitDir)
		}
	}
	commonDir = gitDir
	if data, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		commonDir = resolve(gitDir, strings.TrimSpace(string(data)))
	}
	return gitDir, commonDir, nil
}

// resolve returns p, made absolute relative to dir when it is relative.
func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// newRepo prepares a Repo with the given git and common directories;
// commonDir "" means gitDir.
func newRepo(abs, gitDir, commonDir string) *Repo {
	if commonDir == "" {
		commonDir = gitDir
	}
	var dotGit billy.Filesystem = osfs.New(gitDir)
	if commonDir != gitDir {
		// go-git reads HEAD and the index from the work tree's own git
		// directory, objects and refs from the common one.
		dotGit = dotgit.NewRepositoryFilesystem(dotGit, osfs.New(commonDir))
	}
	// KeepDescriptors makes tree reads several times faster. ExclusiveAccess
	// must stay off: it made go-git rewrite packed objects (minutes at 10k
	// files), and other processes do change this repository. go-git's
	// object cache holds the delta bases of packed objects; its default of
	// 96 MiB filled with 370 KB cases/ trees and doubled verify's peak
	// memory at 10,000 cases, while 16 MiB (some 40 such trees, more than
	// a walk in history order goes back) cost no time there.
	st := filesystem.NewStorageWithOptions(dotGit, cache.NewObjectLRU(16*cache.MiByte),
		filesystem.Options{KeepDescriptors: true})
	return &Repo{root: abs, gitDir: gitDir, commonDir: commonDir, storage: st,
		objects: newObjectStore(st, gitDir, commonDir)}
}

// Close releases the files the repository keeps open, including the store's
// lock if this Repo still holds it.
func (r *Repo) Close() error {
	if r.lock != nil {
		r.lockDepth = 0
		_ = r.lock.Close()
		r.lock = nil
	}
	r.objects.packs.close()
	return r.storage.Close()
}

// Root returns the absolute path of the work tree root.
func (r *Repo) Root() string { return r.root }

// Shallow reports whether the clone's history is cut short (git clone
// --depth, or a CI checkout's default depth): the commits before the cut
// are not in it, so a reader of the whole history cannot get past them.
func (r *Repo) Shallow() bool {
	cut, err := r.storage.Shallow()
	return err == nil && len(cut) > 0
}

// Partial reports whether the clone was made with a filter (git clone
// --filter=blob:none, a CI checkout's filter option): git fetches the
// objects it left out when a git command needs them, and caseplan, which
// reads the objects directly, finds them missing.
func (r *Repo) Partial() bool {
	cfg, err := r.storage.Config()
	if err != nil || cfg.Raw == nil {
		return false
	}
	if cfg.Raw.Section("extensions").Option("partialclone") != "" {
		return true
	}
	for _, sub := range cfg.Raw.Section("remote").Subsections {
		if sub.Option("promisor") == "true" || sub.Option("partialclonefilter") != "" {
			return true
		}
	}
	return false
}

// Git returns the underlying go-git repository, for readers such as log and
// verify. Writing through it bypasses the store's lock.
func (r *Repo) Git() *git.Repository { return r.repo }

// Head returns the commit HEAD's branch points at, or the zero hash and a nil
// error when the branch is unborn (a new store before its first commit).
func (r *Repo) Head() (plumbing.Hash, error) {
	_, h, err := r.headBranch()
	return h, err
}

// headBranch returns the branch HEAD points at and its commit (zero when
// unborn).
func (r *Repo) headBranch() (plumbing.ReferenceName, plumbing.Hash, error) {
	head, err := r.storage.Reference(plumbing.HEAD)
	if err != nil {
		return "", plumbing.ZeroHash, fmt.Errorf("read HEAD: %w", err)
	}
	if head.Type() != plumbing.SymbolicReference {
		return "", plumbing.ZeroHash, ErrDetachedHead
	}
	branch := head.Target()
	ref, err := r.storage.Reference(branch)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		// An unborn branch is a new store before its first commit. In a
		// store that has branches it is HEAD pointing at a name that was
		// never made (a hand edit of .git/HEAD, a typo in git checkout
		// --orphan): a commit there would start a second history holding
		// only its own files, so nothing goes on.
		others, err := r.branchNames()
		if err != nil {
			return "", plumbing.ZeroHash, err
		}
		if len(others) > 0 {
			return "", plumbing.ZeroHash, &MissingBranchError{Branch: branch.Short(), Branches: others}
		}
		return branch, plumbing.ZeroHash, nil
	}
	if err != nil {
		return "", plumbing.ZeroHash, fmt.Errorf("read %s: %w", branch, err)
	}
	if ref.Type() != plumbing.HashReference {
		return "", plumbing.ZeroHash, fmt.Errorf("read %s: a symbolic branch is not supported", branch)
	}
	return branch, ref.Hash(), nil
}

// MissingBranchError says HEAD names a branch that does not exist while
// the store has others: there is no commit to read from or build on.
type MissingBranchError struct {
	Branch   string   // the branch HEAD names, e.g. "mian"
	Branches []string // the store's branches, sorted
}

func (e *MissingBranchError) Error() string {
	return fmt.Sprintf("HEAD names the branch %s, which does not exist (this clone's branches: %s)", e.Branch, strings.Join(e.Branches, ", "))
}

// ResolveRevision returns the commit that rev names: "HEAD", a branch, a tag
// (annotated tags are peeled), a full or abbreviated (at least 4 digits)
// commit hash, or anything else go-git's revision parser accepts, such as
// "HEAD~2".
func (r *Repo) ResolveRevision(rev string) (plumbing.Hash, error) {
	// go-git expands any hex string as an object prefix, even one or two
	// digits, and then picks an arbitrary match; git wants at least four.
	if len(rev) < 4 && isHex(rev) {
		if _, err := r.storage.Reference(plumbing.NewBranchReferenceName(rev)); err != nil {
			if _, err := r.storage.Reference(plumbing.NewTagReferenceName(rev)); err != nil {
				return plumbing.ZeroHash, &RevisionError{Rev: rev, Err: errors.New("an abbreviated hash needs at least 4 digits")}
			}
		}
	}
	// go-git skips what it does not know of git's revision syntax:
	// "HEAD@{5}" (a reflog entry) and "HEAD^{tree}" (an object of
	// another type) both resolved to HEAD, a report of another commit
	// than the one asked for.
	if strings.Contains(rev, "@{") || strings.Contains(rev, "^{") {
		return plumbing.ZeroHash, &RevisionError{Rev: rev, Err: errors.New("@{...} and ^{...} are not read here; name the commit itself")}
	}
	r.objects.lastDamage()
	h, err := r.repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		if d := r.objects.lastDamage(); d != nil {
			// Not a name that names nothing: a commit on the way could
			// not be read.
			return plumbing.ZeroHash, fmt.Errorf("revision %q: %w", rev, d)
		}
		// go-git says "reference not found" (or "object not found", or
		// that a "~N" goes past the first commit) for every revision
		// that names nothing; the person typed a name, and is told that
		// it names no commit here.
		return plumbing.ZeroHash, &RevisionError{Rev: rev, Err: ErrNoSuchCommit}
	}
	return *h, nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return s != ""
}

// HooksDir returns the directory the git CLI runs this repository's hooks
// from: core.hooksPath when set (relative to the work tree), else hooks/
// in the common git directory, which linked work trees share.
func (r *Repo) HooksDir() string {
	if cfg, err := r.repo.Config(); err == nil {
		if p := cfg.Raw.Section("core").Option("hooksPath"); p != "" {
			return resolve(r.root, p)
		}
	}
	return filepath.Join(r.commonDir, "hooks")
}

// GraftsPath returns the path of the grafts file the git CLI reads
// (info/grafts in the common git directory, which linked work trees
// share), whether or not it exists.
func (r *Repo) GraftsPath() string { return filepath.Join(r.commonDir, "info", "grafts") }
