package ocr

import (
	"context"
	"math"
	"strings"
)

// Reading one line: a crop holding a single line of MRZ characters, of
// unknown length and maybe only part of an MRZ line, is read cell by cell
// without the check digits (a fragment has none to hold).

// lineReading is a line read from a crop.
type lineReading struct {
	text  string
	conf  []float64
	cells []cellRef
	ll    float64
}

// readLine reads the longest regular line of characters in p, both ways
// up, and returns the more probable reading.
func readLine(ctx context.Context, p0 plane, cfg config) (*lineReading, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := detectScale(p0.w, p0.h)
	det := scaleBy(p0, s)
	var sc scratch
	r := max(7, min(30, max(det.w, det.h)/60))
	// A crop is about one line high: the window follows its height.
	r = min(r, max(7, min(det.w, det.h)/2))
	sc.mask = binarize(det, r, sauvolaK, sc.mask)
	cs := sc.lab.label(sc.mask, det.w, det.h)
	lim := chainLimits{minH: 4, maxH: float64(max(det.w, det.h)) / 4}
	var best *line
	for frame := 0; frame < 2; frame++ {
		for _, ch := range chains(cs, frame, lim, 3) {
			l, ok := fitLine(cs, ch, frameDir(frame))
			if !ok || l.rms > maxRMS {
				continue
			}
			l.extend(cs, newCompGrid(cs, det.w, det.h, math.Max(8, lim.maxH/2)))
			if best == nil || l.cells > best.cells {
				lc := l
				best = &lc
			}
		}
	}
	if best == nil {
		return nil, ErrNotFound
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src := &source{pyr: &pyramid{levels: []plane{p0}}, scale: float64(p0.w) / float64(det.w)}
	g := gridLine{l: best}
	var out *lineReading
	for _, flip := range [2]bool{false, true} {
		sn := scanLine(src, g, 0, best.cells-1, flip, cfg, &sc)
		lr := &lineReading{}
		var b strings.Builder
		var sum float64
		for c := 0; c < best.cells; c++ {
			k := c
			if flip {
				k = best.cells - 1 - c
			}
			ch, p := sn.sc[k].Best()
			b.WriteByte(ch)
			lr.conf = append(lr.conf, float64(p))
			lr.cells = append(lr.cells, cellRef{sn, k})
			sum += logProb(float64(p))
		}
		lr.text = b.String()
		lr.ll = sum / float64(best.cells)
		if out == nil || lr.ll > out.ll {
			out = lr
		}
	}
	return out, nil
}
