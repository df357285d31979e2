package mrz

import "github.com/mrzkit/mrzkit/field"

// countryIndex maps the three characters of an MRZ country field straight
// to its Country, and to the country's quoted name for the JSON: a letter,
// then two letters or fillers. It is built once from field's table and
// never changes; a lookup is one load where field.CountryFromMRZ searches.
var countryIndex, quotedCountry = func() (*[26 * 27 * 27]countryEntry, []string) {
	var t [26 * 27 * 27]countryEntry
	cs := field.Countries()
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = string(appendJSONString(nil, c.Name()))
		m := c.MRZ()
		if k, ok := countryKey(m[0], m[1], m[2]); ok {
			t[k] = countryEntry{c, uint16(i)}
		}
	}
	return &t, names
}()

// countryEntry is a Country and its index in field.Countries.
type countryEntry struct {
	c     field.Country
	order uint16
}

// countryKey returns the index of a code in countryIndex.
func countryKey(a, b, c byte) (int, bool) {
	x, y, z := countryLetter[a], countryLetter[b], countryLetter[c]
	if x >= 26 || y >= 27 || z >= 27 {
		return 0, false
	}
	return (int(x)*27+int(y))*27 + int(z), true
}

// countryLetter numbers A-Z 0-25 and '<' 26; every other byte is 0xff.
var countryLetter = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = uint8(c - 'A')
		case c == '<':
			t[c] = 26
		default:
			t[c] = 0xff
		}
	}
	return t
}()

// lookupCountry is field.CountryFromMRZ through countryIndex.
func lookupCountry(a, b, c byte) (field.Country, bool) {
	k, ok := countryKey(a, b, c)
	if !ok {
		return field.Country{}, false
	}
	v := countryIndex[k].c
	return v, !v.IsZero()
}

// appendCountryName appends the quoted name of the country whose MRZ code
// is s, or "" for an unknown code.
func appendCountryName(b []byte, s string) []byte {
	if k, ok := countryKey(s[0], s[1], s[2]); ok && !countryIndex[k].c.IsZero() {
		return append(b, quotedCountry[countryIndex[k].order]...)
	}
	return append(b, `""`...)
}
