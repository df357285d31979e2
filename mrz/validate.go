package mrz

import (
	"time"

	"github.com/mrzkit/mrzkit/field"
)

// validate reads every field of d.raw and records the outcome of every check.
// digits has bit i set when line i+1 holds a digit.
func (d *Document) validate(ref field.Date, digits uint8) {
	l := d.lay
	d.opt = l.f[fOptional]
	d.checkCode()
	if sp := l.f[fIssuing]; sp.n > 0 {
		d.issuing = d.country(sp, FieldIssuingState)
	}
	if sp := l.f[fNationality]; sp.n > 0 {
		d.nationality = d.country(sp, FieldNationality)
	}
	if sp := l.f[fBirth]; sp.n > 0 {
		d.birth = d.date(sp, FieldBirthDate, true, ref, true)
	}
	if sp := l.f[fExpiry]; sp.n > 0 {
		d.expiry = d.date(sp, FieldExpiryDate, false, ref, false)
	}
	if sp := l.f[fSex]; sp.n > 0 {
		if s, ok := field.SexFromMRZ(d.raw[sp.off]); ok {
			d.sex = s
		} else {
			d.fail(FieldSex, int(sp.off), ErrSex, "want M, F, X or <")
		}
	}
	if sp := l.f[fIssueDate]; sp.n > 0 {
		d.issue = d.date(sp, FieldIssueDate, true, ref, false)
	}
	for _, id := range [...]fieldID{fName, fSurname, fGiven} {
		if sp := l.f[id]; sp.n > 0 {
			if line, _ := l.position(int(sp.off)); digits&(1<<(line-1)) != 0 {
				d.letters(sp, FieldHolderName)
			}
		}
	}
	d.runChecks(l.checks)
	if l.format == TD1 {
		d.dutchBSN()
	}
	if l.format == SwissDrivingLicence {
		d.checkSwissDL()
	}
}

// dutchBSN verifies the citizen service number of Dutch TD1 cards: line 1
// positions 16-24, with its own check digit at position 30 over 16-29. It
// applies when the issuing state is NLD and position 30 is a digit.
func (d *Document) dutchBSN() {
	const cdPos = 29
	if d.raw[2:5] != "NLD" || !isDigit(d.raw[cdPos]) {
		return
	}
	d.flags |= flagBSN
	sum, _ := checkSum(d.raw, span{15, 14}, 0, 0)
	if d.raw[cdPos] == byte('0'+sum%10) {
		d.status[CheckBSN] = CheckPassed
	} else {
		d.status[CheckBSN] = CheckFailed
		d.fail(FieldBSN, cdPos, ErrCheckDigit, "")
	}
}

// checkSwissDL checks the fixed characters of a Swiss driving licence, which
// has no check digits.
func (d *Document) checkSwissDL() {
	r := d.raw
	need := func(name FieldName, off, n int, ok func(c byte) bool, detail string) {
		for i := off; i < off+n; i++ {
			if !ok(r[i]) {
				d.fail(name, i, ErrCharacter, detail)
				return
			}
		}
	}
	filler := func(c byte) bool { return c == '<' }
	alnum := func(c byte) bool { return isDigit(c) || isLetter(c) }
	l2 := 10 // offset of line 2
	need(FieldDocumentNumber, 0, 3, alnum, "want letters or digits")
	need(FieldDocumentNumber, 3, 3, isDigit, "want digits")
	need(FieldLanguage, 6, 1, func(c byte) bool { return c == 'D' || c == 'F' || c == 'I' || c == 'R' }, "want D, F, I or R")
	need(FieldFiller, 7, 2, filler, "want <<")
	if s := r[l2+2 : l2+5]; s != "CHE" && s != "LIE" {
		if _, known := field.LookupCountry(s); known { // unknown codes are reported already
			d.fail(FieldIssuingState, l2+2, ErrCountry, "want CHE or LIE")
		}
	}
	need(FieldPIN, l2+5, 9, isDigit, "want digits")
	need(FieldVersion, l2+14, 3, isDigit, "want digits")
	need(FieldFiller, l2+17, 2, filler, "want <<")
	need(FieldFiller, l2+25, 5, filler, "want <<<<<")
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
	if !codeAllowed(d.lay.format, d.raw[sp.off], d.raw[sp.off+1]) {
		d.fail(FieldDocumentCode, int(sp.off), ErrDocumentCode, "not allowed for "+d.lay.format.String())
	}
}

