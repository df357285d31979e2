package mrz

import (
	"strings"
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

// cchar is one character of a cleaned line and where it came from: bytes
// [start, start+size) of the input. Eight bytes: the characters of the
// MRZ-like lines of a page are one block.
type cchar struct {
	c     byte
	why   uint8  // how it differs from the input: a normalization (see reason)
	size  uint16 // (a run of spaces read as a filler is at most a line)
	start int32
}

// newCchar returns the character c standing for bytes [start, end) of the
// input, changed from them for reason (a normalization, or 0).
func newCchar(c byte, reason Reason, start, end int32) cchar {
	return cchar{c: c, why: uint8(reason), size: uint16(end - start), start: start}
}

// The normalizations a cchar's why holds fit in its byte.
const _ = uint8(ReasonCase | ReasonLookAlike | ReasonSpaceFiller)

// end returns the end of the bytes of the input c stands for.
func (c cchar) end() int32 { return c.start + int32(c.size) }

// reason returns the normalization that made c from the input, or 0.
func (c cchar) reason() Reason { return Reason(c.why) }

// cline is an input line that looks like a line of an MRZ, cleaned. The
// finder keeps no other line: of those between two MRZ-like lines, it
// only notes whether all are blank.
type cline struct {
	num int32 // 1-based input line
	// The MRZ characters, spaces removed, and the runs of spaces between
	// them: f.charBuf[c0:c1], f.gapBuf[g0:g1] (see finder.chars and
	// finder.gaps). No pointers: the lines of a page are one block the
	// collector need not scan.
	c0, c1, g0, g1 int32
	// ls, le: the bytes of the line, its line break left out.
	ls, le int32
	// start, end: the bytes of the line's content, without stray
	// characters at its ends.
	start, end int
	n          int32 // MRZ characters, for the room to clean them
	// blankBefore: every input line between the MRZ-like line before and
	// this one (none, when they are next to each other) holds only
	// whitespace.
	blankBefore bool
}

// next reports whether line j of the finder is the input line right after
// line i.
func (f *finder) next(i, j int) bool { return j < len(f.lines) && f.lines[j].num == f.lines[i].num+1 }

// gap is a run of spaces in a cleaned line: before chars[at], bytes
// [start, end) of the input.
type gap struct{ at, start, end int32 }

// lineStarts returns the byte offset of each line of text: lines end at
// "\n", "\r\n" or a "\r" alone.
func lineStarts(text string) []int {
	if strings.IndexByte(text, '\r') < 0 {
		// LF alone: the fast way.
		starts := make([]int, 1, strings.Count(text, "\n")+1)
		for i := 0; ; {
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				return starts
			}
			i += j + 1
			starts = append(starts, i)
		}
	}
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

// lookAlike reports whether OCR read r for '<'.
func lookAlike(r rune) bool { return r == '«' || r == '‹' || r == '(' || r == '[' || r == '{' }

func isMRZRune(r rune) bool {
	return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '<' || lookAlike(r)
}

// split cuts the text into lines and keeps those that look like MRZ
// lines, cleaned.
func (f *finder) split() {
	text := f.text
	cr := strings.IndexByte(text, '\r') >= 0
	total, gaps := 0, 0
	blank := true // every line since the last MRZ-like line is blank
	num := 0
	for pos := 0; ; {
		num++
		// The line's bytes are [pos, e); the next starts at next (-1 for
		// none).
		e, next := len(text), -1
		if !cr {
			if j := strings.IndexByte(text[pos:], '\n'); j >= 0 {
				e, next = pos+j, pos+j+1
			}
		} else if j := strings.IndexAny(text[pos:], "\r\n"); j >= 0 {
			e, next = pos+j, pos+j+1
			if text[e] == '\r' && next < len(text) && text[next] == '\n' {
				next++
			}
		}
		if l, ok := f.look(num, pos, e); ok {
			l.blankBefore = blank
			if f.lines == nil {
				f.lines = make([]cline, 0, 8)
			}
			f.lines = append(f.lines, l)
			total += int(l.n)
			gaps += int(l.g1) // counted by look
			blank = true
		} else if blank && strings.Trim(text[pos:e], " \t") != "" {
			blank = false
		}
		if next < 0 {
			break
		}
		pos = next
	}
	f.nlines = num
	f.charBuf = make([]cchar, 0, total)
	if gaps > 0 {
		f.gapBuf = make([]gap, 0, gaps)
	}
	for i := range f.lines {
		f.clean(&f.lines[i])
	}
}

// look reads line num, bytes [start, end) of the text: its bounds without
// stray characters, and whether it looks like a line of an MRZ.
func (f *finder) look(num, start, end int) (cline, bool) {
	raw := f.text[start:end]
	if len(raw) > 4*maxLineRunes {
		return cline{}, false // far longer than any MRZ line, even glued
	}
	a, b := trimStray(raw)
	if a >= b {
		return cline{}, false
	}
	n, spaces, ok := looksLikeMRZ(raw[a:b])
	if !ok {
		return cline{}, false
	}
	// clean sets the gaps' bounds
	return cline{num: int32(num), ls: int32(start), le: int32(end), start: start + a, end: start + b, n: int32(n), g1: int32(spaces)}, true
}

// trimStray returns the bounds of raw without the characters at its ends
// that cannot be MRZ characters.
func trimStray(raw string) (int, int) {
	a := 0
	for a < len(raw) {
		c := raw[a]
		if c < utf8.RuneSelf {
			if lineClass[c] >= lcFiller {
				break
			}
			a++
			continue
		}
		r, n := utf8.DecodeRuneInString(raw[a:])
		if isMRZRune(r) {
			break
		}
		a += n
	}
	b := len(raw)
	for b > a {
		c := raw[b-1]
		if c < utf8.RuneSelf {
			if lineClass[c] >= lcFiller {
				break
			}
			b--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(raw[:b])
		if isMRZRune(r) {
			break
		}
		b -= n
	}
	return a, b
}

// The classes of ASCII bytes for looksLikeMRZ.
const (
	lcBad uint8 = iota
	lcSpace
	lcFiller
	lcDigit
	lcLetter
)

var lineClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t':
			t[c] = lcSpace
		case c == '<' || lookAlike(rune(c)):
			t[c] = lcFiller
		case c >= '0' && c <= '9':
			t[c] = lcDigit
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			t[c] = lcLetter
		}
	}
	return t
}()

