package mrz

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/internal/jsonx"
)

// jsonInputs are documents of every format, valid and not, and the zero
// Document.
func jsonInputs(t testing.TB) []Document {
	out := []Document{{}}
	for _, s := range referenceSeeds(t) {
		for _, ref := range []field.Date{refDate2026, field.MustDate(1950, 6, 1)} {
			if d, _ := Parse(s, WithReferenceDate(ref)); d.lay != nil {
				out = append(out, d)
			}
		}
		// and one broken copy of each
		if len(s) > 20 {
			b := []byte(s)
			b[len(b)/2] = '9'
			if d, _ := Parse(string(b), WithReferenceDate(refDate2026)); d.lay != nil {
				out = append(out, d)
			}
		}
	}
	return out
}

// TestAppendJSONReference checks that AppendJSON writes what the reflective
// encoder wrote, byte for byte.
func TestAppendJSONReference(t *testing.T) {
	for _, d := range jsonInputs(t) {
		want, err := marshalJSONReference(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("%q:\ngot  %s\nwant %s", d.raw, got, want)
		}
		// Appending keeps what the buffer held.
		if got := d.AppendJSON([]byte("x")); !bytes.Equal(got, append([]byte("x"), want...)) {
			t.Errorf("%q: AppendJSON does not append", d.raw)
		}
	}
}

// TestAppendJSONString checks the string escaping against encoding/json on
// every country name and on awkward strings.
func TestAppendJSONString(t *testing.T) {
	in := []string{"", "<<<", `a"b\c`, "\x00\x01\x1f\x7f", "\n\r\t\b\f", "é€😀", "\u2028\u2029", "\xff\xfe", "a\xc3", "<script>&"}
	for _, c := range field.Countries() {
		in = append(in, c.Name())
	}
	for _, s := range in {
		want, _ := jsonx.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "a\"\\\n\u2028\xff", "Côte d'Ivoire"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := jsonx.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: %s, want %s", s, got, want)
		}
	})
}

// TestAppendJSONAllocs locks AppendJSON into a buffer with room at no
// allocation.
func TestAppendJSONAllocs(t *testing.T) {
	d, _ := Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", WithReferenceDate(refDate2026))
	buf := make([]byte, 0, 1024)
	if n := testing.AllocsPerRun(100, func() { buf = d.AppendJSON(buf[:0]) }); n != 0 {
		t.Errorf("AppendJSON: %v allocations", n)
	}
}

// TestDocumentJSONRoundTrip checks that a document read back from its JSON
// is the document written, centuries included.
func TestDocumentJSONRoundTrip(t *testing.T) {
	for _, d := range jsonInputs(t) {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back Document
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("%q: %v", d.raw, err)
			continue
		}
		if !reflect.DeepEqual(back, d) {
			t.Errorf("%q: read back differs:\n%s\n%s", d.raw, b, back.AppendJSON(nil))
		}
	}
	// Inside other values, and in a list.
	type wrap struct {
		Docs []Document `json:"docs"`
	}
	docs := jsonInputs(t)[:5]
	b, err := json.Marshal(wrap{docs})
	if err != nil {
		t.Fatal(err)
	}
	var w wrap
	if err := json.Unmarshal(b, &w); err != nil || !reflect.DeepEqual(w.Docs, docs) {
		t.Errorf("list: %v", err)
	}
}

