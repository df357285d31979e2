package ocr

import (
	"image"
	"math"
)

// charset is the 37 characters of an MRZ in the classifier's class order.
const charset = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"

// scores are the probabilities of the 37 classes of charset for one cell.
type scores [37]float32

// classifier scores the cells of an upright strip: out[i] for cells[i].
type classifier func(img *image.Gray, cells []quad, out []scores)

// best returns the most probable character of s and its probability.
func (s *scores) best() (byte, float64) {
	bi := 0
	for i := range s {
		if s[i] > s[bi] {
			bi = i
		}
	}
	return charset[bi], float64(s[bi])
}

// prob returns the probability of character c (0 for one outside charset).
func (s *scores) prob(c byte) float64 {
	i := classIndex(c)
	if i < 0 {
		return 0
	}
	return float64(s[i])
}

func classIndex(c byte) int {
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

// logProb is the log of a probability, floored so that a class the
// classifier rules out costs a bounded amount.
func logProb(p float64) float64 { return math.Log(math.Max(p, 1e-6)) }
