package ocr

import (
	"math"
	"slices"
	"sort"
)

// A line is a run of characters at a regular pitch along a straight centre
// line: o + d·t(k) is the centre of cell k (k = 0 the first cell), with
// t(k) = c0 + c1·k + c2·k². The quadratic term takes up a mild
// perspective, under which the pitch changes steadily along the line.
type line struct {
	o, d, n pt         // origin, unit direction of reading, unit normal (down)
	c       [3]float64 // cell centres along d
	cells   int        // cells from the first to the last holding ink
	h       float64    // height of the ink of a character, in pixels
	rms     float64    // of the centres of single characters about the fit, in pitches
	members []member   // the components of the line
}

// member is a component of a line and the cells it covers.
type member struct {
	comp        int32
	first, last int // cells
}

// t returns the position of (fractional) cell k along d.
func (l *line) t(k float64) float64 { return l.c[0] + (l.c[1]+l.c[2]*k)*k }

// pitch returns the pitch at cell k.
func (l *line) pitch(k float64) float64 { return l.c[1] + 2*l.c[2]*k }

// at returns the image point of cell coordinate k along the line (k + 0.5
// is the centre of cell k... see cellPoint) and offset v pitches along the
// normal.
func (l *line) point(k, v float64) pt {
	return l.o.add(l.d.mul(l.t(k))).add(l.n.mul(v * l.pitch(k)))
}

// meanPitch is the pitch in the middle of the line.
func (l *line) meanPitch() float64 { return l.pitch(float64(l.cells-1) / 2) }

// fitLine fits a line to a chain of components (indexes into cs) whose
// frame direction in the image is dir. It fails (ok false) when the chain
// does not look like characters at a regular pitch.
func fitLine(cs []comp, chain []int32, dir pt) (l line, ok bool) {
	if len(chain) < 3 {
		return l, false
	}
	items, hs := frameItems(cs, chain, dir)
	if len(hs) < 3 {
		return l, false
	}
	hb := median(hs)
	// Direction: principal axis of the centres of single characters.
	d, o, okd := singlesAxis(items, dir)
	if !okd {
		return l, false
	}
	project(items, o, d)
	// Drop members far off the centre line, then refit the direction.
	items = nearCentreLine(items, hb)
	if d, o, okd = singlesAxis(items, dir); !okd {
		return l, false
	}
	project(items, o, d)
	sort.Slice(items, func(a, b int) bool { return items[a].t < items[b].t })
	h := skewedHeight(items, d, dir, hs[:0])
	p, okp := singlesPitch(items, h)
	if !okp {
		return l, false
	}
	// With the pitch known, a component wider than a character and its gap
	// holds several.
	for k := range items {
		items[k].single = items[k].fw <= 1.35*p
	}
	items = trimTallEnds(items, hb)
	mem, pts, span := walkCells(cs, items, d, p, make([]cellObs, 0, len(items)))
	use := make([]bool, len(pts))
	c, okf := fitCentres(pts, span, use)
	if !okf {
		return l, false
	}
	l = line{o: o, d: d, n: d.perp(), h: h}
	f := l.setCells(c, mem)
	return l, l.checkResiduals(pts, use, f)
}

// lineItem is a component of a chain as fitLine sees it: its centre, its
// width and height in the frame, whether it looks like a single character,
// and its position along (t) and across (e) the centre line.
type lineItem struct {
	i      int32
	c      pt
	fw, fh float64
	single bool
	t, e   float64
}

// frameItems measures the components of chain in the frame, for telling
// single characters from merged ones, and returns with them the heights
// of the single ones.
func frameItems(cs []comp, chain []int32, dir pt) (items []lineItem, hs []float64) {
	items = make([]lineItem, len(chain))
	for k, i := range chain {
		c := &cs[i]
		fw, fh := float64(c.w()), float64(c.h())
		if dir.X == 0 {
			fw, fh = fh, fw
		}
		items[k] = lineItem{i: i, c: c.centroid(), fw: fw, fh: fh, single: fw <= 1.6*fh}
		if items[k].single {
			hs = append(hs, fh)
		}
	}
	return items, hs
}

// singlesAxis returns the principal axis of the centres of the single
// characters, turned to read along dir, and their mean.
func singlesAxis(items []lineItem, dir pt) (d, o pt, ok bool) {
	d, o, ok = principal(items, func(it lineItem) (pt, bool) { return it.c, it.single })
	if ok && d.dot(dir) < 0 {
		d = d.mul(-1)
	}
	return d, o, ok
}

