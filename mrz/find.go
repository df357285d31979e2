package mrz

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaxFindInput is the longest text Find reads, in bytes.
const MaxFindInput = 1 << 20

// maxFindCandidates bounds the candidate MRZs Find keeps from one text,
// and maxRepairs the groups of lines it repairs: the work on any text is
// bounded by its length plus a constant.
const (
	maxFindCandidates = 256
	maxRepairs        = 2048
)

// ErrAmbiguous is the Kind of the CheckError that Find reports, in a
// candidate's ValidationError, for each field where several repairs satisfy
// every check: Find does not guess, it lists them in the candidate's
// Alternatives. errors.Is(candidate.Err, ErrAmbiguous) tells such a
// candidate apart.
var ErrAmbiguous = errors.New("several repairs satisfy the checks")

// Correction is one change Find made to the text it read. Line and Column
// (1-based, Column counting characters) locate From in the input text;
// replacing From there by To, for every correction of a candidate, turns the
// input into the MRZ (see ApplyCorrections). From is empty for an insertion
// and To for a removal; a line break is "\n".
type Correction struct {
	Line   int    `json:"line"`
	Column int    `json:"column"`
	From   string `json:"from"`
	To     string `json:"to"`
	Reason Reason `json:"reason"`
}

// Candidate is an MRZ found in a text.
type Candidate struct {
	// Document is the MRZ after the corrections, parsed strictly.
	Document Document
	// Err is nil when the document is valid, and otherwise a
	// ValidationError. When several repairs fit, it also holds a CheckError
	// of kind ErrAmbiguous for each field where they differ, naming the
	// field, line and column (MRZ lines, as Parse counts them).
	Err error
	// StartLine and EndLine are the first and last lines of the input the
	// MRZ was read from (1-based, inclusive).
	StartLine, EndLine int
	// Score ranks candidates: 1 for a valid MRZ read without any change,
	// lower for more corrections and failed checks.
	Score float64
	// Corrections lists every change, in input order.
	Corrections []Correction
	// Alternatives lists, for an ambiguous candidate, the repairs Find
	// could not choose between; none of them is applied. Each element is
	// one complete way to repair one ambiguous place, given as the
	// corrections it makes in place of those of Corrections at the same
	// positions (a correction whose To is its From leaves its place as
	// read): the letters a digit in a name may have been are one element
	// each, and so is each set of changes that makes a failing check digit
	// hold. Choose turns a choice of them into corrections.
	Alternatives [][]Correction
}

// Choose returns the corrections that turn the input into the MRZ read with
// the given alternatives (indexes in Alternatives) chosen: Corrections, with
// those at the places of each chosen alternative replaced by the
// alternative's. ApplyCorrections(text, corrections) then gives that MRZ,
// which Find did not check: parse it to see whether it is valid. Choose
// fails for an index out of range, or for two alternatives of one place.
func (c Candidate) Choose(alternatives ...int) ([]Correction, error) {
	out := map[place]Correction{}
	for _, k := range c.Corrections {
		out[k.place()] = k
	}
	taken := map[place]bool{}
	for _, i := range alternatives {
		if i < 0 || i >= len(c.Alternatives) {
			return nil, fmt.Errorf("mrz: no alternative %d", i)
		}
		for _, k := range c.Alternatives[i] {
			p := k.place()
			if taken[p] {
				return nil, fmt.Errorf("mrz: alternatives overlap at line %d, column %d", p.line, p.col)
			}
			taken[p] = true
			if k.From == k.To {
				delete(out, p) // the place is left as read
			} else {
				out[p] = k
			}
		}
	}
	cs := make([]Correction, 0, len(out))
	for _, k := range out {
		cs = append(cs, k)
	}
	sortCorrections(cs)
	return cs, nil
}

// place is where a correction stands in the input. An insertion and a
// change may share a column.
type place struct {
	line, col int
	insert    bool
}

func (k Correction) place() place { return place{k.Line, k.Column, k.From == ""} }

