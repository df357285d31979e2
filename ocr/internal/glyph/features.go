package glyph

import (
	"image"
	"math"
)

// The grid a character is sampled onto for its shape: ShapeW columns across
// one pitch, centred on the character, and ShapeH rows from a little above
// its ink top to a little below its ink bottom.
const (
	ShapeW   = 12
	ShapeH   = 16
	ShapeLen = ShapeW * ShapeH
)

// paperBand is the share of the contrast, next to the paper's level, that
// the shape takes for paper.
const paperBand = 0.15

// shapeMargin is the room left above and below the ink, in units of the ink
// height.
const shapeMargin = 0.08

// Features is what the classifier sees of one cell: its shape, normalised
// for position, size and contrast, and its ink height, which tells the
// taller digits from the letters once the line's cap height is known.
type Features struct {
	// Shape holds ShapeH rows of ShapeW ink levels, 0 for paper and 1 for
	// full ink.
	Shape [ShapeLen]float32
	// Height is the cell's ink extent from top to bottom in units of its
	// quad's pitch: detection gets the pitch from the regular spacing of
	// the characters, more surely than their height, and the pitch follows
	// the perspective of the line as the height does.
	Height float32
	// Ink reports whether the cell holds a character at all: false for a
	// blank cell, whose shape and height mean nothing.
	Ink bool
}

// LineFeatures fills out[i] with the features of cells[i], analysing the
// whole line as ClassifyLine does (len(out) must be at least len(cells)).
// The trainer uses it so that training sees exactly what run time sees.
func LineFeatures(img *image.Gray, cells []Quad, out []Features) {
	var la lineAnalysis
	la.analyse(img, cells)
	for i := range cells {
		if i >= len(out) {
			break
		}
		la.features(i, &out[i])
	}
}

// The coarse grid each cell is first sampled on: wide enough to hold the
// character whatever the detection's error.
const (
	coarseU0, coarseDU, coarseNU = -0.25, 0.125, 12
	coarseV0, coarseDV, coarseNV = -0.6, 0.14, 15
	coarseLen                    = coarseNU * coarseNV
)

// cellStat is what the line analysis learns of one cell.
type cellStat struct {
	m            cellMap
	paper, ink   float32 // grey levels of paper and ink around the cell
	zr, zi       float64 // phasor of the ink across the pitch
	uc           float64 // centre of the character along u, from the line's phase
	centre       float64 // centre of its own ink along u
	contrast     float32
	coarse       [coarseLen]uint8 // darkness, paper - grey, on the coarse grid
	top, bottom  float64          // ink extent in v
	hasInk       bool
	extentsKnown bool
}

// height returns the ink's extent in units of the quad's pitch.
func (c *cellStat) height() float64 {
	if !c.m.ok {
		return 0
	}
	return (c.bottom - c.top) * c.m.cap / c.m.pitch
}

// stackCells is how many cells a line may have before the analysis moves to
// the heap (an MRZ line has at most 44).
const stackCells = 48

// lineAnalysis holds what is learnt of a line. It keeps the statistics of
// up to stackCells cells in itself, so that it can live on its user's
// stack, and those of longer lines on the heap.
type lineAnalysis struct {
	s     sampler
	n     int
	buf   [stackCells]cellStat
	extra []cellStat
}

// cell returns the statistics of cell i.
func (la *lineAnalysis) cell(i int) *cellStat {
	if la.extra != nil {
		return &la.extra[i]
	}
	return &la.buf[i]
}

// analyse samples every cell coarsely and settles the line-wide estimates:
// paper and ink levels, contrast and each character's centre along u.
func (la *lineAnalysis) analyse(img *image.Gray, quads []Quad) {
	la.s = newSampler(img)
	la.n = len(quads)
	la.extra = nil
	if la.n > stackCells {
		la.extra = make([]cellStat, la.n)
	}
	var cbuf [stackCells]float32
	contrasts := cbuf[:0]
	var g [coarseLen]float32
	for i := range quads {
		c := la.cell(i)
		*c = cellStat{m: newCellMap(&quads[i]), uc: 0.5, centre: 0.5, top: 0, bottom: 1}
		if !c.m.ok {
			c.paper, c.ink = paperLevel, paperLevel
			continue
		}
		la.s.grid(&c.m, coarseU0, coarseDU, coarseNU, coarseV0, coarseDV, coarseNV, g[:], 1, 1)
		c.paper, c.ink = twoLevels(g[:])
		for k, v := range g {
			c.coarse[k] = uint8(min(max(c.paper-v+0.5, 0), 255))
		}
		// The phasor of the ink's occupancy across one pitch: every
		// column's darkest sample in the body of the line, which a
		// character fills from its left edge to its right. Characters
		// stand one pitch apart, so its angle is where their centres fall.
		for k := 0; k < coarseNU; k++ {
			u := coarseU0 + (float64(k)+0.5)*coarseDU
			if u < 0 || u > 1 {
				continue
			}
			var occ float32
			for j := 0; j < coarseNV; j++ {
				if v := coarseV0 + (float64(j)+0.5)*coarseDV; v > 0.1 && v < 0.9 {
					occ = max(occ, float32(c.coarse[j*coarseNU+k]))
				}
			}
			s, co := math.Sincos(2 * math.Pi * u)
			c.zr += float64(occ) * co
			c.zi += float64(occ) * s
		}
		contrasts = append(contrasts, c.paper-c.ink)
	}
	// The line's contrast guards cells that hold little or no ink.
	lineContrast := float32(median32(contrasts))
	floor := max(lineContrast/2, minContrast)
	for i := range la.n {
		c := la.cell(i)
		c.contrast = max(c.paper-c.ink, floor)
		// Smooth the phasor over the neighbours: the phase of one
		// character depends on its shape, that of a run of them less.
		var zr, zi float64
		for j := max(i-phaseSpan, 0); j <= min(i+phaseSpan, la.n-1); j++ {
			zr += la.cell(j).zr
			zi += la.cell(j).zi
		}
		if zr*zr+zi*zi > 1e-9 {
			// The phasor's angle is 2π u of the centre; e^{iπ} is u = 0.5.
			u := math.Atan2(zi, zr) / (2 * math.Pi)
			if u < 0 {
				u++
			}
			c.uc = u
		}
	}
	for i := range la.n {
		c := la.cell(i)
		la.extents(c)
		c.centre = c.uc
		if c.extentsKnown {
			c.centre = la.inkCentre(c)
		}
	}
}

