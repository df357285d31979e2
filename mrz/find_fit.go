package mrz

import (
	"slices"
	"strings"
)

// Assembling the lines of an MRZ: from an MRZ-like line on, the lines of
// each family of formats are taken from the cleaned lines, which may have
// been broken in two or glued together, may be a filler or two short or
// long, may have spaces that stand for fillers, and may have blank lines
// between them. Each complete assembly is repaired (see repair).

// family is a shape of MRZ: its line lengths.
type family struct{ lens []int }

var families = []family{{[]int{44, 44}}, {[]int{36, 36}}, {[]int{30, 30, 30}}, {[]int{9, 30, 30}}, {[]int{30}}}

// maxFits bounds the assemblies of one family from one line.
const maxFits = 64

// piece is one MRZ line being assembled, with its corrections.
type piece struct {
	chars []cchar
	edits []edit // removals and insertions in the input
}

// edit is a change of the input text: bytes [start, end) become to.
type edit struct {
	start, end int
	to         string
	reason     Reason
}

// reading is one way to read a cleaned line: which of its spaces are
// fillers (mask), the others being removed.
type reading struct {
	chars []cchar
	line  *cline
	mask  int
}

// assembly is the state of the assembly of one family from one line.
type assembly struct {
	fi, first int // the family and the line it starts at
	fam       *family
	pieces    []piece
	edits     []edit // a stack: each piece's edits are a slice of it
	n         int    // assemblies repaired
	stopped   bool   // a bound was reached
}

// readings appends to f.rds the ways to read l that give one of the wanted
// lengths: some of the spaces between characters read as fillers, the
// others removed. Every such reading is tried: when two give different
// valid documents, Find reports them as ambiguous. With no space, more
// than four, or no reading of a wanted length, the spaces are removed.
func (f *finder) readings(l *cline, wants ...int) {
	gaps, lchars := f.gaps(l), f.chars(l)
	s := len(gaps)
	if s == 0 {
		f.rds = append(f.rds, reading{chars: lchars, line: l})
		return
	}
	n := len(f.rds)
	for mask := 0; s <= 4 && mask < 1<<s; mask++ {
		m, inside := 0, true
		for j := 0; j < s; j++ {
			if mask&(1<<j) != 0 {
				m++
				inside = inside && gaps[j].at != 0 && int(gaps[j].at) != len(lchars)
			}
		}
		if !inside || !slices.Contains(wants, len(lchars)+m) {
			continue
		}
		chars := lchars
		if mask != 0 {
			chars = f.withSpaces(l, mask)
		}
		// (withSpaces writes into f.spaced, which fit gives back.)
		f.rds = append(f.rds, reading{chars, l, mask})
	}
	if len(f.rds) == n {
		f.rds = append(f.rds, reading{lchars, l, 0})
	}
}

// fit assembles the lines of a.fam from line k on, starting at input line
// li, and repairs each complete assembly (see complete) until that
// reports false. carry is the rest of a line glued to the one before; prevEnd the
// last input byte of the previous MRZ line (-1 for none).
func (f *finder) fit(a *assembly, k, li int, carry []cchar, prevEnd int) bool {
	if k == len(a.fam.lens) {
		return carry != nil || f.complete(a, li-1)
	}
	if carry != nil {
		return f.fitCarry(a, k, li, carry, prevEnd)
	}
	// The next MRZ-like line, after blank lines only.
	if li >= len(f.lines) || (k > 0 && !f.lines[li].blankBefore) {
		return true
	}
	line := &f.lines[li]
	e0 := len(a.edits)
	if prevEnd >= 0 {
		a.edits = f.between(a.edits, prevEnd, int(line.ls))
	}
	a.edits = f.edges(a.edits, line)
	want, next := a.fam.lens[k], 0
	if k+1 < len(a.fam.lens) {
		next = a.fam.lens[k+1]
	}
	r0, w0 := len(f.rds), len(f.spaced)
	f.readings(line, want, want+next, want+next+a.restAfter(k+1), want-1, want-2, want+1, want+2)
	r1 := len(f.rds)
	exact := false
	for _, rd := range f.rds[r0:r1] {
		exact = exact || len(rd.chars) == want || a.glued(k, len(rd.chars))
	}
	ok := true
	for i := r0; i < r1 && ok; i++ {
		e1 := len(a.edits)
		a.edits = f.appendSpaceEdits(a.edits, f.rds[i].line, f.rds[i].mask)
		ok = f.fitReading(a, k, li, f.rds[i], exact, e0)
		a.edits = a.edits[:e1]
	}
	f.rds, f.spaced = f.rds[:r0], f.spaced[:w0]
	a.edits = a.edits[:e0]
	return ok
}

