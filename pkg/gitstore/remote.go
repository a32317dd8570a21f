package gitstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/capability"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// DefaultRemote is the remote sync uses when none is named, as git's.
const DefaultRemote = "origin"

// ErrRemoteMoved: the remote's branch no longer points at the commit the
// caller last fetched — someone pushed in between — so nothing was changed
// on the remote. Fetch again and retry.
var ErrRemoteMoved = errors.New("the remote branch moved since it was fetched")

// ErrNoRemote: the repository has no remote of that name.
var ErrNoRemote = errors.New("no such remote")

// AnswerTimeout bounds the wait for a host's first answer, the list of its
// branches. A host that takes the connection and then says nothing (a hung
// server; a VPN, proxy or firewall that swallows the traffic) would
// otherwise hold a sync, and with it the store's lock, for ever: no TCP
// keepalive notices a peer that is there and silent. Once the host has
// answered, a transfer takes the time it needs as long as it moves (see
// IdleTimeout).
var AnswerTimeout = 30 * time.Second

// noAnswerError: the host took the connection and did not answer within
// AnswerTimeout.
type noAnswerError struct{ after time.Duration }

func (e *noAnswerError) Error() string { return fmt.Sprintf("no answer in %s", e.after) }

func (e *noAnswerError) Unwrap() error { return context.DeadlineExceeded }

// firstAnswer runs ask, a first exchange with a host, within AnswerTimeout.
// A stop asked for by ctx (Ctrl-C) keeps its own error.
func firstAnswer(ctx context.Context, ask func(context.Context) error) error {
	actx, cancel := context.WithTimeout(ctx, AnswerTimeout)
	defer cancel()
	err := ask(actx)
	if err != nil && ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
		return &noAnswerError{AnswerTimeout}
	}
	return err
}

// RemoteError is a failure to talk to a git host, sorted by what the
// person can do about it.
type RemoteError struct {
	URL  string // without any password or token
	Kind RemoteErrorKind
	Err  error
}

// RemoteErrorKind says why a git host could not be used.
type RemoteErrorKind int

const (
	RemoteFailed       RemoteErrorKind = iota // anything else the host or the transport said
	RemoteUnreachable                         // no connection: wrong host or port, offline, a firewall
	RemoteAuthRequired                        // the host wants credentials and none were given
	RemoteAuthFailed                          // the credentials were refused
	RemoteNotFound                            // the host has no such repository (or hides it)
)

func (e *RemoteError) Error() string {
	switch e.Kind {
	case RemoteUnreachable:
		var se *StalledError
		if errors.As(e.Err, &se) {
			return fmt.Sprintf("%s %v", e.URL, e.Err)
		}
		return fmt.Sprintf("cannot reach %s: %v", e.URL, e.Err)
	case RemoteAuthRequired:
		if e.Err != nil && !errors.Is(e.Err, transport.ErrAuthenticationRequired) {
			return fmt.Sprintf("%s wants credentials: %v", e.URL, e.Err)
		}
		return fmt.Sprintf("%s wants credentials", e.URL)
	case RemoteAuthFailed:
		return fmt.Sprintf("%s refused the credentials", e.URL)
	case RemoteNotFound:
		return fmt.Sprintf("%s: no such repository", e.URL)
	}
	return fmt.Sprintf("%s: %v", e.URL, e.Err)
}

func (e *RemoteError) Unwrap() error { return e.Err }

// UnsupportedRemoteError refuses a remote caseplan cannot use on its own.
type UnsupportedRemoteError struct {
	URL    string
	Reason string
	// Hint is what to use instead, for the caller's hint line; "" when
	// there is nothing to add to Reason.
	Hint string
}

func (e *UnsupportedRemoteError) Error() string {
	return fmt.Sprintf("cannot use %s as a remote: %s", e.URL, e.Reason)
}

// Remote is a git host a store syncs through: its URL and the credentials
// to use with it.
type Remote struct {
	// Name is the remote's name in the repository's config ("origin"), or
	// "" for a URL used directly (clone, init --remote).
	Name string
	// URL is as configured, which may hold a user name but never is shown
	// with a password (see Redacted).
	URL string

	ep   *transport.Endpoint
	auth transport.AuthMethod
}

// Redacted returns the URL without a password or token, for messages.
func (rem *Remote) Redacted() string { return redact(rem.URL) }

