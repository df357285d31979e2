package mrz

import (
	"time"

	"github.com/mrzkit/mrzkit/field"
)

// Option changes how Parse and Encode work. The zero Option changes
// nothing; options given later win.
type Option struct {
	ref      field.Date
	translit TranslitOption
	set      optionSet
	margin   float64 // Find, FindScored: see WithAmbiguityMargin
}

// WithRepair makes Parse read the input as Find does: it repairs what OCR
// commonly gets wrong, and returns the best candidate found (its
// corrections are in Document.Corrections). Without it, Parse is strict.
func WithRepair() Option { return Option{set: setRepair} }

type optionSet uint8

const (
	setTranslit optionSet = 1 << iota
	setZeroCheck
	setRepair
	setStrictNames // Find: see WithStrictNames
)

// options is the merged result of a list of Option.
type options struct {
	ref       field.Date
	translit  TranslitOption
	zeroCheck bool
}

func mergeOptions(opts []Option) options {
	var o options
	for _, x := range opts {
		if x.ref.IsFull() {
			o.ref = x.ref
		}
		if x.set&setTranslit != 0 {
			o.translit = x.translit
		}
		if x.set&setZeroCheck != 0 {
			o.zeroCheck = true
		}
	}
	if !o.ref.IsFull() {
		o.ref = field.Today()
	}
	return o
}

// WithTransliteration makes Encode transliterate names with the given
// alternative forms (see TranslitOption).
func WithTransliteration(t TranslitOption) Option { return Option{translit: t, set: setTranslit} }

// WithZeroCheckDigit makes Encode write '0' instead of '<' as the check
// digit of an empty TD3 personal number. ICAO allows both.
func WithZeroCheckDigit() Option { return Option{set: setZeroCheck} }

// WithReferenceDate sets the date against which two-digit years are given a
// century (default: today in the local time zone). A birth date becomes the
// latest date not after the reference; an expiry date the one in
// [reference - 50 years, reference + 50 years). Set it for reproducible
// results. A date that is not full is ignored.
func WithReferenceDate(d field.Date) Option { return Option{ref: d} }

// WithReferenceTime is WithReferenceDate for the date of t in t's location.
func WithReferenceTime(t time.Time) Option { return Option{ref: field.DateOf(t)} }
