package passport

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mrzkit/mrzkit/field"
)

// textractResponse is the part of an AWS Textract AnalyzeID response that
// is read. Other keys (Blocks, DocumentMetadata, ResponseMetadata) are
// ignored.
type textractResponse struct {
	IdentityDocuments *[]struct {
		DocumentIndex          int `json:"DocumentIndex"`
		IdentityDocumentFields []struct {
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
		} `json:"IdentityDocumentFields"`
	} `json:"IdentityDocuments"`
}

// ReadTextract reads an AWS Textract AnalyzeID response and returns one
// Passport per identity document, in order. Field names are Textract's
// (FIRST_NAME, LAST_NAME, MIDDLE_NAME, DOCUMENT_NUMBER, DATE_OF_BIRTH,
// EXPIRATION_DATE, DATE_OF_ISSUE, PLACE_OF_BIRTH, ADDRESS and its parts,
// ID_TYPE, MRZ_CODE); every non-empty printed value is kept in RawFields.
// Dates come from NormalizedValue (ValueType "Date" or "DATE",
// YYYY-MM-DDT00:00:00); confidences are scaled from 0..100 to 0..1; the
// MRZ_CODE, when present, is parsed.
func ReadTextract(b []byte) ([]Passport, error) {
	if err := checkSize(b); err != nil {
		return nil, err
	}
	var r textractResponse
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, jsonError(err)
	}
	if r.IdentityDocuments == nil {
		return nil, fmt.Errorf("%w: not an AnalyzeID response (no IdentityDocuments)", ErrInput)
	}
	var out []Passport
	for di, doc := range *r.IdentityDocuments {
		p := Passport{Source: SourceTextract, RawFields: map[string]string{}}
		var city, state, zip string
		var cityC, stateC, zipC field.Confidence
		for fi, f := range doc.IdentityDocumentFields {
			name := strings.TrimSpace(f.Type.Text)
			text := strings.TrimSpace(f.ValueDetection.Text)
			var c field.Confidence
			if f.ValueDetection.Confidence != nil {
				c = field.ConfidenceFromPercent(*f.ValueDetection.Confidence)
			}
			if text == "" {
				continue
			}
			p.RawFields[name] = text
			str := field.Of(text, c)
			date := func() (field.Field[field.Date], error) {
				nv := f.ValueDetection.NormalizedValue
				if nv == nil || !strings.EqualFold(nv.ValueType, "date") {
					// Not normalized: keep it only when the text is ISO.
					if d, err := field.ParseDate(text); err == nil && d.IsFull() {
						return field.Of(d, c), nil
					}
					return field.Field[field.Date]{}, nil
				}
				v := nv.Value
				if i := strings.IndexByte(v, 'T'); i >= 0 {
					v = v[:i]
				}
				d, err := field.ParseDate(v)
				if err != nil || !d.IsFull() {
					return field.Field[field.Date]{}, fmt.Errorf("%w: document %d, field %d (%s): NormalizedValue is not a date", ErrInput, di+1, fi+1, safeName(name))
				}
				return field.Of(d, c), nil
			}
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
				p.BirthDate, err = date()
			case "EXPIRATION_DATE":
				p.ExpiryDate, err = date()
			case "DATE_OF_ISSUE":
				p.IssuanceDate, err = date()
			case "PLACE_OF_BIRTH":
				p.BirthPlace = str
			case "ADDRESS":
				p.Address = str
			case "CITY_IN_ADDRESS":
				city, cityC = text, c
			case "STATE_IN_ADDRESS":
				state, stateC = text, c
			case "ZIP_CODE_IN_ADDRESS":
				zip, zipC = text, c
			case "ID_TYPE":
				if t := idType(text); t != "" {
					p.DocumentType = field.Of(t, c)
				}
			case "MRZ_CODE":
				lines := strings.Fields(text)
				for i, l := range lines {
					switch i {
					case 0:
						p.MRZ1 = field.Of(l, c)
					case 1:
						p.MRZ2 = field.Of(l, c)
					case 2:
						p.MRZ3 = field.Of(l, c)
					}
				}
			}
			if err != nil {
				return nil, err
			}
		}
		// The full address: street, then city, state and zip code.
		if !p.Address.IsZero() {
			parts := []string{p.Address.Value}
			tail := strings.TrimSpace(state + " " + zip)
			if city != "" {
				parts = append(parts, city)
			}
			if tail != "" {
				parts = append(parts, tail)
			}
			cs := []field.Confidence{p.Address.Confidence}
			for _, x := range []struct {
				v string
				c field.Confidence
			}{{city, cityC}, {state, stateC}, {zip, zipC}} {
				if x.v != "" {
					cs = append(cs, x.c)
				}
			}
			p.Address = field.Of(strings.Join(parts, ", "), minConfidence(cs...))
		}
		if len(p.RawFields) == 0 {
			p.RawFields = nil
		}
		p.parseMRZ()
		if p.DocumentType.IsZero() && p.HasMRZ() {
			if t := documentType(p.MRZ.Kind()); t != "" {
				p.DocumentType = field.Of(t, p.MRZ1.Confidence)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

func minConfidence(cs ...field.Confidence) field.Confidence {
	m := cs[0]
	for _, c := range cs[1:] {
		if c < m {
			m = c
		}
	}
	return m
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

// safeName returns a Textract field name for an error message: field names
// are upper-case words, anything else is not repeated.
func safeName(s string) string {
	if len(s) > 40 {
		return "?"
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z') && c != '_' {
			return "?"
		}
	}
	return s
}
