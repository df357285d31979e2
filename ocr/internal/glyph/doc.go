// Package glyph reads the characters of an MRZ line: it turns each character
// cell that line detection found into a probability for every one of the 37
// MRZ characters (Charset).
//
// ClassifyLine works in three steps. It samples every cell through its quad
// and estimates, from the whole line, the paper and ink levels, where the
// characters stand along the line (the phase of the ink against the pitch)
// and each character's ink extent from its top to its bottom. It then
// samples each character, from its own top to its bottom, onto a fixed grid
// and scores it with a small dense network. Last, it applies the height cue:
// OCR-B digits stand about 8% taller than the letters, the one thing that
// tells 0 from O, 1 from I or 8 from B, so the line's cap height is
// estimated from the cells whose class the shape alone settles, and every
// class is weighed by how well its own height fits the cell's.
//
// The network's weights (weights_gen.go) are trained at go generate time by
// ocr/internal/train from lines rendered in OCR-B (ocr/internal/render) and
// degraded; run time needs neither the font nor any file.
package glyph

//go:generate go run ../train -out weights_gen.go