// restAfter returns the length of the line after line k, or 0.
func (a *assembly) restAfter(k int) int {
	if k+1 < len(a.fam.lens) {
		return a.fam.lens[k+1]
	}
	return 0
}

// glued reports whether got characters are line k glued to one or more of
// the lines after it.
func (a *assembly) glued(k, got int) bool {
	rest := got - a.fam.lens[k]
	for _, n := range a.fam.lens[k+1:] {
		if rest -= n; rest == 0 {
			return true
		}
	}
	return false
}

// push adds a piece with the edits a.edits[e0:] and goes on with line k+1.
func (f *finder) push(a *assembly, k int, chars []cchar, e0, li int, carry []cchar, prevEnd int) bool {
	a.pieces = append(a.pieces, piece{chars, a.edits[e0:len(a.edits):len(a.edits)]})
	ok := f.fit(a, k+1, li, carry, prevEnd)
	a.pieces = a.pieces[:len(a.pieces)-1]
	return ok
}

// fitCarry goes on with the rest of a line glued to the one before.
func (f *finder) fitCarry(a *assembly, k, li int, carry []cchar, prevEnd int) bool {
	want := a.fam.lens[k]
	switch {
	case len(carry) == want:
		return f.push(a, k, carry, len(a.edits), li, nil, prevEnd)
	case a.glued(k, len(carry)):
		e0 := len(a.edits)
		at := int(carry[want].start)
		a.edits = append(a.edits, edit{at, at, "\n", ReasonBreakRestored})
		ok := f.push(a, k, carry[:want], e0, li, carry[want:], prevEnd)
		a.edits = a.edits[:e0]
		return ok
	}
	return true
}

// fitReading goes on with one reading of line li as line k; the edits of
// the line are a.edits[e0:].
func (f *finder) fitReading(a *assembly, k, li int, rd reading, exact bool, e0 int) bool {
	line := &f.lines[li]
	got, want := len(rd.chars), a.fam.lens[k]
	switch {
	case got == want:
		if !f.push(a, k, rd.chars, e0, li+1, nil, line.end) {
			return false
		}
	case a.glued(k, got):
		e1 := len(a.edits)
		at := int(rd.chars[want].start)
		a.edits = append(a.edits, edit{at, at, "\n", ReasonBreakRestored})
		ok := f.push(a, k, rd.chars[:want], e0, li+1, rd.chars[want:], line.end)
		a.edits = a.edits[:e1]
		if !ok {
			return false
		}
	case !exact && got > want && got-want <= 2 && fillersOnly(rd.chars[want:]):
		e1 := len(a.edits)
		a.edits = append(a.edits, edit{int(rd.chars[want].start), int(rd.chars[got-1].end()), "", ReasonExtraFiller})
		ok := f.push(a, k, rd.chars[:want], e0, li+1, nil, line.end)
		a.edits = a.edits[:e1]
		if !ok {
			return false
		}
	case !exact && got < want && want-got <= 2 && got > 0 && rd.chars[got-1].c == '<':
		// A line one or two fillers short at its end.
		e1 := len(a.edits)
		at := rd.chars[got-1].end()
		a.edits = append(a.edits, edit{int(at), int(at), strings.Repeat("<", want-got), ReasonFillerPadded})
		padded := append(rd.chars[:got:got], make([]cchar, want-got)...)
		for j := got; j < want; j++ {
			padded[j] = cchar{c: '<', start: at}
		}
		ok := f.push(a, k, padded, e0, li+1, nil, line.end)
		a.edits = a.edits[:e1]
		if !ok {
			return false
		}
	}
	return f.fitBroken(a, k, li, rd, e0)
}

