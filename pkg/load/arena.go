package load

import (
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/finding"
)

// An Arena lends the memory of parsed documents' nodes to one piece of
// work — a case, in a scan of the whole store — and takes it back with
// Free for the next. A cold validate of 10,000 cases parses a quarter of a
// million files and drops each case's documents as soon as the case is
// checked; their nodes were most of what it allocated (2.7 GB), all of it
// zeroed, then scanned and swept by the garbage collector.
//
// Free may be called only when nothing parsed into the arena since the
// last Free is used any more: no document, no node, no Content slice
// (values copied out of a node — its Value string, a decoded record — are
// the caller's and stay good). The zero Arena is ready to use; an Arena is
// for one goroutine at a time.
type Arena struct {
	nodes slabs[yaml.Node]
	ptrs  slabs[*yaml.Node]
}

// PoisonFreed, set by tests, makes Free overwrite the memory it takes
// back, so that a document used after its arena was freed gives garbage
// (or a panic) in a test rather than a subtly wrong result in an office.
var PoisonFreed = false

// arenaChunk is the length of an arena's chunks, unless a run needs more:
// a case of two dozen records is about 1,700 nodes.
const arenaChunk = 1024

// ParseIn is Parse with the document's nodes taken from a (nil: memory of
// the document's own, which may be kept as long as one likes).
func ParseIn(a *Arena, path string, data []byte) (*Document, []finding.Finding) {
	return parse(a, path, data)
}

// Free takes back every node lent since the last Free.
func (a *Arena) Free() {
	if PoisonFreed {
		for _, c := range a.nodes.chunks {
			for i := range c {
				c[i] = yaml.Node{Kind: yaml.Kind(0x7f), Tag: "!!freed", Value: "\x00freed by Arena.Free\x00", Line: -1, Column: -1}
			}
		}
		for _, c := range a.ptrs.chunks {
			clear(c)
		}
	}
	a.nodes.reset()
	a.ptrs.reset()
}

// mark is where an arena stood, to go back to when a parse fails.
type mark struct{ nodes, ptrs slabMark }

func (a *Arena) mark() mark { return mark{a.nodes.mark(), a.ptrs.mark()} }

func (a *Arena) rewind(m mark) {
	a.nodes.rewind(m.nodes)
	a.ptrs.rewind(m.ptrs)
}

// slabs hands out runs of Ts from chunks it keeps, in order, until reset.
type slabs[T any] struct {
	chunks [][]T
	at     int // the chunk in use (len(chunks) before the first take)
	used   int // how much of it is handed out
	size   int // the length of a new chunk, at least (0: arenaChunk)
}

type slabMark struct{ at, used int }

// take returns room for n Ts: a slice of length n whose capacity ends
// there (an append to it cannot run into the next run).
func (s *slabs[T]) take(n int) []T {
	if s.at < len(s.chunks) {
		if c := s.chunks[s.at]; len(c)-s.used >= n {
			r := c[s.used : s.used+n : s.used+n]
			s.used += n
			return r
		}
	}
	return s.grow(n)
}

// grow moves to the next chunk with room for n, making one if none has.
func (s *slabs[T]) grow(n int) []T {
	for s.at+1 < len(s.chunks) {
		s.at++
		if c := s.chunks[s.at]; len(c) >= n {
			s.used = n
			return c[:n:n]
		}
	}
	size := s.size
	if size == 0 {
		size = arenaChunk
	}
	c := make([]T, max(n, size))
	s.chunks = append(s.chunks, c)
	s.at, s.used = len(s.chunks)-1, n
	return c[:n:n]
}

func (s *slabs[T]) reset() { s.at, s.used = 0, 0 }

func (s *slabs[T]) mark() slabMark { return slabMark{s.at, s.used} }

func (s *slabs[T]) rewind(m slabMark) { s.at, s.used = m.at, m.used }
