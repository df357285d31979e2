package ocr

import (
	"math"
	"sort"
)

// Grouping lines into MRZs: the lines of an MRZ are parallel, printed at
// one pitch on one grid (their cells stand one above the other), and
// spaced by a line pitch of about 1.7 character pitches (ICAO prints six
// lines and ten characters an inch).

// zone is a stack of lines read as one MRZ: lines in reading order (top to
// bottom of the page as read), each with the index of its cell 0 in the
// zone's cells (its offset), and the zone's extent of cells holding ink.
type zone struct {
	lines  []*line
	offset []int
	k0, k1 int // cells holding ink: [k0, k1] in zone indexes
	score  float64
}

// Bounds on what a line of an MRZ looks like, in pitches.
const (
	maxRMS         = 0.16 // a monospaced font keeps its cells within this of the fit
	minSpacing     = 1.15 // between the centre lines of two MRZ lines
	maxSpacing     = 3.2
	nominalSpacing = 1.67 // ICAO: 4.23 mm between lines, 2.54 mm between characters
	maxAngle       = 3 * math.Pi / 180
	maxPitchRatio  = 1.12
)

// zones groups lines (fitted in one frame) into candidate MRZs, best
// first.
func zones(ls []*line) []zone {
	var out []zone
	used := make([]bool, len(ls))
	for _, si := range seedOrder(ls) {
		r := ls[si]
		if used[si] || r.rms > maxRMS || r.cells < 8 || r.cells > 52 {
			continue
		}
		stack := growStack(ls, r, stackCandidates(ls, si, used))
		out = append(out, newZone(ls, stack, used))
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].score > out[b].score })
	return out
}

// seedOrder returns the indexes of ls, the longest lines first: the seeds
// of zones.
func seedOrder(ls []*line) []int {
	order := make([]int, len(ls))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ls[order[a]].cells > ls[order[b]].cells })
	return order
}

// stackMember is a line that may stand in a zone grown from a seed line.
type stackMember struct {
	i    int
	dn   float64 // normal offset from the seed, in pitches
	koff int     // the seed's cell above the line's cell 0
}

// stackCandidates returns the seed ls[si] (first) and the unused lines that
// may share an MRZ with it: regular, parallel, above or below it within
// the spacing of an MRZ's lines, at its pitch and on its grid of cells.
func stackCandidates(ls []*line, si int, used []bool) []stackMember {
	r := ls[si]
	pr := r.meanPitch()
	ms := []stackMember{{si, 0, 0}}
	for j, l := range ls {
		if j == si || used[j] || l.rms > maxRMS {
			continue
		}
		if math.Abs(math.Asin(math.Max(-1, math.Min(1, r.d.X*l.d.Y-r.d.Y*l.d.X)))) > maxAngle || r.d.dot(l.d) < 0 {
			continue
		}
		c := l.point(float64(l.cells-1)/2, 0)
		// Where l's middle falls on r's grid.
		rel := c.sub(r.o)
		dn := rel.dot(r.n) / pr
		if math.Abs(dn) < minSpacing || math.Abs(dn) > 2*maxSpacing+0.5 {
			continue
		}
		pl := l.meanPitch()
		if pl > pr*maxPitchRatio || pr > pl*maxPitchRatio {
			continue
		}
		// Grid alignment: l's cell 0 on r's cell index. The cells of
		// the lines stand one above the other up to the shear of the
		// page: a slant of 15° moves them by less than half a cell from
		// one line to the next, so the nearest whole cell is the one.
		k, ok := r.cellAt(l.point(0, 0).sub(r.o).dot(r.d))
		if !ok {
			continue
		}
		koff := int(math.Round(k))
		ms = append(ms, stackMember{j, dn, koff})
	}
	return ms
}

// growStack grows a stack of up to three lines from the seed r (ms[0]):
// the lines as long as r first, then any (the short first line of a
// CH-DL, a line whose fillers were lost), each time the neighbour above or
// below whose spacing best matches the stack's (or the nominal line
// pitch). The stack is in order of dn, top to bottom.
func growStack(ls []*line, r *line, ms []stackMember) []stackMember {
	stack := []stackMember{ms[0]}
	taken := make([]bool, len(ms))
	taken[0] = true
	for pass := 0; pass < 2 && len(stack) < 3; pass++ {
		for len(stack) < 3 {
			bi := nextInStack(ls, ms, taken, stack, pass == 0, r.cells)
			if bi < 0 {
				break
			}
			taken[bi] = true
			stack = append(stack, ms[bi])
			sort.Slice(stack, func(a, b int) bool { return stack[a].dn < stack[b].dn })
		}
	}
	return stack
}

// nextInStack returns the index in ms of the untaken line that best
// extends the stack above or below, -1 when none spaces like an MRZ's
// lines. With longOnly, only lines of at least 0.6 of the seed's cells are
// taken.
func nextInStack(ls []*line, ms []stackMember, taken []bool, stack []stackMember, longOnly bool, seedCells int) int {
	want := nominalSpacing
	if len(stack) > 1 {
		want = (stack[len(stack)-1].dn - stack[0].dn) / float64(len(stack)-1)
	}
	bi, bd := -1, math.Inf(1)
	for i, m := range ms {
		if taken[i] || (longOnly && float64(ls[m.i].cells) < 0.6*float64(seedCells)) {
			continue
		}
		var sp float64
		switch {
		case m.dn > stack[len(stack)-1].dn:
			sp = m.dn - stack[len(stack)-1].dn
		case m.dn < stack[0].dn:
			sp = stack[0].dn - m.dn
		default:
			continue
		}
		if sp < minSpacing || sp > maxSpacing || (len(stack) > 1 && math.Abs(sp-want) > 0.25*want) {
			continue
		}
		if d := math.Abs(sp - want); d < bd {
			bi, bd = i, d
		}
	}
	return bi
}

// newZone makes the zone of a stack, marking its lines used.
func newZone(ls []*line, stack []stackMember, used []bool) zone {
	z := zone{k0: math.MaxInt, k1: math.MinInt}
	for _, m := range stack {
		l := ls[m.i]
		z.lines = append(z.lines, l)
		z.offset = append(z.offset, m.koff)
		z.k0 = min(z.k0, m.koff)
		z.k1 = max(z.k1, m.koff+l.cells-1)
		used[m.i] = true
		z.score += float64(l.cells) * (1 - l.rms)
	}
	return z
}

// cellAt returns the (fractional) cell whose centre lies at t along the
// line, inverting t(k) = c0 + c1·k + c2·k².
func (l *line) cellAt(t float64) (float64, bool) {
	c0, c1, c2 := l.c[0]-t, l.c[1], l.c[2]
	if math.Abs(c2) < 1e-12 {
		if c1 == 0 {
			return 0, false
		}
		return -c0 / c1, true
	}
	disc := c1*c1 - 4*c2*c0
	if disc < 0 {
		return 0, false
	}
	// The root near the linear solution.
	q := -0.5 * (c1 + math.Copysign(math.Sqrt(disc), c1))
	k := c0 / q
	return k, true
}
