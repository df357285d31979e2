package passport

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/internal/jsonx"
	"github.com/mrzkit/mrzkit/mrz"
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

// scanIn is a Scan Document as read, telling a key given as null from one
// left out.
type scanIn struct {
	DocumentType   optString         `json:"documentType"`
	FullName       optString         `json:"fullName"`
	FirstName      optString         `json:"firstName"`
	LastName       optString         `json:"lastName"`
	DateOfBirth    optString         `json:"dateOfBirth"`
	Gender         optString         `json:"gender"`
	Nationality    optString         `json:"nationality"`
	DocumentNumber optString         `json:"documentNumber"`
	ExpirationDate optString         `json:"expirationDate"`
	IssuingCountry optString         `json:"issuingCountry"`
	Address        optString         `json:"address"`
	MRZData        optString         `json:"mrzData"`
	FaceImage      seen              `json:"faceImage"`
	RawFields      map[string]string `json:"rawFields"`
	Confidence     *float64          `json:"confidence"`
	otherKeys
}

// optString is a string or null, and whether the key was there at all.
type optString struct {
	set bool
	v   *string
}

// UnmarshalJSON reads a string or null.
func (o *optString) UnmarshalJSON(b []byte) error {
	o.set = true
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeFor[optString]()}
	}
	o.v = &s
	return nil
}

// any reports whether the input had any key of the Scan Document shape.
func (in *scanIn) any() bool {
	for _, o := range []optString{in.DocumentType, in.FullName, in.FirstName, in.LastName, in.DateOfBirth, in.Gender,
		in.Nationality, in.DocumentNumber, in.ExpirationDate, in.IssuingCountry, in.Address, in.MRZData} {
		if o.set {
			return true
		}
	}
	return bool(in.FaceImage) || in.RawFields != nil || in.Confidence != nil
}

// ReadScanDocument reads the Scan Document shape. Every field gets the
// document's confidence (a value over 1 is taken as a percentage). The
// options are those of [mrz.Parse], used to parse mrzData.
//
// Input that has none of the shape's keys is refused, with an error that
// says so when it looks like another vendor's response; so are null, an
// empty object, and any JSON value that is not an object.
func ReadScanDocument(b []byte, opts ...mrz.Option) (Passport, error) {
	if err := checkInput(b); err != nil {
		return Passport{}, err
	}
	var in scanIn
	if err := json.Unmarshal(b, &in); err != nil {
		return Passport{}, jsonError(err)
	}
	if kind := jsonKind(b); kind != "object" {
		return Passport{}, fmt.Errorf("%w: not a Scan Document (want an object, got %s)", ErrInput, kind)
	}
	if !in.any() {
		return Passport{}, notShape("a Scan Document", "none of its keys", in.otherKeys, SourceScanDocument)
	}
	s := ScanDocument{
		DocumentType: in.DocumentType.v, FullName: in.FullName.v, FirstName: in.FirstName.v, LastName: in.LastName.v,
		DateOfBirth: in.DateOfBirth.v, Gender: in.Gender.v, Nationality: in.Nationality.v,
		DocumentNumber: in.DocumentNumber.v, ExpirationDate: in.ExpirationDate.v, IssuingCountry: in.IssuingCountry.v,
		Address: in.Address.v, MRZData: in.MRZData.v, RawFields: in.RawFields,
	}
	if in.Confidence != nil {
		s.Confidence = *in.Confidence
	}
	return s.Passport(opts...)
}

// Passport converts the shape to a Passport; the options are those of
// [mrz.Parse], used to parse mrzData.
func (s ScanDocument) Passport(opts ...mrz.Option) (Passport, error) {
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
	switch p.DocumentType.Value {
	case "", TypePassport, TypeNationalID, TypeDriversLicense, TypeVisa:
	default:
		return Passport{}, fmt.Errorf("%w: documentType: want passport, national_id, drivers_license or visa", ErrInput)
	}
	p.Surname = text(s.LastName)
	if f := text(s.FirstName); !f.IsZero() {
		p.GivenNames = []field.Field[string]{f}
	}
	p.IDNumber = text(s.DocumentNumber)
	p.Address = text(s.Address)
	if err := s.typedFields(&p, c); err != nil {
		return Passport{}, err
	}
	lines := strings.Fields(deref(s.MRZData))
	if len(lines) > 3 {
		return Passport{}, fmt.Errorf("%w: mrzData: more than 3 lines", ErrInput)
	}
	for i, f := range []*field.Field[string]{&p.MRZ1, &p.MRZ2, &p.MRZ3}[:len(lines)] {
		*f = field.Of(lines[i], c)
	}
	if len(s.RawFields) > 0 {
		p.RawFields = maps.Clone(s.RawFields)
	}
	p.parseMRZ(opts...)
	return p, nil
}

// typedFields reads the dates, countries and sex of s into p, each with
// confidence c.
func (s ScanDocument) typedFields(p *Passport, c field.Confidence) error {
	var err error
	p.BirthDate, err = scanDate("dateOfBirth", s.DateOfBirth, c)
	if err != nil {
		return err
	}
	if p.ExpiryDate, err = scanDate("expirationDate", s.ExpirationDate, c); err != nil {
		return err
	}
	if p.Country, err = scanCountry("issuingCountry", s.IssuingCountry, c); err != nil {
		return err
	}
	if p.Nationality, err = scanCountry("nationality", s.Nationality, c); err != nil {
		return err
	}
	if g := deref(s.Gender); g != "" {
		sx, e := field.ParseSex(g)
		if e != nil {
			return fmt.Errorf("%w: gender: want M, F or X", ErrInput)
		}
		p.Gender = field.Of(sx, c)
	}
	return nil
}

func scanDate(name string, v *string, c field.Confidence) (field.Field[field.Date], error) {
	return scanValue(name, v, c, field.ParseDate, "want a date YYYY-MM-DD")
}

func scanCountry(name string, v *string, c field.Confidence) (field.Field[field.Country], error) {
	return scanValue(name, v, c, field.ParseCountry, "unknown country code")
}

// scanValue parses the value of key name, if any, with confidence c; an
// error says what the key wants.
func scanValue[T field.Value](name string, v *string, c field.Confidence, parse func(string) (T, error), want string) (field.Field[T], error) {
	t := deref(v)
	if t == "" {
		return field.Field[T]{}, nil
	}
	x, err := parse(t)
	if err != nil {
		return field.Field[T]{}, fmt.Errorf("%w: %s: %s", ErrInput, name, want)
	}
	return field.Of(x, c), nil
}
