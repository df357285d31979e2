package passport

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/internal/jsonx"
	"github.com/mrzkit/mrzkit/mrz"
)

// Source says where a Passport was read from.
type Source string

// The sources a Passport is built from.
const (
	SourceMRZ          Source = "mrz"
	SourceMindee       Source = "mindee"
	SourceScanDocument Source = "scan-document"
	SourceTextract     Source = "textract"
)

// Confidences given to fields built from an MRZ.
const (
	// CheckedConfidence is the confidence of a field whose check digit
	// holds.
	CheckedConfidence field.Confidence = 1
	// FailedConfidence is the confidence of a field whose check digit
	// fails, or that is invalid (an impossible date, an unknown country).
	FailedConfidence field.Confidence = 0
	// UncheckedConfidence is the confidence of a well-formed field no check
	// digit covers: names, sex, country codes, the document type.
	UncheckedConfidence field.Confidence = 0.5
)

// Document types, as the Scan Document shape names them.
const (
	TypePassport       = "passport"
	TypeNationalID     = "national_id"
	TypeDriversLicense = "drivers_license"
	TypeVisa           = "visa"
)

// Passport is an identity document as read by a vendor or from its MRZ:
// each field with its confidence, polygon and page. The first fields are
// those of Mindee's passport v1; Nationality, DocumentType, OptionalData and
// Address go beyond it. MRZ is the parsed machine-readable zone when the MRZ
// lines are readable (its Format is mrz.FormatUnknown otherwise).
type Passport struct {
	Country      field.Field[field.Country] // issuing state
	IDNumber     field.Field[string]
	GivenNames   []field.Field[string]
	Surname      field.Field[string]
	BirthDate    field.Field[field.Date]
	BirthPlace   field.Field[string]
	Gender       field.Field[field.Sex]
	IssuanceDate field.Field[field.Date]
	ExpiryDate   field.Field[field.Date]
	MRZ1         field.Field[string]
	MRZ2         field.Field[string]
	MRZ3         field.Field[string] // TD1 only; not in Mindee's shape
	Orientation  field.Orientation

	Nationality  field.Field[field.Country]
	DocumentType field.Field[string] // TypePassport, TypeNationalID, TypeDriversLicense, TypeVisa
	OptionalData field.Field[string]
	Address      field.Field[string]
	// RawFields holds values as printed, keyed by AWS Textract field name
	// (FIRST_NAME, DATE_OF_BIRTH, MRZ_CODE, ...).
	RawFields map[string]string

	Source Source
	MRZ    mrz.Document
}

