package passport_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/passport/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestScanDocumentRefusesOtherShapes: what is not a Scan Document is
// refused, and another vendor's response is named.
func TestScanDocumentRefusesOtherShapes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"null", `null`, "want an object, got null"},
		{"empty object", `{}`, "none of its keys"},
		{"array", `[{"fullName":"A"}]`, "wrong type"},
		{"string", `"passport"`, "wrong type"},
		{"unknown keys", `{"name":"ERIKA","dob":"1964-08-12"}`, "none of its keys"},
		{"Mindee", string(fixture(t, "mindee_eriksson.json")), "looks like a Mindee response"},
		{"Mindee error", `{"api_request":{"status":"failure","status_code":401}}`, "looks like a Mindee response"},
		{"Textract", string(fixture(t, "textract_eriksson.json")), "looks like an AWS Textract AnalyzeID response"},
		{"empty", "  \n", "empty input"},
	}
	for _, tt := range tests {
		_, err := passport.ReadScanDocument([]byte(tt.in))
		if !errors.Is(err, passport.ErrInput) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an ErrInput saying %q", tt.name, err, tt.want)
		}
	}
	// Keys given as null still make a Scan Document (an empty one): what
	// ScanDocument writes for a passport with no values reads back.
	for _, in := range []string{`{"documentType":null}`, string(mustJSON(t, passport.Passport{}.ScanDocument()))} {
		if _, err := passport.ReadScanDocument([]byte(in)); err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
}

// TestReadersNameOtherShapes: each reader says what its input looks like
// when it is another vendor's.
func TestReadersNameOtherShapes(t *testing.T) {
	scan := fixture(t, "scan_document_mustermann.json")
	if _, err := passport.ReadMindee(scan); err == nil || !strings.Contains(err.Error(), "looks like a Scan Document") {
		t.Errorf("Mindee of a Scan Document: %v", err)
	}
	if _, err := passport.ReadMindee(fixture(t, "textract_eriksson.json")); err == nil || !strings.Contains(err.Error(), "Textract") {
		t.Errorf("Mindee of Textract: %v", err)
	}
	if _, err := passport.ReadTextract(fixture(t, "mindee_eriksson.json")); err == nil || !strings.Contains(err.Error(), "looks like a Mindee response") {
		t.Errorf("Textract of Mindee: %v", err)
	}
	if _, err := passport.ReadTextract(scan); err == nil || !strings.Contains(err.Error(), "looks like a Scan Document") {
		t.Errorf("Textract of a Scan Document: %v", err)
	}
}

// TestEmptyInput is called empty, not truncated JSON.
func TestEmptyInput(t *testing.T) {
	for name, read := range readers {
		for _, in := range []string{"", " \t\r\n"} {
			if err := read([]byte(in)); name[:4] == "Read" && (err == nil || !strings.Contains(err.Error(), "empty input")) {
				t.Errorf("%s(%q): %v", name, in, err)
			}
		}
	}
	if _, err := passport.ReadMindee([]byte(`{"api_request": {"sta`)); err == nil || !strings.Contains(err.Error(), "truncated JSON") {
		t.Errorf("truncated: %v", err)
	}
}

