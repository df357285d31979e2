// Command train builds the weights of the MRZ character classifier of
// package ocr/internal/glyph. It runs at go generate time:
//
//	go generate ./ocr/internal/glyph
//
// It renders MRZ-like lines in OCR-B (the font of the Debian package
// fonts-ocr-b), degrades them (stroke weight, blur, noise, light gradient,
// background pattern, contrast, rotation, perspective, JPEG, binarisation),
// jitters their cells the way line detection errs, extracts every cell's
// features with the very code ClassifyLine runs, trains a small dense
// network on them and fits the height cue, and writes the quantised
// weights as Go source. Every random choice comes from seeded generators
// and the work shared between goroutines is reduced in a fixed order, so
// the output is the same bytes on every run.
//
// With -compare it instead trains every kind of model it knows (class
// templates, a linear model, networks of several widths) and prints their
// accuracy on held-out renders and, when ../shared is present, on the real
// line crops of tesseractMRZ.
//
// Without the font it exits with a message and status 0, leaving the
// committed weights alone.
package main