// The fine columns about the line's phase on which a character's own ink
// is found, and the rows of its body that they span.
const (
	spanNU      = 20
	spanDU      = 0.0625
	spanNV      = 4
	spanBody    = 0.1 // rows skip this share of the ink height at either end
	maxInkWidth = 0.85
)

// inkCentre returns the middle of the character's own ink along u: the run
// of inked columns, within the character's rows, that holds the column
// nearest the line's phase. Characters sit at different places in their
// pitch cells, and fonts differ in where: the shape is sampled about its
// own ink. It keeps the phase when the run is wider than a character
// (touching neighbours) or absent.
func (la *lineAnalysis) inkCentre(c *cellStat) float64 {
	var g [spanNU * spanNV]float32
	h := c.bottom - c.top
	u0 := c.uc - spanDU*spanNU/2
	dv := h * (1 - 2*spanBody) / spanNV
	la.s.grid(&c.m, u0, spanDU, spanNU, c.top+spanBody*h, dv, spanNV, g[:], 1, 2)
	var occ [spanNU]float32
	inv := 1 / c.contrast
	for k := range spanNU {
		var mx float32
		for j := range spanNV {
			mx = max(mx, (c.paper-g[j*spanNU+k])*inv)
		}
		occ[k] = mx
	}
	colU := func(k int) float64 { return u0 + (float64(k)+0.5)*spanDU }
	// The inked column nearest the phase.
	start := -1
	for k := range spanNU {
		if occ[k] >= inkLevel && (start < 0 || math.Abs(colU(k)-c.uc) < math.Abs(colU(start)-c.uc)) {
			start = k
		}
	}
	if start < 0 || math.Abs(colU(start)-c.uc) > 0.3 {
		return c.uc
	}
	a, b := start, start
	for a > 0 && occ[a-1] >= inkLevel {
		a--
	}
	for b < spanNU-1 && occ[b+1] >= inkLevel {
		b++
	}
	if a == 0 || b == spanNU-1 {
		return c.uc // the run leaves the window: touching characters
	}
	left := crossing(colU(a-1), float64(occ[a-1]), colU(a), float64(occ[a]))
	right := crossing(colU(b+1), float64(occ[b+1]), colU(b), float64(occ[b]))
	if right-left > maxInkWidth {
		return c.uc
	}
	return (left + right) / 2
}

const (
	minContrast = 12 // grey levels: below it a cell is taken for blank
	phaseSpan   = 3  // neighbours on each side that share a phase estimate
	inkLevel    = 0.5
)

// twoLevels splits grey levels at their mean and returns the mean of each
// side: the paper (light) and the ink (dark).
func twoLevels(g []float32) (paper, ink float32) {
	var sum float32
	for _, v := range g {
		sum += v
	}
	m := sum / float32(len(g))
	var sp, si float32
	var np, ni int
	for _, v := range g {
		if v >= m {
			sp += v
			np++
		} else {
			si += v
			ni++
		}
	}
	paper = sp / float32(max(np, 1))
	ink = paper
	if ni > 0 {
		ink = si / float32(ni)
	}
	return paper, ink
}

// Widths of the column band, about the character's centre, in which its
// vertical extent is measured, and of the fine rows that refine it.
const (
	bandHalf  = 0.4
	fineNU    = 5
	fineDV    = 0.02
	fineNV    = 11
	fineReach = fineDV * fineNV / 2
)

