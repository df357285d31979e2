package passport

import (
	"errors"
	"strings"

	"github.com/mrzkit/mrzkit/field"
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
	// SourceImage: read from an image of the document (FromMRZReading).
	SourceImage Source = "image"
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
	// GuessedConfidence is the confidence of a field a repair changed that
	// no check digit confirms (see [mrz.Document.Unverified]): a digit
	// read in a name and turned into its likeliest letter.
	GuessedConfidence field.Confidence = 0.25
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
