package ocr

import (
	"math"
	"sort"
)

// Joining lines: glare or a fold can wash out a few characters of a line,
// which then chains as two pieces. Two pieces on one centre line, at one
// pitch, on one grid, with a gap of a few cells between them, are one line.

// Bounds of a join, in pitches and cells.
const (
	joinMaxGap    = 12   // empty cells between the pieces
	joinMaxOff    = 0.3  // of the second piece from the first's centre line
	joinMaxGrid   = 0.3  // of the second piece's cells from the first's grid
	joinMaxPitch  = 1.06 // ratio of the pieces' pitches
	joinMaxLength = 48   // cells of the joined line
)

// joinLines joins the pieces of lines among ls (fitted in one frame) and
// returns the lines that remain.
func joinLines(ls []*line, cs []comp) []*line {
	sort.SliceStable(ls, func(a, b int) bool { return ls[a].cells > ls[b].cells })
	for {
		joined := false
		for i := 0; i < len(ls) && !joined; i++ {
			for j := 0; j < len(ls) && !joined; j++ {
				if i == j {
					continue
				}
				if m, ok := join(ls[i], ls[j], cs); ok {
					ls[i] = m
					ls = append(ls[:j], ls[j+1:]...)
					joined = true
				}
			}
		}
		if !joined {
			return ls
		}
	}
}

// join returns a and b as one line when b continues a beyond its last
// cell.
func join(a, b *line, cs []comp) (*line, bool) {
	if a.d.dot(b.d) < math.Cos(maxAngle) {
		return nil, false
	}
	pa, pb := a.pitch(float64(a.cells-1)), b.pitch(0)
	if pa > pb*joinMaxPitch || pb > pa*joinMaxPitch {
		return nil, false
	}
	start := b.point(0, 0).sub(a.o)
	if math.Abs(start.dot(a.n)) > joinMaxOff*pa {
		return nil, false
	}
	// b's first cell on a's grid, extrapolated linearly past a's end.
	end := a.t(float64(a.cells - 1))
	k := float64(a.cells-1) + (start.dot(a.d)-end)/pa
	kr := math.Round(k)
	gap := int(kr) - a.cells
	if math.Abs(k-kr) > joinMaxGrid || gap < 0 || gap > joinMaxGap || int(kr)+b.cells > joinMaxLength {
		return nil, false
	}
	m := *a
	m.members = append([]member(nil), a.members...)
	for _, mb := range b.members {
		m.members = append(m.members, member{mb.comp, mb.first + int(kr), mb.last + int(kr)})
	}
	m.cells = int(kr) + b.cells
	m.refit(cs)
	return &m, true
}
