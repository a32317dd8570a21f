package gitstore

import (
	"io/fs"
	"syscall"
)

// statFromInfo takes the stat data git keeps in an index entry. git stores
// each field truncated to 32 bits, and so do we.
func statFromInfo(fi fs.FileInfo) indexStat {
	st := indexStat{mtimeSec: uint32(fi.ModTime().Unix()), mtimeNsec: uint32(fi.ModTime().Nanosecond()), size: uint32(fi.Size())}
	if s, ok := fi.Sys().(*syscall.Stat_t); ok {
		st.ctimeSec, st.ctimeNsec = uint32(s.Ctimespec.Sec), uint32(s.Ctimespec.Nsec)
		st.mtimeSec, st.mtimeNsec = uint32(s.Mtimespec.Sec), uint32(s.Mtimespec.Nsec)
		st.dev, st.ino = uint32(s.Dev), uint32(s.Ino)
		st.uid, st.gid = s.Uid, s.Gid
	}
	return st
}