// sortCorrections puts corrections in input order, an insertion before a
// change at the same column.
func sortCorrections(cs []Correction) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Line != cs[j].Line {
			return cs[i].Line < cs[j].Line
		}
		if cs[i].Column != cs[j].Column {
			return cs[i].Column < cs[j].Column
		}
		return cs[i].From == "" && cs[j].From != ""
	})
}

// IsValid reports whether the candidate's MRZ is valid after repair.
func (c Candidate) IsValid() bool { return c.Err == nil && c.Document.IsValid() }

// Find locates every MRZ in a text, such as the output of an OCR engine for a
// whole page, repairs what OCR commonly gets wrong, and returns the
// candidates ranked, best first.
//
// Safe normalizations are always made: lower case, the filler look-alikes
// «, ‹ and ( and spaces inside a line (removed, or read as fillers when the
// length says so), stray punctuation at line ends, a line broken in two or
// two lines glued together, a line one or two fillers short at its end, an
// extra filler at its end, blank lines between MRZ lines, and a K standing
// in a run of fillers.
//
// Character confusions (0 O D Q, 1 I L, 2 Z, 5 S, 6 G, 8 B, 4 A, 7 T) are
// repaired from what each position may hold: a letter where a digit must
// stand (dates, check digits) and a digit where a letter must stand (codes,
// names). A country code is repaired only to a known code. Confusions in
// fields that may hold both (document numbers, optional data) are repaired
// only when a change makes failing check digits hold; when several changes
// would, none is made and the candidate lists them as Alternatives. Names
// get only the repairs their type allows.
//
// Find reads at most MaxFindInput bytes and bounds its work; it fails only
// for longer input. Options are those of Parse (the reference date).
func Find(text string, opts ...Option) ([]Candidate, error) {
	if len(text) > MaxFindInput {
		return nil, &SyntaxError{Kind: ErrInputTooLong, Detail: "more than 1 MiB"}
	}
	f := finder{text: text, opts: opts}
	f.split()
	f.scan()
	return f.rank(), nil
}

// ApplyCorrections applies corrections (as Find returns them, in any order)
// to the text they were computed on. It fails when a correction's From is not
// found at its position, or when corrections overlap.
func ApplyCorrections(text string, cs []Correction) (string, error) {
	type edit struct {
		start, end int
		to         string
	}
	starts := lineStarts(text)
	edits := make([]edit, 0, len(cs))
	for _, c := range cs {
		if c.Line < 1 || c.Line > len(starts) || c.Column < 1 {
			return "", errors.New("mrz: correction outside the text")
		}
		off := starts[c.Line-1]
		for col := 1; col < c.Column; col++ {
			if off >= len(text) || text[off] == '\n' {
				return "", errors.New("mrz: correction outside the line")
			}
			_, n := utf8.DecodeRuneInString(text[off:])
			off += n
		}
		if !strings.HasPrefix(text[off:], c.From) {
			return "", errors.New("mrz: correction does not match the text")
		}
		edits = append(edits, edit{off, off + len(c.From), c.To})
	}
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var b strings.Builder
	pos := 0
	for _, e := range edits {
		if e.start < pos {
			return "", errors.New("mrz: corrections overlap")
		}
		b.WriteString(text[pos:e.start])
		b.WriteString(e.to)
		pos = e.end
	}
	b.WriteString(text[pos:])
	return b.String(), nil
}

func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// ---- reading the text --------------------------------------------------

// cchar is one character of a cleaned line and where it came from.
type cchar struct {
	c          byte
	reason     uint8 // why it differs from the input: an index in cleanReasons
	start, end int32 // bytes of the input it stands for
}

var cleanReasons = [...]string{"", "case", "filler look-alike", "space read as filler"}

const (
	rCase = iota + 1
	rLookAlike
	rSpace
)

