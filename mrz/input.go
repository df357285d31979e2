package mrz

import (
	"strings"
)

const maxLines = 3

// input is the MRZ lines found in the text given to Parse.
type input struct {
	raw  string // the lines joined by '\n'
	lens [maxLines]int
	n    int
}

// normalize finds the MRZ lines in s as Parse documents it: lines end at
// LF, CRLF or CR; the spaces and tabs around each line and the blank lines
// around the MRZ are dropped; every other character must be an MRZ
// character. One line holding a whole MRZ run together (the 88, 72, 90 or
// 69 characters of a two- or three-line format) is cut into its lines.
// When the input needs no change, raw is a substring of s.
func normalize(s string) (input, error) {
	var ls lineSplitter
	start := 0
	for start <= len(s) {
		// The line ends at the first CR or LF.
		end := len(s)
		if i := strings.IndexByte(s[start:], '\n'); i >= 0 {
			end = start + i
		}
		if i := strings.IndexByte(s[start:end], '\r'); i >= 0 {
			end = start + i
		}
		if err := ls.line(s, start, end); err != nil {
			return input{}, err
		}
		if end < len(s) && s[end] == '\r' && end+1 < len(s) && s[end+1] == '\n' {
			end++
		}
		start = end + 1
	}
	return ls.join(s)
}

// lineSplitter collects the MRZ lines of a text, line by line.
type lineSplitter struct {
	in         input
	bounds     [maxLines]struct{ start, end int }
	blankAfter bool // a blank line follows the lines found
}

// line handles the line s[a:b].
func (ls *lineSplitter) line(s string, a, b int) error {
	for a < b && isBlank(s[a]) {
		a++
	}
	for b > a && isBlank(s[b-1]) {
		b--
	}
	n := ls.in.n
	if a == b {
		ls.blankAfter = n > 0
		return nil
	}
	if ls.blankAfter {
		return &SyntaxError{Line: n + 1, Kind: ErrLineCount, Detail: "blank line inside the MRZ"}
	}
	if n == maxLines {
		return &SyntaxError{Line: n + 1, Kind: ErrLineCount, Detail: "want at most 3 lines"}
	}
	if sumPlain(s[a:b])&infoInvalid != 0 {
		for i := a; i < b; i++ {
			if charClass[s[i]]&classInvalid != 0 {
				return &SyntaxError{Line: n + 1, Column: i - a + 1, Kind: ErrInvalidCharacter, Detail: describeChar(s[i])}
			}
		}
	}
	ls.bounds[n].start, ls.bounds[n].end = a, b
	ls.in.lens[n] = b - a
	ls.in.n++
	return nil
}

// join returns the lines found joined by '\n', a substring of s when they
// are already, and cuts a run-together MRZ into its lines.
func (ls *lineSplitter) join(s string) (input, error) {
	in, lines := ls.in, ls.bounds[:ls.in.n]
	if in.n == 0 {
		return input{}, &SyntaxError{Kind: ErrLineCount, Detail: "empty input"}
	}
	if in.n == 1 {
		if l := runTogether(in.lens[0]); l != nil {
			return cutLines(s[lines[0].start:lines[0].end], l), nil
		}
	}
	contiguous := true
	for i := 1; i < in.n; i++ {
		if lines[i].start != lines[i-1].end+1 || s[lines[i-1].end] != '\n' {
			contiguous = false
		}
	}
	if contiguous {
		in.raw = s[lines[0].start:lines[in.n-1].end]
		return in, nil
	}
	var sb strings.Builder
	sb.Grow(lines[in.n-1].end - lines[0].start)
	for i, l := range lines {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(s[l.start:l.end])
	}
	in.raw = sb.String()
	return in, nil
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// runTogether returns the layout whose lines, run together, are n
// characters long (the form of the chip's data group 1): 88 for TD3 and
// MRV-A, 72 for TD2, MRV-B and FR-CNI, 90 for TD1, 69 for CH-DL. Which of
// the layouts of that length it is, detection decides from the cut lines
// as for any MRZ. It returns nil for other lengths, and for one-line
// formats.
func runTogether(n int) *layout {
	for _, l := range layoutList {
		if l.nlines > 1 && l.total() == n {
			return l
		}
	}
	return nil
}

// cutLines cuts s, the lines of l run together, into l's lines.
func cutLines(s string, l *layout) input {
	var in input
	var b strings.Builder
	b.Grow(len(s) + int(l.nlines) - 1)
	off := 0
	for i := 0; i < int(l.nlines); i++ {
		n := int(l.lens[i])
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s[off : off+n])
		in.lens[i] = n
		off += n
	}
	in.n = int(l.nlines)
	in.raw = b.String()
	return in
}
