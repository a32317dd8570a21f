package display

import (
	"io"
	"unicode/utf8"
)

// Writer passes text to w through EscapeText: a text view writes its
// lines through it and no control character from a record can reach the
// terminal raw, whichever field it came in. It must not carry formats whose
// bytes are data (CSV's CR LF, iCalendar, JSON is harmless but pointless).
// Close writes what is held back.
type Writer struct {
	w       io.Writer
	pending []byte // an incomplete UTF-8 sequence or a CR, awaiting the next Write
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write escapes p and writes it. A character split across two writes, or
// a CR LF, is escaped whole: the bytes of an unfinished one wait for the
// next Write.
func (e *Writer) Write(p []byte) (int, error) {
	data := append(e.pending, p...)
	keep := incompleteTail(data)
	e.pending = append([]byte(nil), data[len(data)-keep:]...)
	if _, err := io.WriteString(e.w, EscapeText(string(data[:len(data)-keep]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close writes what is held back (escaped as the incomplete text it is).
func (e *Writer) Close() error {
	if len(e.pending) == 0 {
		return nil
	}
	_, err := io.WriteString(e.w, EscapeText(string(e.pending)))
	e.pending = nil
	return err
}

// incompleteTail returns how many bytes at the end of b may be the start
// of a character (or of a CR LF) that the next write completes.
func incompleteTail(b []byte) int {
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return 1
	}
	for i := 1; i <= utf8.UTFMax-1 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			return 0
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return i
			}
			return 0
		}
	}
	return 0
}