func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// NewRemote checks that caseplan can talk to rawURL on its own and finds
// the credentials to use (see Credentials). https, http, ssh (also in scp
// form, git@host:path) and git:// are used through go-git; a local path
// or file:// would need the git CLI, and is refused.
func NewRemote(name, rawURL string, creds Credentials) (*Remote, error) {
	ep, err := transport.NewEndpoint(rawURL)
	if err != nil {
		return nil, &UnsupportedRemoteError{URL: redact(rawURL), Reason: err.Error()}
	}
	switch ep.Protocol {
	case "https", "http", "ssh", "git":
	case "file":
		return nil, &UnsupportedRemoteError{URL: redact(rawURL), Reason: "a local path or file:// URL needs the git command, and caseplan's sync works without it",
			Hint: "serve the repository over https or ssh from your git host, or with git daemon, and use that address"}
	default:
		return nil, &UnsupportedRemoteError{URL: redact(rawURL), Reason: fmt.Sprintf("unknown protocol %q", ep.Protocol),
			Hint: "use an https, ssh or git:// address"}
	}
	auth, err := creds.authFor(ep, rawURL)
	if err != nil {
		return nil, err
	}
	return &Remote{Name: name, URL: rawURL, ep: ep, auth: auth}, nil
}

// RemoteURL returns the URL of the named remote in the repository's
// config; ErrNoRemote when there is none.
func (r *Repo) RemoteURL(name string) (string, error) {
	cfg, err := r.repo.Config()
	if err != nil {
		return "", fmt.Errorf("read git config: %w", err)
	}
	rc, ok := cfg.Remotes[name]
	if !ok || len(rc.URLs) == 0 {
		return "", fmt.Errorf("%w %q", ErrNoRemote, name)
	}
	return rc.URLs[0], nil
}

// SetRemote adds (or changes the URL of) the named remote in the
// repository's config, fetching its branches to refs/remotes/<name>/ as
// git clone would set it up, so git commands work on the clone as usual.
func (r *Repo) SetRemote(name, rawURL string) error {
	cfg, err := r.repo.Config()
	if err != nil {
		return fmt.Errorf("read git config: %w", err)
	}
	cfg.Remotes[name] = &config.RemoteConfig{
		Name:  name,
		URLs:  []string{rawURL},
		Fetch: []config.RefSpec{config.RefSpec(fmt.Sprintf("+refs/heads/*:refs/remotes/%s/*", name))},
	}
	if err := r.repo.SetConfig(cfg); err != nil {
		return fmt.Errorf("write git config: %w", err)
	}
	return nil
}

// SetUpstream records branch's upstream (branch.<b>.remote and .merge), so
// git status compares the branch with the remote's as after git clone.
func (r *Repo) SetUpstream(branch, remote string) error {
	cfg, err := r.repo.Config()
	if err != nil {
		return fmt.Errorf("read git config: %w", err)
	}
	cfg.Branches[branch] = &config.Branch{Name: branch, Remote: remote, Merge: plumbing.NewBranchReferenceName(branch)}
	if err := r.repo.SetConfig(cfg); err != nil {
		return fmt.Errorf("write git config: %w", err)
	}
	return nil
}

// Branch returns the name of the branch HEAD points at ("main").
func (r *Repo) Branch() (string, error) {
	b, _, err := r.headBranch()
	if err != nil {
		return "", err
	}
	return b.Short(), nil
}

// fetchedRef is where Fetch leaves the remote's branch: a ref of caseplan's
// own, so nothing anyone looks at — the store's branch, the remote-tracking
// branch git shows — moves before the fetched history has been checked.
func fetchedRef(rem *Remote, branch string) plumbing.ReferenceName {
	name := rem.Name
	if name == "" {
		name = "url"
	}
	return plumbing.ReferenceName("refs/caseplan/fetched/" + name + "/" + branch)
}

// Fetch brings the remote's branch, and the objects it needs, into the
// repository, and returns the commit it points at: the zero hash when the
// remote is empty or has no such branch. No branch of the store moves.
func (r *Repo) Fetch(ctx context.Context, rem *Remote, branch string) (plumbing.Hash, error) {
	name := rem.Name
	if name == "" {
		name = "caseplan-url"
	}
	ref := fetchedRef(rem, branch)
	gr := git.NewRemote(r.objects, &config.RemoteConfig{Name: name, URLs: []string{rem.URL}})
	// go-git's fetch waits for the host's first answer with no limit, so
	// ask for it first, within AnswerTimeout: one more round trip, spent
	// so that a silent host fails the sync instead of holding it. Any
	// other failure is left to the fetch, which says it the same way.
	var silent *noAnswerError
	if err := firstAnswer(ctx, func(ctx context.Context) error {
		_, err := gr.ListContext(ctx, &git.ListOptions{Auth: rem.auth})
		return err
	}); errors.As(err, &silent) {
		return plumbing.ZeroHash, remoteError(rem, err)
	}
	wctx, stop := watchIdle(ctx)
	err := gr.FetchContext(wctx, &git.FetchOptions{
		RemoteName: name,
		RefSpecs:   []config.RefSpec{config.RefSpec("+refs/heads/" + branch + ":" + ref.String())},
		Auth:       rem.auth,
		Tags:       git.NoTags,
	})
	stop()
	if se := stalled(ctx, wctx); se != nil && err != nil {
		// go-git writes the fetched ref only once the whole pack is
		// stored, so nothing points at what a stalled fetch left.
		return plumbing.ZeroHash, remoteError(rem, se)
	}
	var noMatch git.NoMatchingRefSpecError
	switch {
	case err == nil, errors.Is(err, git.NoErrAlreadyUpToDate):
	case errors.Is(err, transport.ErrEmptyRemoteRepository), errors.As(err, &noMatch):
		// Nothing there yet: the first push will make the branch.
		if err := r.storage.RemoveReference(ref); err != nil {
			return plumbing.ZeroHash, err
		}
		return plumbing.ZeroHash, nil
	case errors.Is(err, dotgit.ErrEmptyRefFile):
		return plumbing.ZeroHash, r.emptyRefsError(err)
	default:
		return plumbing.ZeroHash, remoteError(rem, err)
	}
	got, err := r.storage.Reference(ref)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("fetch %s: %w", rem.Redacted(), err)
	}
	return got.Hash(), nil
}