// cline is an input line cleaned of what is always safe to clean.
type cline struct {
	num        int     // 1-based input line
	chars      []cchar // the MRZ characters, spaces removed (MRZ-like lines only)
	spaces     []int   // indexes in chars before which a space stood
	spaceSrc   [][2]int
	start, end int // bytes of the line's content, without stray characters
	mrzLike    bool
}

func (l *cline) String() string {
	b := make([]byte, len(l.chars))
	for i, c := range l.chars {
		b[i] = c.c
	}
	return string(b)
}

type finder struct {
	text      string
	opts      []Option
	lines     []cline
	lineStart []int // byte offset of each line
	found     []Candidate
	work      int
}

// lookAlike maps the characters OCR reads for '<'.
func lookAlike(r rune) bool { return r == '«' || r == '‹' || r == '(' || r == '[' || r == '{' }

// split cuts the text into cleaned lines.
func (f *finder) split() {
	starts := f.starts()
	f.lines = make([]cline, 0, len(starts))
	for i, s := range starts {
		e := len(f.text)
		if i+1 < len(starts) {
			e = starts[i+1] - 1
		}
		f.lines = append(f.lines, f.clean(i+1, s, e))
	}
}

func isMRZRune(r rune) bool {
	return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '<' || lookAlike(r)
}

func (f *finder) clean(num, start, end int) cline {
	l := cline{num: num, start: start, end: end}
	raw := f.text[start:end]
	if len(raw) > 4*maxLineRunes {
		return l // far longer than any MRZ line, even glued
	}
	// Stray characters at both ends are left out (and removed later).
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
	if a >= b {
		return l
	}
	l.start, l.end = start+a, start+b
	inner := raw[a:b]
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
	l.mrzLike = n >= 8 && bad == 0 && spaces <= n/4+1 && (fillers > 0 || digits*3 >= n)
	if !l.mrzLike {
		return l
	}
	l.chars = make([]cchar, 0, n)
	for i, r := range inner {
		s, e := int32(l.start+i), int32(l.start+i+utf8.RuneLen(r))
		switch {
		case r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '<':
			l.chars = append(l.chars, cchar{c: byte(r), start: s, end: e})
		case r >= 'a' && r <= 'z':
			l.chars = append(l.chars, cchar{c: byte(r - 'a' + 'A'), reason: rCase, start: s, end: e})
		case lookAlike(r):
			l.chars = append(l.chars, cchar{c: '<', reason: rLookAlike, start: s, end: e})
		default: // a space or a tab
			if k := len(l.spaces); k > 0 && l.spaces[k-1] == len(l.chars) && l.spaceSrc[k-1][1] == int(s) {
				l.spaceSrc[k-1][1] = int(e) // a run of spaces is one gap
				continue
			}
			l.spaces = append(l.spaces, len(l.chars))
			l.spaceSrc = append(l.spaceSrc, [2]int{int(s), int(e)})
		}
	}
	return l
}

const maxLineRunes = 100

// family is a shape of MRZ: its line lengths.
type family struct{ lens []int }

var families = []family{{[]int{44, 44}}, {[]int{36, 36}}, {[]int{30, 30, 30}}, {[]int{9, 30, 30}}, {[]int{30}}}

// piece is one MRZ line being assembled, with its corrections.
type piece struct {
	chars []cchar
	edits []edit // removals and insertions in the input
}

// edit is a change of the input text: bytes [start, end) become to.
type edit struct {
	start, end int
	to         string
	reason     string
}

// scan tries every family at every MRZ-like line.
func (f *finder) scan() {
	for i := 0; i < len(f.lines) && len(f.found) < maxFindCandidates && f.work < maxRepairs; i++ {
		if !f.lines[i].mrzLike {
			continue
		}
		for fi := range families {
			fam := &families[fi]
			n := 0
			f.fit(fam, 0, i, nil, -1, nil, func(pieces []piece, last int) bool {
				if c, ok := f.repair(pieces, i, last); ok {
					f.found = append(f.found, c)
				}
				n++
				return n < maxFits && len(f.found) < maxFindCandidates && f.work < maxRepairs
			})
		}
	}
}