// project sets each item's position along d (t) and across it (e) from o.
func project(items []lineItem, o, d pt) {
	nrm := d.perp()
	for k := range items {
		r := items[k].c.sub(o)
		items[k].t, items[k].e = r.dot(d), r.dot(nrm)
	}
}

// nearCentreLine keeps, in place, the items within 0.45·hb of the centre
// line.
func nearCentreLine(items []lineItem, hb float64) []lineItem {
	keep := items[:0]
	for _, it := range items {
		if math.Abs(it.e) <= 0.45*hb {
			keep = append(keep, it)
		}
	}
	return keep
}

// skewedHeight is the median height across the skewed line of the single
// characters, from their frame boxes (a rectangle turned by θ has a box of
// h·cos + w·sin); buf is scratch.
func skewedHeight(items []lineItem, d, dir pt, buf []float64) float64 {
	cos, sin := math.Abs(d.dot(dir)), math.Abs(d.dot(dir.perp()))
	hs := buf
	for _, it := range items {
		if it.single {
			h := (it.fh*cos - it.fw*sin) / math.Max(cos*cos-sin*sin, 0.5)
			hs = append(hs, math.Max(h, it.fh*0.5))
		}
	}
	return median(hs)
}

// singlesPitch is the median gap between neighbouring single characters
// (items in order along the line) of height h; ok is false with fewer than
// two such gaps.
func singlesPitch(items []lineItem, h float64) (p float64, ok bool) {
	var gaps []float64
	for k := 1; k < len(items); k++ {
		if items[k].single && items[k-1].single {
			if g := items[k].t - items[k-1].t; g > 0.55*h && g < 1.8*h {
				gaps = append(gaps, g)
			}
		}
	}
	if len(gaps) < 2 {
		return 0, false
	}
	return median(gaps), true
}

// trimTallEnds drops from the line's ends what is taller than its
// characters (an edge, a photo), keeping at least two items.
func trimTallEnds(items []lineItem, hb float64) []lineItem {
	for len(items) > 2 && items[len(items)-1].fh > 1.6*hb {
		items = items[:len(items)-1]
	}
	for len(items) > 2 && items[0].fh > 1.6*hb {
		items = items[1:]
	}
	return items
}

// cellObs is the centre t along the line of a single character in cell k.
type cellObs struct{ k, t float64 }

// walkCells walks along the line at pitch p, giving each item the cells it
// covers (a merged component several), and returns the members, the
// centres of the single characters (appended to pts), and the last cell.
func walkCells(cs []comp, items []lineItem, d pt, p float64, pts []cellObs) (mem []member, _ []cellObs, span int) {
	mem = make([]member, 0, len(items))
	prevT, prevK := 0.0, 0
	for idx, it := range items {
		m := 1
		first := it.t
		if !it.single {
			ext := math.Sqrt(12 * cs[it.i].spread(d))
			m = max(1, int(math.Round((ext-0.7*p)/p))+1)
			first = it.t - float64(m-1)*p/2
		}
		k := 0
		if idx > 0 {
			k = prevK + max(1, int(math.Round((first-prevT)/p)))
		}
		mem = append(mem, member{it.i, k, k + m - 1})
		if it.single {
			pts = append(pts, cellObs{float64(k), it.t})
		}
		prevK = k + m - 1
		prevT = first + float64(m-1)*p
	}
	return mem, pts, prevK
}

// fitCentres fits t = c0 + c1 k + c2 k² (the quadratic term over a span
// of 12 cells or more) to the centres by least squares three times, each
// time dropping those more than 0.35 pitches off the last fit; use tells
// which the last fit kept (it has the length of pts).
func fitCentres(pts []cellObs, span int, use []bool) (c [3]float64, ok bool) {
	for i := range use {
		use[i] = true
	}
	for iter := 0; iter < 3; iter++ {
		var ks, ts []float64
		for i, q := range pts {
			if use[i] {
				ks = append(ks, q.k)
				ts = append(ts, q.t)
			}
		}
		if c, ok = polyfit(ks, ts, span >= 12); !ok {
			return c, false
		}
		pm := c[1] + c[2]*float64(span)
		for i, q := range pts {
			r := q.t - (c[0] + (c[1]+c[2]*q.k)*q.k)
			use[i] = math.Abs(r) < 0.35*pm
		}
	}
	return c, true
}

