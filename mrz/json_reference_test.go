package mrz

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

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

// checkJSONReference fails t when AppendJSON and the reference differ for
// the document Parse reads from s.
func checkJSONReference(t *testing.T, s string, ref field.Date) {
	t.Helper()
	d, _ := Parse(s, WithReferenceDate(ref))
	want, err := marshalJSONReference(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.AppendJSON(nil); !bytes.Equal(got, want) {
		t.Fatalf("%q:\ngot  %s\nwant %s", s, got, want)
	}
}

// mutateMRZ changes a few characters of s at random into MRZ characters,
// fillers above all, so that names, codes, dates and check digits come out
// valid and not, known and not.
func mutateMRZ(r *rand.Rand, s string) string {
	const chars = "<<<<<<ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := []byte(s)
	if len(b) == 0 {
		return s
	}
	for n := 1 + r.IntN(6); n > 0; n-- {
		i := r.IntN(len(b))
		if b[i] != '\n' {
			b[i] = chars[r.IntN(len(chars))]
		}
	}
	return string(b)
}

// TestAppendJSONReferenceRandom compares AppendJSON with the reference on
// random changes of every seed: the tables of AppendJSON against the
// encoder, for fields and checks in every state.
func TestAppendJSONReferenceRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	refs := []field.Date{refDate2026, field.MustDate(1950, 6, 1), field.MustDate(9990, 1, 1)}
	n := 300
	if testing.Short() {
		n = 30
	}
	for _, s := range referenceSeeds(t) {
		for i := 0; i < n; i++ {
			checkJSONReference(t, mutateMRZ(r, s), refs[i%len(refs)])
		}
	}
	// Names with leading, doubled and trailing fillers, in every format.
	for _, s := range referenceSeeds(t) {
		for _, from := range []string{"ERIKSSON<<ANNA<MARIA", "STEVENSON<<PETER<JOHN", "MARCHAND<<FABIENNE"} {
			for _, to := range []string{"<ERIKSSON<<<ANNA<<<<MARIA", "<<ANNA<<MARIA", "ERIK<<<<<<<<<<<<<<<<", "E<R<<A<<B"} {
				if strings.Contains(s, from) && len(to) <= len(from)+len(s) {
					m := strings.Replace(s, from, (to + strings.Repeat("<", len(from)))[:len(from)], 1)
					checkJSONReference(t, m, refDate2026)
				}
			}
		}
	}
}

// FuzzAppendJSONReference compares AppendJSON with the reference on any
// input Parse reads as a document.
func FuzzAppendJSONReference(f *testing.F) {
	for _, s := range referenceSeeds(f) {
		f.Add(s, uint16(2026))
	}
	f.Fuzz(func(t *testing.T, s string, year uint16) {
		ref, err := field.NewDate(1+int(year)%9999, 1, 1)
		if err != nil {
			t.Skip()
		}
		checkJSONReference(t, s, ref)
	})
}