// codeAllowed reports whether a document code c0 c1 is allowed in format f.
func codeAllowed(f Format, c0, c1 byte) bool {
	ok := false
	switch f {
	case TD1:
		ok = c0 == 'A' || c0 == 'C' || c0 == 'I'
	case TD2:
		ok = c0 == 'A' || c0 == 'C' || c0 == 'I' || (c0 == 'P' && c1 == 'U')
	case TD3:
		ok = c0 == 'P'
	case MRVA, MRVB:
		ok = c0 == 'V'
	case FrenchID:
		ok = c0 == 'I' && c1 == 'D'
	case SwissDrivingLicence:
		ok = c0 == 'F' && c1 == 'A'
	case FrenchDrivingLicence:
		return c0 == 'D' && c1 == '1' // the digit is part of the code
	}
	return ok && !isDigit(c1)
}

// country reads a three-character country field.
func (d *Document) country(sp span, name FieldName) field.Country {
	r := d.raw[sp.off:sp.end()]
	c, ok := field.CountryFromMRZ(r[0], r[1], r[2])
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

// date reads a YYMMDD field. past chooses the century of a birth or issue
// date (the latest not after ref), otherwise that of an expiry date (in
// [ref-50y, ref+50y)). partial allows "<<" for unknown parts.
func (d *Document) date(sp span, name FieldName, past bool, ref field.Date, partial bool) field.Date {
	v := [3]int{-1, -1, -1}
	for i := 0; i < int(sp.n)/2; i++ {
		a, b := d.raw[int(sp.off)+2*i], d.raw[int(sp.off)+2*i+1]
		switch {
		case isDigit(a) && isDigit(b):
			v[i] = int(a-'0')*10 + int(b-'0')
		case partial && a == '<' && b == '<':
			v[i] = -1
		default:
			off := int(sp.off) + 2*i
			if isDigit(a) {
				off++
			}
			d.fail(name, off, ErrDate, "non-digit character")
			return field.Date{}
		}
	}
	yy, mm, dd := v[0], v[1], v[2]
	if mm == 0 || mm > 12 {
		d.fail(name, int(sp.off), ErrDate, "month out of range")
		return field.Date{}
	}
	if dd == 0 || dd > 31 || (dd < 0 && sp.n == 6 && !partial) {
		d.fail(name, int(sp.off), ErrDate, "day out of range")
		return field.Date{}
	}
	m, day := max(mm, 0), max(dd, 0)
	year := 0
	if yy >= 0 {
		if past {
			year = pastYear(yy, m, day, ref)
		} else {
			year = windowYear(yy, m, day, ref)
		}
	}
	if day > 0 && m > 0 && day > field.DaysIn(year, time.Month(m)) {
		d.fail(name, int(sp.off), ErrDate, "day out of range")
		return field.Date{}
	}
	t, err := field.PartialDate(year, time.Month(m), day)
	if err != nil {
		d.fail(name, int(sp.off), ErrDate, "out of range")
		return field.Date{}
	}
	return t
}

// pastYear returns the latest year ending in yy such that the date is not
// after ref. Unknown month or day (0) compare as not after.
func pastYear(yy, m, day int, ref field.Date) int {
	ry := ref.Year()
	y := ry - (ry%100-yy+100)%100
	if y == ry && m > 0 {
		rm := int(ref.Month())
		if m > rm || (m == rm && day > ref.Day()) {
			y -= 100
		}
	}
	return y
}

// windowYear returns the year ending in yy that puts the date in
// [ref-50y, ref+50y).
func windowYear(yy, m, day int, ref field.Date) int {
	// lo is ref - 50 years (29 February becoming 28 February).
	ly, lm, ld := ref.Year()-50, int(ref.Month()), ref.Day()
	if lm == 2 && ld == 29 && field.DaysIn(ly, 2) == 28 {
		ld = 28
	}
	y := ly + (yy-ly%100+100)%100
	if y == ly && (m < lm || (m == lm && day < ld)) {
		y += 100
	}
	return y
}

// runChecks verifies every check digit of the layout.
func (d *Document) runChecks(checks []checkDef) {
	raw := d.raw
	for i := range checks {
		c := &checks[i]
		cd := raw[c.pos]
		if cd == '<' {
			switch {
			case c.id == CheckDocumentNumber && (d.lay.format == TD1 || d.lay.format == TD2) && d.longNumber(c):
				continue
			case (c.id == CheckOptionalData || c.id == CheckBirthDate) && allFillers(raw, c.segs[0]):
				// ICAO: an empty personal number, or an unknown birth date,
				// may carry '<' as its check digit.
				d.status[c.id] = CheckPassed
				continue
			}
		}
		sum, w := 0, 0
		for _, sg := range c.segs {
			sum, w = checkSum(raw, sg, sum, w)
		}
		if cd == byte('0'+sum%10) {
			d.status[c.id] = CheckPassed
		} else {
			d.status[c.id] = CheckFailed
			d.fail(c.id.field(), int(c.pos), ErrCheckDigit, "")
		}
	}
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
