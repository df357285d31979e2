package mrz

import (
	"time"

	"github.com/mrzkit/mrzkit/field"
)

// Option changes how Parse, Find and Encode work. The zero Option changes
// nothing. Options are applied in order, so that a later option overrides
// an earlier one of the same kind; options that do not concern a function
// are ignored by it (Encode ignores WithRepair, Parse ignores
// WithTransliteration).
type Option struct {
	ref      field.Date
	keys     refKeys // of ref, worked out when the option is made
	translit TranslitOption
	set      optionSet
	margin   float64 // Find, FindScored: see WithAmbiguityMargin
}

// optionSet holds the options given as flags. A flag option needs only a
// bit here and a With function: mergeOptions collects every bit given.
type optionSet uint32

const (
	setTranslit optionSet = 1 << iota // translit holds a choice
	setZeroCheck
	setRepair
	setStrictNames // Find: see WithStrictNames
)

// options is the merged result of a list of Option: the one place where
// options are resolved. Every entry point calls mergeOptions once.
type options struct {
	ref      field.Date // the reference date, today when none was given
	keys     refKeys    // ref's keys, when the option gave them (see refKeys.holds)
	translit TranslitOption
	set      optionSet // every flag given
	years    yearHints // set by Document.UnmarshalJSON only
}

// yearHints are the years a document's JSON gave its dates: a two-digit
// year ending like its hint takes the hint's century. 0 is no hint.
type yearHints struct{ birth, expiry, issue int16 }

// has reports whether the flag s was given.
func (o *options) has(s optionSet) bool { return o.set&s != 0 }

// mergeOptions resolves opts in order: a later reference date or
// transliteration choice replaces an earlier one, and flags accumulate.
func mergeOptions(opts []Option) options {
	var o options
	o.merge(opts)
	return o
}

// merge is mergeOptions into o, which must be the zero options.
func (o *options) merge(opts []Option) {
	for i := range opts {
		x := &opts[i]
		if x.ref.IsFull() {
			// Two plain copies: a tuple would go through a temporary
			// whose overlapping stores stall the loads that follow.
			o.ref = x.ref
			o.keys = x.keys
		}
		if x.set&setTranslit != 0 {
			o.translit = x.translit
		}
		o.set |= x.set
	}
	if !o.ref.IsFull() {
		o.ref = field.Today()
	}
}

// WithRepair makes Parse read the input as Find does: it repairs what OCR
// commonly gets wrong, and returns the best candidate found (its
// corrections are in Document.Corrections). Without it, Parse is strict.
// The other options given to Parse are passed on to Find, wherever they
// stand in the list.
func WithRepair() Option { return Option{set: setRepair} }

// WithTransliteration makes Encode transliterate names with the given
// alternative forms (see TranslitOption).
func WithTransliteration(t TranslitOption) Option { return Option{translit: t, set: setTranslit} }

// WithZeroCheckDigit makes Encode write '0' instead of '<' as the check
// digit of an empty TD3 personal number. ICAO allows both. (Fields read from
// a document keep the form it had: see Fields.ZeroCheckDigit.)
func WithZeroCheckDigit() Option { return Option{set: setZeroCheck} }

// WithReferenceDate sets the date against which two-digit years are given a
// century (default: today in the local time zone). A birth date becomes the
// latest date not after the reference; an expiry date the one in
// [reference - 50 years, reference + 50 years). Set it for reproducible
// results. A date that is not full is ignored.
func WithReferenceDate(d field.Date) Option { return Option{ref: d, keys: keysOf(d)} }

// WithReferenceTime is WithReferenceDate for the date of t in t's location.
func WithReferenceTime(t time.Time) Option { return WithReferenceDate(field.DateOf(t)) }
