package mrz

import (
	"errors"
	"strconv"
	"strings"

	"github.com/mrzkit/mrzkit/field"
)

// Fields are the values an MRZ holds: what Encode writes and what
// Document.Fields returns. The JSON keys are those of `mrz parse --json`,
// plus format, so that the JSON of a parsed document can be written back.
//
// Names may be given in any script the ICAO tables cover: Encode
// transliterates them (see Transliterate). Codes and numbers are written in
// upper case; country codes may be MRZ codes ("D", "UTO") or ISO codes.
type Fields struct {
	Format         Format     `json:"format"`
	DocumentCode   string     `json:"document_code,omitempty"` // default: P, I, V, ID, FA or D1 by format
	IssuingState   string     `json:"issuing_state"`
	DocumentNumber string     `json:"document_number"`
	Nationality    string     `json:"nationality,omitempty"`
	Surname        string     `json:"surname"`
	GivenNames     []string   `json:"given_names,omitempty"`
	BirthDate      field.Date `json:"birth_date"` // may be partial
	Sex            field.Sex  `json:"sex,omitempty"`
	ExpiryDate     field.Date `json:"expiry_date"`
	OptionalData   string     `json:"optional_data,omitempty"`   // TD3: the personal number
	OptionalData2  string     `json:"optional_data_2,omitempty"` // TD1 line 2

	// National layouts.
	IssueDate          field.Date `json:"issue_date"`                    // FR-DL; FR-CNI takes it from the number
	AdministrativeCode string     `json:"administrative_code,omitempty"` // FR-CNI
	Language           string     `json:"language,omitempty"`            // CH-DL: D, F, I or R
	PIN                string     `json:"pin,omitempty"`                 // CH-DL: 9 digits
	Version            string     `json:"version,omitempty"`             // CH-DL: 3 digits
	BSN                string     `json:"bsn,omitempty"`                 // NLD TD1: 9 digits in line 1, 16-24
}

// Encoded is what Encode writes.
type Encoded struct {
	Lines []string
	// NameTruncated reports that a name did not fit its field and was
	// shortened (ICAO 9303-4 4.2.3 for the name field).
	NameTruncated bool
}

// String returns the lines joined by '\n'.
func (e Encoded) String() string { return strings.Join(e.Lines, "\n") }

// Fields returns the values of the document in the form Encode takes.
// Encoding them gives the same MRZ back for every valid document whose name
// fits its field and whose optional data holds only what the format puts
// there.
func (d Document) Fields() Fields {
	f := Fields{
		Format:             d.Format(),
		DocumentCode:       d.DocumentCode(),
		IssuingState:       d.IssuingStateCode(),
		DocumentNumber:     d.DocumentNumber(),
		Nationality:        d.NationalityCode(),
		Surname:            d.Surname(),
		GivenNames:         d.GivenNames(),
		BirthDate:          d.birth,
		Sex:                d.sex,
		ExpiryDate:         d.expiry,
		OptionalData:       d.OptionalData(),
		OptionalData2:      d.OptionalData2(),
		AdministrativeCode: d.AdministrativeCode(),
		Language:           d.Language(),
		PIN:                d.PIN(),
		Version:            d.Version(),
		BSN:                d.BSN(),
	}
	if d.Format() == FrenchDrivingLicence {
		f.IssueDate = d.issue
	}
	return f
}

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
// *FieldError naming it.
func Encode(f Fields, opts ...Option) (Encoded, error) {
	o := mergeOptions(opts)
	e := encoder{f: f, o: o}
	var lines []string
	switch f.Format {
	case TD1:
		lines = e.td1()
	case TD2, MRVB:
		lines = e.td2(f.Format)
	case TD3, MRVA:
		lines = e.td3(f.Format)
	case FrenchID:
		lines = e.frenchID()
	case SwissDrivingLicence:
		lines = e.swissDL()
	case FrenchDrivingLicence:
		lines = e.frenchDL()
	default:
		return Encoded{}, &FieldError{Field: FieldFormat, Kind: ErrFormat}
	}
	if e.err != nil {
		return Encoded{}, e.err
	}
	out := Encoded{Lines: lines, NameTruncated: e.truncated}
	if _, err := Parse(out.String(), opts...); err != nil {
		// A rule the checks above do not cover: name the field the parser
		// names.
		var ve ValidationError
		if errors.As(err, &ve) && len(ve) > 0 {
			return Encoded{}, &FieldError{Field: ve[0].Field, Kind: ve[0].Kind, Detail: ve[0].Detail}
		}
		return Encoded{}, &FieldError{Field: FieldFormat, Kind: ErrFormat, Detail: "written MRZ does not parse"}
	}
	return out, nil
}

