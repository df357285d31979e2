package mrz

import (
	"time"

	"github.com/mrzkit/mrzkit/field"
)

// date reads a YYMMDD (or YYMM) field. past chooses the century of a birth
// or issue date (the latest not after ref), otherwise that of an expiry date
// (in [ref-50y, ref+50y)). partial allows "<<" for unknown parts. A hint
// (a year, or 0) ending like the two digits gives their century instead.
func (d *Document) date(sp span, name FieldName, past bool, ref field.Date, partial bool, hint int16) field.Date {
	if sp.n == 6 {
		// The common case, a full date of six digits, in one go; anything
		// else, and every error, takes the slow path.
		r := d.raw[sp.off : int(sp.off)+6]
		y0, y1, m0, m1, d0, d1 := r[0]-'0', r[1]-'0', r[2]-'0', r[3]-'0', r[4]-'0', r[5]-'0'
		if y0 < 10 && y1 < 10 && m0 < 10 && m1 < 10 && d0 < 10 && d1 < 10 {
			yy, mm, dd := int(y0)*10+int(y1), int(m0)*10+int(m1), int(d0)*10+int(d1)
			if uint(mm-1) < 12 && uint(dd-1) < 31 {
				year := century(yy, mm, dd, past, ref, hint)
				if t, err := field.PartialDate(year, time.Month(mm), dd); err == nil && year > 0 {
					return t
				}
			}
		}
	}
	return d.dateSlow(sp, name, past, ref, partial, hint)
}

// refKeys are what the century of a full date needs of the reference
// date, worked out once a parse: a date of YYMMDD is compared as the
// number YYMMDD with the reference's (a birth or issue date) or with that
// of the reference less 50 years (an expiry date).
type refKeys struct {
	pastBase, pastKey int32      // the reference's century (2000) and YYMMDD within it
	winBase, winKey   int32      // the same of the reference less 50 years
	ref               field.Date // the reference they were worked out for
	ok                bool
}

// holds reports whether k holds the keys of ref.
func (k *refKeys) holds(ref field.Date) bool { return k.ok && k.ref == ref }

// keysOf returns the keys of ref, not ok when ref is too early for them
// (before the year 50: the window's start would not be positive).
func keysOf(ref field.Date) refKeys {
	ry, rm, rd := ref.Year(), int(ref.Month()), ref.Day()
	ly, ld := ry-50, rd
	if ly < 0 || !ref.IsFull() {
		return refKeys{}
	}
	if rm == 2 && rd == 29 && field.DaysIn(ly, 2) == 28 {
		ld = 28 // 29 February less 50 years is 28 February
	}
	return refKeys{
		pastBase: int32(ry - ry%100), pastKey: int32(ry%100*10000 + rm*100 + rd),
		winBase: int32(ly - ly%100), winKey: int32(ly%100*10000 + rm*100 + ld),
		ref: ref, ok: true,
	}
}

// dateFast reads the common case of a date field, six digits making a date
// without a hint for its century, with the keys of the reference: the
// latest such date not after it (past) or the one in the 100 years from the
// reference less 50 years. It reports false for anything else, which date
// reads.
func (d *Document) dateFast(off uint8, past bool, k *refKeys) (field.Date, bool) {
	r := d.raw[off:]
	if len(r) < 6 || !k.ok {
		return field.Date{}, false
	}
	r = r[:6]
	y0, y1, m0, m1, d0, d1 := r[0]-'0', r[1]-'0', r[2]-'0', r[3]-'0', r[4]-'0', r[5]-'0'
	if y0 > 9 || y1 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 {
		return field.Date{}, false
	}
	yy, mm, dd := int(y0)*10+int(y1), int(m0)*10+int(m1), int(d0)*10+int(d1)
	if uint(mm-1) >= 12 || uint(dd-1) >= 31 {
		return field.Date{}, false
	}
	key := yy*10000 + mm*100 + dd
	var year int
	if past {
		year = int(k.pastBase) + yy
		if key > int(k.pastKey) {
			year -= 100
		}
	} else {
		year = int(k.winBase) + yy
		if key < int(k.winKey) {
			year += 100
		}
	}
	t, err := field.PartialDate(year, time.Month(mm), dd)
	return t, err == nil && year > 0
}

// century returns the year ending in yy of a date, as date chooses it.
func century(yy, m, day int, past bool, ref field.Date, hint int16) int {
	if hint > 0 && int(hint)%100 == yy {
		return int(hint)
	}
	if past {
		return pastYear(yy, m, day, ref)
	}
	return windowYear(yy, m, day, ref)
}

// dateSlow is date for fields with unknown parts and for every error.
func (d *Document) dateSlow(sp span, name FieldName, past bool, ref field.Date, partial bool, hint int16) field.Date {
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
		year = century(yy, m, day, past, ref, hint)
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
