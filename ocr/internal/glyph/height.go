package glyph

import "math"

// HeightCue weighs each class by how well its height fits the cell's ink
// height, measured against the line's cap height. OCR-B digits stand about
// 8% taller than the letters: the cue is what tells 0 from O, 1 from I, 8
// from B, 5 from S and 2 from Z.
type HeightCue struct {
	// Ratio is the typical ink height of each class over the cap height.
	Ratio [NumClasses]float32
	// Spread is the spread of that ratio (a standard deviation).
	Spread [NumClasses]float32
	// Floor is added to every class's likelihood so that a height badly
	// measured cannot overrule a shape read with confidence.
	Floor float32
	// Confident is the shape probability from which a cell's best class
	// serves to estimate the line's cap height.
	Confident float32
}

// ambiguous lists the characters whose shape alone does not settle between
// a digit and a letter: they do not serve to estimate the cap height.
const ambiguous = "0OQD1I8B5S2Z"

// capHeight estimates the line's cap height in units of the quads' heights
// from the cells whose class the shape settles: each one's ink height
// divided by its class's ratio. It reports false when no cell serves.
func (h *HeightCue) capHeight(la *lineAnalysis, sc []Scores) (float64, bool) {
	est := make([]float32, 0, stackCells)
	for i := range sc {
		c := &la.cells[i]
		if !c.extentsKnown {
			continue
		}
		ch, p := sc[i].Best()
		if p < h.Confident || h.Ratio[Class(ch)] <= 0 || containsByte(ambiguous, ch) {
			continue
		}
		est = append(est, float32(c.bottom-c.top)/h.Ratio[Class(ch)])
	}
	if len(est) == 0 {
		return 0, false
	}
	return median32(est), true
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// apply multiplies the shape probabilities of every inked cell by the
// height likelihood of each class and renormalises them.
func (h *HeightCue) apply(la *lineAnalysis, sc []Scores) {
	capH, ok := h.capHeight(la, sc)
	if !ok || !(capH > 0) {
		return
	}
	for i := range sc {
		c := &la.cells[i]
		if !c.extentsKnown {
			continue
		}
		r := (c.bottom - c.top) / capH
		var p [NumClasses]float64
		var sum float64
		for k := range p {
			s := float64(h.Spread[k])
			if !(s > 0) {
				s = 1
			}
			z := (r - float64(h.Ratio[k])) / s
			p[k] = float64(sc[i][k]) * (math.Exp(-z*z/2) + float64(h.Floor))
			sum += p[k]
		}
		if !(sum > 0) || math.IsInf(sum, 0) {
			continue
		}
		for k := range p {
			sc[i][k] = float32(p[k] / sum)
		}
	}
}