// lineCount packs, for each byte, what looksLikeMRZ counts, in fields of
// 12 bits (a line it reads holds at most 4*maxLineRunes bytes): a
// character, a filler, a digit, a byte of a longer UTF-8 sequence (which
// may be a look-alike), an ASCII byte that is no MRZ character, space or
// look-alike. Spaces count nothing here.
var lineCount = func() (t [256]uint64) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = 1 << lcUTF8
		default:
			switch lineClass[c] {
			case lcSpace:
			case lcFiller:
				t[c] = 1 | 1<<lcFillers
			case lcDigit:
				t[c] = 1 | 1<<lcDigits
			case lcLetter:
				t[c] = 1
			default:
				t[c] = 1 << lcBadBytes
			}
		}
	}
	return t
}()

// The fields of lineCount's sums.
const (
	lcFillers  = 12
	lcDigits   = 24
	lcUTF8     = 36
	lcBadBytes = 48
	lcMask     = 1<<12 - 1
)

// looksLikeMRZ counts what a line holds and says whether it may be a line
// of an MRZ: at least 8 characters, all MRZ characters or look-alikes but
// for a few spaces, and fillers or a third of digits. It returns the
// number of characters and of runs of spaces. Its text holds at most
// 4*maxLineRunes bytes.
func looksLikeMRZ(inner string) (n, spaces int, ok bool) {
	var sum uint64
	s := inner
	for ; len(s) >= 4; s = s[4:] {
		if sum += lineCount[s[0]] + lineCount[s[1]] + lineCount[s[2]] + lineCount[s[3]]; sum>>lcBadBytes != 0 {
			return 0, 0, false // a byte that is nothing of an MRZ
		}
	}
	for i := 0; i < len(s); i++ {
		sum += lineCount[s[i]]
	}
	if sum>>lcBadBytes != 0 {
		return 0, 0, false // a byte that is nothing of an MRZ
	}
	if sum>>lcUTF8 != 0 {
		return looksLikeMRZSlow(inner)
	}
	n, fillers, digits := int(sum&lcMask), int(sum>>lcFillers&lcMask), int(sum>>lcDigits&lcMask)
	if n < 8 || (fillers == 0 && digits*3 < n) {
		return n, 0, false
	}
	spaces = spaceRuns(inner)
	return n, spaces, spaces <= n/4+1
}

