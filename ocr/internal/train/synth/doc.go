// Package synth renders MRZ-like lines in OCR-B with known text and known
// character cells, degraded the way photos and scans of documents are: it
// feeds the trainer of the character classifier and the tests that
// measure it.
//
// Every line is drawn from its own seed, so a set of lines is the same on
// every run and can be built in parallel.
package synth
