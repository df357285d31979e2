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
// a digit and a letter: they do not serve to estimate the cap height. Nor
// does <, whose height printers vary (some draw it a fifth shorter than
// the letters): its height is weighed with a spread of at least
// fillerSpread.
const ambiguous = "0OQD1I8B5S2Z<"

// filler is the class of <.
const filler = NumClasses - 1

// fillerSpread is the least spread of the height ratio of <.
const fillerSpread = 0.12

// minGroup is how many cells letters or digits need to be measured apart.
const minGroup = 3

// scales estimates the line's cap height in units of the quads' pitch,
// once from its letters (and <) and once from its digits: each cell whose
// class the shape settles gives its ink height divided by its class's
// ratio. Printers differ in how much taller they set the digits, so each
// group is measured on its own; a group without a cell that serves takes
// the other's scale, and so does a group of fewer than minGroup cells,
// whose median would be noisy. It reports false when no cell serves.
func (h *HeightCue) scales(la *lineAnalysis, sc []Scores) (letters, digits float64, ok bool) {
	var lbuf, dbuf [stackCells]float32
	l, d := lbuf[:0], dbuf[:0]
	for i := range sc {
		c := la.cell(i)
		if !c.extentsKnown {
			continue
		}
		ch, p := sc[i].Best()
		k := Class(ch)
		if p < h.Confident || h.Ratio[k] <= 0 || containsByte(ambiguous, ch) {
			continue
		}
		e := float32(c.height()) / h.Ratio[k]
		if ch >= '0' && ch <= '9' {
			d = append(d, e)
		} else {
			l = append(l, e)
		}
	}
	if len(l) >= minGroup && len(d) >= minGroup {
		return median32(l), median32(d), true
	}
	if len(l)+len(d) == 0 {
		return 0, 0, false
	}
	all := append(l, d...)
	s := median32(all)
	return s, s, true
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
	sl, sd, ok := h.scales(la, sc)
	if !ok || !(sl > 0) || !(sd > 0) {
		return
	}
	for i := range sc {
		c := la.cell(i)
		if !c.extentsKnown {
			continue
		}
		height := c.height()
		var p [NumClasses]float64
		var sum float64
		for k := range p {
			s := float64(h.Spread[k])
			if k == filler {
				s = max(s, fillerSpread)
			}
			if !(s > 0) {
				s = 1
			}
			scale := sl
			if k < 10 {
				scale = sd
			}
			z := (height/scale - float64(h.Ratio[k])) / s
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
