package passport

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// textractIn is the part of an AWS Textract AnalyzeID response that is
// read. Other keys (Blocks, DocumentMetadata, ResponseMetadata) are
// skipped.
type textractIn struct {
	IdentityDocuments *[]textractDocument `json:"IdentityDocuments"`
	otherKeys
}

type textractDocument struct {
	DocumentIndex          int             `json:"DocumentIndex"`
	IdentityDocumentFields []textractField `json:"IdentityDocumentFields"`
}

type textractField struct {
	Type struct {
		Text string `json:"Text"`
	} `json:"Type"`
	ValueDetection struct {
		Text            string   `json:"Text"`
		Confidence      *float64 `json:"Confidence"`
		NormalizedValue *struct {
			Value     string `json:"Value"`
			ValueType string `json:"ValueType"`
		} `json:"NormalizedValue"`
	} `json:"ValueDetection"`
}

// ReadTextract reads an AWS Textract AnalyzeID response and returns one
// Passport per identity document, in order. Field names are Textract's
// (FIRST_NAME, LAST_NAME, MIDDLE_NAME, DOCUMENT_NUMBER, DATE_OF_BIRTH,
// EXPIRATION_DATE, DATE_OF_ISSUE, PLACE_OF_BIRTH, ADDRESS and its parts,
// ID_TYPE, MRZ_CODE); every non-empty printed value is kept in RawFields.
// Dates come from NormalizedValue (ValueType "Date" or "DATE",
// YYYY-MM-DDT00:00:00); confidences are scaled from 0..100 to 0..1; the
// MRZ_CODE, when present, is parsed with the options, those of [mrz.Parse].
func ReadTextract(b []byte, opts ...mrz.Option) ([]Passport, error) {
	if err := checkInput(b); err != nil {
		return nil, err
	}
	var r textractIn
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, jsonError(err)
	}
	if r.IdentityDocuments == nil {
		return nil, notShape("an AnalyzeID response", "no IdentityDocuments", r.otherKeys, SourceTextract)
	}
	var out []Passport
	for di, doc := range *r.IdentityDocuments {
		p, err := doc.passport(di, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// textractAddress holds the parts of an address Textract returns apart.
type textractAddress struct {
	city, state, zip    string
	cityC, stateC, zipC field.Confidence
}

// passport reads document di (0-based) of a response.
func (doc *textractDocument) passport(di int, opts []mrz.Option) (Passport, error) {
	p := Passport{Source: SourceTextract, RawFields: map[string]string{}}
	var addr textractAddress
	for fi := range doc.IdentityDocumentFields {
		if err := p.textractField(&doc.IdentityDocumentFields[fi], &addr, di, fi); err != nil {
			return Passport{}, err
		}
	}
	p.Address = addr.join(p.Address)
	if len(p.RawFields) == 0 {
		p.RawFields = nil
	}
	p.parseMRZ(opts...)
	if p.DocumentType.IsZero() && p.HasMRZ() {
		if t := documentType(p.MRZ.Kind()); t != "" {
			p.DocumentType = field.Of(t, p.MRZ1.Confidence)
		}
	}
	return p, nil
}

// textractField reads field fi of document di into p.
func (p *Passport) textractField(f *textractField, addr *textractAddress, di, fi int) error {
	name := strings.TrimSpace(f.Type.Text)
	text := strings.TrimSpace(f.ValueDetection.Text)
	if text == "" {
		return nil
	}
	var c field.Confidence
	if f.ValueDetection.Confidence != nil {
		c = field.ConfidenceFromPercent(*f.ValueDetection.Confidence)
	}
	p.RawFields[name] = text
	str := field.Of(text, c)
	var err error
	switch name {
	case "FIRST_NAME":
		p.GivenNames = append([]field.Field[string]{str}, p.GivenNames...)
	case "MIDDLE_NAME":
		p.GivenNames = append(p.GivenNames, str)
	case "LAST_NAME":
		p.Surname = str
	case "DOCUMENT_NUMBER":
		p.IDNumber = str
	case "DATE_OF_BIRTH":
		p.BirthDate, err = f.date(c, name, di, fi)
	case "EXPIRATION_DATE":
		p.ExpiryDate, err = f.date(c, name, di, fi)
	case "DATE_OF_ISSUE":
		p.IssuanceDate, err = f.date(c, name, di, fi)
	case "PLACE_OF_BIRTH":
		p.BirthPlace = str
	case "ADDRESS":
		p.Address = str
	case "CITY_IN_ADDRESS":
		addr.city, addr.cityC = text, c
	case "STATE_IN_ADDRESS":
		addr.state, addr.stateC = text, c
	case "ZIP_CODE_IN_ADDRESS":
		addr.zip, addr.zipC = text, c
	case "ID_TYPE":
		if t := idType(text); t != "" {
			p.DocumentType = field.Of(t, c)
		}
	case "MRZ_CODE":
		lines := strings.Fields(text)
		for i, l := range lines[:min(len(lines), 3)] {
			*[]*field.Field[string]{&p.MRZ1, &p.MRZ2, &p.MRZ3}[i] = field.Of(l, c)
		}
	}
	return err
}

// date reads the date of a field: its NormalizedValue, or its text when
// that is an ISO date and there is no NormalizedValue. name is one of the
// date fields the caller knows, never the input's text.
func (f *textractField) date(c field.Confidence, name string, di, fi int) (field.Field[field.Date], error) {
	nv := f.ValueDetection.NormalizedValue
	if nv == nil || !strings.EqualFold(nv.ValueType, "date") {
		if d, err := field.ParseDate(strings.TrimSpace(f.ValueDetection.Text)); err == nil && d.IsFull() {
			return field.Of(d, c), nil
		}
		return field.Field[field.Date]{}, nil
	}
	v, _, _ := strings.Cut(nv.Value, "T")
	d, err := field.ParseDate(v)
	if err != nil || !d.IsFull() {
		return field.Field[field.Date]{}, fmt.Errorf("%w: document %d, field %d (%s): NormalizedValue is not a date", ErrInput, di+1, fi+1, name)
	}
	return field.Of(d, c), nil
}

// join returns the full address: the street, then city, state and zip
// code, with the lowest of their confidences.
func (a textractAddress) join(street field.Field[string]) field.Field[string] {
	if street.IsZero() {
		return street
	}
	parts := []string{street.Value}
	if a.city != "" {
		parts = append(parts, a.city)
	}
	if tail := strings.TrimSpace(a.state + " " + a.zip); tail != "" {
		parts = append(parts, tail)
	}
	c := street.Confidence
	for _, x := range []struct {
		v string
		c field.Confidence
	}{{a.city, a.cityC}, {a.state, a.stateC}, {a.zip, a.zipC}} {
		if x.v != "" && x.c < c {
			c = x.c
		}
	}
	return field.Of(strings.Join(parts, ", "), c)
}

// idType maps Textract's ID_TYPE to a Scan Document type.
func idType(s string) string {
	u := strings.ToUpper(s)
	switch {
	case strings.Contains(u, "PASSPORT"):
		return TypePassport
	case strings.Contains(u, "DRIVER"):
		return TypeDriversLicense
	case strings.Contains(u, "VISA"):
		return TypeVisa
	case strings.Contains(u, "ID"):
		return TypeNationalID
	}
	return ""
}
