package load

import "go.yaml.in/yaml/v3"

// FastParse lets the external tests hold fastParse to go-yaml.
func FastParse(data []byte) (*yaml.Node, bool) { return fastParse(nil, data) }

// FastParseIn is FastParse with the nodes from a.
func FastParseIn(a *Arena, data []byte) (*yaml.Node, bool) { return fastParse(a, data) }

// SetFastParse turns the fast parser on or off until the returned
// function is called, for benchmarks.
func SetFastParse(on bool) (restore func()) {
	was := useFast
	useFast = on
	return func() { useFast = was }
}

// FastDecode lets the external tests hold fastDecode to go-yaml.
var FastDecode = fastDecode

// ArenaChunks says how many chunks of nodes and of pointers a holds.
func ArenaChunks(a *Arena) (nodes, ptrs int) { return len(a.nodes.chunks), len(a.ptrs.chunks) }
