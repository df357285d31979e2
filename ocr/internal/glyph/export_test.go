package glyph

import (
	"image"
	"math"
)

// LineGeometry exposes to the tests what the line analysis estimates of
// every cell: its character's centre along u and its ink extent in v.
func LineGeometry(img *image.Gray, cells []Quad) (centre, top, bottom []float64) {
	var la lineAnalysis
	la.analyse(img, cells)
	for i := range la.n {
		c := la.cell(i)
		centre = append(centre, c.uc)
		top = append(top, c.top)
		bottom = append(bottom, c.bottom)
	}
	return centre, top, bottom
}

// RawPhases returns the unsmoothed phase of every cell.
func RawPhases(img *image.Gray, cells []Quad) []float64 {
	var la lineAnalysis
	la.analyse(img, cells)
	var out []float64
	for i := range la.n {
		c := la.cell(i)
		u := math.Atan2(c.zi, c.zr) / (2 * math.Pi)
		if u < 0 {
			u++
		}
		out = append(out, u)
	}
	return out
}
