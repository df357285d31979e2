package passport

import (
	"encoding/json"
	"fmt"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/internal/jsonx"
)

// passportOut is the Passport's own JSON shape, as written.
type passportOut struct {
	Source       Source            `json:"source,omitempty"`
	DocumentType mindeeFieldOut    `json:"document_type"`
	Country      mindeeFieldOut    `json:"country"`
	IDNumber     mindeeFieldOut    `json:"id_number"`
	Surname      mindeeFieldOut    `json:"surname"`
	GivenNames   []mindeeFieldOut  `json:"given_names"`
	BirthDate    mindeeFieldOut    `json:"birth_date"`
	BirthPlace   mindeeFieldOut    `json:"birth_place"`
	Gender       mindeeFieldOut    `json:"gender"`
	Nationality  mindeeFieldOut    `json:"nationality"`
	IssuanceDate mindeeFieldOut    `json:"issuance_date"`
	ExpiryDate   mindeeFieldOut    `json:"expiry_date"`
	OptionalData mindeeFieldOut    `json:"optional_data"`
	Address      mindeeFieldOut    `json:"address"`
	MRZ1         mindeeFieldOut    `json:"mrz1"`
	MRZ2         mindeeFieldOut    `json:"mrz2"`
	MRZ3         mindeeFieldOut    `json:"mrz3"`
	Orientation  *orientationJSON  `json:"orientation"`
	RawFields    map[string]string `json:"raw_fields,omitempty"`
	MRZ          json.RawMessage   `json:"mrz,omitempty"`
}

// passportIn is the Passport's own JSON shape, as read.
type passportIn struct {
	Source       Source            `json:"source"`
	DocumentType mindeeField       `json:"document_type"`
	Country      mindeeField       `json:"country"`
	IDNumber     mindeeField       `json:"id_number"`
	Surname      mindeeField       `json:"surname"`
	GivenNames   mindeeNames       `json:"given_names"`
	BirthDate    mindeeField       `json:"birth_date"`
	BirthPlace   mindeeField       `json:"birth_place"`
	Gender       mindeeField       `json:"gender"`
	Nationality  mindeeField       `json:"nationality"`
	IssuanceDate mindeeField       `json:"issuance_date"`
	ExpiryDate   mindeeField       `json:"expiry_date"`
	OptionalData mindeeField       `json:"optional_data"`
	Address      mindeeField       `json:"address"`
	MRZ1         mindeeField       `json:"mrz1"`
	MRZ2         mindeeField       `json:"mrz2"`
	MRZ3         mindeeField       `json:"mrz3"`
	Orientation  *orientationJSON  `json:"orientation"`
	RawFields    map[string]string `json:"raw_fields"`
	MRZ          seen              `json:"mrz"`
}

type orientationJSON struct {
	Confidence float64 `json:"confidence"`
	Degrees    int     `json:"degrees"`
}

// MarshalJSON writes the passport's own JSON: every field in Mindee's field
// shape under Mindee's names plus nationality, document_type,
// optional_data, address, mrz3 and raw_fields, and under "mrz" the parsed
// MRZ as `mrz parse --json` prints it.
//
// The MRZ filler '<' is written as it is. encoding/json's Marshal escapes
// '<', '>' and '&' in everything it writes, whatever a MarshalJSON method
// returns (the same JSON string, \u003c for '<'): call MarshalJSON itself,
// or use a json.Encoder with SetEscapeHTML(false), to keep '<' readable.
func (p Passport) MarshalJSON() ([]byte, error) {
	j := passportOut{
		Source: p.Source, DocumentType: outField(p.DocumentType), Country: outField(p.Country),
		IDNumber: outField(p.IDNumber), Surname: outField(p.Surname), GivenNames: outNames(p.GivenNames),
		BirthDate: outField(p.BirthDate), BirthPlace: outField(p.BirthPlace), Gender: outField(p.Gender),
		Nationality: outField(p.Nationality), IssuanceDate: outField(p.IssuanceDate), ExpiryDate: outField(p.ExpiryDate),
		OptionalData: outField(p.OptionalData), Address: outField(p.Address),
		MRZ1: outField(p.MRZ1), MRZ2: outField(p.MRZ2), MRZ3: outField(p.MRZ3), RawFields: p.RawFields,
	}
	if p.Orientation.Known {
		j.Orientation = &orientationJSON{float64(p.Orientation.Confidence), p.Orientation.Degrees}
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
	var j passportIn
	if err := json.Unmarshal(b, &j); err != nil {
		return jsonError(err)
	}
	out := Passport{Source: j.Source, RawFields: j.RawFields}
	c := converter{where: "passport"}
	out.DocumentType = convert[string](&c, &j.DocumentType, "document_type")
	out.Country = convert[field.Country](&c, &j.Country, "country")
	out.IDNumber = convert[string](&c, &j.IDNumber, "id_number")
	out.Surname = convert[string](&c, &j.Surname, "surname")
	out.BirthDate = convert[field.Date](&c, &j.BirthDate, "birth_date")
	out.BirthPlace = convert[string](&c, &j.BirthPlace, "birth_place")
	out.Gender = convert[field.Sex](&c, &j.Gender, "gender")
	out.Nationality = convert[field.Country](&c, &j.Nationality, "nationality")
	out.IssuanceDate = convert[field.Date](&c, &j.IssuanceDate, "issuance_date")
	out.ExpiryDate = convert[field.Date](&c, &j.ExpiryDate, "expiry_date")
	out.OptionalData = convert[string](&c, &j.OptionalData, "optional_data")
	out.Address = convert[string](&c, &j.Address, "address")
	out.MRZ1 = convert[string](&c, &j.MRZ1, "mrz1")
	out.MRZ2 = convert[string](&c, &j.MRZ2, "mrz2")
	out.MRZ3 = convert[string](&c, &j.MRZ3, "mrz3")
	if c.err != nil {
		return c.err
	}
	var err error
	if out.GivenNames, err = namesOf(j.GivenNames, "passport", "given_names"); err != nil {
		return err
	}
	if j.Orientation != nil {
		o, err := field.NewOrientation(j.Orientation.Degrees, field.ClampConfidence(j.Orientation.Confidence))
		if err != nil {
			return fmt.Errorf("%w: passport.orientation.degrees: want 0, 90, 180 or 270", ErrInput)
		}
		out.Orientation = o
	}
	out.parseMRZ()
	*p = out
	return nil
}
