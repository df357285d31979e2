package passport_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

const specimen = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"

var ref = mrz.WithReferenceDate(field.MustDate(2010, 1, 1))

func TestFromMRZConfidences(t *testing.T) {
	p := passport.FromMRZ(mrz.MustParse(specimen, ref))
	if p.IDNumber.Confidence != passport.CheckedConfidence || p.BirthDate.Confidence != 1 || p.Surname.Confidence != passport.UncheckedConfidence ||
		p.Country.Confidence != 0.5 || p.MRZ1.Confidence != 1 || p.DocumentType.Value != passport.TypePassport {
		t.Errorf("%+v", p)
	}
	// A failing document number check digit gives that field 0, and the
	// lines 0, but leaves the birth date at 1.
	bad, _ := mrz.Parse(strings.Replace(specimen, "C36", "C37", 1), ref)
	p = passport.FromMRZ(bad)
	if p.IDNumber.Confidence != passport.FailedConfidence || p.BirthDate.Confidence != 1 || p.MRZ2.Confidence != 0 {
		t.Errorf("failed check: %v %v %v", p.IDNumber.Confidence, p.BirthDate.Confidence, p.MRZ2.Confidence)
	}
	// A digit in a name that Find turned into its likeliest letter, no
	// check digit confirming it: the names get GuessedConfidence, the
	// checked fields keep theirs.
	guessed, err := mrz.Parse(strings.Replace(specimen, "MARIA", "MAR1A", 1), mrz.WithRepair(), ref)
	if err != nil || !strings.Contains(guessed.String(), "MARIA") {
		t.Fatalf("repair: %v", err)
	}
	p = passport.FromMRZ(guessed)
	if p.Surname.Confidence != passport.GuessedConfidence || p.GivenNames[1].Confidence != passport.GuessedConfidence ||
		p.IDNumber.Confidence != passport.CheckedConfidence || p.Nationality.Confidence != passport.UncheckedConfidence {
		t.Errorf("unverified name: surname %v, given %v, number %v, nationality %v", p.Surname.Confidence,
			p.GivenNames[1].Confidence, p.IDNumber.Confidence, p.Nationality.Confidence)
	}
}

func TestFromMRZPolygons(t *testing.T) {
	l1 := geometry.Polygon{{X: 0.055, Y: 0.882}, {X: 0.926, Y: 0.882}, {X: 0.926, Y: 0.911}, {X: 0.055, Y: 0.911}}
	l2 := geometry.Polygon{{X: 0.054, Y: 0.919}, {X: 0.928, Y: 0.919}, {X: 0.928, Y: 0.945}, {X: 0.054, Y: 0.945}}
	p := passport.FromMRZ(mrz.MustParse(specimen, ref), l1, l2)
	want, _ := l2.Span(13, 19, 44)
	if fmt.Sprint(p.BirthDate.Polygon) != fmt.Sprint(want) {
		t.Errorf("birth date polygon %v, want %v", p.BirthDate.Polygon, want)
	}
	num, _ := l2.Span(0, 9, 44)
	if fmt.Sprint(p.IDNumber.Polygon) != fmt.Sprint(num) || fmt.Sprint(p.MRZ1.Polygon) != fmt.Sprint(l1) {
		t.Errorf("number polygon %v", p.IDNumber.Polygon)
	}
	b := p.Country.Polygon.Bounds()
	if math.Abs(b.Left-(0.055+0.871*2/44)) > 1e-9 || math.Abs(b.Top-0.882) > 1e-9 {
		t.Errorf("country polygon %+v", b)
	}
}

