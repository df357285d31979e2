package mrz

import (
	"github.com/mrzkit/mrzkit/field"
)

// validate reads every field of d.raw and records the outcome of every
// check, as the layout describes them. digits has bit i set when line i+1
// holds a digit; sums are the weighted sums of the layout's check digits.
// The options give the reference date and the year hints.
func (d *Document) validate(o *options, digits uint8, sums *[maxChecks]int) {
	l := d.lay
	v := &l.checked
	d.opt = l.f[fOptional]
	if v.code.n > 0 {
		d.checkCode()
	}
	if v.issuing.n > 0 {
		d.issuing = d.country(v.issuing, FieldIssuingState)
	}
	if v.nationality.n > 0 {
		d.nationality = d.country(v.nationality, FieldNationality)
	}
	for _, dt := range v.dates {
		switch dt.kind {
		case kBirth:
			d.birth = d.date(dt.sp, FieldBirthDate, true, o.ref, true, o.years.birth)
		case kExpiry:
			d.expiry = d.date(dt.sp, FieldExpiryDate, false, o.ref, false, o.years.expiry)
		default:
			d.issue = d.date(dt.sp, FieldIssueDate, true, o.ref, false, o.years.issue)
		}
	}
	if v.sex.n > 0 {
		if s, ok := field.SexFromMRZ(d.raw[v.sex.off]); ok {
			d.sex = s
		} else {
			d.fail(FieldSex, int(v.sex.off), ErrSex, "want M, F, X or <")
		}
	}
	for _, fd := range v.names {
		if digits&(1<<fd.line) != 0 {
			d.letters(fd.sp, FieldHolderName)
		}
	}
	for _, fd := range v.digits {
		d.digitsOnly(fd.sp, fd.id.name())
	}
	d.runChecks(sums)
	if l.bsn {
		d.dutchBSN()
	}
	if l.rules != nil || l.states != nil {
		d.checkRules()
	}
}

// validateFast is validate for an MRZ whose every check holds, and reports
// false, having changed some of d's fields, for any other: validate then
// starts again from a Document holding only raw and the layout, and finds
// what fails. It reads the same values as validate does, without the
// bookkeeping of failures. Layouts with character rules, issuing states
// or fields of digits (CH-DL), and documents whose dates come with year
// hints (UnmarshalJSON), always take validate.
func (d *Document) validateFast(o *options, digits uint8, sums *[maxChecks]int) bool {
	l := d.lay
	if !l.fast || digits&l.nameLines != 0 || o.years != (yearHints{}) {
		return false
	}
	raw := d.raw
	v := &l.checked
	if v.code.n > 0 && !l.codeOK(raw[v.code.off], raw[v.code.off+1]) {
		return false
	}
	if v.issuing.n > 0 {
		c, ok := lookupCountry(raw[v.issuing.off], raw[v.issuing.off+1], raw[v.issuing.off+2])
		if !ok {
			return false
		}
		d.issuing = c
	}
	if v.nationality.n > 0 {
		c, ok := lookupCountry(raw[v.nationality.off], raw[v.nationality.off+1], raw[v.nationality.off+2])
		if !ok {
			return false
		}
		d.nationality = c
	}
	if len(v.dates) > 0 {
		keys := &o.keys
		if !keys.holds(o.ref) {
			k := keysOf(o.ref)
			keys = &k
		}
		for _, dt := range v.dates {
			if dt.sp.n != 6 {
				return false
			}
			t, ok := d.dateFast(dt.sp.off, dt.kind != kExpiry, keys)
			if !ok {
				return false
			}
			switch dt.kind {
			case kBirth:
				d.birth = t
			case kExpiry:
				d.expiry = t
			default:
				d.issue = t
			}
		}
	}
	if v.sex.n > 0 {
		s, ok := field.SexFromMRZ(raw[v.sex.off])
		if !ok {
			return false
		}
		d.sex = s
	}
	for i := range l.checks {
		c := &l.checks[i]
		cd := raw[c.pos]
		if i < maxChecks && uint32(cd)-'0' == uint32(sums[i])%10 {
			continue
		}
		// An empty personal number, or an unknown birth date, with '<' as
		// its check digit (see fillerCheck; a long document number takes
		// validate).
		if cd == '<' && c.fillerOK && allFillers(raw, c.segs[0]) {
			continue
		}
		return false
	}
	d.status = l.passed
	d.opt = l.f[fOptional]
	if l.bsn {
		d.dutchBSN()
	}
	return true
}

// checkRules checks the characters and issuing states a layout fixes (the
// Swiss driving licence, which has no check digits).
func (d *Document) checkRules() {
	l := d.lay
	for i := range l.rules {
		r := &l.rules[i]
		for o := int(r.sp.off); o < r.sp.end(); o++ {
			if !r.allows(d.raw[o]) {
				d.fail(r.field, o, ErrCharacter, r.detail)
				break
			}
		}
	}
	if l.states == nil {
		return
	}
	sp := l.f[fIssuing]
	s := d.raw[sp.off:sp.end()]
	for _, st := range l.states {
		if s == st {
			return
		}
	}
	if !d.issuing.IsZero() { // unknown codes are reported already
		d.fail(FieldIssuingState, int(sp.off), ErrCountry, "want "+joinOr(l.states))
	}
}