// extents finds the character's ink from top to bottom: the run of rows
// about its middle in which some column of the band is inked, on the coarse
// grid first and then refined on fine rows.
func (la *lineAnalysis) extents(c *cellStat) {
	if !c.m.ok {
		return
	}
	inv := 1 / c.contrast
	var prof [coarseNV]float32
	for j := 0; j < coarseNV; j++ {
		var mx float32
		for k := 0; k < coarseNU; k++ {
			u := coarseU0 + (float64(k)+0.5)*coarseDU
			if math.Abs(u-c.uc) > bandHalf {
				continue
			}
			mx = max(mx, float32(c.coarse[j*coarseNU+k])*inv)
		}
		prof[j] = mx
	}
	// Start from the most inked row about the middle of the cell.
	start := -1
	for j := 0; j < coarseNV; j++ {
		v := coarseV0 + (float64(j)+0.5)*coarseDV
		if v < 0.2 || v > 0.8 {
			continue
		}
		if start < 0 || prof[j] > prof[start] {
			start = j
		}
	}
	if start < 0 || prof[start] < inkLevel {
		return
	}
	c.hasInk = true
	t := start
	for t > 0 && prof[t-1] >= inkLevel {
		t--
	}
	b := start
	for b < coarseNV-1 && prof[b+1] >= inkLevel {
		b++
	}
	rowV := func(j int) float64 { return coarseV0 + (float64(j)+0.5)*coarseDV }
	top := rowV(t) - coarseDV/2
	if t > 0 {
		top = crossing(rowV(t-1), float64(prof[t-1]), rowV(t), float64(prof[t]))
	}
	bottom := rowV(b) + coarseDV/2
	if b < coarseNV-1 {
		bottom = crossing(rowV(b+1), float64(prof[b+1]), rowV(b), float64(prof[b]))
	}
	c.top = la.refine(c, top, true)
	c.bottom = la.refine(c, bottom, false)
	if c.bottom-c.top < 0.1 {
		c.top, c.bottom = 0, 1
		c.hasInk = false
		return
	}
	c.extentsKnown = true
}

// crossing interpolates where the profile crosses inkLevel between an
// outer row (a, pa) and an inner one (b, pb).
func crossing(a, pa, b, pb float64) float64 {
	if pb-pa < 1e-9 {
		return (a + b) / 2
	}
	f := (inkLevel - pa) / (pb - pa)
	return a + f*(b-a)
}

// refine samples fine rows about a coarse edge estimate and returns where
// the ink crosses inkLevel there, scanning from the inside out.
func (la *lineAnalysis) refine(c *cellStat, edge float64, isTop bool) float64 {
	var g [fineNU * fineNV]float32
	v0 := edge - fineReach
	du := 2 * bandHalf / fineNU
	la.s.grid(&c.m, c.uc-bandHalf, du, fineNU, v0, fineDV, fineNV, g[:], 1, 1)
	var prof [fineNV]float32
	inv := 1 / c.contrast
	for j := 0; j < fineNV; j++ {
		var mx float32
		for k := 0; k < fineNU; k++ {
			mx = max(mx, (c.paper-g[j*fineNU+k])*inv)
		}
		prof[j] = mx
	}
	rowV := func(j int) float64 { return v0 + (float64(j)+0.5)*fineDV }
	// Inside is below the top edge and above the bottom one.
	j, step := fineNV-1, -1
	if !isTop {
		j, step = 0, 1
	}
	for ; j >= 0 && j < fineNV && prof[j] < inkLevel; j += step {
	}
	if j < 0 || j >= fineNV {
		return edge // no ink in the window: keep the coarse estimate
	}
	for ; j+step >= 0 && j+step < fineNV && prof[j+step] >= inkLevel; j += step {
	}
	if j+step < 0 || j+step >= fineNV {
		return edge // ink up to the window's edge: keep the coarse estimate
	}
	return crossing(rowV(j+step), float64(prof[j+step]), rowV(j), float64(prof[j]))
}

// features samples the shape of cell i from its ink top to its bottom.
func (la *lineAnalysis) features(i int, f *Features) {
	c := la.cell(i)
	f.Ink = c.hasInk
	f.Height = float32(c.height())
	if !c.m.ok {
		clear(f.Shape[:])
		return
	}
	h := c.bottom - c.top
	v0 := c.top - shapeMargin*h
	dv := h * (1 + 2*shapeMargin) / ShapeH
	la.s.grid(&c.m, c.centre-0.5, 1.0/ShapeW, ShapeW, v0, dv, ShapeH, f.Shape[:], 3, 3)
	// Darkness within paperBand of the paper counts as paper: noise and
	// texture then leave most of the grid at 0, which the network skips.
	inv := 1 / (c.contrast * (1 - paperBand))
	off := c.paper - paperBand*c.contrast
	for k, g := range f.Shape {
		f.Shape[k] = min(max((off-g)*inv, 0), 1)
	}
}

// median32 returns the median of v (0 for none), reordering v.
func median32(v []float32) float64 {
	n := len(v)
	if n == 0 {
		return 0
	}
	// Insertion sort: a line has at most a few dozen cells.
	for i := 1; i < n; i++ {
		x := v[i]
		j := i
		for j > 0 && v[j-1] > x {
			v[j] = v[j-1]
			j--
		}
		v[j] = x
	}
	if n%2 == 1 {
		return float64(v[n/2])
	}
	return (float64(v[n/2-1]) + float64(v[n/2])) / 2
}
