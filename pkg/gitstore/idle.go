package gitstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
)

// IdleTimeout bounds a transfer's silence once the host has answered: when
// no byte arrives, and none can be sent, for this long, the fetch or push
// is abandoned. A host (or a VPN, firewall or proxy on hotel or train
// wifi) that goes silent mid-transfer would otherwise hold the sync, and
// the store's lock, for ever: TCP keepalive notices a peer that is gone,
// not one that is there and silent. A transfer that keeps moving, however
// slowly, is never cut off. Two minutes is far beyond the pauses of a live
// host — git's servers send a keepalive every 5 seconds while they work
// out a pack or check a push (uploadpack.keepAlive, receive.keepAlive),
// and a lossy link's TCP retransmissions back off to tens of seconds —
// and short enough that a person waiting sees it fail and syncs again.
// A push's bytes count when the system takes them, not when the host
// does: the host's answer is awaited for IdleTimeout after the last.
var IdleTimeout = 2 * time.Minute

// StalledError: the host answered, then nothing moved for IdleTimeout in
// the middle of a fetch or push.
type StalledError struct{ After time.Duration }

func (e *StalledError) Error() string {
	return fmt.Sprintf("stopped answering mid-transfer (nothing for %s)", e.After)
}

func (e *StalledError) Unwrap() error { return context.DeadlineExceeded }

// idleWatch cancels a transfer's context when alive has not been called
// for IdleTimeout.
type idleWatch struct {
	mu      sync.Mutex
	timer   *time.Timer
	after   time.Duration
	stopped bool
}

type idleWatchKey struct{}

// watchIdle returns a context that ends with a StalledError as its cause
// once the transfer under it has been idle for IdleTimeout, and the stop
// to call when the transfer is over.
func watchIdle(ctx context.Context) (context.Context, func()) {
	wctx, cancel := context.WithCancelCause(ctx)
	w := &idleWatch{after: IdleTimeout}
	w.timer = time.AfterFunc(w.after, func() { cancel(&StalledError{After: w.after}) })
	wctx = context.WithValue(wctx, idleWatchKey{}, w)
	return wctx, func() {
		w.mu.Lock()
		w.stopped = true
		w.timer.Stop()
		w.mu.Unlock()
		cancel(nil)
	}
}

// stalled returns the StalledError that ended wctx, unless ctx itself
// (Ctrl-C) ended first, whose error stays its own.
func stalled(ctx, wctx context.Context) *StalledError {
	var se *StalledError
	if ctx.Err() == nil && errors.As(context.Cause(wctx), &se) {
		return se
	}
	return nil
}

// transferAlive says bytes moved for the transfer ctx belongs to, if it
// is watched.
func transferAlive(ctx context.Context) {
	w, _ := ctx.Value(idleWatchKey{}).(*idleWatch)
	if w == nil {
		return
	}
	w.mu.Lock()
	if !w.stopped {
		w.timer.Reset(w.after)
	}
	w.mu.Unlock()
}

// aliveReader reports each read that brought bytes to the watch in ctx.
type aliveReader struct {
	ctx context.Context
	io.ReadCloser
}

func (r *aliveReader) Read(p []byte) (int, error) {
	n, err := r.ReadCloser.Read(p)
	if n > 0 {
		transferAlive(r.ctx)
	}
	return n, err
}

// aliveTransport reports each read of an HTTP request's body (as it is
// sent) and of its response's body (as it arrives), and the response's
// arrival, to the watch in the request's context. It counts per request,
// not per connection, so connections are reused as usual: a sync over
// https makes one TLS handshake, not one per request.
type aliveTransport struct{ base http.RoundTripper }

func (t aliveTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if ctx.Value(idleWatchKey{}) == nil {
		return t.base.RoundTrip(req)
	}
	if req.Body != nil && req.Body != http.NoBody {
		r := *req // a RoundTripper must not change the request it is given
		r.Body = &aliveReader{ctx, req.Body}
		req = &r
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	transferAlive(ctx)
	resp.Body = &aliveReader{ctx, resp.Body}
	return resp, nil
}

// idleTransport is a go-git transport whose fetches report the bytes of
// the pack they read to the transfer's watch. go-git fetches through the
// transport registered for the URL's scheme (client.Protocols), so this
// is where its reads can be seen for every scheme; a cancelled context
// stops go-git's git://, ssh and http reads and writes alike.
type idleTransport struct{ transport.Transport }

func (t idleTransport) NewUploadPackSession(ep *transport.Endpoint, auth transport.AuthMethod) (transport.UploadPackSession, error) {
	s, err := t.Transport.NewUploadPackSession(ep, auth)
	if err != nil {
		return nil, err
	}
	return idleUploadPack{s}, nil
}

type idleUploadPack struct{ transport.UploadPackSession }

func (s idleUploadPack) UploadPack(ctx context.Context, req *packp.UploadPackRequest) (*packp.UploadPackResponse, error) {
	resp, err := s.UploadPackSession.UploadPack(ctx, req)
	if err != nil || ctx.Value(idleWatchKey{}) == nil {
		return resp, err
	}
	transferAlive(ctx)
	// The server's answer (ACK/NAK) is already read; what remains is the
	// pack, which is all go-git reads from here (caseplan fetches whole
	// history, so no shallow update is lost).
	return packp.NewUploadPackResponseWithPackfile(req, &aliveReader{ctx, resp}), nil
}

// httpClient is go-git's HTTP transport with each request's bytes
// reported to the watch of the transfer it belongs to (aliveTransport).
func httpClient() *http.Client {
	return &http.Client{Transport: aliveTransport{http.DefaultTransport.(*http.Transport).Clone()}}
}

func init() {
	web := githttp.NewClient(httpClient())
	for scheme, t := range map[string]transport.Transport{
		"http": web, "https": web,
		"git": client.Protocols["git"], "ssh": client.Protocols["ssh"],
	} {
		client.InstallProtocol(scheme, idleTransport{t})
	}
}
