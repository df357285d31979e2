package mrz

import (
	"slices"
	"unicode/utf8"
)

// Finding the lines: the text is cut at line breaks (LF, CRLF or CR
// alone, as card readers send them) and each line that looks like a line
// of an MRZ is cleaned of what is always safe to clean: case, the filler
// look-alikes, spaces (kept aside: they may stand for fillers) and stray
// characters at its ends.

// maxLineRunes is the longest line Find reads as MRZ characters; a line
// of up to four times that (three lines glued together, and spaces) is
// looked at.
const maxLineRunes = 100

// cchar is one character of a cleaned line and where it came from.
type cchar struct {
	c          byte
	reason     Reason // how it differs from the input: a normalization
	start, end int32  // bytes of the input it stands for
}

// cline is an input line, cleaned.
type cline struct {
	num      int     // 1-based input line
	chars    []cchar // the MRZ characters, spaces removed (MRZ-like lines only)
	spaces   []int   // indexes in chars before which a space stood
	spaceSrc [][2]int
	// start, end: the bytes of the line's content, without stray
	// characters at its ends.
	start, end int
	mrzLike    bool
}

// lineStarts returns the byte offset of each line of text: lines end at
// "\n", "\r\n" or a "\r" alone.
func lineStarts(text string) []int {
	n := 1
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '\n' || (c == '\r' && (i+1 == len(text) || text[i+1] != '\n')) {
			n++
		}
	}
	starts := make([]int, 1, n)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineEnd returns the end of the content of the line starting at start
// and ending before next (the start of the next line, or len(text)): the
// line break is left out.
func lineEnd(text string, next int) int {
	e := next
	if e > 0 && e <= len(text) && text[e-1] == '\n' {
		e--
	}
	if e > 0 && text[e-1] == '\r' {
		e--
	}
	return e
}

// lineBounds returns the bytes of the content of line num (1-based).
func (f *finder) lineBounds(num int) (int, int) {
	if num < len(f.starts) {
		return f.starts[num-1], lineEnd(f.text, f.starts[num])
	}
	return f.starts[num-1], len(f.text)
}

// lookAlike reports whether OCR read r for '<'.
func lookAlike(r rune) bool { return r == '«' || r == '‹' || r == '(' || r == '[' || r == '{' }

func isMRZRune(r rune) bool {
	return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '<' || lookAlike(r)
}

// split cuts the text into cleaned lines.
func (f *finder) split() {
	f.starts = lineStarts(f.text)
	f.lines = make([]cline, len(f.starts))
	for i := range f.starts {
		s, e := f.lineBounds(i + 1)
		f.clean(&f.lines[i], i+1, s, e)
		if f.lines[i].mrzLike {
			f.mrzLines++
		}
	}
}

// trimStray returns the bounds of raw without the characters at its ends
// that cannot be MRZ characters.
func trimStray(raw string) (int, int) {
	a := 0
	for a < len(raw) {
		r, n := utf8.DecodeRuneInString(raw[a:])
		if isMRZRune(r) {
			break
		}
		a += n
	}
	b := len(raw)
	for b > a {
		r, n := utf8.DecodeLastRuneInString(raw[:b])
		if isMRZRune(r) {
			break
		}
		b -= n
	}
	return a, b
}

// looksLikeMRZ counts what a line holds and says whether it may be a line
// of an MRZ: at least 8 characters, all MRZ characters or look-alikes but
// for a few spaces, and fillers or a third of digits. It returns the
// number of characters.
func looksLikeMRZ(inner string) (int, bool) {
	n, bad, spaces, fillers, digits := 0, 0, 0, 0, 0
	prevSpace := false
	for _, r := range inner {
		switch {
		case r == ' ' || r == '\t':
			if !prevSpace {
				spaces++
			}
			prevSpace = true
			continue
		case r == '<' || lookAlike(r):
			fillers++
		case r >= '0' && r <= '9':
			digits++
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
		default:
			bad++
		}
		prevSpace = false
		n++
	}
	return n, n >= 8 && bad == 0 && spaces <= n/4+1 && (fillers > 0 || digits*3 >= n)
}

// clean reads line num, bytes [start, end) of the text, into l.
func (f *finder) clean(l *cline, num, start, end int) {
	*l = cline{num: num, start: start, end: end}
	raw := f.text[start:end]
	if len(raw) > 4*maxLineRunes {
		return // far longer than any MRZ line, even glued
	}
	a, b := trimStray(raw)
	if a >= b {
		return
	}
	l.start, l.end = start+a, start+b
	n, ok := looksLikeMRZ(raw[a:b])
	if l.mrzLike = ok; !ok {
		return
	}
	if cap(f.charBuf) == 0 {
		f.charBuf = make([]cchar, 0, max(n, 256))
		f.spaceBuf, f.spaceSrcBuf = make([]int, 0, 32), make([][2]int, 0, 32)
	}
	f.charBuf = slices.Grow(f.charBuf, n)
	at, sp := len(f.charBuf), len(f.spaceBuf)
	for i, r := range raw[a:b] {
		s, e := int32(l.start+i), int32(l.start+i+utf8.RuneLen(r))
		switch {
		case r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '<':
			f.charBuf = append(f.charBuf, cchar{c: byte(r), start: s, end: e})
		case r >= 'a' && r <= 'z':
			f.charBuf = append(f.charBuf, cchar{c: byte(r - 'a' + 'A'), reason: ReasonCase, start: s, end: e})
		case lookAlike(r):
			f.charBuf = append(f.charBuf, cchar{c: '<', reason: ReasonLookAlike, start: s, end: e})
		default: // a space or a tab
			k := len(f.spaceBuf) - sp
			if k > 0 && f.spaceBuf[len(f.spaceBuf)-1] == len(f.charBuf)-at && f.spaceSrcBuf[len(f.spaceSrcBuf)-1][1] == int(s) {
				f.spaceSrcBuf[len(f.spaceSrcBuf)-1][1] = int(e) // a run of spaces is one gap
				continue
			}
			f.spaceBuf = append(f.spaceBuf, len(f.charBuf)-at)
			f.spaceSrcBuf = append(f.spaceSrcBuf, [2]int{int(s), int(e)})
		}
	}
	l.chars = f.charBuf[at:len(f.charBuf):len(f.charBuf)]
	if len(f.spaceBuf) > sp {
		l.spaces = f.spaceBuf[sp:len(f.spaceBuf):len(f.spaceBuf)]
		l.spaceSrc = f.spaceSrcBuf[sp:len(f.spaceSrcBuf):len(f.spaceSrcBuf)]
	}
}
