package ocr

import (
	"image"
	"math"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// quad is a cell in strip pixels: top left, top right, bottom right,
// bottom left (glyph's form).
type quad = glyph.Quad

// scores are the probabilities of the 37 classes of glyph.Charset for one
// cell.
type scores = glyph.Scores

// classifier scores the cells of an upright strip: out[i] for cells[i].
type classifier func(img *image.Gray, cells []quad, out []scores)

// defaultClassifier is the character classifier Read uses.
func defaultClassifier(img *image.Gray, cells []quad, out []scores) {
	glyph.ClassifyLine(img, cells, out)
}

// logProb is the log of a probability, floored so that a class the
// classifier rules out costs a bounded amount.
func logProb(p float64) float64 { return math.Log(math.Max(p, 1e-6)) }

// prob returns the probability of c in s.
func prob(s *scores, c byte) float64 { return float64(s.Of(c)) }
