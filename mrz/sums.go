package mrz

// A sumPlan lets one pass over the characters of an MRZ give the weighted
// sum of every check digit. The characters at offsets q, q+3, q+6, ... of a
// line form a chain; the pass sums each line's three chains as it goes
// and, in the lines where check digits' segments lie, writes the running
// sum of q's chain at pre[q]. The sum of a segment's characters in one
// chain is then the difference of two entries of pre, and a segment's
// weighted sum is three such differences, each times the weight its chain
// has in the segment. The three chain sums of each line also give its
// digits and invalid characters (see charInfo).
type sumPlan struct {
	lines []sumLine
	segs  []sumSeg
	check [][2]uint8 // per check of the layout: its segments, segs[a:b]
}

// sumLine is one line of the MRZ, raw[off:off+n]; pre tells whether the
// pass writes its running sums.
type sumLine struct {
	off, n uint8
	pre    bool
}

// sumSeg is a segment of a check digit: the sum of its chain k is
// pre[to[k]] - pre[from[k]] (pre holds the running sums one entry later,
// pre[0] to pre[2] being zero), weighted by w[k].
type sumSeg struct {
	to, from, w [3]uint8
	check       uint8 // the index of its check in the layout's checks
}

// preLen is the length of pre: every offset of raw plus 3, rounded up to a
// power of two so that masked indexes need no bounds check.
const preLen = 128

// maxRaw bounds the length of raw: three lines of 30 and their breaks.
const maxRaw = 3*30 + 2

func planSums(l *layout) sumPlan {
	var p sumPlan
	type lineInfo struct{ off, n int }
	var lines []lineInfo
	off := 0
	for i := 0; i < int(l.nlines); i++ {
		lines = append(lines, lineInfo{off, int(l.lens[i])})
		p.lines = append(p.lines, sumLine{off: uint8(off), n: l.lens[i]})
		off += int(l.lens[i]) + 1
	}
	if off+2 > preLen || len(l.checks) > maxChecks {
		panic("mrz: sum plan too large for " + l.label)
	}
	lineOf := func(o int) int {
		for i, ln := range lines {
			if o >= ln.off && o < ln.off+ln.n {
				return i
			}
		}
		panic("mrz: segment outside the lines of " + l.label)
	}
	for _, c := range l.checks {
		a := len(p.segs)
		phase := 0
		for _, sg := range c.segs {
			i := lineOf(int(sg.off))
			p.lines[i].pre = true
			a0, b := int(sg.off), sg.end()
			seg := sumSeg{check: uint8(len(p.check))}
			for k := 1; k <= 3 && k <= int(sg.n); k++ {
				last := b - k // the last character of its chain in the segment
				before := last
				for before-3 >= a0 {
					before -= 3
				}
				before -= 3 // the entry before the chain's first character in the segment
				from := before + 3
				if before < lines[i].off {
					from = 0 // the chain starts with the line: pre[0..2] are zero
				}
				seg.to[k-1], seg.from[k-1] = uint8(last+3), uint8(from)
				seg.w[k-1] = uint8(weights[((phase+last-a0)%3+3)%3])
			}
			p.segs = append(p.segs, seg)
			phase = (phase + int(sg.n)) % 3
		}
		p.check = append(p.check, [2]uint8{uint8(a), uint8(len(p.segs))})
	}
	return p
}

// charInfo packs what the scan needs of a byte: its ICAO value in bits
// 0-15, infoDigit for a digit, infoInvalid for a byte that is not an MRZ
// character. Summed over the at most 15 characters of a chain of a line,
// the parts do not overflow into each other. A check digit's weighted sum
// of such sums keeps the weighted sum of the values in its low 16 bits (at
// most 44 characters times 35 times 7, below 65536): the other parts only
// add multiples of 1<<16.
var charInfo = func() (t [256]uint32) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = uint32(c-'0') | infoDigit
		case c >= 'A' && c <= 'Z':
			t[c] = uint32(c - 'A' + 10)
		case c == '<':
		default:
			t[c] = infoInvalid
		}
	}
	return t
}()

const (
	infoValue       = 0xffff
	infoDigit       = 1 << 16
	infoDigitMask   = 0xff << 16
	infoInvalid     = 1 << 24
	infoInvalidMask = 0xff << 24
)

// maxChecks bounds the check digits of a layout.
const maxChecks = int(numChecks)

// scan reads raw, whose lines have l's lengths, once: it reports false
// when a character is not an MRZ character, and otherwise returns which
// lines hold a digit (bit i for line i+1) and the weighted sum of every
// check digit of l, in the order of l.checks.
func (l *layout) scan(raw string, sums *[maxChecks]int) (digits uint8, ok bool) {
	switch l.kernel {
	case kernelTD3:
		return scanTD3(raw, sums)
	case kernelTD1:
		return scanTD1(raw, sums)
	}
	return l.scanPlan(raw, sums)
}

