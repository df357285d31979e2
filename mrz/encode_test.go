package mrz_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// TestEncodeGoldenRoundTrip parses every valid golden MRZ, takes its Fields
// and encodes them again: the same lines must come back, the forms of the
// check digits included (a '0' for an empty personal number, the Belgian
// long number). The same holds for Fields read from the document's JSON, as
// `mrz parse --json | mrz generate` does.
func TestEncodeGoldenRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../testdata/mrz/*.mrz")
	n, zero, variant := 0, 0, 0
	for _, in := range files {
		src, _ := os.ReadFile(in)
		d, err := mrz.Parse(string(src), goldenRef)
		if err != nil {
			continue
		}
		n++
		f := d.Fields()
		if f.ZeroCheckDigit {
			zero++
		}
		if f.FillerVariant {
			variant++
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var fromJSON mrz.Fields
		if err := json.Unmarshal(b, &fromJSON); err != nil {
			t.Errorf("%s: Fields from the document's JSON: %v", filepath.Base(in), err)
		}
		for name, f := range map[string]mrz.Fields{"Fields": f, "JSON": fromJSON} {
			got, err := mrz.Encode(f, goldenRef)
			if err != nil {
				t.Errorf("%s (%s): %v", filepath.Base(in), name, err)
				continue
			}
			if got.String() != d.String() {
				t.Errorf("%s (%s):\ngot\n%s\nwant\n%s", filepath.Base(in), name, got, d)
			}
			if got.NameTruncated {
				t.Errorf("%s: reported a truncation", filepath.Base(in))
			}
		}
	}
	if n < 20 || zero == 0 || variant == 0 {
		t.Errorf("%d valid goldens, %d with a zero check digit, %d with the filler variant", n, zero, variant)
	}
}

// TestZeroCheckDigitRoundTrip is the case of the report: a valid TD3 with
// an empty personal number and the check digit 0.
func TestZeroCheckDigitRoundTrip(t *testing.T) {
	in := buildTD3("P", "UTO", "ERIKSSON<<ANNA", "L898902C3", "UTO", "740812", "F", "120415", "")
	if in[45+42] != '0' {
		t.Fatalf("want a 0 check digit: %s", in)
	}
	d := mrz.MustParse(in, ref2026)
	e, err := mrz.Encode(d.Fields(), ref2026)
	if err != nil || e.String() != in {
		t.Errorf("round trip: %v\n%s\nwant\n%s", err, e, in)
	}
	// Without the form read, Encode writes ICAO's recommended '<'.
	f := d.Fields()
	f.ZeroCheckDigit = false
	if e, _ := mrz.Encode(f, ref2026); e.Lines[1][42] != '<' {
		t.Errorf("default form: %s", e)
	}
}

func TestEncodeTruncation(t *testing.T) {
	tests := []struct {
		format    mrz.Format
		surname   string
		given     []string
		want      string
		truncated bool
	}{
		{mrz.TD3, "ERIKSSON", []string{"ANNA", "MARIA"}, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", false},
		// secondary identifier cut to what is left
		{mrz.TD3, "ERIKSSON", []string{"ANNAMARIAELISABETH", "CHRISTINA", "JOHANNA"}, "ERIKSSON<<ANNAMARIAELISABETH<CHRISTINA<", true},
		// the cut fills the field to its last character
		{mrz.TD3, "ERIKSSON", []string{"ANNAMARIAELISABETH", "CHRISTINAX", "JOHANNA"}, "ERIKSSON<<ANNAMARIAELISABETH<CHRISTINAX", true},
		// primary too long: keeps "<<" and one letter of the secondary
		{mrz.TD3, strings.Repeat("A", 45), []string{"BERTA"}, strings.Repeat("A", 36) + "<<B", true},
		// primary alone too long
		{mrz.TD3, strings.Repeat("A", 45), nil, strings.Repeat("A", 39), true},
		// exactly fitting is not truncated
		{mrz.TD3, strings.Repeat("A", 36), []string{"B"}, strings.Repeat("A", 36) + "<<B", false},
		{mrz.TD3, strings.Repeat("A", 37), []string{"B"}, strings.Repeat("A", 36) + "<<B", true},
		{mrz.TD1, "HUFFINGTON-WHITELEY", []string{"ROSIE", "ALICE"}, "HUFFINGTON<WHITELEY<<ROSIE<ALI", true},
		{mrz.TD2, "VAN DER BERG", []string{"JOHANNES", "PETRUS", "MARIA"}, "VAN<DER<BERG<<JOHANNES<PETRUS<M", true},
	}
	for _, tt := range tests {
		f := mrz.Fields{Format: tt.format, IssuingState: "UTO", DocumentNumber: "X1", Nationality: "UTO",
			Surname: tt.surname, GivenNames: tt.given, BirthDate: field.MustDate(1974, 8, 12), Sex: field.SexFemale,
			ExpiryDate: field.MustDate(2030, 1, 1)}
		e, err := mrz.Encode(f, ref2026)
		if err != nil {
			t.Errorf("%s: %v", tt.surname, err)
			continue
		}
		d := mrz.MustParse(e.String(), ref2026)
		name := e.Lines[0][5:]
		if tt.format == mrz.TD1 {
			name = e.Lines[2]
		}
		if strings.TrimRight(name, "<") != strings.TrimRight(tt.want, "<") || e.NameTruncated != tt.truncated {
			t.Errorf("%s %v: %q truncated=%v, want %q %v", tt.surname, tt.given, name, e.NameTruncated, tt.want, tt.truncated)
		}
		if full := !strings.HasSuffix(name, "<"); d.NameTruncated() != full {
			t.Errorf("%s: Document.NameTruncated = %v for a field that fills: %v", tt.surname, d.NameTruncated(), full)
		}
	}
}

func TestEncodeOptions(t *testing.T) {
	f := mrz.Fields{Format: mrz.TD3, IssuingState: "D", DocumentNumber: "C01X00T47", Nationality: "D",
		Surname: "Müller", GivenNames: []string{"Jürgen"}, BirthDate: field.MustDate(1964, 8, 12),
		Sex: field.SexMale, ExpiryDate: field.MustDate(2027, 2, 28)}
	e, err := mrz.Encode(f, ref2026)
	if err != nil || !strings.HasPrefix(e.Lines[0], "P<D<<MUELLER<<JUERGEN<") || e.Lines[1][42] != '<' {
		t.Errorf("default: %v %v", e, err)
	}
	e, err = mrz.Encode(f, ref2026, mrz.WithTransliteration(mrz.ShortUmlauts), mrz.WithZeroCheckDigit())
	if err != nil || !strings.HasPrefix(e.Lines[0], "P<D<<MULLER<<JURGEN<") || e.Lines[1][42] != '0' {
		t.Errorf("options: %v %v", e, err)
	}
	// Partial birth date.
	f.BirthDate, _ = field.PartialDate(1964, 0, 0)
	e, err = mrz.Encode(f, ref2026)
	if err != nil || e.Lines[1][13:19] != "64<<<<" {
		t.Errorf("partial birth date: %v %v", e, err)
	}
	d := mrz.MustParse(e.String(), ref2026)
	if d.BirthDate() != f.BirthDate {
		t.Errorf("partial birth date read back as %v", d.BirthDate())
	}
}

func TestEncodeErrors(t *testing.T) {
	base := func() mrz.Fields {
		return mrz.Fields{Format: mrz.TD3, IssuingState: "UTO", DocumentNumber: "L898902C3", Nationality: "UTO",
			Surname: "ERIKSSON", GivenNames: []string{"ANNA"}, BirthDate: field.MustDate(1974, 8, 12),
			Sex: field.SexFemale, ExpiryDate: field.MustDate(2030, 4, 15)}
	}
	tests := []struct {
		name  string
		edit  func(*mrz.Fields)
		field mrz.FieldName
		kind  error
	}{
		{"format", func(f *mrz.Fields) { f.Format = mrz.FormatUnknown }, "format", mrz.ErrFormat},
		{"country", func(f *mrz.Fields) { f.IssuingState = "ZZZ" }, "issuing_state", mrz.ErrCountry},
		{"no nationality", func(f *mrz.Fields) { f.Nationality = "" }, "nationality", mrz.ErrMissing},
		{"long number in TD3", func(f *mrz.Fields) { f.DocumentNumber = "L898902C3XX" }, "document_number", mrz.ErrFieldLength},
		{"number characters", func(f *mrz.Fields) { f.DocumentNumber = "L89-8902" }, "document_number", mrz.ErrCharacter},
		{"no number", func(f *mrz.Fields) { f.DocumentNumber = "" }, "document_number", mrz.ErrMissing},
		{"digit in name", func(f *mrz.Fields) { f.Surname = "ERIKSSON2" }, "surname", mrz.ErrCharacter},
		{"no name", func(f *mrz.Fields) { f.Surname, f.GivenNames = "", nil }, "surname", mrz.ErrMissing},
		{"future birth", func(f *mrz.Fields) { f.BirthDate = field.MustDate(2027, 1, 1) }, "birth_date", mrz.ErrDate},
		{"birth over 100 years", func(f *mrz.Fields) { f.BirthDate = field.MustDate(1920, 1, 1) }, "birth_date", mrz.ErrDate},
		{"far expiry", func(f *mrz.Fields) { f.ExpiryDate = field.MustDate(2080, 1, 1) }, "expiry_date", mrz.ErrDate},
		{"no expiry", func(f *mrz.Fields) { f.ExpiryDate = field.Date{} }, "expiry_date", mrz.ErrMissing},
		{"partial expiry", func(f *mrz.Fields) { f.ExpiryDate, _ = field.PartialDate(2030, 0, 0) }, "expiry_date", mrz.ErrDate},
		{"code", func(f *mrz.Fields) { f.DocumentCode = "V" }, "document_code", mrz.ErrDocumentCode},
		{"personal number", func(f *mrz.Fields) { f.OptionalData = strings.Repeat("1", 15) }, "optional_data", mrz.ErrFieldLength},
		{"TD1 optional data after a long number", func(f *mrz.Fields) {
			f.Format, f.DocumentNumber, f.OptionalData = mrz.TD1, "D23145890734", "ABCDEFGHIJK"
		}, "optional_data", mrz.ErrFieldLength},
		{"BSN outside NLD", func(f *mrz.Fields) { f.Format, f.BSN = mrz.TD1, "999999990" }, "bsn", mrz.ErrCountry},
		{"CH-DL language", func(f *mrz.Fields) {
			*f = mrz.Fields{Format: mrz.SwissDrivingLicence, IssuingState: "CHE", DocumentNumber: "AAA001", Language: "E",
				PIN: "305142128", Version: "097", Surname: "X", BirthDate: field.MustDate(1980, 1, 26)}
		}, "language", mrz.ErrCharacter},
		{"CH-DL state", func(f *mrz.Fields) {
			*f = mrz.Fields{Format: mrz.SwissDrivingLicence, IssuingState: "DEU", DocumentNumber: "AAA001", Language: "D",
				PIN: "305142128", Version: "097", Surname: "X", BirthDate: field.MustDate(1980, 1, 26)}
		}, "issuing_state", mrz.ErrCountry},
		{"FR-CNI number", func(f *mrz.Fields) {
			*f = mrz.Fields{Format: mrz.FrenchID, IssuingState: "FRA", DocumentNumber: "1710GVA1234567", Surname: "X",
				BirthDate: field.MustDate(1991, 12, 31), Sex: field.SexFemale}
		}, "document_number", mrz.ErrFieldLength},
	}
	for _, tt := range tests {
		f := base()
		tt.edit(&f)
		_, err := mrz.Encode(f, ref2026)
		var fe *mrz.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, tt.kind) {
			t.Errorf("%s: %v, want %s %v", tt.name, err, tt.field, tt.kind)
		}
		if err != nil && (strings.Contains(err.Error(), "ERIKSSON") || strings.Contains(err.Error(), "L898902")) {
			t.Errorf("%s: error leaks data: %v", tt.name, err)
		}
	}
}

// FuzzEncode checks the round trip: for any fields Encode accepts, parsing
// what it writes gives the same fields back.
func FuzzEncode(f *testing.F) {
	f.Add(uint8(3), "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", "D", uint16(8000), uint16(2000), uint8(1), "ZE184226B")
	f.Add(uint8(1), "D23145890734", "STEVENSON", "PETER", "UTO", "XXA", uint16(100), uint16(300), uint8(2), "")
	f.Add(uint8(2), "D23145890734", "Müller", "Jürgen", "D", "GBD", uint16(5000), uint16(9000), uint8(0), "AB1")
	f.Add(uint8(6), "1710GVA12345", "TEST NAME", "ROBERTA", "FRA", "FRA", uint16(10000), uint16(0), uint8(2), "0CHE02")
	f.Add(uint8(7), "AAA001", "MARCHAND", "FABIENNE", "CHE", "", uint16(16000), uint16(0), uint8(0), "")
	f.Add(uint8(8), "13AA00002", "MARTIN", "", "FRA", "", uint16(17000), uint16(18000), uint8(0), "")
	ref := field.MustDate(2026, 1, 1)
	f.Fuzz(func(t *testing.T, format uint8, number, surname, given, state, nat string, birthDays, expiryDays uint16, sex uint8, opt string) {
		refT, _ := ref.Time()
		birth := field.DateOf(refT.AddDate(0, 0, -int(birthDays)))
		expiry := field.DateOf(refT.AddDate(0, 0, int(expiryDays)-10000))
		in := mrz.Fields{
			Format: mrz.Format(format % 10), IssuingState: state, DocumentNumber: number, Nationality: nat,
			Surname: surname, GivenNames: strings.Fields(given), BirthDate: birth,
			Sex: field.Sex(sex % 5), ExpiryDate: expiry, OptionalData: opt,
		}
		switch in.Format {
		case mrz.FrenchID:
			in.AdministrativeCode, in.OptionalData, in.ExpiryDate, in.Nationality = opt, "", field.Date{}, ""
		case mrz.SwissDrivingLicence:
			in.Language, in.PIN, in.Version, in.OptionalData = "D", "123456789", "001", ""
			in.ExpiryDate, in.Nationality, in.Sex = field.Date{}, "", field.SexUnknown
		case mrz.FrenchDrivingLicence:
			in.IssueDate, in.ExpiryDate, in.BirthDate, in.GivenNames = expiry, field.Date{}, field.Date{}, nil
			in.Nationality, in.Sex, in.OptionalData = "", field.SexUnknown, ""
			if expiry.After(ref) {
				in.IssueDate = birth
			}
		}
		e, err := mrz.Encode(in, mrz.WithReferenceDate(ref))
		if err != nil {
			var fe *mrz.FieldError
			if !errors.As(err, &fe) || fe.Field == "" {
				t.Fatalf("error %v does not name a field", err)
			}
			return
		}
		d, err := mrz.Parse(e.String(), mrz.WithReferenceDate(ref))
		if err != nil {
			t.Fatalf("Encode wrote an MRZ that does not parse: %v\n%s", err, e)
		}
		got := d.Fields()
		// Compare what the MRZ holds.
		// Trailing fillers of a number are its padding.
		if got.Format != in.Format || got.DocumentNumber != strings.TrimRight(strings.ToUpper(strings.TrimSpace(number)), "<") ||
			got.BirthDate != in.BirthDate || got.ExpiryDate != in.ExpiryDate || got.IssueDate != in.IssueDate {
			t.Fatalf("round trip:\nin  %+v\nout %+v\n%s", in, got, e)
		}
		if in.Sex != field.SexUnknown && got.Sex != in.Sex {
			t.Fatalf("sex %v -> %v", in.Sex, got.Sex)
		}
		if !e.NameTruncated {
			sur, _ := mrz.Transliterate(surname, 0)
			if got.Surname != strings.ReplaceAll(sur, "<", " ") {
				t.Fatalf("surname %q -> %q", sur, got.Surname)
			}
		}
		// And encoding the parsed fields gives the same lines again.
		again, err := mrz.Encode(got, mrz.WithReferenceDate(ref))
		if err != nil || again.String() != e.String() {
			t.Fatalf("re-encode: %v\n%s\n%s", err, again, e)
		}
	})
}

func ExampleEncode() {
	e, err := mrz.Encode(mrz.Fields{
		Format:         mrz.TD3,
		IssuingState:   "D",
		DocumentNumber: "C01X00T47",
		Nationality:    "D",
		Surname:        "Müller-Lüdenscheidt",
		GivenNames:     []string{"Jürgen", "Åsa"},
		BirthDate:      field.MustDate(1964, time.August, 12),
		Sex:            field.SexMale,
		ExpiryDate:     field.MustDate(2027, time.February, 28),
	}, mrz.WithReferenceDate(field.MustDate(2026, time.January, 1)))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e)
	// Output:
	// P<D<<MUELLER<LUEDENSCHEIDT<<JUERGEN<AASA<<<<
	// C01X00T478D<<6408125M2702283<<<<<<<<<<<<<<<4
}

func ExampleTransliterate() {
	for _, name := range []string{"Søren Kierkegård", "O'Brien-Smith", "Горбачёв"} {
		s, _ := mrz.Transliterate(name, 0)
		fmt.Println(s)
	}
	s, _ := mrz.Transliterate("Григорій", mrz.Ukrainian)
	fmt.Println(s)
	// Output:
	// SOEREN<KIERKEGAARD
	// OBRIEN<SMITH
	// GORBACHEV
	// HRYHORII
}