// spaceRuns counts the runs of spaces and tabs of s.
func spaceRuns(s string) int {
	runs, prev := 0, uint8(0)
	for i := 0; i < len(s); i++ {
		sp := isSpace[s[i]]
		runs += int(sp &^ prev)
		prev = sp
	}
	return runs
}

// isSpace is 1 for a space or a tab.
var isSpace = [256]uint8{' ': 1, '\t': 1}

// looksLikeMRZSlow is looksLikeMRZ for lines with bytes outside ASCII or
// that are no MRZ character: it decodes the look-alikes.
func looksLikeMRZSlow(inner string) (n, spaces int, ok bool) {
	fillers, digits := 0, 0
	prevSpace := false
	for i := 0; i < len(inner); i++ {
		cls := lcBad
		if c := inner[i]; c < utf8.RuneSelf {
			cls = lineClass[c]
		} else if r, size := utf8.DecodeRuneInString(inner[i:]); lookAlike(r) {
			cls = lcFiller
			i += size - 1
		}
		switch cls {
		case lcBad:
			return n, spaces, false
		case lcSpace:
			if !prevSpace {
				spaces++
			}
			prevSpace = true
			continue
		case lcFiller:
			fillers++
		case lcDigit:
			digits++
		}
		prevSpace = false
		n++
	}
	return n, spaces, n >= 8 && spaces <= n/4+1 && (fillers > 0 || digits*3 >= n)
}

// clean reads the characters of an MRZ-like line.
func (f *finder) clean(l *cline) {
	at, g0 := len(f.charBuf), len(f.gapBuf)
	// The line holds l.n characters (look counted them), for which
	// charBuf has room (split sized it).
	out := f.charBuf[at : at+int(l.n)]
	k := 0
	text := f.text[:l.end]
	for i := l.start; i < len(text); {
		c := text[i]
		if c >= utf8.RuneSelf {
			// Only look-alikes: the line looks like an MRZ line.
			_, size := utf8.DecodeRuneInString(text[i:])
			out[k] = newCchar('<', ReasonLookAlike, int32(i), int32(i+size))
			k++
			i += size
			continue
		}
		if t := cleanTable[c]; t.c != 0 {
			out[k] = cchar{c: t.c, why: t.why, size: 1, start: int32(i)}
			k++
			i++
			continue
		}
		// A space or a tab.
		s, e := int32(i), int32(i+1)
		i++
		pos := int32(k)
		if n := len(f.gapBuf); n > g0 && f.gapBuf[n-1].at == pos && f.gapBuf[n-1].end == s {
			f.gapBuf[n-1].end = e // a run of spaces is one gap
			continue
		}
		f.gapBuf = append(f.gapBuf, gap{pos, s, e})
	}
	f.charBuf = f.charBuf[:at+k]
	l.c0, l.c1 = int32(at), int32(at+k)
	l.g0, l.g1 = int32(g0), int32(len(f.gapBuf))
}

// cleanTable holds, for each ASCII byte an MRZ-like line may hold but
// spaces, the MRZ character it stands for and the normalization (as a
// cchar's why); 0 for a space or a tab.
var cleanTable = func() (t [utf8.RuneSelf]struct{ c, why uint8 }) {
	for c := range t {
		switch lineClass[c] {
		case lcLetter, lcDigit, lcFiller:
			switch {
			case c == '(' || c == '[' || c == '{':
				t[c].c, t[c].why = '<', uint8(ReasonLookAlike)
			case c >= 'a':
				t[c].c, t[c].why = uint8(c-'a'+'A'), uint8(ReasonCase)
			default:
				t[c].c = uint8(c)
			}
		}
	}
	return t
}()

// chars returns the MRZ characters of a cleaned line.
func (f *finder) chars(l *cline) []cchar { return f.charBuf[l.c0:l.c1:l.c1] }

// gaps returns the runs of spaces of a cleaned line.
func (f *finder) gaps(l *cline) []gap { return f.gapBuf[l.g0:l.g1:l.g1] }
