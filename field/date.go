package field

import (
	"errors"
	"time"
)

// Date is a calendar date without a time of day or a location, such as a date
// of birth or of expiry. It is a small value type, comparable with ==.
//
// A Date may be partial: ICAO Doc 9303 lets a document print an unknown
// part of a birth date (year, month or day) as fillers. A partial date
// reports IsPartial and returns 0 for its unknown parts. Its text form uses
// the ISO 8601-2 (EDTF) "X" notation for unknown digits, e.g. "1974-XX-XX".
//
// The zero Date is "no date": IsZero reports true and it marshals to JSON null.
type Date struct {
	year  int16 // 0 when unknown
	month uint8 // 0 when unknown
	day   uint8 // 0 when unknown
	set   bool  // false only for the zero Date
}

// ErrInvalidDate is returned (wrapped) when a date is impossible or malformed.
var ErrInvalidDate = errors.New("invalid date")

// dateError describes why a date is invalid without repeating the date.
type dateError struct{ reason string }

func (e *dateError) Error() string { return "invalid date: " + e.reason }
func (e *dateError) Unwrap() error { return ErrInvalidDate }

// NewDate returns the full date year-month-day. It fails when the date does
// not exist (month 13, 30 February) or the year is outside 1..9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 {
		return Date{}, &dateError{"year out of range"}
	}
	return PartialDate(year, month, day)
}

// PartialDate returns a date of which any part may be unknown, given as 0.
// The known parts must be in range: a month in 1..12, a day that exists in
// that month (29 February needs a leap year when the year is known). A date
// with every part unknown is a valid, fully unknown date (not the zero Date).
func PartialDate(year int, month time.Month, day int) (Date, error) {
	if year < 0 || year > 9999 {
		return Date{}, &dateError{"year out of range"}
	}
	if month < 0 || month > 12 {
		return Date{}, &dateError{"month out of range"}
	}
	if day < 0 || day > 31 {
		return Date{}, &dateError{"day out of range"}
	}
	if day > 0 && month > 0 && day > DaysIn(year, month) {
		return Date{}, &dateError{"day out of range"}
	}
	return Date{year: int16(year), month: uint8(month), day: uint8(day), set: true}, nil
}

// MustDate is like NewDate but panics on an invalid date. It is meant for
// constants in tests and examples.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic("field.MustDate: " + err.Error())
	}
	return d
}

// DaysIn returns the number of days of month in year. When year is 0
// (unknown) February has 29 days.
func DaysIn(year int, month time.Month) int {
	switch month {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if year == 0 || (year%4 == 0 && (year%100 != 0 || year%400 == 0)) {
			return 29
		}
		return 28
	}
	return 31
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return Date{}
	}
	return Date{year: int16(y), month: uint8(m), day: uint8(d), set: true}
}

// Today returns the current date in the local time zone.
func Today() Date { return DateOf(time.Now()) }

// Year returns the year, or 0 when it is unknown.
func (d Date) Year() int { return int(d.year) }

// Month returns the month, or 0 when it is unknown.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns the day of the month, or 0 when it is unknown.
func (d Date) Day() int { return int(d.day) }

// IsZero reports whether d is the zero Date (no date at all).
func (d Date) IsZero() bool { return !d.set }

// IsPartial reports whether some part of d is unknown. The zero Date is not
// partial.
func (d Date) IsPartial() bool { return d.set && (d.year == 0 || d.month == 0 || d.day == 0) }

// IsFull reports whether d is a complete calendar date.
func (d Date) IsFull() bool { return d.set && d.year != 0 && d.month != 0 && d.day != 0 }

// Time returns midnight UTC at the start of d, and false when d is not a full
// date.
func (d Date) Time() (time.Time, bool) {
	if !d.IsFull() {
		return time.Time{}, false
	}
	return time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, time.UTC), true
}

// key orders dates; unknown parts sort first.
func (d Date) key() int { return int(d.year)*10000 + int(d.month)*100 + int(d.day) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e. Unknown
// parts compare as 0 (before every known value); the zero Date sorts first.
func (d Date) Compare(e Date) int {
	switch a, b := d.key(), e.key(); {
	case !d.set && !e.set:
		return 0
	case !d.set:
		return -1
	case !e.set:
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e (see Compare).
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e (see Compare).
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddYears returns d moved by n years; 29 February becomes 28 February in a
// year that is not a leap year. Partial and zero dates are returned as they are.
func (d Date) AddYears(n int) Date {
	if !d.IsFull() {
		return d
	}
	y := int(d.year) + n
	if y < 1 || y > 9999 {
		return Date{}
	}
	day := int(d.day)
	if m := time.Month(d.month); day > DaysIn(y, m) {
		day = DaysIn(y, m)
	}
	return Date{year: int16(y), month: d.month, day: uint8(day), set: true}
}

// String returns the date as YYYY-MM-DD, with X for unknown digits
// ("1974-XX-XX"), or "" for the zero Date.
func (d Date) String() string {
	if !d.set {
		return ""
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

// AppendText implements encoding.TextAppender.
func (d Date) AppendText(b []byte) ([]byte, error) {
	if !d.set {
		return b, nil
	}
	return d.appendTo(b), nil
}

func (d Date) appendTo(b []byte) []byte {
	if d.year == 0 {
		b = append(b, "XXXX"...)
	} else {
		y := int(d.year)
		b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	}
	b = append(b, '-')
	b = append2(b, int(d.month))
	b = append(b, '-')
	return append2(b, int(d.day))
}

func append2(b []byte, v int) []byte {
	if v == 0 {
		return append(b, 'X', 'X')
	}
	return append(b, byte('0'+v/10), byte('0'+v%10))
}

// MarshalText implements encoding.TextMarshaler (see String).
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler (see ParseDate). Empty
// text gives the zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON encodes the date as a JSON string, or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if !d.set {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 12)
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON decodes a JSON string (see ParseDate) or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return &dateError{"not a JSON string"}
	}
	return d.UnmarshalText(b[1 : len(b)-1])
}

// ParseDate parses YYYY-MM-DD. Unknown parts may be written with X
// ("1974-XX-XX", "XXXX-08-12"), as String writes them.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &dateError{"want YYYY-MM-DD"}
	}
	y, ok1 := digitsOrX(s[0:4])
	m, ok2 := digitsOrX(s[5:7])
	dd, ok3 := digitsOrX(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &dateError{"want YYYY-MM-DD"}
	}
	if y == 0 && s[0] != 'X' {
		return Date{}, &dateError{"year out of range"}
	}
	if (m == 0 && s[5] != 'X') || (dd == 0 && s[8] != 'X') {
		return Date{}, &dateError{"month or day out of range"}
	}
	return PartialDate(y, time.Month(m), dd)
}

// MustParseDate is like ParseDate but panics on error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic("field.MustParseDate: " + err.Error())
	}
	return d
}

// digitsOrX parses a run of decimal digits, or a run of X meaning unknown (0).
func digitsOrX(s string) (int, bool) {
	allX := true
	for i := 0; i < len(s); i++ {
		if s[i] != 'X' {
			allX = false
			break
		}
	}
	if allX {
		return 0, true
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}
