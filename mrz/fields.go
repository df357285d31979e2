package mrz

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/mrzkit/mrzkit/field"
)

// Fields are the values an MRZ holds: what Encode writes and what
// Document.Fields returns. The JSON keys are those of `mrz parse --json`,
// plus format, so that the JSON of a parsed document can be written back
// (see UnmarshalJSON).
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

	// The forms of a check digit ICAO leaves to the issuer, as the
	// document read had them, so that what was read is what is written.

	// ZeroCheckDigit: the check digit of an empty TD3 personal number is
	// '0', not '<' (WithZeroCheckDigit does the same for every Encode).
	ZeroCheckDigit bool `json:"zero_check_digit,omitempty"`
	// FillerVariant: the check digit of a long TD1 or TD2 document number
	// is computed over the '<' at the check digit position too, as Belgian
	// cards do (see Document.FillerVariant).
	FillerVariant bool `json:"filler_variant,omitempty"`
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
// there, the forms of its check digits included (ZeroCheckDigit,
// FillerVariant).
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
		ZeroCheckDigit:     d.zeroCheckDigit(),
		FillerVariant:      d.FillerVariant(),
	}
	if d.Format() == FrenchDrivingLicence {
		f.IssueDate = d.issue
	}
	return f
}

// zeroCheckDigit reports whether d has an empty personal number whose check
// digit is '0'.
func (d Document) zeroCheckDigit() bool {
	if d.lay == nil {
		return false
	}
	for _, c := range d.lay.checks {
		if c.id == CheckOptionalData && c.fillerOK && allFillers(d.raw, c.segs[0]) {
			return d.raw[c.pos] == '0'
		}
	}
	return false
}

// UnmarshalJSON reads Fields from their JSON, or from the JSON of a
// Document (`mrz parse --json`), whose keys they share. When the object has
// the "lines" of a document of the same format, the forms of its check
// digits are taken from them (ZeroCheckDigit, FillerVariant), so that
// `mrz parse --json | mrz generate` writes the MRZ that was read.
//
// Errors are *FieldError values naming the key: of kind ErrDate for a date
// that is not YYYY-MM-DD (X for unknown parts), ErrSex for a sex other
// than M, F, X, < or "", ErrFormat for an unknown format, and ErrJSON for
// a value of the wrong type or JSON that is not an object.
func (f *Fields) UnmarshalJSON(b []byte) error {
	type plain Fields
	var j struct {
		plain
		Lines      []string        `json:"lines"`
		BirthDate  json.RawMessage `json:"birth_date"`
		ExpiryDate json.RawMessage `json:"expiry_date"`
		IssueDate  json.RawMessage `json:"issue_date"`
		Sex        json.RawMessage `json:"sex"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		var fe *FieldError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &fe):
			return fe
		case errors.As(err, &te):
			// The path starts at the embedded struct: drop its name.
			return &FieldError{Field: FieldName(strings.TrimPrefix(te.Field, "plain.")), Kind: ErrJSON, Detail: "wrong type, want " + te.Type.String()}
		}
		return &FieldError{Kind: ErrJSON, Detail: jsonErrorDetail(err)}
	}
	out := Fields(j.plain)
	for _, x := range []struct {
		name FieldName
		raw  json.RawMessage
		dst  *field.Date
	}{{FieldBirthDate, j.BirthDate, &out.BirthDate}, {FieldExpiryDate, j.ExpiryDate, &out.ExpiryDate}, {FieldIssueDate, j.IssueDate, &out.IssueDate}} {
		if x.raw != nil && x.dst.UnmarshalJSON(x.raw) != nil {
			return &FieldError{Field: x.name, Kind: ErrDate, Detail: "want YYYY-MM-DD, X for unknown digits"}
		}
	}
	if j.Sex != nil && string(j.Sex) != "null" {
		var s string
		if json.Unmarshal(j.Sex, &s) != nil {
			return &FieldError{Field: FieldSex, Kind: ErrJSON, Detail: "wrong type, want string"}
		}
		v, err := field.ParseSex(s)
		if err != nil {
			return &FieldError{Field: FieldSex, Kind: ErrSex, Detail: "want M, F, X or <"}
		}
		out.Sex = v
	}
	if len(j.Lines) > 0 {
		if d, _ := Parse(strings.Join(j.Lines, "\n")); d.lay != nil && d.Format() == out.Format {
			out.ZeroCheckDigit = out.ZeroCheckDigit || d.zeroCheckDigit()
			out.FillerVariant = out.FillerVariant || d.FillerVariant()
		}
	}
	*f = out
	return nil
}