// maxFits bounds the readings of one group of lines that are repaired.
const maxFits = 8

// reading is one way to read a cleaned line: which of its spaces are
// fillers.
type reading struct {
	chars []cchar
	edits []edit
}

// readings returns the ways to read l that give one of the wanted lengths:
// some of the spaces between characters read as fillers, the others
// removed. Every such reading is tried: when two give different valid
// documents, Find reports them as ambiguous. With no space, more than four,
// or no reading of a wanted length, the spaces are removed.
func readings(l *cline, wants ...int) []reading {
	removed := reading{l.chars, spaceEdits(l, nil)}
	s := len(l.spaces)
	if s == 0 || s > 4 {
		return []reading{removed}
	}
	var out []reading
	for mask := 0; mask < 1<<s; mask++ {
		m, inside := 0, true
		for j := 0; j < s; j++ {
			if mask&(1<<j) != 0 {
				m++
				inside = inside && l.spaces[j] != 0 && l.spaces[j] != len(l.chars)
			}
		}
		if !inside || !slices.Contains(wants, len(l.chars)+m) {
			continue
		}
		kept := mask
		out = append(out, reading{withSpaces(l, kept), spaceEdits(l, func(j int) bool { return kept&(1<<j) != 0 })})
	}
	if len(out) == 0 {
		out = append(out, removed)
	}
	return out
}