// encoder writes the fields of one MRZ; the first error sticks.
type encoder struct {
	f         Fields
	o         options
	err       error
	truncated bool
}

func (e *encoder) fail(name FieldName, kind error, detail string) {
	if e.err == nil {
		e.err = &FieldError{Field: name, Kind: kind, Detail: detail}
	}
}

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

// code writes the document code, defaulting to def, and checks it is
// allowed for the format.
func (e *encoder) code(def string) string {
	c := strings.ToUpper(strings.TrimSpace(e.f.DocumentCode))
	if c == "" {
		c = def
	}
	c = e.text(FieldDocumentCode, c, 2, true)
	if e.err == nil && !codeAllowed(e.f.Format, c[0], c[1]) {
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

// sex writes the sex character.
func (e *encoder) sex() string { return string(e.f.Sex.MRZ()) }

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

func cdOf(parts ...string) string {
	sum, w := 0, 0
	for _, p := range parts {
		sum, w = weightedSum(p, sum, w)
	}
	return string(rune('0' + sum%10))
}

// number writes the document number: 9 characters and its check digit, or,
// for a longer number when long is true, the principal part, '<', and the
// tail with its check digit to put before the optional data.
func (e *encoder) number(long bool) (nine, cd, tail string) {
	num := strings.ToUpper(strings.TrimSpace(e.f.DocumentNumber))
	max := 9
	if long {
		max = 9 + 14
	}
	num = strings.TrimRight(e.text(FieldDocumentNumber, num, max, true), "<")
	if num == "" {
		e.fail(FieldDocumentNumber, ErrMissing, "")
	}
	if strings.Contains(num, "<") && len(num) > 9 {
		e.fail(FieldDocumentNumber, ErrCharacter, "a long number cannot hold '<'")
	}
	if len(num) <= 9 {
		nine = pad(num, 9)
		return nine, cdOf(nine), ""
	}
	return num[:9], "<", num[9:] + cdOf(num)
}

func (e *encoder) td3(f Format) []string {
	code := e.code(map[Format]string{TD3: "P", MRVA: "V"}[f])
	l1 := code + e.country(FieldIssuingState, e.f.IssuingState) + e.nameField(39)
	nine, ncd, _ := e.number(false)
	a := nine + ncd
	b := e.date(FieldBirthDate, e.f.BirthDate, true, true, 6)
	b += cdOf(b)
	c := e.date(FieldExpiryDate, e.f.ExpiryDate, false, false, 6)
	c += cdOf(c)
	nat := e.country(FieldNationality, e.f.Nationality)
	if f == MRVA {
		return []string{l1, a + nat + b + e.sex() + c + e.text(FieldOptionalData, e.f.OptionalData, 16, false)}
	}
	pn := e.text(FieldOptionalData, e.f.OptionalData, 14, false)
	pcd := cdOf(pn)
	if pn == strings.Repeat("<", 14) && !e.o.has(setZeroCheck) {
		pcd = "<"
	}
	l2 := a + nat + b + e.sex() + c + pn + pcd
	return []string{l1, l2 + cdOf(a, b, c, pn+pcd)}
}

func (e *encoder) td2(f Format) []string {
	code := e.code(map[Format]string{TD2: "I", MRVB: "V"}[f])
	l1 := code + e.country(FieldIssuingState, e.f.IssuingState) + e.nameField(31)
	nine, ncd, tail := e.number(f == TD2)
	b := e.date(FieldBirthDate, e.f.BirthDate, true, true, 6)
	b += cdOf(b)
	c := e.date(FieldExpiryDate, e.f.ExpiryDate, false, false, 6)
	c += cdOf(c)
	nat := e.country(FieldNationality, e.f.Nationality)
	if f == MRVB {
		return []string{l1, nine + ncd + nat + b + e.sex() + c + e.text(FieldOptionalData, e.f.OptionalData, 8, false)}
	}
	opt := e.longOptional(tail, e.f.OptionalData, 7)
	a := nine + ncd
	return []string{l1, a + nat + b + e.sex() + c + opt + cdOf(a, b, c, opt)}
}

// longOptional writes an optional data field of n characters that starts
// with the tail of a long document number, if any.
func (e *encoder) longOptional(tail, opt string, n int) string {
	if tail == "" {
		return e.text(FieldOptionalData, opt, n, false)
	}
	rest := strings.TrimRight(e.text(FieldOptionalData, opt, n, false), "<")
	if rest == "" {
		if len(tail) > n {
			e.fail(FieldDocumentNumber, ErrFieldLength, "too long for the optional data")
			return pad("", n)
		}
		return pad(tail, n)
	}
	if len(tail)+1+len(rest) > n {
		e.fail(FieldOptionalData, ErrFieldLength, "no room after the long document number")
		return pad("", n)
	}
	return pad(tail+"<"+rest, n)
}

func (e *encoder) td1() []string {
	code := e.code("I")
	state := e.country(FieldIssuingState, e.f.IssuingState)
	nine, ncd, tail := e.number(true)
	var opt1 string
	if bsn := strings.TrimSpace(e.f.BSN); bsn != "" {
		if tail != "" {
			e.fail(FieldBSN, ErrFieldLength, "no room with a long document number")
		}
		if state != "NLD" {
			e.fail(FieldBSN, ErrCountry, "a BSN needs issuing state NLD")
		}
		bsn = e.digits(FieldBSN, bsn, 9)
		if e.err == nil && !isBSN(bsn) {
			e.fail(FieldBSN, ErrCheckDigit, "fails the BSN 11-test")
		}
		mid := e.text(FieldOptionalData, e.f.OptionalData, 5, false)
		opt1 = bsn + mid + cdOf(bsn+mid)
	} else {
		opt1 = e.longOptional(tail, e.f.OptionalData, 15)
		if len(opt1) == 15 && isDigit(opt1[14]) && state == "NLD" && isBSN(opt1[:9]) {
			e.fail(FieldOptionalData, ErrCharacter, "a BSN and a digit at line 1 position 30 of an NLD card are read as a BSN and its check digit")
		}
	}
	l1 := code + state + nine + ncd + opt1
	b := e.date(FieldBirthDate, e.f.BirthDate, true, true, 6)
	b += cdOf(b)
	c := e.date(FieldExpiryDate, e.f.ExpiryDate, false, false, 6)
	c += cdOf(c)
	opt2 := e.text(FieldOptionalData2, e.f.OptionalData2, 11, false)
	l2 := b + e.sex() + c + e.country(FieldNationality, e.f.Nationality) + opt2
	l2 += cdOf(l1[5:30], l2[0:7], l2[8:15], l2[18:29])
	return []string{l1, l2, e.nameField(30)}
}

func (e *encoder) frenchID() []string {
	code := e.code("ID")
	state := e.country(FieldIssuingState, e.f.IssuingState)
	sur, given := e.names("<<")
	if sur == "" {
		e.fail(FieldSurname, ErrMissing, "")
	}
	l1 := code + state + e.cut(sur, 25) + e.text(FieldAdministrativeCode, e.f.AdministrativeCode, 6, false)
	// Issue YYMM, office and serial; trailing fillers are padding.
	num := e.text(FieldDocumentNumber, e.f.DocumentNumber, 12, true)
	b := e.date(FieldBirthDate, e.f.BirthDate, true, true, 6)
	b += cdOf(b)
	l2 := num + cdOf(num) + e.cut(given, 14) + b + e.sex()
	return []string{l1, l2 + cdOf(l1, l2)}
}

func (e *encoder) swissDL() []string {
	num := e.text(FieldDocumentNumber, e.f.DocumentNumber, 6, true)
	for i := 0; i < len(num) && e.err == nil; i++ {
		if num[i] == '<' || (i >= 3 && !isDigit(num[i])) {
			e.fail(FieldDocumentNumber, ErrCharacter, "want 3 letters or digits, then 3 digits")
		}
	}
	lang := strings.ToUpper(strings.TrimSpace(e.f.Language))
	if lang != "D" && lang != "F" && lang != "I" && lang != "R" {
		e.fail(FieldLanguage, ErrCharacter, "want D, F, I or R")
		lang = "<"
	}
	code := e.code("FA")
	state := e.country(FieldIssuingState, e.f.IssuingState)
	if state != "CHE" && state != "LIE" {
		e.fail(FieldIssuingState, ErrCountry, "want CHE or LIE")
	}
	l2 := code + state + e.digits(FieldPIN, e.f.PIN, 9) + e.digits(FieldVersion, e.f.Version, 3) + "<<" +
		e.date(FieldBirthDate, e.f.BirthDate, true, true, 6) + "<<<<<"
	return []string{num + lang + "<<", l2, e.nameField(30)}
}

func (e *encoder) frenchDL() []string {
	code := e.code("D1")
	state := e.country(FieldIssuingState, e.f.IssuingState)
	nine, _, _ := e.number(false)
	head := code + state + nine
	d := e.date(FieldIssueDate, e.f.IssueDate, true, false, 6)
	sur, _ := e.names("<")
	if sur == "" {
		e.fail(FieldSurname, ErrMissing, "")
	}
	line := head + cdOf(head) + d + e.cut(sur, 8)
	return []string{line + cdOf(line)}
}
