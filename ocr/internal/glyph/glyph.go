package glyph

import "image"

// Charset is the 37 characters an MRZ may hold; class i is Charset[i].
const Charset = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"

// NumClasses is the number of classes, len(Charset).
const NumClasses = 37

// Point is a position in image pixels, x to the right, y down.
type Point struct{ X, Y float64 }

// Quad is the nominal cell of one character: corners top-left, top-right,
// bottom-right, bottom-left, in image pixels. Left and right edges are the
// character's pitch cell boundaries along the line; the top edge is at the top
// of the flat capitals (B, E, ...), the bottom edge on the baseline. It may be
// slanted and slightly perspective (the line is skewed up to ±15°).
type Quad [4]Point

// Scores holds a probability for every class (they sum to 1).
type Scores [NumClasses]float32

// Best returns the most probable character and its probability (the first
// one on ties).
func (s Scores) Best() (byte, float32) {
	best := 0
	for i := 1; i < NumClasses; i++ {
		if s[i] > s[best] {
			best = i
		}
	}
	return Charset[best], s[best]
}

// Of returns the probability of character c, 0 for a character outside
// Charset.
func (s Scores) Of(c byte) float32 {
	if i := Class(c); i >= 0 {
		return s[i]
	}
	return 0
}

// Class returns the class of character c, or -1 when c is not in Charset.
func Class(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	case c == '<':
		return 36
	}
	return -1
}

// ClassifyLine classifies every cell of one MRZ line, writing out[i] for
// cells[i] (len(out) == len(cells)). The cells come from detection and are
// approximate: along a line they may be off by up to about ±20% of the pitch
// horizontally and ±20% of the cap height in position and in height (mostly
// consistently along the line). It may use the whole line (contrast, stroke
// width, the capitals' height, to tell the taller digits from letters). Safe
// for concurrent use; no global mutable state.
func ClassifyLine(img *image.Gray, cells []Quad, out []Scores) {
	Default().ClassifyLine(img, cells, out)
}
