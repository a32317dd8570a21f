package history

import (
	"container/heap"
	"errors"
	"fmt"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// commitInfo is the part of a commit that verify needs. It is kept instead of
// *object.Commit, which also holds the raw object, so a walk over a long
// history stays small.
type commitInfo struct {
	hash    plumbing.Hash
	tree    plumbing.Hash
	parents []plumbing.Hash
	when    int64 // committer time, Unix seconds: the walk's order
	email   string
	// committer is the committer's email: another than the author's on a
	// commit a rebase made anew (git rebase, a git host's rebase merge).
	committer string
	message   string
}

// walkNode is a commit seen by rangeWalk.
type walkNode struct {
	commitInfo
	seq           int // load order, to break committer-time ties stably
	queued        bool
	inQueue       bool
	uninteresting bool
}

// rangeWalk lists the commits reachable from head but not from since (git
// rev-list head ^since), newest first by committer time.
//
// Rather than first collecting every ancestor of since, which would read the
// whole history on every run of verify --since, it walks both sides at once
// in committer-time order, marking what since reaches, and stops once only
// since's side is left, the algorithm of git's limit_list. Like git it keeps
// going a few commits past that point (slop) to tolerate clocks that were
// a little wrong; if clocks were badly wrong, a few commits that since
// reaches may be listed too, which makes verify check more, never less.
type rangeWalk struct {
	s     storer.EncodedObjectStorer
	nodes map[plumbing.Hash]*walkNode
	queue walkQueue
	// interesting counts the queued nodes not (yet) known to be reachable
	// from since.
	interesting int
}

// walkSlop is how many of since's commits the walk reads after none of
// head's remain queued; git uses the same number.
const walkSlop = 5

func commitRange(s storer.EncodedObjectStorer, head, since plumbing.Hash) ([]*commitInfo, error) {
	w := &rangeWalk{s: s, nodes: make(map[plumbing.Hash]*walkNode)}
	h, err := w.node(head)
	if err != nil {
		return nil, err
	}
	w.push(h)
	if !since.IsZero() {
		n, err := w.node(since)
		if err != nil {
			return nil, err
		}
		w.markUninteresting(n)
		w.push(n)
	}

	var out []*walkNode
	slop := walkSlop
	for w.queue.Len() > 0 {
		n := heap.Pop(&w.queue).(*walkNode)
		n.inQueue = false
		if !n.uninteresting {
			w.interesting--
		}
		for _, ph := range n.parents {
			p, err := w.node(ph)
			if err != nil {
				if n.uninteresting && errors.Is(err, plumbing.ErrObjectNotFound) {
					// since's side need not be whole: a shallow clone's
					// history stops at its cut, and CI checks out with a
					// depth. Were a commit of head's side an ancestor of
					// the missing one, it would only be checked too.
					continue
				}
				return nil, err
			}
			if n.uninteresting {
				w.markUninteresting(p)
			}
			w.push(p)
		}
		if !n.uninteresting {
			out = append(out, n)
			continue
		}
		if w.stillInteresting(n) {
			slop = walkSlop
			continue
		}
		if slop--; slop == 0 {
			break
		}
	}

	// Commits listed before since's side reached them are dropped now.
	infos := make([]*commitInfo, 0, len(out))
	for _, n := range out {
		if !n.uninteresting {
			infos = append(infos, &n.commitInfo)
		}
	}
	return infos, nil
}

// stillInteresting reports whether the walk must go on after the
// uninteresting commit n: some of head's commits are still queued, or a
// queued commit is newer than n (a clock was wrong).
func (w *rangeWalk) stillInteresting(n *walkNode) bool {
	if w.queue.Len() == 0 {
		return false
	}
	return w.interesting > 0 || n.when <= w.queue[0].when
}

func (w *rangeWalk) push(n *walkNode) {
	if n.queued {
		return
	}
	n.queued, n.inQueue = true, true
	if !n.uninteresting {
		w.interesting++
	}
	heap.Push(&w.queue, n)
}

// markUninteresting marks n and every ancestor of n already read as
// reachable from since. Ancestors not read yet are marked when they are
// reached through n.
func (w *rangeWalk) markUninteresting(n *walkNode) {
	stack := []*walkNode{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.uninteresting {
			continue
		}
		n.uninteresting = true
		if n.inQueue {
			w.interesting--
		}
		for _, ph := range n.parents {
			if p, ok := w.nodes[ph]; ok {
				stack = append(stack, p)
			}
		}
	}
}

func (w *rangeWalk) node(h plumbing.Hash) (*walkNode, error) {
	if n, ok := w.nodes[h]; ok {
		return n, nil
	}
	c, err := object.GetCommit(w.s, h)
	if err != nil {
		return nil, fmt.Errorf("read commit %s: %w", h, err)
	}
	n := &walkNode{
		commitInfo: commitInfo{
			hash:      c.Hash,
			tree:      c.TreeHash,
			parents:   slices.Clone(c.ParentHashes),
			when:      c.Committer.When.Unix(),
			email:     c.Author.Email,
			committer: c.Committer.Email,
			message:   c.Message,
		},
		seq: len(w.nodes),
	}
	w.nodes[h] = n
	return n, nil
}

// walkQueue is a max-heap on committer time; among equal times the commit
// read first comes first, as in git.
type walkQueue []*walkNode

func (q walkQueue) Len() int { return len(q) }
func (q walkQueue) Less(i, j int) bool {
	if q[i].when != q[j].when {
		return q[i].when > q[j].when
	}
	return q[i].seq < q[j].seq
}
func (q walkQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *walkQueue) Push(x any)   { *q = append(*q, x.(*walkNode)) }
func (q *walkQueue) Pop() any {
	old := *q
	n := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return n
}

// Range lists the commits reachable from head and not from since (the
// zero hash: every commit of head), as git rev-list head ^since does,
// newest first. It reads only as far back as the two histories differ.
func Range(s storer.EncodedObjectStorer, head, since plumbing.Hash) ([]plumbing.Hash, error) {
	if head.IsZero() {
		return nil, nil
	}
	commits, err := commitRange(s, head, since)
	if err != nil {
		return nil, err
	}
	out := make([]plumbing.Hash, len(commits))
	for i, c := range commits {
		out[i] = c.hash
	}
	return out, nil
}
