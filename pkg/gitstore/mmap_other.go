//go:build !unix

package gitstore

import "os"

// mapFile reads the file at path whole where memory mapping is not used.
func mapFile(path string, private bool) (data []byte, unmap func(), err error) {
	data, err = os.ReadFile(path)
	return data, func() {}, err
}
