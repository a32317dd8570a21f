//go:build !linux && !darwin

package gitstore

import "io/fs"

// statFromInfo records what every platform offers. The fields left zero
// differ from what git records, so git re-hashes the file once, finds it
// unchanged and refreshes its entry: correct, only slower.
func statFromInfo(fi fs.FileInfo) indexStat {
	return indexStat{
		ctimeSec: uint32(fi.ModTime().Unix()), ctimeNsec: uint32(fi.ModTime().Nanosecond()),
		mtimeSec: uint32(fi.ModTime().Unix()), mtimeNsec: uint32(fi.ModTime().Nanosecond()),
		size: uint32(fi.Size()),
	}
}
