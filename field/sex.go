package field

import (
	"errors"
	"strings"
)

// Sex is the sex of a document holder as an MRZ prints it.
//
// The zero Sex is SexUnknown: no value was given at all. SexUnspecified is
// the MRZ filler '<', which ICAO uses when the issuing state does not state
// a sex; SexX is the 'X' several states print.
type Sex uint8

// The values of Sex.
const (
	SexUnknown     Sex = iota // no value
	SexMale                   // 'M'
	SexFemale                 // 'F'
	SexX                      // 'X', printed by several states
	SexUnspecified            // '<' in the MRZ
)

// ErrInvalidSex is returned when a sex value is not recognized.
var ErrInvalidSex = errors.New("invalid sex")

// SexFromMRZ returns the Sex for an MRZ character: 'M', 'F', 'X' or '<'.
func SexFromMRZ(c byte) (Sex, bool) {
	switch c {
	case 'M':
		return SexMale, true
	case 'F':
		return SexFemale, true
	case 'X':
		return SexX, true
	case '<':
		return SexUnspecified, true
	}
	return SexUnknown, false
}

// ParseSex parses "M", "F", "X" or "<" and, ignoring case, "MALE", "FEMALE",
// "UNSPECIFIED" and "". The empty string gives SexUnknown.
func ParseSex(s string) (Sex, error) {
	s = strings.TrimSpace(s)
	if len(s) == 1 {
		c := s[0]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if v, ok := SexFromMRZ(c); ok {
			return v, nil
		}
		return SexUnknown, ErrInvalidSex
	}
	switch strings.ToUpper(s) {
	case "":
		return SexUnknown, nil
	case "MALE":
		return SexMale, nil
	case "FEMALE":
		return SexFemale, nil
	case "UNSPECIFIED":
		return SexUnspecified, nil
	}
	return SexUnknown, ErrInvalidSex
}

// MRZ returns the character an MRZ prints for s: 'M', 'F', 'X' or '<'
// (also '<' for SexUnknown).
func (s Sex) MRZ() byte {
	switch s {
	case SexMale:
		return 'M'
	case SexFemale:
		return 'F'
	case SexX:
		return 'X'
	}
	return '<'
}

// String returns "M", "F", "X", "<" or "" for SexUnknown.
func (s Sex) String() string {
	switch s {
	case SexMale:
		return "M"
	case SexFemale:
		return "F"
	case SexX:
		return "X"
	case SexUnspecified:
		return "<"
	}
	return ""
}

// IsZero reports whether s is SexUnknown.
func (s Sex) IsZero() bool { return s == SexUnknown }

// MarshalText implements encoding.TextMarshaler (see String).
func (s Sex) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler (see ParseSex).
func (s *Sex) UnmarshalText(b []byte) error {
	v, err := ParseSex(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
