// Package measure scores a character classifier: characters and lines read
// exactly, and the confusions between the look-alikes of OCR-B (0 O D Q, 1
// I, 8 B, 5 S, 2 Z, < K). It also loads real line crops with their truth
// (the tesseractMRZ set of ../shared/images) and cuts them into cells the
// simple way a test can: the ink's extent divided at the pitch the truth's
// length gives.
package measure
