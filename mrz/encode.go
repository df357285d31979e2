package mrz

import (
	"errors"
	"strings"
)

// Encode writes the MRZ of f, with every check digit, and verifies it by
// parsing it back with the same options. Names are transliterated and, when
// they do not fit, truncated as ICAO 9303-4 4.2.3 says: the primary
// identifier keeps its place as long as "<<" and at least the first letter
// of the secondary identifier still fit; the secondary identifier takes what
// is left.
//
// A document number longer than 9 characters is written with the long number
// rule of TD1 and TD2. Dates must be readable back in the same century
// against the reference date (see WithReferenceDate): a birth date not after
// it, an expiry date within 50 years of it. An invalid field gives a
// *FieldError naming it; so does a name holding a character no
// transliteration table covers (unless WithTransliteration is given
// DropUncovered).
//
// The format's descriptor says what to write where: each field is written
// by its kind, then every check digit over the characters it covers.
func Encode(f Fields, opts ...Option) (Encoded, error) {
	o := mergeOptions(opts)
	l := layoutOf(f.Format)
	if l == nil {
		return Encoded{}, &FieldError{Field: FieldFormat, Kind: ErrFormat}
	}
	e := newEncoder(f, &o, l)
	e.writeFields()
	e.writeChecks()
	e.checkRules()
	if e.err != nil {
		return Encoded{}, e.err
	}
	out := Encoded{Lines: e.lines(), NameTruncated: e.truncated}
	if _, err := parse(string(e.buf), &o); err != nil {
		// A rule the writing does not cover: name the field the parser
		// names.
		var ve ValidationError
		if errors.As(err, &ve) && len(ve) > 0 {
			return Encoded{}, &FieldError{Field: ve[0].Field, Kind: ve[0].Kind, Detail: ve[0].Detail}
		}
		return Encoded{}, &FieldError{Field: FieldFormat, Kind: ErrFormat, Detail: "written MRZ does not parse"}
	}
	return out, nil
}

// encoder writes the fields of one MRZ into buf, laid out as raw (fillers,
// and '\n' between the lines); the first error sticks.
type encoder struct {
	f         Fields
	o         *options
	lay       *layout
	buf       []byte
	err       error
	truncated bool
	long      bool   // the document number is long: its tail is in tail
	tail      string // the rest of a long number and its check digit
}

func newEncoder(f Fields, o *options, l *layout) *encoder {
	buf := make([]byte, l.total()+int(l.nlines)-1)
	off := 0
	for i := range buf {
		buf[i] = '<'
	}
	for i := 0; i+1 < int(l.nlines); i++ {
		off += int(l.lens[i])
		buf[off] = '\n'
		off++
	}
	return &encoder{f: f, o: o, lay: l, buf: buf}
}

func (e *encoder) fail(name FieldName, kind error, detail string) {
	if e.err == nil {
		e.err = &FieldError{Field: name, Kind: kind, Detail: detail}
	}
}

// put writes s, at most the span's length, at the span.
func (e *encoder) put(sp span, s string) {
	copy(e.buf[sp.off:sp.end()], s)
}

// lines cuts buf into its lines.
func (e *encoder) lines() []string {
	return strings.Split(string(e.buf), "\n")
}

// writeFields writes every field of the layout but those inside another.
func (e *encoder) writeFields() {
	for _, fd := range e.lay.fields {
		if !fd.part {
			e.writeField(fd)
		}
	}
	if e.lay.bsn {
		e.writeBSN()
	}
}

// writeField writes one field by its kind.
func (e *encoder) writeField(fd fieldDef) {
	sp, name, n := fd.sp, fd.id.name(), int(fd.sp.n)
	switch fd.kind {
	case kCode:
		e.put(sp, e.code())
	case kCountry:
		v := e.f.IssuingState
		if fd.id == fNationality {
			v = e.f.Nationality
		}
		e.put(sp, e.country(name, v))
		if fd.id == fIssuing && e.lay.states != nil {
			e.checkState(string(e.buf[sp.off:sp.end()]))
		}
	case kBirth:
		e.put(sp, e.date(name, e.f.BirthDate, true, true, n))
	case kExpiry:
		e.put(sp, e.date(name, e.f.ExpiryDate, false, false, n))
	case kIssue:
		e.put(sp, e.date(name, e.f.IssueDate, true, false, n))
	case kSex:
		e.buf[sp.off] = e.f.Sex.MRZ()
	case kName:
		e.writeName(fd)
	case kLetters:
		e.put(sp, e.language())
	case kDigits:
		e.put(sp, e.digits(name, e.fieldText(fd.id), n))
	case kText:
		e.writeText(fd)
	}
}

// fieldText returns the value of a text field of Fields.
func (e *encoder) fieldText(id fieldID) string {
	switch id {
	case fOptional:
		return e.f.OptionalData
	case fOptional2:
		return e.f.OptionalData2
	case fAdmin:
		return e.f.AdministrativeCode
	case fPIN:
		return e.f.PIN
	case fVersion:
		return e.f.Version
	}
	return ""
}

