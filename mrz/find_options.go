package mrz

import (
	"math"

	"github.com/mrzkit/mrzkit/field"
)

// WithAmbiguityMargin sets how much more probable than any other valid
// reading the reading Find and FindScored return must be: e^m times, m in
// natural-log units (the default, ln 100 ≈ 4.6, asks for odds of 100 to 1).
// Where another valid reading is closer, and differs from the best where a
// check digit reaches, the candidate is ambiguous and lists both as
// Alternatives; where no check digit reaches (names, country codes), the
// better score wins and only exact ties are ambiguous, whatever the margin.
// A larger margin flags more readings; 0 flags exact ties only. In Find,
// two readings that need as many confusions tie, and one that needs a
// confusion fewer is ln 10,000 ≈ 9.2 ahead: a margin above that flags those
// too. A negative or NaN margin is ignored.
func WithAmbiguityMargin(m float64) Option {
	if math.IsNaN(m) || m < 0 {
		return Option{}
	}
	if m == 0 {
		m = math.SmallestNonzeroFloat64 // exact ties only; 0 means unset
	}
	return Option{margin: m}
}

// WithStrictNames makes Find treat a digit read in a name as it treats
// other ambiguities: where it may stand for several letters (0 for O, D or
// Q; 1 for I or L), the candidate is ambiguous and lists each letter as an
// alternative. By default Find applies the letter OCR most often reads as
// that digit (0 O, 1 I, 2 Z, 4 A, 5 S, 6 G, 7 T, 8 B), as a correction
// whose Reason includes ReasonUnverified. FindScored ignores it: its
// scores say which letter is likelier.
func WithStrictNames() Option { return Option{set: setStrictNames} }

// findOptions are the options Find and FindScored read.
type findOptions struct {
	margin      float64
	strictNames bool
	ref         []Option // the reference date, for Parse
}

func readFindOptions(opts []Option) findOptions {
	o := findOptions{margin: defaultMargin}
	var ref field.Date
	for _, x := range opts {
		if x.margin != 0 {
			o.margin = x.margin
		}
		if x.set&setStrictNames != 0 {
			o.strictNames = true
		}
		if x.ref.IsFull() {
			ref = x.ref
		}
	}
	if !ref.IsFull() {
		ref = field.Today() // once for the whole call
	}
	o.ref = []Option{WithReferenceDate(ref)}
	return o
}
