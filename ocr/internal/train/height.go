package main

import (
	"slices"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// fitHeight measures, for every class, the median and the spread of its ink
// height over the cap height on the training cells. The first pass takes
// the true cap height; the next ones take, as run time does, the line's own
// scale estimated from its cells (letters and digits apart when each has
// three; < aside), so that the spread is what run time meets.
func fitHeight(d *dataset) glyph.HeightCue {
	var h glyph.HeightCue
	ref := make([]float64, d.n()) // what each cell's height is measured against
	for i := range ref {
		ref[i] = float64(d.cap[i])
	}
	for pass := range 3 {
		if pass > 0 {
			lineScales(d, &h, ref)
		}
		var per [nc][]float64
		for i := range d.n() {
			if !d.ink[i] || !(ref[i] > 0) {
				continue
			}
			per[d.y[i]] = append(per[d.y[i]], float64(d.height[i])/ref[i])
		}
		for c := range nc {
			h.Ratio[c], h.Spread[c] = medianSpread(per[c])
		}
	}
	return h
}

// lineScales sets ref[i] to the scale of cell i's group (letters or
// digits) on its line: the median of height/ratio of the group's cells.
func lineScales(d *dataset, h *glyph.HeightCue, ref []float64) {
	for start := 0; start < d.n(); {
		end := start
		for end < d.n() && d.line[end] == d.line[start] {
			end++
		}
		var l, g []float64
		for i := start; i < end; i++ {
			if !d.ink[i] || d.y[i] == nc-1 { // < does not measure a line
				continue
			}
			e := float64(d.height[i]) / float64(h.Ratio[d.y[i]])
			if d.y[i] < 10 {
				g = append(g, e)
			} else {
				l = append(l, e)
			}
		}
		var sl, sd float32
		if len(l) >= 3 && len(g) >= 3 {
			sl, _ = medianSpread(l)
			sd, _ = medianSpread(g)
		} else {
			sl, _ = medianSpread(append(l, g...))
			sd = sl
		}
		for i := start; i < end; i++ {
			ref[i] = float64(sl)
			if d.y[i] < 10 {
				ref[i] = float64(sd)
			}
		}
		start = end
	}
}

// medianSpread returns the median of v and 1.4826 times its median absolute
// deviation (the standard deviation of a normal law), or 1, 1 for none.
func medianSpread(v []float64) (float32, float32) {
	if len(v) == 0 {
		return 1, 1
	}
	v = slices.Clone(v)
	slices.Sort(v)
	med := v[len(v)/2]
	for i, x := range v {
		v[i] = abs(x - med)
	}
	slices.Sort(v)
	return float32(med), float32(1.4826 * v[len(v)/2])
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