// writeText writes a field of letters, digits and fillers: the document
// number, the optional data and the FR-CNI administrative code.
func (e *encoder) writeText(fd fieldDef) {
	sp, n := fd.sp, int(fd.sp.n)
	switch {
	case fd.id == fNumber:
		e.writeNumber(sp)
	case fd.id == fOptional && e.long:
		e.put(sp, e.afterLongNumber(e.f.OptionalData, n))
	case fd.id == fOptional && e.lay.bsn && strings.TrimSpace(e.f.BSN) != "":
		// written with the BSN
	default:
		v := e.text(fd.id.name(), e.fieldText(fd.id), n, false)
		e.put(sp, v)
		if fd.id == fOptional && e.lay.bsn {
			e.checkNotBSN(v)
		}
	}
}

// writeNumber writes the document number; a long one (more than the
// field's 9 characters, where the layout allows it) as its first 9, with
// the rest and its check digit kept for the optional data.
func (e *encoder) writeNumber(sp span) {
	n := int(sp.n)
	limit := n
	if e.lay.longNumber {
		limit = n + int(e.lay.f[fOptional].n) - 1
	}
	num := strings.TrimRight(e.text(FieldDocumentNumber, strings.TrimSpace(e.f.DocumentNumber), limit, true), "<")
	if num == "" {
		e.fail(FieldDocumentNumber, ErrMissing, "")
		return
	}
	if len(num) <= n {
		e.put(sp, num)
		return
	}
	if strings.Contains(num, "<") {
		e.fail(FieldDocumentNumber, ErrCharacter, "a long number cannot hold '<'")
		return
	}
	e.put(sp, num[:n])
	e.long = true
	covered := num
	if e.f.FillerVariant {
		covered = num[:n] + "<" + num[n:]
	}
	e.tail = num[n:] + cdOf(covered)
}

// afterLongNumber returns the optional data field of n characters that
// starts with the tail of a long document number and its check digit.
func (e *encoder) afterLongNumber(opt string, n int) string {
	rest := strings.TrimRight(e.text(FieldOptionalData, opt, n, false), "<")
	if rest == "" {
		if len(e.tail) > n {
			e.fail(FieldDocumentNumber, ErrFieldLength, "too long for the optional data")
			return ""
		}
		return e.tail
	}
	if len(e.tail)+1+len(rest) > n {
		e.fail(FieldOptionalData, ErrFieldLength, "no room after the long document number")
		return ""
	}
	return e.tail + "<" + rest
}

// writeBSN writes the citizen service number of a Dutch card, with the
// optional data between it and its check digit.
func (e *encoder) writeBSN() {
	bsn := strings.TrimSpace(e.f.BSN)
	if bsn == "" {
		return
	}
	if e.long {
		e.fail(FieldBSN, ErrFieldLength, "no room with a long document number")
	}
	if string(e.buf[2:5]) != "NLD" {
		e.fail(FieldBSN, ErrCountry, "a BSN needs issuing state NLD")
	}
	bsn = e.digits(FieldBSN, bsn, 9)
	if e.err == nil && !isBSN(bsn) {
		e.fail(FieldBSN, ErrCheckDigit, "fails the BSN 11-test")
	}
	mid := e.text(FieldOptionalData, e.f.OptionalData, 5, false)
	v := bsn + mid
	e.put(span{bsnOff, 15}, v+cdOf(v))
}

// checkNotBSN refuses optional data of a Dutch card that Parse would read
// as a BSN and its check digit.
func (e *encoder) checkNotBSN(opt string) {
	if len(opt) == 15 && isDigit(opt[14]) && string(e.buf[2:5]) == "NLD" && isBSN(opt[:9]) {
		e.fail(FieldOptionalData, ErrCharacter, "a BSN and a digit at line 1 position 30 of an NLD card are read as a BSN and its check digit")
	}
}

// writeChecks writes every check digit over what it covers, in the
// layout's order (the composite last, as it covers the others).
func (e *encoder) writeChecks() {
	for _, c := range e.lay.checks {
		if c.id == CheckDocumentNumber && e.long {
			continue // '<' stays; the tail carries the check digit
		}
		var sum, w int
		for _, sg := range c.segs {
			sum, w = weightedSum(string(e.buf[sg.off:sg.end()]), sum, w)
		}
		cd := byte('0' + sum%10)
		if c.id == CheckOptionalData && allFillers(string(e.buf), c.segs[0]) &&
			!e.o.has(setZeroCheck) && !e.f.ZeroCheckDigit {
			cd = '<'
		}
		e.buf[c.pos] = cd
	}
}

// checkRules checks the characters the layout fixes (CH-DL).
func (e *encoder) checkRules() {
	for i := range e.lay.rules {
		r := &e.lay.rules[i]
		for o := int(r.sp.off); o < r.sp.end(); o++ {
			if !r.allows(e.buf[o]) {
				e.fail(r.field, ErrCharacter, r.detail)
				break
			}
		}
	}
}

// checkState refuses an issuing state the layout does not allow.
func (e *encoder) checkState(s string) {
	for _, st := range e.lay.states {
		if s == st {
			return
		}
	}
	e.fail(FieldIssuingState, ErrCountry, "want "+joinOr(e.lay.states))
}

func cdOf(parts ...string) string {
	sum, w := 0, 0
	for _, p := range parts {
		sum, w = weightedSum(p, sum, w)
	}
	return string(rune('0' + sum%10))
}