// fit assembles the lines of fam from line k on, starting at input line
// li, and calls yield with each complete assembly until it returns false.
// carry is the rest of a line cut in two; prevEnd the last input byte of
// the previous MRZ line (-1 for none).
func (f *finder) fit(fam *family, k, li int, carry []cchar, prevEnd int, pieces []piece, yield func([]piece, int) bool) bool {
	if k == len(fam.lens) {
		if carry != nil {
			return true
		}
		return yield(pieces, li-1)
	}
	want := fam.lens[k]
	next := 0
	if k+1 < len(fam.lens) {
		next = fam.lens[k+1]
	}
	push := func(p piece, li int, carry []cchar, prevEnd int) bool {
		ps := append(pieces[:len(pieces):len(pieces)], p)
		return f.fit(fam, k+1, li, carry, prevEnd, ps, yield)
	}
	if carry != nil {
		if len(carry) != want {
			return true
		}
		return push(piece{chars: carry}, li, nil, prevEnd)
	}
	// Skip blank lines between MRZ lines.
	for k > 0 && li < len(f.lines) && len(f.lines[li].chars) == 0 {
		li++
	}
	if li >= len(f.lines) || !f.lines[li].mrzLike {
		return true
	}
	line := &f.lines[li]
	var base []edit
	if prevEnd >= 0 {
		base = append(base, f.between(prevEnd, line.num)...)
	}
	base = append(base, f.edges(line)...)
	wants := []int{want, want + next, want - 1, want - 2, want + 1, want + 2}
	rds := readings(line, wants...)
	exact := false
	for _, rd := range rds {
		exact = exact || len(rd.chars) == want || (next > 0 && len(rd.chars) == want+next)
	}
	for _, rd := range rds {
		got := len(rd.chars)
		edits := append(append([]edit(nil), base...), rd.edits...)
		switch {
		case got == want:
			if !push(piece{rd.chars, edits}, li+1, nil, line.end) {
				return false
			}
		case next > 0 && got == want+next:
			// Two lines glued together.
			at := int(rd.chars[want].start)
			e := append(edits, edit{at, at, "\n", "line break restored"})
			if !push(piece{rd.chars[:want], e}, li+1, rd.chars[want:], line.end) {
				return false
			}
		case !exact && got > want && got-want <= 2 && fillersOnly(rd.chars[want:]):
			e := append(edits, edit{int(rd.chars[want].start), int(rd.chars[got-1].end), "", "extra filler removed"})
			if !push(piece{rd.chars[:want], e}, li+1, nil, line.end) {
				return false
			}
		case !exact && got < want && want-got <= 2 && got > 0 && rd.chars[got-1].c == '<':
			// A line one or two fillers short at its end.
			at := rd.chars[got-1].end
			e := append(edits, edit{int(at), int(at), strings.Repeat("<", want-got), "filler padded"})
			padded := append(rd.chars[:got:got], make([]cchar, want-got)...)
			for j := got; j < want; j++ {
				padded[j] = cchar{c: '<', start: at, end: at}
			}
			if !push(piece{padded, e}, li+1, nil, line.end) {
				return false
			}
		}
		if got < want && len(line.spaces) == 0 && li+1 < len(f.lines) && f.lines[li+1].mrzLike &&
			len(f.lines[li+1].spaces) == 0 && got+len(f.lines[li+1].chars) == want {
			// A line broken in two.
			nl := &f.lines[li+1]
			join := edit{line.end, nl.start, "", "line break removed"}
			var e []edit
			for _, x := range append(edits, f.edges(nl)...) {
				if x.start < join.start || x.end > join.end {
					e = append(e, x) // edges inside the join go with it
				}
			}
			e = append(e, join)
			chars := append(append([]cchar(nil), rd.chars...), nl.chars...)
			if !push(piece{chars, e}, li+2, nil, nl.end) {
				return false
			}
		}
	}
	return true
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
// selected by mask.
func withSpaces(l *cline, mask int) []cchar {
	out := make([]cchar, 0, len(l.chars)+len(l.spaces))
	si := 0
	for i := 0; i <= len(l.chars); i++ {
		for si < len(l.spaces) && l.spaces[si] == i {
			if mask&(1<<si) != 0 {
				src := l.spaceSrc[si]
				out = append(out, cchar{c: '<', reason: rSpace, start: int32(src[0]), end: int32(src[1])})
			}
			si++
		}
		if i < len(l.chars) {
			out = append(out, l.chars[i])
		}
	}
	return out
}

// spaceEdits removes the spaces of a line but those kept as fillers.
func spaceEdits(l *cline, kept func(int) bool) []edit {
	out := make([]edit, 0, len(l.spaces))
	for j, s := range l.spaceSrc {
		if kept == nil || !kept(j) {
			out = append(out, edit{s[0], s[1], "", "space removed"})
		}
	}
	return out
}

// edges removes stray characters at the ends of a line: whatever lies
// between the line's bounds and its first and last MRZ characters, but for
// whitespace, which Parse ignores.
func (f *finder) edges(l *cline) []edit {
	var out []edit
	if len(l.chars) == 0 {
		return nil
	}
	lineStart, lineEnd := f.lineBounds(l.num)
	first := int(l.chars[0].start)
	if s := f.text[lineStart:first]; strings.Trim(s, " \t\r") != "" {
		a := lineStart + len(s) - len(strings.TrimLeft(s, " \t\r"))
		out = append(out, edit{a, first, "", "stray character removed"})
	}
	last := int(l.chars[len(l.chars)-1].end)
	if s := f.text[last:lineEnd]; strings.Trim(s, " \t\r") != "" {
		b := last + len(strings.TrimRight(s, " \t\r"))
		out = append(out, edit{last, b, "", "stray character removed"})
	}
	return out
}

func (f *finder) lineBounds(num int) (int, int) {
	starts := f.starts()
	end := len(f.text)
	if num < len(starts) {
		end = starts[num] - 1
	}
	return starts[num-1], end
}

// between returns the edit removing the blank lines that stand between
// two MRZ lines.
func (f *finder) between(prevEnd, nextLine int) []edit {
	nextStart, _ := f.lineBounds(nextLine)
	s := f.text[prevEnd:nextStart]
	if strings.Count(s, "\n") <= 1 {
		return nil
	}
	// Keep the first line break; drop the rest (whitespace only).
	i := strings.IndexByte(s, '\n')
	return []edit{{prevEnd + i + 1, nextStart, "", "blank line removed"}}
}
