package ocr

import (
	"math"
	"strings"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// Reading a zone: its lines are resampled into strips, both ways up, the
// cells classified, and each layout the zone may hold (line count and
// lengths, and where the MRZ starts when the zone's extent is not its
// length) decoded with the check digits. The best reading wins.

// layouts returns the line lengths, in reading order, an MRZ of m lines
// may have.
func layouts(m int, short bool) [][]int {
	switch m {
	case 1:
		return [][]int{{30}}
	case 2:
		return [][]int{{36, 36}, {44, 44}}
	case 3:
		if short {
			return [][]int{{30, 30, 30}, {9, 30, 30}}
		}
		return [][]int{{30, 30, 30}}
	}
	return nil
}

// Slack of a zone's extent against a layout's length: cells holding ink
// may be missing at the ends (faint fillers, glare), and one stray
// component may join a line's end.
const (
	maxMissing = 6
	maxExtra   = 2
)

// scan is one line of a zone classified over cells [a, b] of the zone,
// one way up.
type scan struct {
	st    strip
	a, b  int
	sc    []scores // indexed by zone cell - a
	quads []quad   // in the strip's pixels, indexed by zone cell - a
	ink   []bool
	// stable marks the cells whose most probable character stayed the
	// same when the cells were moved a little (see classifyCells).
	stable []bool
	text   bool // the band looks like a line of text
}

// readZone reads zone f; nil when no layout gives an MRZ. The zone's
// lines are read together, and when that gives no valid MRZ, every
// contiguous part of them on its own (a line of printed data may have
// joined the zone).
func readZone(src *source, f found, cfg config, sc *scratch) *reading {
	m := len(f.z.lines)
	zr := zoneReader{src: src, f: f, cfg: cfg, sc: sc, cache: map[scanKey]*scan{}}
	var best *reading
	for size := m; size >= 1; size-- {
		for i0 := 0; i0+size <= m; i0++ {
			r := zr.read(i0, i0+size)
			if r != nil && (best == nil || r.better(best)) {
				best = r
			}
		}
		if best != nil && best.valid {
			break
		}
	}
	return best
}

// zoneReader reads parts of a zone, classifying each line's cells once.
type zoneReader struct {
	src   *source
	f     found
	cfg   config
	sc    *scratch
	cache map[scanKey]*scan
}

type scanKey struct {
	line, a, b int
	flip       bool
}

func (zr *zoneReader) scan(line, a, b int, flip bool) *scan {
	k := scanKey{line, a, b, flip}
	if s, ok := zr.cache[k]; ok {
		return s
	}
	s := scanLine(zr.src, zr.f.grid[line], a, b, flip, zr.cfg, zr.sc)
	zr.cache[k] = s
	return s
}

// read reads lines [i0, i1) of the zone as an MRZ.
func (zr *zoneReader) read(i0, i1 int) *reading {
	hs := zr.layoutHyps(i0, i1)
	if len(hs) == 0 {
		return nil
	}
	var found [2]*reading
	bestLL := [2]float64{math.Inf(-1), math.Inf(-1)}
	for fi, flip := range [2]bool{false, true} {
		found[fi], bestLL[fi] = zr.readWay(hs, i0, i1, flip)
	}
	var best *reading
	for fi := range found {
		if found[fi] != nil && (best == nil || found[fi].better(best)) {
			best = found[fi]
		}
	}
	if best != nil {
		best.otherLL = bestLL[0]
		if !best.flip {
			best.otherLL = bestLL[1]
		}
	}
	return best
}

// layoutHyp is a layout lines of a zone may hold: its line lengths, and
// the zone cell its lines start at, n being the longest.
type layoutHyp struct {
	lens     []int
	start, n int
}

// layoutHyps returns the layouts lines [i0, i1) of the zone may hold: those
// whose length fits the lines' extent of cells holding ink, starting at
// either end of it when they differ.
func (zr *zoneReader) layoutHyps(i0, i1 int) []layoutHyp {
	z := zr.f.z
	k0, k1 := math.MaxInt, math.MinInt
	short := false
	for i := i0; i < i1; i++ {
		k0 = min(k0, z.offset[i])
		k1 = max(k1, z.offset[i]+z.lines[i].cells-1)
		if z.lines[i].cells <= 12 {
			short = true
		}
	}
	ext := k1 - k0 + 1
	var hs []layoutHyp
	for _, lens := range layouts(i1-i0, short) {
		n := 0
		for _, v := range lens {
			n = max(n, v)
		}
		if ext > n+maxExtra || ext < n-maxMissing {
			continue
		}
		starts := []int{k0}
		if ext != n {
			starts = append(starts, k1-n+1)
		}
		for _, s := range starts {
			hs = append(hs, layoutHyp{lens, s, n})
		}
	}
	return hs
}

// lineLength is a zone line read at one of the lengths a layout gives it.
type lineLength struct{ line, length int }

// scanRanges returns, for each line of [i0, i1) and each length the layouts
// give it (read one way up), the zone cells it is classified over: those
// all the layouts need. A short line is thus classified alone, not among
// the empty cells of a longer one (the classifier measures the whole line
// it is given).
func scanRanges(hs []layoutHyp, i0, i1 int, flip bool) map[lineLength][2]int {
	need := map[lineLength][2]int{}
	for _, h := range hs {
		for j, L := range h.lens {
			zi, a := i0+j, h.start
			if flip {
				zi, a = i1-1-j, h.start+h.n-L
			}
			k := lineLength{zi, L}
			rg, ok := need[k]
			if !ok {
				rg = [2]int{a, a + L - 1}
			}
			need[k] = [2]int{min(rg[0], a), max(rg[1], a+L-1)}
		}
	}
	return need
}

// readWay reads lines [i0, i1) one way up as each layout of hs, and returns
// the best reading (nil for none) and the best mean log-likelihood of any.
func (zr *zoneReader) readWay(hs []layoutHyp, i0, i1 int, flip bool) (best *reading, bestLL float64) {
	bestLL = math.Inf(-1)
	need := scanRanges(hs, i0, i1, flip)
	for _, h := range hs {
		ls := make([]*scan, i1-i0)
		for j, L := range h.lens {
			zi := i0 + j
			if flip {
				zi = i1 - 1 - j
			}
			rg := need[lineLength{zi, L}]
			ls[zi-i0] = zr.scan(zi, rg[0], rg[1], flip)
		}
		r := decodeLayout(ls, h.lens, h.start, flip, zr.cfg)
		if r == nil {
			continue
		}
		r.dir = zr.f.z.lines[i0].d
		if flip {
			r.dir = r.dir.mul(-1)
		}
		bestLL = math.Max(bestLL, r.ll)
		if best == nil || r.better(best) {
			best = r
		}
	}
	return best, bestLL
}

// scanLine samples cells [a, b] of g and classifies them.
func scanLine(src *source, g gridLine, a, b int, flip bool, cfg config, sc *scratch) *scan {
	n := b - a + 1
	st := sampleStrip(src, g, a, n, flip, nil)
	// Levels first: the band and the ink of each cell are then measured
	// alike under glare and in shadow.
	normalizeStrip(&st)
	bd, mask := measureBand(&st, sc.smask)
	sc.smask = mask
	s := &scan{st: st, a: a, b: b, sc: make([]scores, n), quads: make([]quad, n), ink: make([]bool, n), stable: make([]bool, n)}
	s.text = bd.ok && bd.clear
	if !bd.ok {
		// No text band: read the cells at their nominal height.
		bd = band{topA: float64(st.p.h)/2 - 0.47*st.sp, botA: float64(st.p.h)/2 + 0.47*st.sp, ok: true}
	}
	qs := bd.quads(&st, nil)
	out, stable := classifyCells(cfg.classify, &st, qs)
	for c := 0; c < n; c++ {
		k := c // zone cell - a
		if flip {
			k = n - 1 - c
		}
		s.sc[k] = out[c]
		s.stable[k] = stable[c]
		s.quads[k] = qs[c]
		s.ink[k] = cellInk(mask, &st, qs[c])
	}
	return s
}

// cellInk reports whether a cell of a strip holds ink in its middle.
func cellInk(mask []uint8, st *strip, q quad) bool {
	x0 := int(q[0].X + 0.15*st.sp)
	x1 := int(q[1].X - 0.15*st.sp)
	y0 := int(math.Min(q[0].Y, q[1].Y))
	y1 := int(math.Max(q[2].Y, q[3].Y))
	x0, x1 = max(x0, 0), min(x1, st.p.w)
	y0, y1 = max(y0, 0), min(y1, st.p.h)
	n := 0
	for y := y0; y < y1; y++ {
		for _, v := range mask[y*st.p.w+x0 : y*st.p.w+x1] {
			n += int(v)
		}
	}
	return x1 > x0 && y1 > y0 && float64(n) >= 0.04*float64((x1-x0)*(y1-y0))
}

// minInk is the share of the cells of an MRZ that must hold ink: every
// cell of an MRZ is printed (fillers too), unlike a line of words.
const minInk = 0.9

// decodeLayout reads the scans as an MRZ of the given line lengths starting
// at zone cell start; nil when they do not read as one.
func decodeLayout(scans []*scan, lens []int, start int, flip bool, cfg config) *reading {
	m := len(scans)
	if len(lens) != m {
		return nil
	}
	n := 0
	for _, v := range lens {
		n = max(n, v)
	}
	r := &reading{flip: flip}
	inked, total := 0, 0
	for j := 0; j < m; j++ {
		si := j
		if flip {
			si = m - 1 - j
		}
		s := scans[si]
		if !s.text {
			return nil
		}
		var b strings.Builder
		var refs []cellRef
		for c := 0; c < lens[j]; c++ {
			k := start + c
			if flip {
				k = start + n - 1 - c
			}
			if k < s.a || k > s.b {
				return nil
			}
			ch, _ := s.sc[k-s.a].Best()
			b.WriteByte(ch)
			refs = append(refs, cellRef{s, k - s.a})
			total++
			if s.ink[k-s.a] {
				inked++
			}
		}
		r.raw = append(r.raw, b.String())
		r.cells = append(r.cells, refs)
	}
	if float64(inked) < minInk*float64(total) {
		return nil
	}
	if !r.decide(cfg) {
		return nil
	}
	return r
}

// cellRef is the cell a character was read from.
type cellRef struct {
	s *scan
	i int
}

func (c cellRef) scores() *scores { return &c.s.sc[c.i] }

// decide runs the MRZ decoder on the scores of the reading's cells and
// keeps its best candidate.
func (r *reading) decide(cfg config) bool {
	lines := make([][]mrz.Position, len(r.cells))
	for i, l := range r.cells {
		lines[i] = make([]mrz.Position, len(l))
		for j, c := range l {
			lines[i][j] = positionOf(c.scores())
		}
	}
	cands, err := mrz.FindScored(lines, cfg.mrzOpts...)
	if err != nil {
		return false
	}
	if len(cands) == 0 {
		// Lines the scored decoder does not take for an MRZ, as malformed
		// ones printed with their fields shifted: the text decoder may
		// still read them as an invalid MRZ (never as a valid one, which
		// the scores did not support).
		cands, err = mrz.Find(strings.Join(r.raw, "\n"), cfg.mrzOpts...)
		if err != nil || len(cands) == 0 || cands[0].IsValid() || cands[0].StartLine != 1 || cands[0].EndLine != len(r.raw) {
			return false
		}
	}
	c := cands[0]
	got := c.Document.Lines()
	if len(got) != len(r.raw) {
		return false
	}
	for i := range got {
		if len(got[i]) != len(r.raw[i]) {
			return false
		}
	}
	r.cand = c
	r.lines = got
	var sum float64
	var k int
	for i, l := range got {
		for j := 0; j < len(l); j++ {
			sum += logProb(prob(r.cells[i][j].scores(), l[j]))
			k++
		}
	}
	r.ll = sum / float64(max(k, 1))
	r.conf = r.confidences()
	r.cand.Err = withDoubts(r.cand.Err, r.doubt(r.conf))
	r.valid = r.cand.Err == nil && r.cand.Document.IsValid()
	return true
}

// positionOf turns a cell's scores into the decoder's alternatives.
func positionOf(s *scores) mrz.Position {
	p := make(mrz.Position, 0, len(s))
	for i, v := range s {
		if v > 0 {
			p = append(p, mrz.Choice{Char: glyph.Charset[i], P: float64(v)})
		}
	}
	if len(p) == 0 { // no class at all: every one alike
		for i := range s {
			p = append(p, mrz.Choice{Char: glyph.Charset[i], P: 1.0 / float64(len(s))})
		}
	}
	return p
}
