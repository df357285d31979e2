package main

import (
	"slices"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// fitHeight measures, for every class, the median and the spread of its ink
// height over the true cap height on the training cells.
func fitHeight(d *dataset) glyph.HeightCue {
	var per [nc][]float64
	for i := range d.n() {
		if !d.ink[i] || d.cap[i] <= 0 {
			continue
		}
		c := d.y[i]
		per[c] = append(per[c], float64(d.height[i]/d.cap[i]))
	}
	var h glyph.HeightCue
	for c := range nc {
		v := per[c]
		if len(v) == 0 {
			h.Ratio[c], h.Spread[c] = 1, 1
			continue
		}
		slices.Sort(v)
		med := v[len(v)/2]
		dev := make([]float64, len(v))
		for i, x := range v {
			dev[i] = abs(x - med)
		}
		slices.Sort(dev)
		h.Ratio[c] = float32(med)
		h.Spread[c] = float32(1.4826 * dev[len(dev)/2])
	}
	return h
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
