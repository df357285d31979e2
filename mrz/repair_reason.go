package mrz

import (
	"errors"
	"strings"
)

// Reason says why Find or FindScored made a correction: one or more of the
// Reason constants (a character in the wrong case that was also a
// confusion is ReasonCase|ReasonCheckDigit). Its text, which String,
// MarshalText and the JSON output give, is the names of its reasons joined
// by "; ", in the order of the constants, such as "case; check digit".
type Reason uint32

// The reasons. The first group are safe normalizations of the text; the
// second repairs of one MRZ character into another; ReasonUnverified marks
// a repair no check digit confirms.
const (
	ReasonCase            Reason = 1 << iota // "case": a lower-case letter
	ReasonLookAlike                          // "filler look-alike": «, ‹, (, [ or { for '<'
	ReasonSpaceFiller                        // "space read as filler"
	ReasonSpaceRemoved                       // "space removed"
	ReasonStray                              // "stray character removed": punctuation at a line's ends
	ReasonBreakRestored                      // "line break restored": two lines glued together
	ReasonBreakRemoved                       // "line break removed": a line broken in two
	ReasonCarriageReturn                     // "carriage return read as line break"
	ReasonFillerPadded                       // "filler padded": a line short of its last fillers
	ReasonExtraFiller                        // "extra filler removed"
	ReasonBlankLine                          // "blank line removed"
	ReasonCheckDigit                         // "check digit": the check digits hold only with it
	ReasonDigitExpected                      // "digit expected": a letter where only a digit may stand
	ReasonLetterExpected                     // "letter expected": a digit where only a letter may stand
	ReasonCountryCode                        // "country code": into a known code
	ReasonFillerMisread                      // "filler misread": a K where only a digit, a sex or '<' may stand
	ReasonFillerExpected                     // "filler expected": a fixed filler
	ReasonFillerInPadding                    // "filler in padding": a K where only fillers may follow
	ReasonUnverified                         // "unverified": no check digit confirms the repair
	ReasonAsRead                             // "as read": an alternative that leaves a place as it was read
	reasonEnd
)

var reasonNames = [...]string{
	"case", "filler look-alike", "space read as filler", "space removed", "stray character removed",
	"line break restored", "line break removed", "carriage return read as line break", "filler padded",
	"extra filler removed", "blank line removed", "check digit", "digit expected", "letter expected",
	"country code", "filler misread", "filler expected", "filler in padding", "unverified", "as read",
}

// reasonRepairs are the reasons that change one MRZ character into
// another.
const reasonRepairs = ReasonCheckDigit | ReasonDigitExpected | ReasonLetterExpected | ReasonCountryCode |
	ReasonFillerMisread | ReasonFillerExpected | ReasonFillerInPadding

// Has reports whether r holds every reason of x.
func (r Reason) Has(x Reason) bool { return r&x == x }

// IsRepair reports whether r changes one MRZ character into another, as
// opposed to a normalization of the text around the MRZ's characters.
func (r Reason) IsRepair() bool { return r&reasonRepairs != 0 }

// String returns the names of the reasons, joined by "; ".
func (r Reason) String() string {
	var b strings.Builder
	for i, name := range reasonNames {
		if r&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteString("; ")
			}
			b.WriteString(name)
		}
	}
	return b.String()
}

// MarshalText implements encoding.TextMarshaler: the text of String.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: it reads what
// MarshalText writes, and fails for an unknown name.
func (r *Reason) UnmarshalText(b []byte) error {
	var v Reason
	if len(b) > 0 {
		for _, part := range strings.Split(string(b), "; ") {
			i := 0
			for i < len(reasonNames) && reasonNames[i] != part {
				i++
			}
			if i == len(reasonNames) {
				return errors.New("mrz: unknown correction reason")
			}
			v |= 1 << i
		}
	}
	*r = v
	return nil
}

// Verified reports whether a check digit confirms the correction: false
// for a repair (see Reason.IsRepair) at a position no check digit covers
// (names, country codes, the document code, sex, the optional data of a
// visa, a Swiss driving licence), or where another character the position
// allows would satisfy the check digits too; true for normalizations of
// the text and for a K read as a filler where only fillers may stand.
// Such a repair rests on what OCR most often confuses (or, in FindScored,
// on the reader's scores) alone: give the field less confidence.
func (c Correction) Verified() bool { return c.Reason&ReasonUnverified == 0 }
