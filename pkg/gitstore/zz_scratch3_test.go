package gitstore

import (
	"crypto/sha1"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkScratchSHA1(b *testing.B) {
	data, _ := os.ReadFile(filepath.Join(os.Getenv("SCRATCH_STORE"), ".git", "index"))
	b.SetBytes(int64(len(data)))
	for range b.N {
		sha1.Sum(data)
	}
}
func BenchmarkScratchParse(b *testing.B) {
	data, _ := os.ReadFile(filepath.Join(os.Getenv("SCRATCH_STORE"), ".git", "index"))
	for range b.N {
		parseIndex(data)
	}
}
func BenchmarkScratchWriteTo(b *testing.B) {
	data, _ := os.ReadFile(filepath.Join(os.Getenv("SCRATCH_STORE"), ".git", "index"))
	idx, _ := parseIndex(data)
	for range b.N {
		idx.writeTo(io.Discard)
	}
}