// MRZLines returns the MRZ lines the passport holds, without empty ones.
func (p Passport) MRZLines() []string {
	var out []string
	for _, f := range []field.Field[string]{p.MRZ1, p.MRZ2, p.MRZ3} {
		if s := strings.TrimSpace(f.Value); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// HasMRZ reports whether the MRZ lines were readable (see MRZ).
func (p Passport) HasMRZ() bool { return p.MRZ.Format() != mrz.FormatUnknown }

// GivenNamesText returns the given names joined by spaces.
func (p Passport) GivenNamesText() string {
	var s []string
	for _, g := range p.GivenNames {
		if g.Value != "" {
			s = append(s, g.Value)
		}
	}
	return strings.Join(s, " ")
}

// parseMRZ parses the MRZ lines into p.MRZ when they are readable.
func (p *Passport) parseMRZ(opts ...mrz.Option) {
	p.MRZ = mrz.Document{}
	lines := p.MRZLines()
	if len(lines) == 0 {
		return
	}
	d, err := mrz.Parse(strings.Join(lines, "\n"), opts...)
	var se *mrz.SyntaxError
	if errors.As(err, &se) {
		return
	}
	p.MRZ = d
}

// documentType names the type of an MRZ document as the Scan Document shape
// does.
func documentType(k mrz.Kind) string {
	switch k {
	case mrz.KindPassport, mrz.KindEmergencyTravelDocument, mrz.KindPassportCard:
		return TypePassport
	case mrz.KindIDCard, mrz.KindCrewCertificate:
		return TypeNationalID
	case mrz.KindVisa:
		return TypeVisa
	case mrz.KindDrivingLicence:
		return TypeDriversLicense
	}
	return ""
}

// FromMRZ builds a passport from a parsed MRZ. A field whose check digit
// holds gets CheckedConfidence, one whose check digit fails or that is
// invalid FailedConfidence, and a field no check digit covers (names, sex,
// countries, document type, optional data without a check digit)
// UncheckedConfidence.
//
// When the polygons of the MRZ lines are given (one per line, as a vendor
// returns them), each field gets the polygon of its own characters, and the
// lines keep theirs.
func FromMRZ(d mrz.Document, linePolygons ...geometry.Polygon) Passport {
	p := Passport{Source: SourceMRZ, MRZ: d}
	failed := map[string]bool{}
	for _, e := range d.Errors() {
		failed[string(e.Field)] = true
	}
	conf := func(name string, check mrz.Check, hasCheck bool) field.Confidence {
		switch {
		case failed[name]:
			return FailedConfidence
		case hasCheck && d.Check(check) == mrz.CheckPassed:
			return CheckedConfidence
		case hasCheck && d.Check(check) == mrz.CheckFailed:
			return FailedConfidence
		}
		return UncheckedConfidence
	}
	lines := d.Lines()
	poly := func(name string) geometry.Polygon {
		line, col, n, ok := d.Position(mrz.FieldName(name))
		if !ok || line > len(linePolygons) || line > len(lines) {
			return nil
		}
		sp, err := linePolygons[line-1].Span(col-1, col-1+n, len(lines[line-1]))
		if err != nil {
			return nil
		}
		return sp
	}
	mk := func(v string, name string, check mrz.Check, hasCheck bool) field.Field[string] {
		if v == "" {
			return field.Field[string]{}
		}
		return field.Field[string]{Value: v, Confidence: conf(name, check, hasCheck), Polygon: poly(name)}
	}
	p.IDNumber = mk(d.DocumentNumber(), "document_number", mrz.CheckDocumentNumber, true)
	p.Surname = mk(d.Surname(), "name", 0, false)
	for _, g := range d.GivenNames() {
		f := mk(g, "name", 0, false)
		if d.Format().IsICAO() {
			f.Polygon = nil // one polygon for the whole name field is on Surname
		} else {
			f.Polygon = poly("given_names")
		}
		p.GivenNames = append(p.GivenNames, f)
	}
	if c := d.IssuingState(); !c.IsZero() {
		p.Country = field.Field[field.Country]{Value: c, Confidence: conf("issuing_state", 0, false), Polygon: poly("issuing_state")}
	}
	if c := d.Nationality(); !c.IsZero() {
		p.Nationality = field.Field[field.Country]{Value: c, Confidence: conf("nationality", 0, false), Polygon: poly("nationality")}
	}
	if b := d.BirthDate(); !b.IsZero() {
		p.BirthDate = field.Field[field.Date]{Value: b, Confidence: conf("birth_date", mrz.CheckBirthDate, true), Polygon: poly("birth_date")}
	}
	if e := d.ExpiryDate(); !e.IsZero() {
		p.ExpiryDate = field.Field[field.Date]{Value: e, Confidence: conf("expiry_date", mrz.CheckExpiryDate, true), Polygon: poly("expiry_date")}
	}
	if s := d.Sex(); s != field.SexUnknown {
		p.Gender = field.Field[field.Sex]{Value: s, Confidence: conf("sex", 0, false), Polygon: poly("sex")}
	}
	if od := d.OptionalData(); od != "" {
		hasCheck := d.Check(mrz.CheckOptionalData) != mrz.CheckAbsent
		p.OptionalData = mk(od, "optional_data", mrz.CheckOptionalData, hasCheck)
	}
	if t := documentType(d.Kind()); t != "" {
		p.DocumentType = field.Field[string]{Value: t, Confidence: conf("document_code", 0, false)}
	}
	mrzLine := func(i int) field.Field[string] {
		if i >= len(lines) {
			return field.Field[string]{}
		}
		c := CheckedConfidence
		if !d.IsValid() {
			c = FailedConfidence
		}
		f := field.Field[string]{Value: lines[i], Confidence: c}
		if i < len(linePolygons) {
			f.Polygon = linePolygons[i]
		}
		return f
	}
	p.MRZ1, p.MRZ2, p.MRZ3 = mrzLine(0), mrzLine(1), mrzLine(2)
	return p
}

// passportJSON is the Passport's own JSON shape.
type passportJSON struct {
	Source       Source                     `json:"source,omitempty"`
	DocumentType field.Field[string]        `json:"document_type"`
	Country      field.Field[field.Country] `json:"country"`
	IDNumber     field.Field[string]        `json:"id_number"`
	Surname      field.Field[string]        `json:"surname"`
	GivenNames   []field.Field[string]      `json:"given_names"`
	BirthDate    field.Field[field.Date]    `json:"birth_date"`
	BirthPlace   field.Field[string]        `json:"birth_place"`
	Gender       field.Field[field.Sex]     `json:"gender"`
	Nationality  field.Field[field.Country] `json:"nationality"`
	IssuanceDate field.Field[field.Date]    `json:"issuance_date"`
	ExpiryDate   field.Field[field.Date]    `json:"expiry_date"`
	OptionalData field.Field[string]        `json:"optional_data"`
	Address      field.Field[string]        `json:"address"`
	MRZ1         field.Field[string]        `json:"mrz1"`
	MRZ2         field.Field[string]        `json:"mrz2"`
	MRZ3         field.Field[string]        `json:"mrz3"`
	Orientation  *orientationJSON           `json:"orientation"`
	RawFields    map[string]string          `json:"raw_fields,omitempty"`
	MRZ          json.RawMessage            `json:"mrz,omitempty"`
}

type orientationJSON struct {
	Confidence field.Confidence `json:"confidence"`
	Degrees    int              `json:"degrees"`
}

// MarshalJSON writes the passport's own JSON: every field in Mindee's field
// shape under Mindee's names plus nationality, document_type,
// optional_data, address, mrz3 and raw_fields, and under "mrz" the parsed
// MRZ as `mrz parse --json` prints it.
func (p Passport) MarshalJSON() ([]byte, error) {
	j := passportJSON{
		Source: p.Source, DocumentType: p.DocumentType, Country: p.Country, IDNumber: p.IDNumber,
		Surname: p.Surname, GivenNames: p.GivenNames, BirthDate: p.BirthDate, BirthPlace: p.BirthPlace,
		Gender: p.Gender, Nationality: p.Nationality, IssuanceDate: p.IssuanceDate, ExpiryDate: p.ExpiryDate,
		OptionalData: p.OptionalData, Address: p.Address, MRZ1: p.MRZ1, MRZ2: p.MRZ2, MRZ3: p.MRZ3,
		RawFields: p.RawFields,
	}
	if j.GivenNames == nil {
		j.GivenNames = []field.Field[string]{}
	}
	if p.Orientation.Known {
		j.Orientation = &orientationJSON{p.Orientation.Confidence, p.Orientation.Degrees}
	}
	if p.HasMRZ() {
		b, err := p.MRZ.MarshalJSON()
		if err != nil {
			return nil, err
		}
		j.MRZ = b
	}
	return jsonx.Marshal(j)
}

// UnmarshalJSON reads the passport's own JSON. The "mrz" object is not read:
// the MRZ is parsed again from mrz1, mrz2 and mrz3.
func (p *Passport) UnmarshalJSON(b []byte) error {
	var j passportJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return jsonError(err)
	}
	out := Passport{
		Source: j.Source, DocumentType: j.DocumentType, Country: j.Country, IDNumber: j.IDNumber,
		Surname: j.Surname, GivenNames: j.GivenNames, BirthDate: j.BirthDate, BirthPlace: j.BirthPlace,
		Gender: j.Gender, Nationality: j.Nationality, IssuanceDate: j.IssuanceDate, ExpiryDate: j.ExpiryDate,
		OptionalData: j.OptionalData, Address: j.Address, MRZ1: j.MRZ1, MRZ2: j.MRZ2, MRZ3: j.MRZ3,
		RawFields: j.RawFields,
	}
	if len(out.GivenNames) == 0 {
		out.GivenNames = nil
	}
	if j.Orientation != nil {
		o, err := field.NewOrientation(j.Orientation.Degrees, field.ClampConfidence(float64(j.Orientation.Confidence)))
		if err != nil {
			return err
		}
		out.Orientation = o
	}
	out.parseMRZ()
	*p = out
	return nil
}

var errUnexpectedEOF = io.ErrUnexpectedEOF

// ErrInput is wrapped by every error about malformed vendor input.
var ErrInput = errors.New("passport: unreadable input")

// MaxInput is the largest vendor response the readers accept, in bytes (the
// limit of the Scan Document API).
const MaxInput = 15 << 20

// jsonError describes a JSON error without quoting the input.
func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err.Error() == "unexpected end of JSON input" || errors.Is(err, errUnexpectedEOF):
		return fmt.Errorf("%w: truncated JSON", ErrInput)
	case errors.As(err, &se):
		return fmt.Errorf("%w: malformed JSON at byte %d", ErrInput, se.Offset)
	case errors.As(err, &te):
		where := te.Field
		if where == "" {
			where = "top level"
		}
		got := te.Value
		if !strings.Contains(got, "want ") { // fields describe what they want themselves
			got += ", want " + kindName(te.Type.Kind())
		}
		return fmt.Errorf("%w: %s: wrong type or form: got %s", ErrInput, where, got)
	case errors.Is(err, ErrInput):
		return err
	}
	return fmt.Errorf("%w: %v", ErrInput, err)
}

// kindName names a Go kind as the JSON kind it decodes from.
func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "object"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	}
	return "number"
}

// checkSize refuses input over MaxInput.
func checkSize(b []byte) error {
	if len(b) > MaxInput {
		return fmt.Errorf("%w: input over %d bytes", ErrInput, MaxInput)
	}
	return nil
}
