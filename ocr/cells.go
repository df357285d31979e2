package ocr

import "math"

// Cells: in an upright strip, the cells of a line are its pitch columns;
// their top and bottom are the cap line and the baseline of the line,
// measured from the ink of every cell and fitted as two straight lines
// (digits stand a little taller than letters, fillers a little lower: the
// fits land between).

// band is the fitted cap line and baseline of a strip: y = a + b·x.
type band struct {
	topA, topB, botA, botB float64
	ok                     bool
	// clear reports that the rows just above and below the band hold
	// little ink against the band itself, as about any line of text (and
	// unlike noise, where "lines" are chains of specks).
	clear bool
}

func (b band) top(x float64) float64 { return b.topA + b.topB*x }
func (b band) bot(x float64) float64 { return b.botA + b.botB*x }

// measureBand finds the text band of a strip. mask is a buffer.
func measureBand(s *strip, mask []uint8) (band, []uint8) {
	r := max(3, int(s.sp))
	mask = binarize(s.p, r, sauvolaK, mask)
	// The ink's top and bottom in each cell, where it holds a line's worth.
	var xs, tops, bots []float64
	prof := make([]int, s.p.h)
	for c := 0; c < s.n; c++ {
		if t, b, ok := cellInkRun(s, mask, c, prof); ok {
			xs = append(xs, (float64(c)+0.5)*s.sp)
			tops = append(tops, float64(t))
			bots = append(bots, float64(b+1))
		}
	}
	var bd band
	if len(xs) < 3 {
		return bd, mask
	}
	ta, tb, ok1 := robustLine(xs, tops, 0.12*s.sp)
	ba, bb, ok2 := robustLine(xs, bots, 0.12*s.sp)
	if !ok1 || !ok2 {
		return bd, mask
	}
	bd = band{topA: ta, topB: tb, botA: ba, botB: bb, ok: true}
	// A band too thin or too thick is not a line of text.
	w := s.p.w
	hm := bd.bot(float64(w)/2) - bd.top(float64(w)/2)
	if hm < 0.4*s.sp || hm > 1.8*s.sp {
		bd.ok = false
	}
	bd.clear = bd.margins(mask, s)
	return bd, mask
}

// cellInkRun returns the run of inked rows [t, b] through the middle of
// cell c of the strip, measured in the cell's middle columns of the
// binarized mask (prof is a buffer of a row count per row); ok is false
// when the cell has no such run at least 0.35 pitches high.
func cellInkRun(s *strip, mask []uint8, c int, prof []int) (t, b int, ok bool) {
	x0 := int(float64(c)*s.sp + 0.15*s.sp)
	x1 := int(float64(c+1)*s.sp - 0.15*s.sp)
	x1 = min(x1, s.p.w)
	if x1 <= x0 {
		return 0, 0, false
	}
	rowInk(mask, s.p.w, x0, x1, prof)
	t, b, ok = inkedRun(prof, s.sp)
	if !ok || float64(b-t+1) < 0.35*s.sp {
		return 0, 0, false
	}
	return t, b, true
}

// rowInk sets prof[y] to the inked pixels of columns [x0, x1) of row y of
// mask, a plane w pixels wide and len(prof) high.
func rowInk(mask []uint8, w, x0, x1 int, prof []int) {
	for y := range prof {
		n := 0
		for _, v := range mask[y*w+x0 : y*w+x1] {
			n += int(v)
		}
		prof[y] = n
	}
}

// inkedRun returns the run of inked rows of a row profile through its
// middle (or nearest to it, within half of 0.95 pitches sp), bridging gaps
// of one row and reaching at most 0.95 pitches from the middle; ok is
// false when no row near the middle holds ink.
func inkedRun(prof []int, sp float64) (t, b int, ok bool) {
	h := len(prof)
	mid := h / 2
	lim := int(0.95 * sp) // search rows within this of the centre
	best := nearestInked(prof, mid, lim/2)
	if best < 0 {
		return 0, 0, false
	}
	t, b = best, best
	for t-1 >= mid-lim && t-1 >= 0 && (prof[t-1] > 0 || (t-2 >= 0 && prof[t-2] > 0)) {
		t--
	}
	for b+1 <= mid+lim && b+1 < h && (prof[b+1] > 0 || (b+2 < h && prof[b+2] > 0)) {
		b++
	}
	return t, b, true
}

// nearestInked returns the inked row of prof nearest to mid, the one above
// first, within reach rows of it; -1 when there is none.
func nearestInked(prof []int, mid, reach int) int {
	for d := 0; d <= reach; d++ {
		if mid-d >= 0 && prof[mid-d] > 0 {
			return mid - d
		}
		if mid+d < len(prof) && prof[mid+d] > 0 {
			return mid + d
		}
	}
	return -1
}

// Margins of a line of text: rows from marginNear to marginFar pitches
// beyond the band, where the neighbouring lines of an MRZ have not begun
// (they are 1.7 pitches apart, their characters one high), must hold
// less than marginInk of the band's ink density.
const (
	marginNear = 0.15
	marginFar  = 0.45
	marginInk  = 0.35
)

func (bd band) margins(mask []uint8, s *strip) bool {
	w, h := s.p.w, s.p.h
	var in, inN, out, outN int
	for x := 0; x < w; x++ {
		fx := float64(x)
		t, b := bd.top(fx), bd.bot(fx)
		for y := 0; y < h; y++ {
			fy := float64(y) + 0.5
			v := int(mask[y*w+x])
			switch {
			case fy >= t && fy < b:
				in += v
				inN++
			case (fy >= b+marginNear*s.sp && fy < b+marginFar*s.sp) || (fy < t-marginNear*s.sp && fy >= t-marginFar*s.sp):
				out += v
				outN++
			}
		}
	}
	if in == 0 || inN == 0 {
		return false
	}
	if outN == 0 {
		return true
	}
	return float64(out)/float64(outN) < marginInk*float64(in)/float64(inN)
}

// robustLine fits y = a + b·x by least squares, then again without the
// points farther than tol from the first fit... repeated twice.
func robustLine(xs, ys []float64, tol float64) (a, b float64, ok bool) {
	use := make([]bool, len(xs))
	for i := range use {
		use[i] = true
	}
	// Start from the median level, flat.
	tmp := append([]float64(nil), ys...)
	a = median(tmp)
	for iter := 0; iter < 3; iter++ {
		for i := range xs {
			use[i] = math.Abs(ys[i]-(a+b*xs[i])) <= tol*float64(3-iter)
		}
		var fx, fy []float64
		for i := range xs {
			if use[i] {
				fx = append(fx, xs[i])
				fy = append(fy, ys[i])
			}
		}
		c, okf := polyfit(fx, fy, false)
		if !okf {
			return a, b, iter > 0
		}
		a, b = c[0], c[1]
	}
	return a, b, true
}

// quads returns the cells of the strip under band bd.
func (bd band) quads(s *strip, out []quad) []quad {
	out = out[:0]
	for c := 0; c < s.n; c++ {
		x0, x1 := float64(c)*s.sp, float64(c+1)*s.sp
		out = append(out, quad{{X: x0, Y: bd.top(x0)}, {X: x1, Y: bd.top(x1)}, {X: x1, Y: bd.bot(x1)}, {X: x0, Y: bd.bot(x0)}})
	}
	return out
}
