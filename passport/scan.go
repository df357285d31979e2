package passport

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/internal/jsonx"
)

// ScanDocument is the JSON shape of a "Scan Document" endpoint. Dates are
// YYYY-MM-DD, countries ISO 3166-1 alpha-3 where the code has one (D becomes
// DEU). Absent values are null, but for address, which is left out.
type ScanDocument struct {
	DocumentType   *string           `json:"documentType"`
	FullName       *string           `json:"fullName"`
	FirstName      *string           `json:"firstName"`
	LastName       *string           `json:"lastName"`
	DateOfBirth    *string           `json:"dateOfBirth"`
	Gender         *string           `json:"gender"`
	Nationality    *string           `json:"nationality"`
	DocumentNumber *string           `json:"documentNumber"`
	ExpirationDate *string           `json:"expirationDate"`
	IssuingCountry *string           `json:"issuingCountry"`
	Address        *string           `json:"address,omitempty"`
	MRZData        *string           `json:"mrzData"`
	RawFields      map[string]string `json:"rawFields"`
	Confidence     float64           `json:"confidence"`
}

// MarshalJSON writes the shape without HTML escaping.
func (s ScanDocument) MarshalJSON() ([]byte, error) {
	type plain ScanDocument
	if s.RawFields == nil {
		s.RawFields = map[string]string{}
	}
	return jsonx.Marshal(plain(s))
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

// ScanDocument returns p in the Scan Document shape. Fields the vendor did
// not return are taken from the MRZ when it is readable (issuing country,
// nationality, sex, document type). confidence is the average confidence of
// the fields present.
func (p Passport) ScanDocument() ScanDocument {
	var s ScanDocument
	hasMRZ := p.HasMRZ()
	var confs []field.Confidence
	use := func(c field.Confidence) { confs = append(confs, c) }

	docType := p.DocumentType.Value
	if docType == "" && hasMRZ {
		docType = documentType(p.MRZ.Kind())
	}
	s.DocumentType = strPtr(docType)
	first, last := p.GivenNamesText(), p.Surname.Value
	for _, g := range p.GivenNames {
		if g.Value != "" {
			use(g.Confidence)
		}
	}
	if last != "" {
		use(p.Surname.Confidence)
	}
	s.FirstName, s.LastName = strPtr(first), strPtr(last)
	s.FullName = strPtr(strings.TrimSpace(first + " " + last))
	date := func(f field.Field[field.Date]) *string {
		if f.IsZero() {
			return nil
		}
		use(f.Confidence)
		return strPtr(f.Value.String())
	}
	s.DateOfBirth = date(p.BirthDate)
	s.ExpirationDate = date(p.ExpiryDate)
	country := func(f field.Field[field.Country], fromMRZ field.Country) *string {
		if !f.IsZero() {
			use(f.Confidence)
			return strPtr(f.Value.ISOCode())
		}
		if hasMRZ && !fromMRZ.IsZero() {
			return strPtr(fromMRZ.ISOCode())
		}
		return nil
	}
	s.IssuingCountry = country(p.Country, p.MRZ.IssuingState())
	s.Nationality = country(p.Nationality, p.MRZ.Nationality())
	switch {
	case p.Gender.Value == field.SexMale || p.Gender.Value == field.SexFemale || p.Gender.Value == field.SexX:
		use(p.Gender.Confidence)
		s.Gender = strPtr(p.Gender.Value.String())
	case hasMRZ && (p.MRZ.Sex() == field.SexMale || p.MRZ.Sex() == field.SexFemale || p.MRZ.Sex() == field.SexX):
		s.Gender = strPtr(p.MRZ.Sex().String())
	}
	if p.IDNumber.Value != "" {
		use(p.IDNumber.Confidence)
		s.DocumentNumber = strPtr(p.IDNumber.Value)
	}
	if p.Address.Value != "" {
		use(p.Address.Confidence)
		s.Address = strPtr(p.Address.Value)
	}
	if lines := p.MRZLines(); len(lines) > 0 {
		use(p.MRZ1.Confidence)
		s.MRZData = strPtr(strings.Join(lines, "\n"))
	}
	s.RawFields = map[string]string{}
	for k, v := range p.RawFields {
		s.RawFields[k] = v
	}
	fill := func(k, v string) {
		if _, ok := s.RawFields[k]; !ok && v != "" {
			s.RawFields[k] = v
		}
	}
	if len(p.GivenNames) > 0 {
		fill("FIRST_NAME", p.GivenNames[0].Value)
		var middle []string
		for _, g := range p.GivenNames[1:] {
			middle = append(middle, g.Value)
		}
		fill("MIDDLE_NAME", strings.Join(middle, " "))
	}
	fill("LAST_NAME", last)
	fill("DOCUMENT_NUMBER", p.IDNumber.Value)
	fill("DATE_OF_BIRTH", p.BirthDate.Value.String())
	fill("EXPIRATION_DATE", p.ExpiryDate.Value.String())
	fill("DATE_OF_ISSUE", p.IssuanceDate.Value.String())
	fill("PLACE_OF_BIRTH", p.BirthPlace.Value)
	fill("ADDRESS", p.Address.Value)
	fill("MRZ_CODE", strings.Join(p.MRZLines(), "\n"))
	s.Confidence = float64(average(confs))
	return s
}

// average returns the mean of cs, exactly c when all are c, and 0 for none.
func average(cs []field.Confidence) field.Confidence {
	if len(cs) == 0 {
		return 0
	}
	same := true
	sum := 0.0
	for _, c := range cs {
		sum += float64(c)
		same = same && c == cs[0]
	}
	if same {
		return cs[0]
	}
	return field.ClampConfidence(sum / float64(len(cs)))
}

// ReadScanDocument reads the Scan Document shape. Every field gets the
// document's confidence (a value over 1 is taken as a percentage).
func ReadScanDocument(b []byte) (Passport, error) {
	if err := checkSize(b); err != nil {
		return Passport{}, err
	}
	var s ScanDocument
	if err := json.Unmarshal(b, &s); err != nil {
		return Passport{}, jsonError(err)
	}
	return s.Passport()
}

// Passport converts the shape to a Passport.
func (s ScanDocument) Passport() (Passport, error) {
	c := field.ClampConfidence(s.Confidence)
	if s.Confidence > 1 {
		c = field.ConfidenceFromPercent(s.Confidence)
	}
	p := Passport{Source: SourceScanDocument}
	text := func(v *string) field.Field[string] {
		if t := deref(v); t != "" {
			return field.Of(t, c)
		}
		return field.Field[string]{}
	}
	p.DocumentType = text(s.DocumentType)
	if t := deref(s.DocumentType); t != "" {
		switch t {
		case TypePassport, TypeNationalID, TypeDriversLicense, TypeVisa:
		default:
			return Passport{}, fmt.Errorf("%w: documentType: want passport, national_id, drivers_license or visa", ErrInput)
		}
	}
	p.Surname = text(s.LastName)
	if f := text(s.FirstName); !f.IsZero() {
		p.GivenNames = []field.Field[string]{f}
	}
	p.IDNumber = text(s.DocumentNumber)
	p.Address = text(s.Address)
	var err error
	date := func(name string, v *string) field.Field[field.Date] {
		t := deref(v)
		if t == "" || err != nil {
			return field.Field[field.Date]{}
		}
		d, e := field.ParseDate(t)
		if e != nil {
			err = fmt.Errorf("%w: %s: want a date YYYY-MM-DD", ErrInput, name)
		}
		return field.Of(d, c)
	}
	p.BirthDate = date("dateOfBirth", s.DateOfBirth)
	p.ExpiryDate = date("expirationDate", s.ExpirationDate)
	country := func(name string, v *string) field.Field[field.Country] {
		t := deref(v)
		if t == "" || err != nil {
			return field.Field[field.Country]{}
		}
		k, e := field.ParseCountry(t)
		if e != nil {
			err = fmt.Errorf("%w: %s: unknown country code", ErrInput, name)
		}
		return field.Of(k, c)
	}
	p.Country = country("issuingCountry", s.IssuingCountry)
	p.Nationality = country("nationality", s.Nationality)
	if g := deref(s.Gender); g != "" {
		sx, e := field.ParseSex(g)
		if e != nil && err == nil {
			err = fmt.Errorf("%w: gender: want M, F or X", ErrInput)
		}
		p.Gender = field.Of(sx, c)
	}
	if err != nil {
		return Passport{}, err
	}
	lines := strings.Fields(deref(s.MRZData))
	for i, l := range lines {
		f := field.Of(l, c)
		switch i {
		case 0:
			p.MRZ1 = f
		case 1:
			p.MRZ2 = f
		case 2:
			p.MRZ3 = f
		}
	}
	if len(lines) > 3 {
		return Passport{}, fmt.Errorf("%w: mrzData: more than 3 lines", ErrInput)
	}
	if len(s.RawFields) > 0 {
		p.RawFields = map[string]string{}
		keys := make([]string, 0, len(s.RawFields))
		for k := range s.RawFields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p.RawFields[k] = s.RawFields[k]
		}
	}
	p.parseMRZ()
	return p, nil
}
