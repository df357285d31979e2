package mrz

import (
	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/internal/jsonx"
)

// docJSON is the JSON form of a Document; its keys are a public contract.
type docJSON struct {
	Format           string      `json:"format"`
	Valid            bool        `json:"valid"`
	DocumentCode     string      `json:"document_code"`
	DocumentKind     string      `json:"document_kind"`
	IssuingState     *string     `json:"issuing_state,omitempty"`
	IssuingStateName *string     `json:"issuing_state_name,omitempty"`
	DocumentNumber   string      `json:"document_number"`
	Nationality      *string     `json:"nationality,omitempty"`
	NationalityName  *string     `json:"nationality_name,omitempty"`
	Surname          string      `json:"surname"`
	GivenNames       []string    `json:"given_names"`
	BirthDate        *field.Date `json:"birth_date,omitempty"`
	Sex              *string     `json:"sex,omitempty"`
	ExpiryDate       *field.Date `json:"expiry_date,omitempty"`
	OptionalData     *string     `json:"optional_data,omitempty"`
	OptionalData2    *string     `json:"optional_data_2,omitempty"`
	IssueDate        *field.Date `json:"issue_date,omitempty"`
	AdminCode        *string     `json:"administrative_code,omitempty"`
	OfficeCode       *string     `json:"office_code,omitempty"`
	Language         *string     `json:"language,omitempty"`
	PIN              *string     `json:"pin,omitempty"`
	Version          *string     `json:"version,omitempty"`
	BSN              *string     `json:"bsn,omitempty"`
	Checks           checksJSON  `json:"checks"`
	Errors           []errorJSON `json:"errors"`
	Lines            []string    `json:"lines"`
}

type checksJSON struct {
	DocumentNumber *bool `json:"document_number,omitempty"`
	BirthDate      *bool `json:"birth_date,omitempty"`
	ExpiryDate     *bool `json:"expiry_date,omitempty"`
	OptionalData   *bool `json:"optional_data,omitempty"`
	Composite      *bool `json:"composite,omitempty"`
	BSN            *bool `json:"bsn,omitempty"`
}

type errorJSON struct {
	Field  FieldName `json:"field"`
	Line   int       `json:"line"`
	Column int       `json:"column"`
	Kind   string    `json:"kind"`
}

func ptr[T any](v T) *T { return &v }

// marshalJSONReference is MarshalJSON as it was written with reflection
// before AppendJSON, with "lines" added: the reference AppendJSON must
// match byte for byte. Fields the
// format does not have are left out; codes and numbers are given without
// trailing fillers, dates as YYYY-MM-DD (null when invalid).
func marshalJSONReference(d Document) ([]byte, error) {
	j := docJSON{
		Format:         d.Format().String(),
		Valid:          d.IsValid(),
		DocumentCode:   d.DocumentCode(),
		DocumentKind:   d.Kind().String(),
		DocumentNumber: d.DocumentNumber(),
		Surname:        d.Surname(),
		GivenNames:     d.GivenNames(),
		Errors:         []errorJSON{},
		Lines:          d.Lines(),
	}
	if j.Lines == nil {
		j.Lines = []string{}
	}
	if j.GivenNames == nil {
		j.GivenNames = []string{}
	}
	if d.has(fIssuing) {
		j.IssuingState = ptr(d.IssuingStateCode())
		j.IssuingStateName = ptr(d.issuing.Name())
	}
	if d.has(fNationality) {
		j.Nationality = ptr(d.NationalityCode())
		j.NationalityName = ptr(d.nationality.Name())
	}
	if d.has(fBirth) {
		j.BirthDate = ptr(d.birth)
	}
	if d.has(fSex) {
		j.Sex = ptr(string(d.get(fSex)))
	}
	if d.has(fExpiry) {
		j.ExpiryDate = ptr(d.expiry)
	}
	if d.has(fOptional) {
		j.OptionalData = ptr(d.OptionalData())
	}
	if d.has(fOptional2) {
		j.OptionalData2 = ptr(d.OptionalData2())
	}
	if d.has(fIssueDate) {
		j.IssueDate = ptr(d.issue)
	}
	if d.has(fAdmin) {
		j.AdminCode = ptr(d.AdministrativeCode())
	}
	if d.has(fOffice) {
		j.OfficeCode = ptr(d.OfficeCode())
	}
	if d.has(fLanguage) {
		j.Language = ptr(d.Language())
	}
	if d.has(fPIN) {
		j.PIN = ptr(d.PIN())
	}
	if d.has(fVersion) {
		j.Version = ptr(d.Version())
	}
	if d.flags&flagBSN != 0 {
		j.BSN = ptr(d.BSN())
	}
	j.Checks = checksReference(d)
	for _, e := range d.errs {
		j.Errors = append(j.Errors, errorJSON{e.Field, e.Line, e.Column, KindName(e.Kind)})
	}
	return jsonx.Marshal(j)
}

// checksReference is the checks object of marshalJSONReference.
func checksReference(d Document) checksJSON {
	var j checksJSON
	for c, s := range d.status {
		if s == CheckAbsent {
			continue
		}
		ok := ptr(s == CheckPassed)
		switch Check(c) {
		case CheckDocumentNumber:
			j.DocumentNumber = ok
		case CheckBirthDate:
			j.BirthDate = ok
		case CheckExpiryDate:
			j.ExpiryDate = ok
		case CheckOptionalData:
			j.OptionalData = ok
		case CheckComposite:
			j.Composite = ok
		case CheckBSN:
			j.BSN = ok
		}
	}
	return j
}
