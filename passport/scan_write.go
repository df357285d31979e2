package passport

import (
	"strings"

	"github.com/mrzkit/mrzkit/field"
)

// ScanDocument returns p in the Scan Document shape. Fields the vendor did
// not return are taken from the MRZ when it is readable (issuing country,
// nationality, sex, document type). confidence is the average confidence of
// the fields present.
func (p Passport) ScanDocument() ScanDocument {
	var s ScanDocument
	var confs []field.Confidence
	use := func(c field.Confidence) { confs = append(confs, c) }

	docType := p.DocumentType.Value
	if docType == "" && p.HasMRZ() {
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
		if p.HasMRZ() && !fromMRZ.IsZero() {
			return strPtr(fromMRZ.ISOCode())
		}
		return nil
	}
	s.IssuingCountry = country(p.Country, p.MRZ.IssuingState())
	s.Nationality = country(p.Nationality, p.MRZ.Nationality())
	s.Gender = p.scanGender(use)
	text := func(f field.Field[string]) *string {
		if f.Value == "" {
			return nil
		}
		use(f.Confidence)
		return strPtr(f.Value)
	}
	s.DocumentNumber = text(p.IDNumber)
	s.Address = text(p.Address)
	if lines := p.MRZLines(); len(lines) > 0 {
		use(p.MRZ1.Confidence)
		s.MRZData = strPtr(strings.Join(lines, "\n"))
	}
	s.RawFields = p.scanRawFields()
	s.Confidence = float64(average(confs))
	return s
}

// scanGender returns the sex printed, or else the MRZ's, when it is M, F or
// X; use is given the confidence of a printed one.
func (p Passport) scanGender(use func(field.Confidence)) *string {
	known := func(s field.Sex) bool { return s == field.SexMale || s == field.SexFemale || s == field.SexX }
	switch {
	case known(p.Gender.Value):
		use(p.Gender.Confidence)
		return strPtr(p.Gender.Value.String())
	case p.HasMRZ() && known(p.MRZ.Sex()):
		return strPtr(p.MRZ.Sex().String())
	}
	return nil
}

// scanRawFields returns the raw fields of p, completed with the printed
// values under their Textract names where p has no raw value for them.
func (p Passport) scanRawFields() map[string]string {
	raw := map[string]string{}
	for k, v := range p.RawFields {
		raw[k] = v
	}
	fill := func(k, v string) {
		if _, ok := raw[k]; !ok && v != "" {
			raw[k] = v
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
	fill("LAST_NAME", p.Surname.Value)
	fill("DOCUMENT_NUMBER", p.IDNumber.Value)
	fill("DATE_OF_BIRTH", p.BirthDate.Value.String())
	fill("EXPIRATION_DATE", p.ExpiryDate.Value.String())
	fill("DATE_OF_ISSUE", p.IssuanceDate.Value.String())
	fill("PLACE_OF_BIRTH", p.BirthPlace.Value)
	fill("ADDRESS", p.Address.Value)
	fill("MRZ_CODE", strings.Join(p.MRZLines(), "\n"))
	return raw
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