// joinOr writes "A, B or C".
func joinOr(s []string) string {
	out := ""
	for i, x := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			out += " or "
		default:
			out += ", "
		}
		out += x
	}
	return out
}

// fail records a failed check at offset off of raw.
func (d *Document) fail(name FieldName, off int, kind error, detail string) {
	line, col := d.lay.position(off)
	e := &CheckError{Field: name, Line: line, Column: col, Kind: kind, Detail: detail}
	// keep d.errs ordered by position
	i := len(d.errs)
	for i > 0 && (d.errs[i-1].Line > line || (d.errs[i-1].Line == line && d.errs[i-1].Column > col)) {
		i--
	}
	d.errs = append(d.errs, nil)
	copy(d.errs[i+1:], d.errs[i:])
	d.errs[i] = e
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// checkCode checks the document code against the format.
func (d *Document) checkCode() {
	sp := d.lay.f[fCode]
	if !d.lay.codeOK(d.raw[sp.off], d.raw[sp.off+1]) {
		d.fail(FieldDocumentCode, int(sp.off), ErrDocumentCode, "not allowed for "+d.lay.format.String())
	}
}

// codeAllowed reports whether a document code c0 c1 is allowed in format f.
func codeAllowed(f Format, c0, c1 byte) bool {
	l := layoutOf(f)
	return l != nil && l.codeOK(c0, c1)
}

// country reads a three-character country field.
func (d *Document) country(sp span, name FieldName) field.Country {
	o := sp.off
	c, ok := lookupCountry(d.raw[o], d.raw[o+1], d.raw[o+2])
	if !ok {
		d.fail(name, int(sp.off), ErrCountry, "")
	}
	return c
}

// letters checks that a name field holds only letters and fillers.
func (d *Document) letters(sp span, name FieldName) {
	s := d.raw[sp.off:sp.end()]
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			d.fail(name, int(sp.off)+i, ErrCharacter, "digit in a name")
			return
		}
	}
}

// digitsOnly checks that a field holds only digits.
func (d *Document) digitsOnly(sp span, name FieldName) {
	for o := int(sp.off); o < sp.end(); o++ {
		if !isDigit(d.raw[o]) {
			d.fail(name, o, ErrCharacter, "want digits")
			return
		}
	}
}

// runChecks verifies every check digit of the layout, given the weighted
// sums of their segments.
func (d *Document) runChecks(sums *[maxChecks]int) {
	raw := d.raw
	checks := d.lay.checks
	for i := range checks {
		c := &checks[i]
		cd := raw[c.pos]
		if cd == '<' && d.fillerCheck(c) {
			continue
		}
		if i < maxChecks && c.id < numChecks && uint32(cd)-'0' == uint32(sums[i])%10 {
			d.status[c.id] = CheckPassed
			continue
		}
		d.status[c.id] = CheckFailed
		d.fail(c.id.field(), int(c.pos), ErrCheckDigit, "")
	}
}

// fillerCheck handles a check digit '<': a long document number (TD1,
// TD2), or an empty field whose check digit may be '<'. It reports whether
// it settled the check.
func (d *Document) fillerCheck(c *checkDef) bool {
	switch {
	case c.id == CheckDocumentNumber && d.lay.longNumber && d.longNumber(c):
		return true
	case c.fillerOK && allFillers(d.raw, c.segs[0]):
		// ICAO: an empty personal number, or an unknown birth date, may
		// carry '<' as its check digit.
		d.status[c.id] = CheckPassed
		return true
	}
	return false
}

func allFillers(raw string, sp span) bool {
	for i := int(sp.off); i < sp.end(); i++ {
		if raw[i] != '<' {
			return false
		}
	}
	return true
}

// longNumber handles a TD1 or TD2 document number longer than 9 characters
// (Doc 9303-5 and -6, note j): '<' in the check digit position, and the rest
// of the number followed by its check digit at the start of the optional
// data. It reports false when the optional data does not start that way.
func (d *Document) longNumber(c *checkDef) bool {
	raw := d.raw
	opt := d.lay.f[fOptional]
	k := 0
	for k < int(opt.n) && raw[int(opt.off)+k] != '<' {
		k++
	}
	if k < 2 {
		return false
	}
	tail := span{opt.off, uint8(k - 1)}
	cdPos := int(opt.off) + k - 1
	d.tail = tail
	d.flags |= flagLongNumber
	if k+1 >= int(opt.n) {
		d.opt = span{uint8(opt.end()), 0}
	} else {
		d.opt = span{opt.off + uint8(k+1), opt.n - uint8(k+1)}
	}
	principal := c.segs[0]
	sum, w := checkSum(raw, principal, 0, 0)
	sum, _ = checkSum(raw, tail, sum, w)
	if raw[cdPos] == byte('0'+sum%10) {
		d.status[c.id] = CheckPassed
		return true
	}
	// Belgian cards compute it over the '<' at the check digit position too.
	sum, w = checkSum(raw, principal, 0, 0)
	sum, w = checkSum(raw, span{c.pos, 1}, sum, w)
	sum, _ = checkSum(raw, tail, sum, w)
	if raw[cdPos] == byte('0'+sum%10) {
		d.status[c.id] = CheckPassed
		d.flags |= flagFillerVariant
		return true
	}
	d.status[c.id] = CheckFailed
	d.fail(c.id.field(), cdPos, ErrCheckDigit, "long document number")
	return true
}