// setCells sets the line's members and its fit c, shifted so that the
// first cell holding ink is cell 0; it returns the shift.
func (l *line) setCells(c [3]float64, mem []member) (shift float64) {
	first, last := mem[0].first, mem[len(mem)-1].last
	f := float64(first)
	l.c = [3]float64{c[0] + (c[1]+c[2]*f)*f, c[1] + 2*c[2]*f, c[2]}
	for i := range mem {
		mem[i].first -= first
		mem[i].last -= first
	}
	l.cells = last - first + 1
	l.members = mem
	return f
}

// checkResiduals sets the line's rms from the residuals of the centres
// the fit kept (pts in cells before the shift setCells made) and reports
// whether the line holds: at least three of them, and a pitch positive
// and steady along the line.
func (l *line) checkResiduals(pts []cellObs, use []bool, shift float64) bool {
	var ss float64
	var n int
	for i, q := range pts {
		if use[i] {
			k := q.k - shift
			r := q.t - l.t(k)
			ss += r * r
			n++
		}
	}
	pm := l.meanPitch()
	if n < 3 || pm <= 0 {
		return false
	}
	l.rms = math.Sqrt(ss/float64(n)) / pm
	// The pitch must stay positive and steady along the line.
	if l.pitch(0) <= 0.5*pm || l.pitch(float64(l.cells-1)) <= 0.5*pm {
		return false
	}
	return true
}

// principal returns the principal axis and the mean of the selected points.
func principal[T any](items []T, sel func(T) (pt, bool)) (d, mean pt, ok bool) {
	var n float64
	for _, it := range items {
		if p, s := sel(it); s {
			mean = mean.add(p)
			n++
		}
	}
	if n < 2 {
		return d, mean, false
	}
	mean = mean.mul(1 / n)
	var sxx, syy, sxy float64
	for _, it := range items {
		if p, s := sel(it); s {
			r := p.sub(mean)
			sxx += r.X * r.X
			syy += r.Y * r.Y
			sxy += r.X * r.Y
		}
	}
	th := 0.5 * math.Atan2(2*sxy, sxx-syy)
	return pt{math.Cos(th), math.Sin(th)}, mean, true
}

// polyfit fits y = c0 + c1 x (+ c2 x² when quad) by least squares.
func polyfit(xs, ys []float64, quad bool) (c [3]float64, ok bool) {
	n := len(xs)
	if n < 2 || (quad && n < 6) {
		quad = false
	}
	if n < 2 {
		return c, false
	}
	var s [5]float64
	var r [3]float64
	for i, x := range xs {
		p := 1.0
		for k := 0; k < 5; k++ {
			s[k] += p
			if k < 3 {
				r[k] += p * ys[i]
			}
			p *= x
		}
	}
	if !quad {
		det := s[0]*s[2] - s[1]*s[1]
		if math.Abs(det) < 1e-12 {
			return c, false
		}
		c[1] = (s[0]*r[1] - s[1]*r[0]) / det
		c[0] = (r[0] - c[1]*s[1]) / s[0]
		return c, true
	}
	m := [3][3]float64{{s[0], s[1], s[2]}, {s[1], s[2], s[3]}, {s[2], s[3], s[4]}}
	x, ok := solve3(m, r)
	if !ok {
		return polyfit(xs, ys, false)
	}
	return x, true
}

// solve3 solves m·x = r by Cramer's rule.
func solve3(m [3][3]float64, r [3]float64) (x [3]float64, ok bool) {
	det := func(a [3][3]float64) float64 {
		return a[0][0]*(a[1][1]*a[2][2]-a[1][2]*a[2][1]) -
			a[0][1]*(a[1][0]*a[2][2]-a[1][2]*a[2][0]) +
			a[0][2]*(a[1][0]*a[2][1]-a[1][1]*a[2][0])
	}
	d := det(m)
	if math.Abs(d) < 1e-9*math.Abs(m[0][0]*m[1][1]*m[2][2]) || d == 0 {
		return x, false
	}
	for k := 0; k < 3; k++ {
		a := m
		for i := 0; i < 3; i++ {
			a[i][k] = r[i]
		}
		x[k] = det(a) / d
	}
	return x, true
}

// median returns the median of v (reordering it); 0 when empty.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}
