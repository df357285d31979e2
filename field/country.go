package field

import (
	"errors"
	"strings"
)

// Country is a state or organization as an MRZ names it: an ISO 3166-1
// alpha-3 code, or one of the ICAO Doc 9303 codes that are not ISO (D for
// Germany, GBD, UNO, XXA, UTO, RKS, ...). It is a small comparable value; the
// zero Country is "no country".
//
// Lookups are exact: no aliases, no fuzzy matching of names.
type Country struct {
	idx uint16 // 1-based index into countryTable; 0 for the zero Country
}

type countryInfo struct {
	key                        uint32
	code, alpha3, alpha2, name string
}

// ErrUnknownCountry is returned when a code is not in the table.
var ErrUnknownCountry = errors.New("unknown country code")

// CountryFromMRZ looks up a three-character MRZ country field, such as
// "UTO" or "D<<". It does not allocate.
func CountryFromMRZ(a, b, c byte) (Country, bool) {
	k := uint32(a)<<16 | uint32(b)<<8 | uint32(c)
	lo, hi := 0, len(countryTable)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if countryTable[m].key < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(countryTable) && countryTable[lo].key == k {
		return Country{idx: uint16(lo + 1)}, true
	}
	return Country{}, false
}

// LookupCountry returns the country of an MRZ code, given with or without
// its trailing fillers ("D", "D<<", "UTO"). It is exact and case-sensitive:
// MRZ codes are upper case.
func LookupCountry(code string) (Country, bool) {
	if len(code) == 0 || len(code) > 3 {
		return Country{}, false
	}
	var b [3]byte
	for i := range b {
		b[i] = '<'
		if i < len(code) {
			b[i] = code[i]
		}
	}
	if b[0] == '<' {
		return Country{}, false
	}
	return CountryFromMRZ(b[0], b[1], b[2])
}

// ParseCountry parses an MRZ code (see LookupCountry), an ISO 3166-1 alpha-3
// or an alpha-2 code, ignoring case and surrounding spaces. An alpha-2 code
// gives the ISO country ("DE" gives DEU, not D).
func ParseCountry(s string) (Country, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if c, ok := LookupCountry(s); ok {
		return c, nil
	}
	if len(s) == 2 {
		for i := range countryTable {
			e := &countryTable[i]
			if e.alpha2 == s && e.alpha3 == e.code {
				return Country{idx: uint16(i + 1)}, nil
			}
		}
	}
	return Country{}, ErrUnknownCountry
}

// MustParseCountry is like ParseCountry but panics on error.
func MustParseCountry(s string) Country {
	c, err := ParseCountry(s)
	if err != nil {
		panic("field.MustParseCountry: " + err.Error())
	}
	return c
}

func (c Country) info() *countryInfo {
	if c.idx == 0 || int(c.idx) > len(countryTable) {
		return &countryInfo{}
	}
	return &countryTable[c.idx-1]
}

// IsZero reports whether c is the zero Country.
func (c Country) IsZero() bool { return c.idx == 0 }

// Code returns the code as the MRZ prints it, without fillers: "UTO", "D".
// Every country has one, ISO or not.
func (c Country) Code() string { return c.info().code }

// MRZ returns the code padded with fillers to three characters: "D<<".
func (c Country) MRZ() string {
	code := c.info().code
	if code == "" {
		return ""
	}
	return (code + "<<")[:3]
}

// Alpha3 returns the ISO 3166-1 alpha-3 code, or "" when the code has no ISO
// equivalent (UTO, XXA, GBD, ...). D gives "DEU". To print a country as the
// MRZ names it, use [Country.Code]; to store an ISO code where there is one
// and the MRZ code otherwise, [Country.ISOCode].
func (c Country) Alpha3() string { return c.info().alpha3 }

// Alpha2 returns the ISO 3166-1 alpha-2 code, or "" when there is none.
func (c Country) Alpha2() string { return c.info().alpha2 }

// Name returns an English name.
func (c Country) Name() string { return c.info().name }

// IsISO reports whether c has an ISO 3166-1 equivalent.
func (c Country) IsISO() bool { return c.info().alpha3 != "" }

// ISOCode returns the ISO 3166-1 alpha-3 code when there is one, and the MRZ
// code otherwise: what systems that want ISO codes should store.
func (c Country) ISOCode() string {
	if a := c.Alpha3(); a != "" {
		return a
	}
	return c.Code()
}

// String returns Code.
func (c Country) String() string { return c.Code() }

// MarshalText implements encoding.TextMarshaler: the MRZ code.
func (c Country) MarshalText() ([]byte, error) { return []byte(c.Code()), nil }

// UnmarshalText implements encoding.TextUnmarshaler (see ParseCountry). Empty
// text gives the zero Country.
func (c *Country) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Country{}
		return nil
	}
	v, err := ParseCountry(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Countries returns every code the table knows, in MRZ order.
func Countries() []Country {
	out := make([]Country, len(countryTable))
	for i := range out {
		out[i] = Country{idx: uint16(i + 1)}
	}
	return out
}
