package ocr

import (
	"math"

	"github.com/mrzkit/mrzkit/field"
)

// Orientation: lines are found along the image's rows and columns and read
// both ways up, so the reading direction on the image is known; the turn
// that makes the page upright follows from it, and its confidence from how
// much more probable the reading is this way up than the other.

// orientation returns the quarter turn clockwise that makes a line reading
// along dir read left to right.
func orientation(dir pt) int {
	a := math.Atan2(dir.Y, dir.X) * 180 / math.Pi // clockwise from +x
	q := int(math.Round(-a/90)) % 4
	if q < 0 {
		q += 4
	}
	return q * 90
}

// orientation returns the page's orientation for the reading of n
// characters: the quarter turn of its direction, and the probability of
// reading it this way up against the other, from their mean
// log-probabilities.
func (r *reading) orientation(n int) field.Orientation {
	conf := 1.0
	if !math.IsInf(r.otherLL, -1) {
		conf = 1 / (1 + math.Exp(float64(n)*(r.otherLL-r.ll)))
	}
	o, _ := field.NewOrientation(orientation(r.dir), field.ClampConfidence(conf))
	return o
}