// scanPlan is scan by the layout's sum plan.
func (l *layout) scanPlan(raw string, sums *[maxChecks]int) (digits uint8, ok bool) {
	var pre [preLen]uint32
	var seen uint32
	for i, ln := range l.plan.lines {
		s := raw[ln.off : int(ln.off)+int(ln.n)]
		var all uint32
		if ln.pre {
			all = sumChains(s, pre[int(ln.off)+3:])
		} else {
			all = sumPlain(s)
		}
		seen |= all
		if all&infoDigitMask != 0 {
			digits |= 1 << (i & 7)
		}
	}
	if seen&infoInvalidMask != 0 {
		return 0, false
	}
	// The segments of each check follow each other in plan.segs.
	sum, at := uint64(0), uint8(0)
	for k := range l.plan.segs {
		g := &l.plan.segs[k]
		if g.check != at {
			sums[at], sum, at = int(sum&infoValue), 0, g.check
		}
		sum += uint64(pre[g.to[0]&(preLen-1)]-pre[g.from[0]&(preLen-1)])*uint64(g.w[0]) +
			uint64(pre[g.to[1]&(preLen-1)]-pre[g.from[1]&(preLen-1)])*uint64(g.w[1]) +
			uint64(pre[g.to[2]&(preLen-1)]-pre[g.from[2]&(preLen-1)])*uint64(g.w[2])
	}
	sums[at] = int(sum & infoValue)
	return digits, true
}

// sumChains sums charInfo of the characters of s in its three chains,
// writing the running sum of each character's chain to pre (pre[q] for
// s[q]), and returns the three sums ORed. Line breaks between the lines of
// raw leave the entry before a line as whatever it was: the plan never
// reads a chain across a line. It is kept out of line so that its sums
// stay in registers.
//
//go:noinline
func sumChains(s string, pre []uint32) uint32 {
	var a0, a1, a2 uint32
	n := len(s) / 3 * 3
	if len(s) > len(pre) {
		return infoInvalid
	}
	t, p := s[:n], pre[:n]
	for i := 2; i < len(t); i += 3 {
		a0 += charInfo[t[i-2]]
		a1 += charInfo[t[i-1]]
		a2 += charInfo[t[i]]
		p[i-2], p[i-1], p[i] = a0, a1, a2
	}
	switch len(s) - n {
	case 2:
		a1 += charInfo[s[n+1]]
		pre[n+1] = a1
		fallthrough
	case 1:
		a0 += charInfo[s[n]]
		pre[n] = a0
	}
	return a0 | a1 | a2
}

// sumPlain returns what sumChains returns for a line no check digit
// covers, without the sums: infoDigit when s holds a digit, infoInvalid
// when it holds a byte that is not an MRZ character. It tests eight bytes
// at a time.
func sumPlain(s string) uint32 {
	var digit, bad uint64
	for len(s) >= 8 {
		w := s[:8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		d, b := classify8(x)
		digit, bad = digit|d, bad|b
		s = s[8:]
	}
	out := uint32(0)
	for i := 0; i < len(s); i++ {
		out |= charInfo[s[i]]
	}
	if digit != 0 {
		out |= infoDigit
	}
	if bad != 0 {
		out |= infoInvalid
	}
	return out
}

// Bytes repeated eight times in a word.
const (
	ones8 = 0x0101010101010101
	high8 = 0x8080808080808080
	low7  = 0x7f7f7f7f7f7f7f7f
)

// classify8 returns, for each byte of x, 0x80 in digit where it is a digit
// and in bad where it is not an MRZ character (A-Z, 0-9, '<'). Where a byte
// is bad, its digit bit means nothing.
func classify8(x uint64) (digit, bad uint64) {
	ascii := x & high8
	x &^= high8
	// For a byte b below 0x80, (b + 0x80 - lo) has its high bit set when
	// b >= lo, without a carry into the next byte.
	geDigit := (x + (0x80-'0')*ones8) & high8
	geColon := (x + (0x80-':')*ones8) & high8
	geA := (x + (0x80-'A')*ones8) & high8
	geBracket := (x + (0x80-'[')*ones8) & high8
	digit = geDigit &^ geColon
	letter := geA &^ geBracket
	y := x ^ '<'*ones8
	filler := ^((y & low7) + low7) & high8
	bad = (digit | letter | filler) ^ high8 | ascii
	return digit, bad
}
