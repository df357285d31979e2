package mrz

import (
	"strconv"
	"strings"

	"github.com/mrzkit/mrzkit/field"
)

// pad fills s with '<' to n characters.
func pad(s string, n int) string {
	if len(s) >= n {
		return s[:n]
	}
	return s + strings.Repeat("<", n-len(s))
}

// text checks and upper-cases a code, number or optional field: A-Z, 0-9
// and '<' only, at most n characters.
func (e *encoder) text(name FieldName, s string, n int, required bool) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" && required {
		e.fail(name, ErrMissing, "")
		return pad("", n)
	}
	for i := 0; i < len(s); i++ {
		if charClass[s[i]]&classInvalid != 0 {
			e.fail(name, ErrCharacter, "want A-Z, 0-9 or <, at character "+strconv.Itoa(i+1))
			return pad("", n)
		}
	}
	if len(s) > n {
		e.fail(name, ErrFieldLength, "at most "+strconv.Itoa(n)+" characters")
		return pad("", n)
	}
	return pad(s, n)
}

// digits checks a field of exactly n digits.
func (e *encoder) digits(name FieldName, s string, n int) string {
	if len(s) != n {
		e.fail(name, ErrFieldLength, "want "+strconv.Itoa(n)+" digits")
		return pad("", n)
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			e.fail(name, ErrCharacter, "want digits")
			return pad("", n)
		}
	}
	return s
}

// code returns the document code, by default the layout's, and checks it
// is allowed for the format.
func (e *encoder) code() string {
	c := strings.ToUpper(strings.TrimSpace(e.f.DocumentCode))
	if c == "" {
		c = e.lay.defCode
	}
	c = e.text(FieldDocumentCode, c, 2, true)
	if e.err == nil && !e.lay.codeOK(c[0], c[1]) {
		e.fail(FieldDocumentCode, ErrDocumentCode, "not allowed for "+e.f.Format.String())
	}
	return c
}

// country writes a country code as its three MRZ characters.
func (e *encoder) country(name FieldName, code string) string {
	code = strings.TrimSpace(code)
	if code == "" {
		e.fail(name, ErrMissing, "")
		return "<<<"
	}
	c, err := field.ParseCountry(code)
	if err != nil {
		e.fail(name, ErrCountry, "")
		return "<<<"
	}
	return c.MRZ()
}

// date writes YYMMDD (or YYMM when n is 4), with "<<" for unknown parts of a
// partial date when partial is allowed, and checks that the century reads
// back the same.
func (e *encoder) date(name FieldName, d field.Date, past, partial bool, n int) string {
	if d.IsZero() {
		e.fail(name, ErrMissing, "")
		return pad("", n)
	}
	if d.IsPartial() && !partial && (n == 6 || d.Year() == 0 || d.Month() == 0) {
		e.fail(name, ErrDate, "partial date not allowed here")
		return pad("", n)
	}
	two := func(v int) string {
		if v == 0 {
			return "<<"
		}
		return string([]byte{byte('0' + v/10), byte('0' + v%10)})
	}
	y, m, day := d.Year(), int(d.Month()), d.Day()
	s := ""
	if y == 0 {
		s = "<<"
	} else {
		s = string([]byte{byte('0' + y%100/10), byte('0' + y%10)})
		var back int
		if past {
			back = pastYear(y%100, m, day, e.o.ref)
		} else {
			back = windowYear(y%100, m, day, e.o.ref)
		}
		if back != y {
			rule := "an expiry date must be within 50 years of the reference date"
			if past {
				rule = "must not be after the reference date, nor 100 years before it"
			}
			e.fail(name, ErrDate, "not representable: "+rule)
		}
	}
	s += two(m)
	if n == 6 {
		s += two(day)
	}
	return s
}

// translit transliterates one name part.
func (e *encoder) translit(name FieldName, s string) string {
	t, err := Transliterate(s, e.o.translit)
	if err != nil {
		fe := err.(*FieldError)
		e.fail(name, fe.Kind, fe.Detail)
		return ""
	}
	return t
}

// names returns the transliterated surname and given names (joined by sep).
func (e *encoder) names(sep string) (string, string) {
	sur := e.translit(FieldSurname, e.f.Surname)
	var given []string
	for _, g := range e.f.GivenNames {
		if t := e.translit(FieldGivenNames, g); t != "" {
			given = append(given, t)
		}
	}
	return sur, strings.Join(given, sep)
}

// writeName writes a name field: the ICAO name field, or a national
// surname or given names field.
func (e *encoder) writeName(fd fieldDef) {
	n := int(fd.sp.n)
	switch fd.id {
	case fName:
		e.put(fd.sp, e.nameField(n))
	case fSurname:
		sur := e.translit(FieldSurname, e.f.Surname)
		if sur == "" {
			e.fail(FieldSurname, ErrMissing, "")
		}
		e.put(fd.sp, e.cut(sur, n))
	case fGiven:
		var given []string
		for _, g := range e.f.GivenNames {
			if t := e.translit(FieldGivenNames, g); t != "" {
				given = append(given, t)
			}
		}
		e.put(fd.sp, e.cut(strings.Join(given, "<<"), n))
	}
}

// language writes the language of a Swiss driving licence.
func (e *encoder) language() string {
	lang := strings.ToUpper(strings.TrimSpace(e.f.Language))
	if lang != "D" && lang != "F" && lang != "I" && lang != "R" {
		e.fail(FieldLanguage, ErrCharacter, "want D, F, I or R")
		return "<"
	}
	return lang
}

// nameField writes the ICAO name field PRIMARY<<SECONDARY in n characters,
// truncating as ICAO 9303-4 4.2.3 says.
func (e *encoder) nameField(n int) string {
	p, s := e.names("<")
	if p == "" && s == "" {
		e.fail(FieldSurname, ErrMissing, "")
		return pad("", n)
	}
	full := p
	if s != "" {
		full = p + "<<" + s
	}
	if len(full) <= n {
		return pad(full, n)
	}
	e.truncated = true
	if s == "" {
		return strings.TrimRight(p[:n], "<") + strings.Repeat("<", n-len(strings.TrimRight(p[:n], "<")))
	}
	if maxP := n - 3; len(p) > maxP {
		p = strings.TrimRight(p[:maxP], "<")
	}
	rest := n - len(p) - 2
	s = strings.TrimRight(s[:min(rest, len(s))], "<")
	return pad(p+"<<"+s, n)
}

// cut truncates a national surname or given names field.
func (e *encoder) cut(s string, n int) string {
	if len(s) > n {
		e.truncated = true
		s = strings.TrimRight(s[:n], "<")
	}
	return pad(s, n)
}