// TestReadersTakeOptions: the options of the readers reach the MRZ parse.
// A birth date 300101 is 2030 against 2035-01-01 and 1930 against today
// (2026 or later, until 2030).
func TestReadersTakeOptions(t *testing.T) {
	enc, err := mrz.Encode(mrz.Fields{Format: mrz.TD3, IssuingState: "UTO", Nationality: "UTO", DocumentNumber: "L898902C3",
		Surname: "ERIKSSON", GivenNames: []string{"ANNA"}, BirthDate: field.MustDate(2030, 1, 1), Sex: field.SexFemale,
		ExpiryDate: field.MustDate(2040, 1, 1)}, mrz.WithReferenceDate(field.MustDate(2035, 1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	l1, l2 := enc.Lines[0], enc.Lines[1]
	opt := mrz.WithReferenceDate(field.MustDate(2035, 1, 1))
	mindee := strings.NewReplacer("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", l1,
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10", l2).Replace(string(fixture(t, "mindee_eriksson.json")))
	r, err := passport.ReadMindee([]byte(mindee), opt)
	if err != nil {
		t.Fatal(err)
	}
	scan, err := passport.ReadScanDocument(mustJSON(t, map[string]any{"mrzData": l1 + "\n" + l2}), opt)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := passport.ReadTextract(mustJSON(t, map[string]any{"IdentityDocuments": []any{map[string]any{
		"IdentityDocumentFields": []any{map[string]any{"Type": map[string]any{"Text": "MRZ_CODE"},
			"ValueDetection": map[string]any{"Text": l1 + "\n" + l2, "Confidence": 99}}}}}}), opt)
	if err != nil || len(tx) != 1 {
		t.Fatal(err)
	}
	for name, p := range map[string]passport.Passport{"Mindee": r.Passport(), "Scan Document": scan, "Textract": tx[0]} {
		if y := p.MRZ.BirthDate().Year(); y != 2030 {
			t.Errorf("%s: birth year %d, want 2030", name, y)
		}
	}
}

// TestMindeeSharesNothing: changing one response changes no other.
func TestMindeeSharesNothing(t *testing.T) {
	p := passport.FromMRZ(mrz.MustParse(specimen, ref))
	a := p.Mindee()
	a.Document.Inference.Product.Features[0] = "changed"
	a.APIRequest.Resources[0] = "changed"
	a.Document.Annotations[2] = 'X'
	a.Document.Inference.Extras[0] = 'X'
	b := p.Mindee()
	if b.Document.Inference.Product.Features[0] != "country" || b.APIRequest.Resources[0] != "document" ||
		string(b.Document.Annotations) != `{"labels":[]}` || string(b.Document.Inference.Extras) != "{}" {
		t.Errorf("a later response changed: %+v", b.Document.Inference.Product)
	}
}

// TestJSONKeepsFillers: the passport's JSON writes '<' as it is when
// written by MarshalJSON or an Encoder without HTML escaping; json.Marshal
// escapes it (encoding/json does so to every MarshalJSON's output) into
// the same JSON value.
func TestJSONKeepsFillers(t *testing.T) {
	p := passport.FromMRZ(mrz.MustParse(specimen, ref))
	direct, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]any{"Passport": p, "*Passport": &p, "[]Passport": []passport.Passport{p},
		"Mindee": p.Mindee(), "ScanDocument": p.ScanDocument()} {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), `\u003c`) || !strings.Contains(b.String(), "<<") {
			t.Errorf("%s: fillers escaped:\n%.200s", name, b.String())
		}
	}
	if strings.Contains(string(direct), `\u003c`) {
		t.Error("MarshalJSON escapes fillers")
	}
	escaped, _ := json.Marshal(p)
	if !reflect.DeepEqual(jsonValue(t, escaped), jsonValue(t, direct)) {
		t.Error("json.Marshal writes another value")
	}
}

// TestMindeeFieldShape: Mindee's field shape (moved here from package
// field): page_id absent, null or a number, typed values, clamped
// confidences, and refusals.
func TestMindeeFieldShape(t *testing.T) {
	pred := func(fields string) string { return `{"document":{"inference":{"prediction":{` + fields + `}}}}` }
	read := func(in string) (passport.MindeePrediction, error) {
		r, err := passport.ReadMindee([]byte(pred(in)))
		if err != nil {
			return passport.MindeePrediction{}, err
		}
		return r.Document.Inference.Prediction, nil
	}
	tests := []struct {
		in, out string
		page    func(field.Page) bool
	}{
		{`"mrz1":{"confidence":0.98,"page_id":0,"polygon":[[0.1,0.2]],"value":"P<UTO"}`, `{"confidence":0.98,"page_id":0,"polygon":[[0.1,0.2]],"value":"P<UTO"}`,
			func(p field.Page) bool { n, ok := p.Number(); return ok && n == 0 }},
		{`"mrz1":{"confidence":0,"page_id":null,"polygon":[],"value":null}`, `{"confidence":0,"page_id":null,"polygon":[],"value":null}`, field.Page.IsNull},
		{`"mrz1":{"confidence":0.5,"polygon":[],"value":"X"}`, `{"confidence":0.5,"polygon":[],"value":"X"}`, field.Page.IsAbsent},
		{`"mrz1":{"page_id":3,"value":"X"}`, `{"confidence":0,"page_id":3,"polygon":[],"value":"X"}`,
			func(p field.Page) bool { n, ok := p.Number(); return ok && n == 3 }},
		{`"mrz1":{"confidence":7,"value":"X"}`, `{"confidence":1,"polygon":[],"value":"X"}`, field.Page.IsAbsent},
	}
	for _, tt := range tests {
		m, err := read(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if !tt.page(m.MRZ1.Page) {
			t.Errorf("%s: page state %+v", tt.in, m.MRZ1.Page)
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.Encode(m)
		var got map[string]json.RawMessage
		json.Unmarshal(b.Bytes(), &got)
		if string(got["mrz1"]) != tt.out {
			t.Errorf("%s: written %s, want %s", tt.in, got["mrz1"], tt.out)
		}
	}
	m, err := read(`"birth_date":{"value":"1995-05-20"},"country":{"value":"GBR"},"gender":{"value":"F"},"given_names":{"value":"A B"}`)
	if err != nil || m.BirthDate.Value != field.MustDate(1995, 5, 20) || m.Country.Value.Alpha2() != "GB" ||
		m.Gender.Value != field.SexFemale || len(m.GivenNames) != 1 || m.GivenNames[0].Value != "A B" {
		t.Errorf("typed values: %+v %v", m, err)
	}
	for _, bad := range []struct{ in, want string }{
		{`"birth_date":{"value":"1995-13-20"}`, "birth_date.value: want a date"},
		{`"birth_date":{"value":12}`, "birth_date.value: wrong type: got number, want string"},
		{`"birth_date":{"confidence":"high"}`, "birth_date.confidence: wrong type"},
		{`"birth_date":{"page_id":-1}`, "page_id: wrong type: got negative number, want a page number or null"},
		{`"birth_date":{"page_id":"0"}`, "page_id: wrong type: got string"},
		{`"birth_date":[]`, "birth_date: wrong type: got array, want object"},
		{`"birth_date":{"polygon":[[1]]}`, "birth_date.polygon: geometry: invalid: point 1 is not [x, y]"},
		{`"country":{"value":"ZZZ"}`, "country.value: want a country code"},
		{`"given_names":"A"`, "given_names: wrong type: got string, want a list of fields or one field"},
	} {
		if _, err := read(bad.in); !errors.Is(err, passport.ErrInput) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: %v, want %q", bad.in, err, bad.want)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func ExampleReadScanDocument() {
	p, err := passport.ReadScanDocument([]byte(`{"documentType":"passport","firstName":"ERIKA","lastName":"MUSTERMANN",
	 "dateOfBirth":"1964-08-12","issuingCountry":"DEU","confidence":0.97}`))
	fmt.Println(p.Surname.Value, p.BirthDate.Value, p.Country.Value, p.Surname.Confidence, err)
	_, err = passport.ReadScanDocument([]byte(`{"api_request":{"status":"failure","status_code":401}}`))
	fmt.Println(err)
	// Output:
	// MUSTERMANN 1964-08-12 DEU 0.97 <nil>
	// passport: unreadable input: not a Scan Document: it looks like a Mindee response (read it as mindee)
}

func ExampleReadMindee() {
	// The birth date 300101 of an MRZ is 2030 against a reference date in
	// 2035, 1930 against one before 2030.
	body := []byte(`{"api_request":{"status":"success","status_code":201},"document":{"inference":{"prediction":{
	  "mrz1":{"value":"P<UTOERIKSSON<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<","confidence":0.99},
	  "mrz2":{"value":"L898902C36UTO3001019F4001016<<<<<<<<<<<<<<<8","confidence":0.99}}}}}`)
	r, err := passport.ReadMindee(body, mrz.WithReferenceDate(field.MustDate(2035, 1, 1)))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := r.Passport()
	fmt.Println(p.MRZ.BirthDate(), p.MRZ.IsValid())
	_, err = passport.ReadMindee([]byte(`{"api_request":{"status":"failure","status_code":401}}`))
	fmt.Println(err)
	// Output:
	// 2030-01-01 true
	// passport: unreadable input: Mindee API error (status_code 401)
}