// printed returns a Scan Document passport agreeing with the specimen.
func printed() passport.Passport {
	c := field.Confidence(0.99)
	return passport.Passport{
		Source:      passport.SourceScanDocument,
		IDNumber:    field.Of("L898902C3", c),
		Surname:     field.Of("Eriksson", c),
		GivenNames:  []field.Field[string]{field.Of("Anna", c), field.Of("Maria", c)},
		BirthDate:   field.Of(field.MustDate(1974, 8, 12), c),
		ExpiryDate:  field.Of(field.MustDate(2012, 4, 15), c),
		Gender:      field.Of(field.SexFemale, c),
		Country:     field.Of(field.MustParseCountry("UTO"), c),
		Nationality: field.Of(field.MustParseCountry("UTO"), c),
		MRZ1:        field.Of(strings.Split(specimen, "\n")[0], c),
		MRZ2:        field.Of(strings.Split(specimen, "\n")[1], c),
	}
}

func withMRZ(p passport.Passport, mrzText string) passport.Passport {
	l := strings.Split(mrzText, "\n")
	p.MRZ1.Value, p.MRZ2.Value = l[0], l[1]
	return p
}

func TestVerify(t *testing.T) {
	today := field.MustDate(2010, 1, 1)
	deu := "P<D<<MUELLER<<JUERGEN<<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125M2702283<<<<<<<<<<<<<<<4"
	tests := []struct {
		name string
		edit func(*passport.Passport)
		want []string // field:kind
	}{
		{"consistent", func(p *passport.Passport) {}, nil},
		{"number", func(p *passport.Passport) { p.IDNumber.Value = "L898902C4" }, []string{"id_number:mismatch"}},
		{"number with spaces", func(p *passport.Passport) { p.IDNumber.Value = "l898 902c3" }, nil},
		{"surname", func(p *passport.Passport) { p.Surname.Value = "Eriksen" }, []string{"surname:mismatch"}},
		{"given names", func(p *passport.Passport) { p.GivenNames = p.GivenNames[:1] }, []string{"given_names:mismatch"}},
		{"given names as one", func(p *passport.Passport) { p.GivenNames = []field.Field[string]{field.Of("Anna Maria", 1)} }, nil},
		{"birth date", func(p *passport.Passport) { p.BirthDate.Value = field.MustDate(1974, 8, 13) }, []string{"birth_date:mismatch"}},
		{"sex", func(p *passport.Passport) { p.Gender.Value = field.SexMale }, []string{"gender:mismatch"}},
		{"country", func(p *passport.Passport) { p.Country.Value = field.MustParseCountry("SWE") }, []string{"country:mismatch"}},
		{"missing number", func(p *passport.Passport) { p.IDNumber = field.Field[string]{} }, []string{"id_number:missing"}},
		{"missing nationality", func(p *passport.Passport) { p.Nationality = field.Field[field.Country]{} }, []string{"nationality:missing"}},
		{"Mindee has no nationality", func(p *passport.Passport) {
			p.Source, p.Nationality = passport.SourceMindee, field.Field[field.Country]{}
		}, nil},
		{"check digit", func(p *passport.Passport) { p.MRZ2.Value = strings.Replace(p.MRZ2.Value, "C36", "C37", 1) },
			[]string{"id_number:check_digit", "mrz2:check_digit"}},
		{"unreadable", func(p *passport.Passport) { p.MRZ2.Value = p.MRZ2.Value[:40] }, []string{"mrz2:syntax"}},
		{"no MRZ", func(p *passport.Passport) { p.MRZ1, p.MRZ2 = field.Field[string]{}, field.Field[string]{} }, []string{"mrz1:missing"}},
		{"low confidence", func(p *passport.Passport) { p.Surname.Confidence = 0.2 }, []string{"surname:low_confidence"}},
		{"umlauts as UE", func(p *passport.Passport) {
			*p = withMRZ(*p, deu)
			p.IDNumber.Value, p.Surname.Value, p.GivenNames = "C01X00T47", "Müller", []field.Field[string]{field.Of("Jürgen", 1)}
			p.BirthDate.Value, p.ExpiryDate.Value, p.Gender.Value = field.MustDate(1964, 8, 12), field.MustDate(2027, 2, 28), field.SexMale
			p.Country.Value, p.Nationality.Value = field.MustParseCountry("DEU"), field.MustParseCountry("DEU")
		}, nil},
		{"umlauts as U", func(p *passport.Passport) {
			*p = withMRZ(*p, strings.Replace(strings.Replace(deu, "MUELLER<<JUERGEN<", "MULLER<<JURGEN<<<", 1), "", "", 1))
			p.IDNumber.Value, p.Surname.Value, p.GivenNames = "C01X00T47", "Müller", []field.Field[string]{field.Of("Jürgen", 1)}
			p.BirthDate.Value, p.ExpiryDate.Value, p.Gender.Value = field.MustDate(1964, 8, 12), field.MustDate(2027, 2, 28), field.SexMale
			p.Country.Value, p.Nationality.Value = field.MustParseCountry("D"), field.MustParseCountry("DE")
		}, nil},
	}
	for _, tt := range tests {
		p := printed()
		tt.edit(&p)
		var got []string
		for _, f := range passport.Verify(p, passport.VerifyOptions{Today: today, MinConfidence: 0.5}) {
			got = append(got, f.Field+":"+string(f.Kind))
			for _, secret := range []string{"ERIKSSON", "Eriksson", "L898902C3", "1974", "ANNA", "MUELLER", "Müller"} {
				if strings.Contains(f.Message, secret) {
					t.Errorf("%s: message %q leaks data", tt.name, f.Message)
				}
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: findings %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestVerifyExpiredAndTruncated(t *testing.T) {
	p := printed()
	f := passport.Verify(p, passport.VerifyOptions{Today: field.MustDate(2013, 1, 1)})
	if len(f) != 1 || f[0].Kind != passport.FindingExpired {
		t.Errorf("expired: %+v", f)
	}
	// A name the MRZ truncated: the printed one may be longer.
	e, err := mrz.Encode(mrz.Fields{Format: mrz.TD3, IssuingState: "UTO", DocumentNumber: "X1", Nationality: "UTO",
		Surname: "Wolfeschlegelsteinhausenbergerdorff", GivenNames: []string{"Hubert Blaine"},
		BirthDate: field.MustDate(1974, 8, 12), Sex: field.SexMale, ExpiryDate: field.MustDate(2030, 1, 1)}, ref)
	if err != nil || !e.NameTruncated {
		t.Fatal(err)
	}
	q := passport.Passport{Source: passport.SourceMindee, IDNumber: field.Of("X1", 1),
		Surname: field.Of("Wolfeschlegelsteinhausenbergerdorff", 1), GivenNames: []field.Field[string]{field.Of("Hubert Blaine", 1)},
		BirthDate: field.Of(field.MustDate(1974, 8, 12), 1), ExpiryDate: field.Of(field.MustDate(2030, 1, 1), 1),
		Gender: field.Of(field.SexMale, 1), Country: field.Of(field.MustParseCountry("UTO"), 1),
		MRZ1: field.Of(e.Lines[0], 1), MRZ2: field.Of(e.Lines[1], 1)}
	if f := passport.Verify(q, passport.VerifyOptions{Today: field.MustDate(2010, 1, 1)}); len(f) != 0 {
		t.Errorf("truncated name: %+v", f)
	}
}

func TestReadersRefuseBadInput(t *testing.T) {
	big := make([]byte, passport.MaxInput+1)
	inputs := map[string][]byte{
		"empty":     {},
		"truncated": []byte(`{"api_request": {"status": "succ`),
		"binary":    {0x00, 0xff, 0xfe, 0x01},
		"array":     []byte(`[1,2,3]`),
		"wrong":     []byte(`{"document": {"inference": {"prediction": {"birth_date": {"value": 19950520}}}}}`),
		"huge":      big,
		"null":      []byte(`null`),
	}
	for name, in := range inputs {
		if _, err := passport.ReadMindee(in); !errors.Is(err, passport.ErrInput) {
			t.Errorf("Mindee %s: %v", name, err)
		}
		if _, err := passport.ReadTextract(in); !errors.Is(err, passport.ErrInput) {
			t.Errorf("Textract %s: %v", name, err)
		}
		if _, err := passport.ReadScanDocument(in); !errors.Is(err, passport.ErrInput) {
			t.Errorf("Scan %s: %v", name, err)
		}
	}
	for _, in := range []string{`{"dateOfBirth":"12/08/1964"}`, `{"issuingCountry":"ZZZ"}`, `{"gender":"Q"}`,
		`{"documentType":"library_card"}`, `{"firstName": 3}`, `{"mrzData":"A B C D"}`} {
		if _, err := passport.ReadScanDocument([]byte(in)); !errors.Is(err, passport.ErrInput) {
			t.Errorf("Scan %s: %v", in, err)
		}
	}
	if _, err := passport.ReadTextract([]byte(`{"IdentityDocuments":[{"IdentityDocumentFields":[{"Type":{"Text":"DATE_OF_BIRTH"},"ValueDetection":{"Text":"x","NormalizedValue":{"Value":"soon","ValueType":"Date"}}}]}]}`)); !errors.Is(err, passport.ErrInput) {
		t.Errorf("Textract bad date: %v", err)
	}
	// Messages do not repeat the input.
	_, err := passport.ReadScanDocument([]byte(`{"dateOfBirth":"12/08/1964"}`))
	if strings.Contains(err.Error(), "1964") {
		t.Errorf("message leaks the value: %v", err)
	}
}

func FuzzReadMindee(f *testing.F) {
	f.Add([]byte(`{"api_request":{"status":"success"},"document":{"id":"x","inference":{"pages":[{"id":0,"orientation":{"value":0},"prediction":{"given_names":[{"value":"A"}]}}],"prediction":{"birth_date":{"value":"1995-05-20","page_id":0}}}}}`))
	f.Add([]byte(`{"document":{"inference":{"prediction":{"given_names":{"value":"A B","page_id":null}}}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := passport.ReadMindee(b)
		if err != nil {
			if !errors.Is(err, passport.ErrInput) {
				t.Fatalf("error %v does not wrap ErrInput", err)
			}
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			return // a polygon with non-finite points cannot be written
		}
		r2, err := passport.ReadMindee(out)
		if err != nil {
			t.Fatalf("re-read: %v\n%s", err, out)
		}
		out2, _ := json.Marshal(r2)
		if string(out) != string(out2) {
			t.Fatalf("not stable:\n%s\n%s", out, out2)
		}
		a, _ := json.Marshal(r.Passport())
		c, _ := json.Marshal(r2.Passport())
		if string(a) != string(c) {
			t.Fatalf("passport differs:\n%s\n%s", a, c)
		}
		_ = r.String()
	})
}

func FuzzReadScanDocument(f *testing.F) {
	f.Add([]byte(`{"documentType":"passport","firstName":"ERIKA","lastName":"MUSTERMANN","dateOfBirth":"1964-08-12","gender":"F","nationality":"DEU","issuingCountry":"D","mrzData":"P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4","rawFields":{"A":"b"},"confidence":97}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := passport.ReadScanDocument(b)
		if err != nil {
			if !errors.Is(err, passport.ErrInput) {
				t.Fatalf("error %v does not wrap ErrInput", err)
			}
			return
		}
		s1, _ := json.Marshal(p.ScanDocument())
		p2, err := passport.ReadScanDocument(s1)
		if err != nil {
			t.Fatalf("re-read: %v\n%s", err, s1)
		}
		s2, _ := json.Marshal(p2.ScanDocument())
		if string(s1) != string(s2) {
			t.Fatalf("not stable:\n%s\n%s", s1, s2)
		}
		if p.IDNumber.Value != p2.IDNumber.Value || p.BirthDate.Value != p2.BirthDate.Value || p.Surname.Value != p2.Surname.Value {
			t.Fatal("a field was lost")
		}
	})
}

func FuzzReadTextract(f *testing.F) {
	f.Add([]byte(`{"IdentityDocuments":[{"IdentityDocumentFields":[{"Type":{"Text":"FIRST_NAME"},"ValueDetection":{"Text":"LI","Confidence":98.9}},{"Type":{"Text":"DATE_OF_BIRTH"},"ValueDetection":{"Text":"01 MAY 1982","NormalizedValue":{"Value":"1982-05-01T00:00:00","ValueType":"Date"},"Confidence":99}},{"Type":{"Text":"MRZ_CODE"},"ValueDetection":{"Text":"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10","Confidence":99}}]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ps, err := passport.ReadTextract(b)
		if err != nil {
			if !errors.Is(err, passport.ErrInput) {
				t.Fatalf("error %v does not wrap ErrInput", err)
			}
			return
		}
		for _, p := range ps {
			j, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			var back passport.Passport
			if err := json.Unmarshal(j, &back); err != nil {
				t.Fatalf("re-read: %v\n%s", err, j)
			}
			j2, _ := json.Marshal(back)
			if string(j) != string(j2) {
				t.Fatalf("Passport JSON not stable:\n%s\n%s", j, j2)
			}
			_ = p.ScanDocument()
			_ = passport.Verify(p, passport.VerifyOptions{MinConfidence: 0.5})
		}
	})
}

func ExampleVerify() {
	r, _ := passport.ReadMindee([]byte(`{"api_request":{"status":"success","status_code":201},
	 "document":{"id":"x","name":"scan.jpg","inference":{"prediction":{
	  "id_number":{"value":"L898902C3","confidence":0.98,"page_id":0,"polygon":[]},
	  "surname":{"value":"ERIKSSON","confidence":0.99,"page_id":0,"polygon":[]},
	  "given_names":[{"value":"ANNA","confidence":0.99,"page_id":0,"polygon":[]}],
	  "birth_date":{"value":"1974-08-21","confidence":0.6,"page_id":0,"polygon":[]},
	  "expiry_date":{"value":"2012-04-15","confidence":0.98,"page_id":0,"polygon":[]},
	  "mrz1":{"value":"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<","confidence":1,"page_id":0,"polygon":[]},
	  "mrz2":{"value":"L898902C36UTO7408122F1204159ZE184226B<<<<<10","confidence":1,"page_id":0,"polygon":[]}}}}}`))
	for _, f := range passport.Verify(r.Passport(), passport.VerifyOptions{Today: field.MustDate(2010, 1, 1), MinConfidence: 0.9}) {
		fmt.Println(f.Field, f.Kind, "-", f.Message)
	}
	// Output:
	// given_names mismatch - printed given names differ from the MRZ
	// birth_date mismatch - printed date differs from the MRZ
	// gender missing - the MRZ holds this field but it was not returned
	// country missing - the MRZ holds this field but it was not returned
	// birth_date low_confidence - confidence below the minimum
}

func ExamplePassport_ScanDocument() {
	d := mrz.MustParse("P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4",
		mrz.WithReferenceDate(field.MustDate(2026, 1, 1)))
	s := passport.FromMRZ(d).ScanDocument()
	fmt.Printf("%s %s %s %s %.2f\n", *s.DocumentType, *s.FullName, *s.IssuingCountry, *s.DateOfBirth, s.Confidence)
	// Output: passport ERIKA MUSTERMANN DEU 1964-08-12 0.72
}

func TestPassportString(t *testing.T) {
	p := passport.FromMRZ(mrz.MustParse(specimen, ref))
	s := p.String()
	for _, want := range []string{":Surname: ERIKSSON\n", ":Given Name(s): ANNA\n                MARIA\n", ":MRZ Line 2: L898902C36UTO7408122F1204159ZE184226B<<<<<10\n", "Page 0\n------\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
}