// Push moves the remote's branch from old (zero: it does not exist yet)
// to new, sending the objects of the commits new has and old has not. It
// is a compare-and-swap: when the remote's branch is no longer at old,
// nothing changes on the remote and the error is ErrRemoteMoved.
//
// The objects to send are worked out from the trees of the new commits
// against their parents' — a handful for one note — rather than by listing
// everything the remote has, which go-git's own Push does and which costs
// time in proportion to the whole history.
func (r *Repo) Push(ctx context.Context, rem *Remote, branch string, old, new plumbing.Hash) error {
	objects, err := r.objectsBetween(old, new)
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	cl, err := client.NewClient(rem.ep)
	if err != nil {
		return remoteError(rem, err)
	}
	sess, err := cl.NewReceivePackSession(rem.ep, rem.auth)
	if err != nil {
		return remoteError(rem, err)
	}
	defer sess.Close()
	var ar *packp.AdvRefs
	err = firstAnswer(ctx, func(ctx context.Context) (err error) {
		ar, err = sess.AdvertisedReferencesContext(ctx)
		return err
	})
	if err != nil {
		return remoteError(rem, err)
	}
	name := plumbing.NewBranchReferenceName(branch)
	refs, err := ar.AllReferences()
	if err != nil {
		return remoteError(rem, err)
	}
	var cur plumbing.Hash
	if ref, ok := refs[name]; ok {
		cur = ref.Hash()
	}
	if cur != old {
		return ErrRemoteMoved
	}
	req := packp.NewReferenceUpdateRequestFromCapabilities(ar.Capabilities)
	req.Commands = []*packp.Command{{Name: name, Old: old, New: new}}
	rd, wr := io.Pipe()
	wctx, stop := watchIdle(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() {
		enc := packfile.NewEncoder(wr, r.storage, !ar.Capabilities.Supports(capability.OFSDelta))
		_, err := enc.Encode(objects, 10)
		wr.CloseWithError(err)
		done <- err
	}()
	// The pack is read from the pipe as it is sent, so each read says the
	// host is taking it; after the last, the host has IdleTimeout to say
	// whether it took the update (over http, every byte either way counts).
	req.Packfile = &aliveReader{wctx, rd}
	rs, err := sess.ReceivePack(wctx, req)
	stop()
	rd.Close()
	if se := stalled(ctx, wctx); se != nil && err != nil {
		return remoteError(rem, se)
	}
	if encErr := <-done; encErr != nil && err == nil && !errors.Is(encErr, io.ErrClosedPipe) {
		return fmt.Errorf("push: pack the objects: %w", encErr)
	}
	if err != nil {
		if rejected(err) {
			return ErrRemoteMoved
		}
		return remoteError(rem, err)
	}
	if rs != nil {
		if err := rs.Error(); err != nil {
			if rejected(err) {
				return ErrRemoteMoved
			}
			return remoteError(rem, err)
		}
	}
	if rem.Name != "" {
		// What git shows as the remote's branch follows, as after git push.
		tracking := plumbing.NewRemoteReferenceName(rem.Name, branch)
		if err := r.objects.SetReference(plumbing.NewHashReference(tracking, new)); err != nil {
			return fmt.Errorf("push: update %s: %w", tracking, err)
		}
	}
	return nil
}

// rejected reports whether the host refused a ref update because the
// branch moved under it (another push won the race).
func rejected(err error) bool {
	msg := err.Error()
	for _, s := range []string{"failed to lock", "fetch first", "non-fast-forward", "stale info", "failed to update ref", "cannot lock ref"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// UpdateTracking points refs/remotes/<remote>/<branch> at h, as a fetch
// by git would once the fetched history is accepted.
func (r *Repo) UpdateTracking(rem *Remote, branch string, h plumbing.Hash) error {
	if rem.Name == "" || h.IsZero() {
		return nil
	}
	tracking := plumbing.NewRemoteReferenceName(rem.Name, branch)
	return r.objects.SetReference(plumbing.NewHashReference(tracking, h))
}

// remoteError sorts a transport failure into what the person can act on.
func remoteError(rem *Remote, err error) error {
	e := &RemoteError{URL: rem.Redacted(), Err: err}
	var netErr net.Error
	var opErr *net.OpError
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, transport.ErrAuthenticationRequired):
		e.Kind = RemoteAuthRequired
	case errors.Is(err, transport.ErrAuthorizationFailed), errors.Is(err, transport.ErrInvalidAuthMethod),
		strings.Contains(err.Error(), "unable to authenticate"): // ssh's handshake
		e.Kind = RemoteAuthFailed
	case errors.Is(err, transport.ErrRepositoryNotFound):
		e.Kind = RemoteNotFound
	case errors.As(err, &opErr), errors.As(err, &dnsErr), errors.As(err, &netErr),
		errors.Is(err, context.DeadlineExceeded), unreachable(err):
		e.Kind = RemoteUnreachable
	}
	return e
}

// unreachable recognises connection failures that reach here as text
// (go-git's ssh and git transports wrap them without their type).
func unreachable(err error) bool {
	msg := err.Error()
	for _, s := range []string{"connection refused", "no such host", "i/o timeout", "network is unreachable", "no route to host", "connection reset"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// Branches lists the remote's branches and the one its HEAD names (""
// when it does not say); an empty remote lists none.
func (rem *Remote) Branches(ctx context.Context) (branches []string, head string, err error) {
	gr := git.NewRemote(nil, &config.RemoteConfig{Name: "caseplan-list", URLs: []string{rem.URL}})
	var refs []*plumbing.Reference
	err = firstAnswer(ctx, func(ctx context.Context) (err error) {
		refs, err = gr.ListContext(ctx, &git.ListOptions{Auth: rem.auth})
		return err
	})
	if errors.Is(err, transport.ErrEmptyRemoteRepository) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", remoteError(rem, err)
	}
	for _, ref := range refs {
		switch {
		case ref.Name() == plumbing.HEAD && ref.Type() == plumbing.SymbolicReference:
			head = ref.Target().Short()
		case ref.Name().IsBranch():
			branches = append(branches, ref.Name().Short())
		}
	}
	return branches, head, nil
}

// Head says what the remote's HEAD names, the branch a plain git clone
// checks out: listed is false when the remote does not list HEAD at all,
// which git's servers do when HEAD names a branch that does not exist (a
// bare repository made with master as its default, pushed main); head is
// "" when HEAD is listed without the branch it names.
func (rem *Remote) Head(ctx context.Context) (head string, listed bool, err error) {
	gr := git.NewRemote(nil, &config.RemoteConfig{Name: "caseplan-list", URLs: []string{rem.URL}})
	var refs []*plumbing.Reference
	err = firstAnswer(ctx, func(ctx context.Context) (err error) {
		refs, err = gr.ListContext(ctx, &git.ListOptions{Auth: rem.auth})
		return err
	})
	if errors.Is(err, transport.ErrEmptyRemoteRepository) {
		return "", false, nil
	}
	if err != nil {
		return "", false, remoteError(rem, err)
	}
	for _, ref := range refs {
		if ref.Name() != plumbing.HEAD {
			continue
		}
		if ref.Type() == plumbing.SymbolicReference {
			return ref.Target().Short(), true, nil
		}
		return "", true, nil
	}
	return "", false, nil
}

// emptyRefsError names the empty ref files that made go-git refuse to
// list the refs (err, "ref file is empty"): a git or caseplan command
// stopped while it wrote them (caseplan before it wrote refs whole) left
// them so, and git calls them broken. Nothing is removed on a guess; the
// person is told which files and what to do.
func (r *Repo) emptyRefsError(err error) error {
	var empty []string
	filepath.WalkDir(filepath.Join(r.commonDir, "refs"), func(p string, d fs.DirEntry, werr error) error {
		if werr == nil && d.Type().IsRegular() && !strings.HasSuffix(p, ".lock") {
			if fi, err := d.Info(); err == nil && fi.Size() == 0 {
				empty = append(empty, p)
			}
		}
		return nil
	})
	if len(empty) == 0 {
		return fmt.Errorf("read the refs: %w", err)
	}
	verb := "is"
	if len(empty) > 1 {
		verb = "are"
	}
	return fmt.Errorf("read the refs: %s %s empty, which git calls a broken ref (a command was stopped while it wrote it); one under refs/remotes/ or refs/caseplan/ holds a copy of the remote's branch, which the next sync writes again: remove it and run the command again",
		strings.Join(empty, ", "), verb)
}