// fitBroken tries line li, too short, joined with the next: a line broken
// in two.
func (f *finder) fitBroken(a *assembly, k, li int, rd reading, e0 int) bool {
	line := &f.lines[li]
	got, want := len(rd.chars), a.fam.lens[k]
	if got >= want || len(f.gaps(line)) != 0 || !f.next(li, li+1) {
		return true
	}
	nl := &f.lines[li+1]
	if len(f.gaps(nl)) != 0 || got+len(f.chars(nl)) != want {
		return true
	}
	join := edit{line.end, nl.start, "", ReasonBreakRemoved}
	// The edits of the line and the edges of the next, but those inside
	// the join, which goes with them.
	e1 := len(a.edits)
	a.edits = f.edges(a.edits, nl)
	e2 := len(a.edits)
	for _, x := range a.edits[e0:e2] {
		if x.start < join.start || x.end > join.end {
			a.edits = append(a.edits, x)
		}
	}
	a.edits = append(a.edits, join)
	chars := append(append([]cchar(nil), rd.chars...), f.chars(nl)...)
	ok := f.push(a, k, chars, e2, li+2, nil, nl.end)
	a.edits = a.edits[:e1]
	return ok
}

// mayStart reports whether line li may be the first line of family fam:
// whether a reading of it has a length fit tries, or it is a line broken
// in two.
func (f *finder) mayStart(fam *family, li int) bool {
	l := &f.lines[li]
	gaps := int(l.g1 - l.g0)
	lo, hi := int(l.c1-l.c0), int(l.c1-l.c0)
	if gaps <= 4 {
		hi += gaps
	}
	want := fam.lens[0]
	if hi >= want-2 && lo <= want+2 {
		return true
	}
	sum := want
	for _, n := range fam.lens[1:] {
		if sum += n; lo <= sum && sum <= hi {
			return true
		}
	}
	return lo < want && gaps == 0 && f.next(li, li+1) && lo+len(f.chars(&f.lines[li+1])) == want
}

// fillersOnly reports whether every character of cs is a filler.
func fillersOnly(cs []cchar) bool {
	for _, c := range cs {
		if c.c != '<' {
			return false
		}
	}
	return true
}

// withSpaces returns the characters of l with a filler for each space
// selected by mask, in f.spaced: a stack that fit gives back.
func (f *finder) withSpaces(l *cline, mask int) []cchar {
	start := len(f.spaced)
	out := f.spaced
	chars, gaps := f.chars(l), f.gaps(l)
	si := 0
	for i := 0; i <= len(chars); i++ {
		for si < len(gaps) && int(gaps[si].at) == i {
			if mask&(1<<si) != 0 {
				g := gaps[si]
				out = append(out, newCchar('<', ReasonSpaceFiller, g.start, g.end))
			}
			si++
		}
		if i < len(chars) {
			out = append(out, chars[i])
		}
	}
	f.spaced = out
	return out[start:len(out):len(out)]
}

// appendSpaceEdits appends the edits removing the spaces of a line but
// those kept as fillers.
func (f *finder) appendSpaceEdits(out []edit, l *cline, kept int) []edit {
	for j, g := range f.gaps(l) {
		if kept&(1<<j) == 0 {
			out = append(out, edit{int(g.start), int(g.end), "", ReasonSpaceRemoved})
		}
	}
	return out
}

// edges appends the edits removing stray characters at the ends of a line:
// whatever lies between the line's bounds and its first and last MRZ
// characters, but for whitespace, which Parse ignores.
func (f *finder) edges(out []edit, l *cline) []edit {
	if len(f.chars(l)) == 0 {
		return out
	}
	lineStart, lineEnd := int(l.ls), int(l.le)
	first := int(f.chars(l)[0].start)
	if s := f.text[lineStart:first]; strings.Trim(s, " \t") != "" {
		a := lineStart + len(s) - len(strings.TrimLeft(s, " \t"))
		out = append(out, edit{a, first, "", ReasonStray})
	}
	last := int(f.chars(l)[len(f.chars(l))-1].end())
	if s := f.text[last:lineEnd]; strings.Trim(s, " \t") != "" {
		b := last + len(strings.TrimRight(s, " \t"))
		out = append(out, edit{last, b, "", ReasonStray})
	}
	return out
}

// between appends the edits between two MRZ lines, the next starting at
// byte nextStart: a CR alone read as a line break, and blank lines removed.
func (f *finder) between(out []edit, prevEnd, nextStart int) []edit {
	s := f.text[prevEnd:nextStart]
	i := strings.IndexAny(s, "\r\n")
	if i < 0 {
		return out
	}
	brk := 1
	switch {
	case s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n':
		brk = 2
	case s[i] == '\r':
		out = append(out, edit{prevEnd + i, prevEnd + i + 1, "\n", ReasonCarriageReturn})
	}
	if rest := prevEnd + i + brk; rest < nextStart {
		// Keep the first line break; drop the rest (whitespace only).
		out = append(out, edit{rest, nextStart, "", ReasonBlankLine})
	}
	return out
}
