package mrz

// The check digits as the decoder follows them: a small automaton whose
// state is the running weighted sum, modulo 10, of every check digit in
// progress. The rules are those of runChecks: a digit must equal the sum of
// what its check covers; '<' stands for a check digit only over fillers
// alone (an empty TD3 personal number, an unknown birth date) or, for the
// document number of a TD1 or TD2, to say that the number goes on in the
// optional data, where the character before the first filler is its check
// digit (computed as ICAO says, or over the '<' too as Belgian cards do).

// maxPlanChecks bounds the check digits of a layout the state can hold.
const maxPlanChecks = 6

// coverW is one check digit covering an offset, with its weight.
type coverW struct {
	check uint8
	w     uint8
}

// checkPlan is what the decoder needs of a layout's check digits.
type checkPlan struct {
	cover [][]coverW // per offset: the check digits covering it
	// fillMask: per offset, the "fillers only" bits of the check digits
	// covering it.
	fillMask []uint64
	digitAt  []int8 // per offset: the check whose digit stands there, or -1
	fillOK   [maxPlanChecks]bool
	longIdx  int8 // the document number check of a TD1 or TD2, or -1
	opt      span // the optional data a long number goes on in
}

// The state key: 5 bits per check digit (its sum, then a bit set while it
// has covered fillers only), and from bit 32 the state of a long document
// number.
const (
	longShift = 32
	longPend  = 1 // the number's check digit was '<': its rest is to come
	longOn    = 2 // reading the rest of the number
	longDone  = 3
)

// The long number state, from bit longShift: mode (2 bits), the sum as
// ICAO computes it (4), the sum over the '<' too (4), whether the last
// character read equals each sum (2), and how many characters were read,
// up to 2 (2).
func longKey(mode, std, vari, okStd, okVar, n uint64) uint64 {
	return (mode | std<<2 | vari<<6 | okStd<<10 | okVar<<11 | n<<12) << longShift
}

// weighted holds (value of c × w) mod 10 for each weight w of a check
// digit (7, 3, 1) and character c.
var weighted = func() (t [8][256]uint8) {
	for _, w := range weights {
		for c := range t[w] {
			t[w][c] = uint8(int(charValue[c]) * w % 10)
		}
	}
	return t
}()

// newCheckPlan builds the plan of a layout of n offsets.
func newCheckPlan(l *layout, n int) *checkPlan {
	p := &checkPlan{cover: make([][]coverW, n), fillMask: make([]uint64, n), digitAt: make([]int8, n), longIdx: -1}
	for i := range p.digitAt {
		p.digitAt[i] = -1
	}
	for ci, c := range l.checks {
		if ci >= maxPlanChecks {
			break
		}
		k := 0
		for _, sg := range c.segs {
			for o := int(sg.off); o < sg.end() && o < n; o++ {
				p.cover[o] = append(p.cover[o], coverW{uint8(ci), uint8(weights[k%3])})
				p.fillMask[o] |= 16 << (5 * uint(ci))
				k++
			}
		}
		if int(c.pos) < n {
			p.digitAt[c.pos] = int8(ci)
		}
		p.fillOK[ci] = c.id == CheckOptionalData || c.id == CheckBirthDate
		if c.id == CheckDocumentNumber && (l.format == TD1 || l.format == TD2) {
			p.longIdx = int8(ci)
			p.opt = l.f[fOptional]
		}
	}
	return p
}

// start is the state before the first character: every sum 0, over
// fillers only.
func (p *checkPlan) start() uint64 {
	var k uint64
	for ci := 0; ci < maxPlanChecks; ci++ {
		k |= 16 << (5 * ci)
	}
	return k
}

// accepts reports whether a state after the last character has every
// check digit satisfied: a long number must have ended.
func (p *checkPlan) accepts(key uint64) bool {
	m := key >> longShift & 3
	return m == 0 || m == longDone
}

// step reads character c at offset o in state key and returns the new
// state, or false when c breaks a check digit.
func (p *checkPlan) step(key uint64, o int, c byte) (uint64, bool) {
	for _, cw := range p.cover[o] {
		sh := 5 * uint(cw.check) & 63 // (a shift the compiler need not guard)
		s := key>>sh&15 + uint64(weighted[cw.w&7][c])
		if s >= 10 {
			s -= 10
		}
		key = key&^(15<<sh) | s<<sh
	}
	if c != '<' {
		key &^= p.fillMask[o]
	}
	if ci := p.digitAt[o]; ci >= 0 {
		sh := 5 * uint(ci) & 63
		s := key >> sh & 15
		fill := key>>(sh+4)&1 == 1
		switch {
		case c >= '0' && c <= '9':
			if uint64(c-'0') != s {
				return 0, false
			}
		case c == '<' && p.fillOK[ci] && fill:
		case c == '<' && ci == p.longIdx:
			key |= longKey(longPend, s, s, 0, 0, 0)
		default:
			return 0, false
		}
		key &^= 31 << sh
	}
	if p.longIdx >= 0 && key>>longShift != 0 && o >= int(p.opt.off) && o < p.opt.end() {
		return p.longStep(key, o, c)
	}
	return key, true
}

// longStep reads a character of the optional data of a TD1 or TD2 whose
// document number goes on there.
func (p *checkPlan) longStep(key uint64, o int, c byte) (uint64, bool) {
	l := key >> longShift
	mode := l & 3
	if mode == longDone {
		return key, true
	}
	std, vari, okStd, okVar, n := l>>2&15, l>>6&15, l>>10&1, l>>11&1, l>>12&3
	key &= 1<<longShift - 1
	if c == '<' {
		// The first filler ends the number: at least a character of it
		// and its check digit before it, which must hold.
		if n < 2 || okStd|okVar == 0 {
			return 0, false
		}
		return key | longKey(longDone, 0, 0, 0, 0, 0), true
	}
	j := o - int(p.opt.off)
	okStd, okVar = 0, 0
	if c >= '0' && c <= '9' {
		if uint64(c-'0') == std {
			okStd = 1
		}
		if uint64(c-'0') == vari {
			okVar = 1
		}
	}
	v := uint64(charValue[c])
	std = (std + v*uint64(weights[(9+j)%3])) % 10
	vari = (vari + v*uint64(weights[(10+j)%3])) % 10
	n = min(n+1, 2)
	if o == p.opt.end()-1 {
		// The optional data ends without a filler: its last character is
		// the check digit.
		if n < 2 || okStd|okVar == 0 {
			return 0, false
		}
		return key | longKey(longDone, 0, 0, 0, 0, 0), true
	}
	return key | longKey(longOn, std, vari, okStd, okVar, n), true
}

// merges reports whether reading unit u may send two states to one: it
// holds a check digit, which forgets its sum, or optional data a long
// number may end in.
func (p *checkPlan) merges(u *unit) bool {
	for o := int(u.off); o < int(u.off)+int(u.n); o++ {
		if p.digitAt[o] >= 0 || (p.longIdx >= 0 && o >= int(p.opt.off) && o < p.opt.end()) {
			return true
		}
	}
	return false
}

// holds reports whether every check digit of raw holds, as the decoder
// counts them.
func (p *checkPlan) holds(raw []byte) bool {
	key := p.start()
	for o, c := range raw {
		if c == '\n' {
			continue
		}
		var ok bool
		if key, ok = p.step(key, o, c); !ok {
			return false
		}
	}
	return p.accepts(key)
}
