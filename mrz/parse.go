package mrz

import (
	"strconv"
)

// MaxInputLen is the longest input Parse accepts, in bytes. Longer input is
// refused before it is scanned.
const MaxInputLen = 1024

// Parse reads one MRZ and validates it completely.
//
// The input is the MRZ lines separated by LF, CRLF or CR (as card readers
// send them), or one line holding every line of the MRZ run together (as
// the chip's data group 1 stores it): 88 characters for TD3 and MRV-A, 72
// for TD2, MRV-B and FR-CNI, 90 for TD1, 69 for CH-DL; the document code
// tells the formats of one length apart, as for separate lines. Spaces and
// tabs around each line and blank lines before and after the MRZ are
// ignored; nothing else is changed: a lowercase letter, a space inside a
// line or any other character outside A-Z, 0-9 and '<' is a syntax error.
// The lines and columns of a SyntaxError count the lines as given; those of
// a CheckError, and Position, count the MRZ lines (those cut from a
// run-together line too).
//
// The format is recognized by the number of lines, their length and the
// document code. When the input is not an MRZ, Parse returns the zero
// Document and a *SyntaxError. When it is one but some checks fail (check
// digits, dates, country codes, sex, document code, characters a field does
// not allow), Parse returns the Document as read together with a
// ValidationError listing every failure. Otherwise the error is nil.
//
// A valid MRZ given as its lines separated by LF, without surrounding
// whitespace, is parsed without allocating.
func Parse(s string, opts ...Option) (d Document, err error) {
	var o options
	o.merge(opts)
	if o.has(setRepair) {
		return parseRepair(s, opts)
	}
	err = parseInto(&d, s, &o)
	return d, err
}

// parse is Parse with its options resolved.
func parse(s string, o *options) (d Document, err error) {
	err = parseInto(&d, s, o)
	return d, err
}

// parseInto is parse into d, which must be the zero Document.
func parseInto(d *Document, s string, o *options) (err error) {
	if len(s) > MaxInputLen {
		return &SyntaxError{Kind: ErrInputTooLong, Detail: "more than " + strconv.Itoa(MaxInputLen) + " bytes"}
	}
	var sums [maxChecks]int
	// The fast path: LF-separated lines that need no change.
	if lay := quickLayout(s); lay != nil {
		if digits, ok := lay.scan(s, &sums); ok {
			d.raw, d.lay = s, lay
			if !d.validateFast(o, digits, &sums) {
				*d = Document{raw: s, lay: lay}
				d.validate(o, digits, &sums)
			}
			if d.errs != nil {
				return d.errs
			}
			return nil
		}
	}
	in, err := normalize(s)
	if err != nil {
		return err
	}
	lay, err := detect(in.raw, in.lens[:in.n])
	if err != nil {
		return err
	}
	digits, _ := lay.scan(in.raw, &sums) // normalize checked the characters
	d.raw, d.lay = in.raw, lay
	if !d.validateFast(o, digits, &sums) {
		*d = Document{raw: in.raw, lay: lay}
		d.validate(o, digits, &sums)
	}
	if d.errs != nil {
		return d.errs
	}
	return nil
}

// parseRepair is Parse with WithRepair: Find with the same options.
func parseRepair(s string, opts []Option) (Document, error) {
	// A copy, so that the options of a strict Parse stay on the stack.
	cs, err := Find(s, append([]Option(nil), opts...)...)
	if err != nil {
		return Document{}, err
	}
	if len(cs) == 0 {
		return Document{}, &SyntaxError{Kind: ErrLineCount, Detail: "no MRZ found"}
	}
	return cs[0].Document, cs[0].Err
}

// MustParse is like Parse but panics when the MRZ is malformed or invalid.
// It is meant for constants in tests and examples.
func MustParse(s string, opts ...Option) Document {
	d, err := Parse(s, opts...)
	if err != nil {
		panic(err)
	}
	return d
}
