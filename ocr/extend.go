package ocr

import "math"

// Extending lines: small or faint characters (fillers printed small, at a
// low resolution) fall below the size chaining asks of a component, so a
// line's chain may stop short of the line. Once the line's grid is known,
// each next cell beyond its ends is looked at for any blob of ink standing
// where the grid puts a character; the line grows while they are found,
// across gaps of a cell or two.

// compGrid is a bucket index of components by centroid.
type compGrid struct {
	cell    float64
	w, h    int
	buckets [][]int32
}

func newCompGrid(cs []comp, w, h int, cell float64) *compGrid {
	g := &compGrid{cell: cell, w: int(float64(w)/cell) + 1, h: int(float64(h)/cell) + 1}
	g.buckets = make([][]int32, g.w*g.h)
	for i := range cs {
		c := cs[i].centroid()
		bx, by := g.bucket(c)
		g.buckets[by*g.w+bx] = append(g.buckets[by*g.w+bx], int32(i))
	}
	return g
}

func (g *compGrid) bucket(p pt) (int, int) {
	bx := min(max(int(p.X/g.cell), 0), g.w-1)
	by := min(max(int(p.Y/g.cell), 0), g.h-1)
	return bx, by
}

// near calls f for every component whose centroid may lie within r of p.
func (g *compGrid) near(p pt, r float64, f func(i int32)) {
	x0, y0 := g.bucket(p.sub(pt{r, r}))
	x1, y1 := g.bucket(p.add(pt{r, r}))
	for by := y0; by <= y1; by++ {
		for bx := x0; bx <= x1; bx++ {
			for _, i := range g.buckets[by*g.w+bx] {
				f(i)
			}
		}
	}
}

// maxExtendGap is how many empty cells in a row a line may grow across.
const maxExtendGap = 1

// extend grows l along its grid over the components cs.
func (l *line) extend(cs []comp, g *compGrid) {
	p0, p1 := l.pitch(0), l.pitch(float64(l.cells-1))
	t0, t1 := l.t(0), l.t(float64(l.cells-1))
	used := make(map[int32]bool, len(l.members))
	for _, m := range l.members {
		used[m.comp] = true
	}
	var added []member
	lo, hi := 0, l.cells-1
	for _, dir := range [2]int{1, -1} {
		// The cells beyond the end, found or not, until two in a row are
		// empty.
		var seq []int32
		miss := 0
		for step := 1; miss <= maxExtendGap && step <= 48; step++ {
			var t, p float64
			if dir > 0 {
				p = p1
				t = t1 + p*float64(step)
			} else {
				p = p0
				t = t0 - p*float64(step)
			}
			best := l.blobAt(cs, g, l.o.add(l.d.mul(t)), p, used)
			seq = append(seq, best)
			if best < 0 {
				miss++
				continue
			}
			miss = 0
			used[best] = true
		}
		// Runs of found cells: the first (touching the line) counts
		// whatever its length; one after a gap only with two blobs or
		// more, so that a stray speck does not lengthen the line.
		for i := 0; i < len(seq); {
			if seq[i] < 0 {
				i++
				continue
			}
			j := i
			for j < len(seq) && seq[j] >= 0 {
				j++
			}
			if i > 0 && j-i < 2 {
				break
			}
			for s := i; s < j; s++ {
				k := l.cells + s
				if dir < 0 {
					k = -1 - s
				}
				added = append(added, member{seq[s], k, k})
			}
			i = j
		}
	}
	for _, m := range added {
		lo, hi = min(lo, m.first), max(hi, m.first)
	}
	if len(added) == 0 {
		return
	}
	l.members = append(l.members, added...)
	// Renumber from the new first cell.
	f := float64(lo)
	l.c = [3]float64{l.c[0] + (l.c[1]+l.c[2]*f)*f, l.c[1] + 2*l.c[2]*f, l.c[2]}
	for i := range l.members {
		l.members[i].first -= lo
		l.members[i].last -= lo
	}
	l.cells = hi - lo + 1
	l.refit(cs)
}

// blobAt returns the unused component that stands where the grid puts a
// character centred at c (pitch p), or -1.
func (l *line) blobAt(cs []comp, g *compGrid, c pt, p float64, used map[int32]bool) int32 {
	best, bestD := int32(-1), math.Inf(1)
	g.near(c, 0.6*p, func(i int32) {
		if used[i] {
			return
		}
		cp := &cs[i]
		r := cp.centroid().sub(c)
		along, across := math.Abs(r.dot(l.d)), math.Abs(r.dot(l.n))
		if along > 0.35*p || across > 0.25*p || cp.area < 2 {
			return
		}
		// A character, however small: not taller than the line's, not
		// wider than a cell, and solid (not a stray curve).
		w, h := float64(cp.w()), float64(cp.h())
		size := math.Max(l.h, p)
		if math.Max(w, h) > 1.25*size || math.Max(w, h) < 0.25*size || float64(cp.area) < 0.25*w*h {
			return
		}
		if d := along + across; d < bestD {
			best, bestD = i, d
		}
	})
	return best
}

// refit fits the cell centres of l again from its single-cell members.
func (l *line) refit(cs []comp) {
	var ks, ts []float64
	for _, m := range l.members {
		if m.first == m.last {
			ks = append(ks, float64(m.first))
			ts = append(ts, cs[m.comp].centroid().sub(l.o).dot(l.d))
		}
	}
	if c, ok := polyfit(ks, ts, l.cells >= 12); ok && c[1] > 0 {
		l.c = c
	}
}