// TestDocumentUnmarshalJSONErrors checks the errors, and that none repeats
// the input.
func TestDocumentUnmarshalJSONErrors(t *testing.T) {
	td3 := `["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<","L898902C36UTO7408122F1204159ZE184226B<<<<<10"]`
	for _, tt := range []struct {
		in   string
		kind error
	}{
		{`{}`, ErrMissing},
		{`{"format":"TD3"}`, ErrMissing},
		{`{"lines":"ERIKSSON"}`, ErrJSON},
		{`{"lines":[1974]}`, ErrJSON},
		{`["ERIKSSON"]`, ErrJSON},
		{`{"lines":` + td3 + `,"birth_date":"ERIKSSON"}`, ErrJSON},
		{`{"lines":` + td3 + `,"format":"TD1"}`, ErrFormat},
		{`{"lines":[],"format":"TD3"}`, ErrFormat},
		{`{"lines":["ERIKSSON"]}`, ErrLineCount},
		{`{"lines":["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<","L898902C36UTO7408122F1204159ZE184226B<<<<<1"]}`, ErrLineLength},
		{`{"lines":["p<utoeriksson"]}`, ErrInvalidCharacter},
	} {
		var d Document
		err := d.UnmarshalJSON([]byte(tt.in))
		if !errors.Is(err, tt.kind) {
			t.Errorf("%s: %v, want %v", tt.in, err, tt.kind)
		}
		if err != nil && (strings.Contains(err.Error(), "ERIKSSON") || strings.Contains(err.Error(), "1974") ||
			strings.Contains(strings.ToLower(err.Error()), "eriksson")) {
			t.Errorf("%s: error repeats the input: %v", tt.in, err)
		}
		if d.lay != nil {
			t.Errorf("%s: a document despite the error", tt.in)
		}
	}
	// An invalid document is read without error, as its JSON records.
	var d Document
	in := `{"lines":["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<","L898902C37UTO7408122F1204159ZE184226B<<<<<10"]}`
	if err := json.Unmarshal([]byte(in), &d); err != nil || d.IsValid() || len(d.Errors()) != 2 {
		t.Errorf("invalid document: %v %v", err, d.Errors())
	}
	// The century of the JSON's dates is kept; a date without hint is read
	// against today.
	in = `{"lines":` + td3 + `,"birth_date":"1874-08-12","expiry_date":"2112-04-15"}`
	if err := json.Unmarshal([]byte(in), &d); err != nil || d.BirthDate() != field.MustDate(1874, 8, 12) ||
		d.ExpiryDate() != field.MustDate(2112, 4, 15) {
		t.Errorf("centuries: %v %v %v", err, d.BirthDate(), d.ExpiryDate())
	}
	in = `{"lines":` + td3 + `}`
	if err := json.Unmarshal([]byte(in), &d); err != nil || d.BirthDate().Year() != 1974 {
		t.Errorf("no hints: %v %v", err, d.BirthDate())
	}
}

// TestFieldsUnmarshalJSONWrongType: a value of the wrong type names its
// field as the JSON does, with the wanted type.
func TestFieldsUnmarshalJSONWrongType(t *testing.T) {
	for _, tt := range []struct {
		in    string
		field FieldName
	}{
		{`{"format":"TD3","surname":3}`, "surname"},
		{`{"format":"TD3","given_names":"ANNA"}`, "given_names"},
		{`{"format":"TD3","document_number":[1]}`, "document_number"},
	} {
		var f Fields
		var fe *FieldError
		if err := json.Unmarshal([]byte(tt.in), &f); !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, ErrJSON) {
			t.Errorf("%s: %v, want a FieldError of %s", tt.in, err, tt.field)
		}
	}
}

// TestKindOf checks kindOf, the Kind of AppendJSON, against Document.Kind
// for every format and every code.
func TestKindOf(t *testing.T) {
	const chars = "<ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	for f, lay := range layouts {
		if lay == nil {
			continue
		}
		sp := lay.f[fCode]
		raw := []byte(strings.Repeat("<", lay.total()+int(lay.nlines)))
		for i := 0; i < len(chars); i++ {
			for j := 0; j < len(chars); j++ {
				code := []byte{chars[i], chars[j]}[:sp.n]
				copy(raw[sp.off:], code)
				d := Document{raw: string(raw), lay: lay}
				if got, want := kindOf(Format(f), string(code)), d.Kind(); got != want {
					t.Errorf("%v %q: %v, want %v", Format(f), code, got, want)
				}
			}
		}
	}
}
