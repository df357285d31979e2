package main

import (
	"math"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// tuneHeight sets the knobs of the height cue of m (whose Ratio and Spread
// come from fitHeight) to those that give the validation lines' true
// characters the most probability (the least negative log-likelihood: the
// most read right, and the errors least sure), trying a small grid in a
// fixed order (the first best wins).
func tuneHeight(m *glyph.Model, fitted glyph.HeightCue, val []synth.Line) {
	best := math.Inf(1)
	var bestCue glyph.HeightCue
	for _, mul := range []float32{1, 1.5, 2, 3} {
		for _, floor := range []float32{0.005, 0.02, 0.08} {
			for _, conf := range []float32{0.6, 0.9} {
				h := fitted
				h.Floor, h.Confident = floor, conf
				for i := range h.Spread {
					h.Spread[i] = max(fitted.Spread[i]*mul, 0.01)
				}
				m.Height = h
				if nll := evalLines(m, val).NLL; nll < best {
					best, bestCue = nll, h
				}
			}
		}
	}
	m.Height = bestCue
}
