package field_test

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
)

func TestFieldJSONPageStates(t *testing.T) {
	tests := []struct {
		in, out string
		page    func(field.Page) bool
	}{
		{`{"confidence":0.98,"page_id":0,"polygon":[[0.1,0.2]],"value":"ABC"}`, `{"confidence":0.98,"page_id":0,"polygon":[[0.1,0.2]],"value":"ABC"}`,
			func(p field.Page) bool { n, ok := p.Number(); return ok && n == 0 }},
		{`{"confidence":0,"page_id":null,"polygon":[],"value":null}`, `{"confidence":0,"page_id":null,"polygon":[],"value":null}`,
			field.Page.IsNull},
		{`{"confidence":0.5,"polygon":[],"value":"X"}`, `{"confidence":0.5,"polygon":[],"value":"X"}`, field.Page.IsAbsent},
		{`{"page_id":3,"value":"X"}`, `{"confidence":0,"page_id":3,"polygon":[],"value":"X"}`,
			func(p field.Page) bool { n, ok := p.Number(); return ok && n == 3 }},
	}
	for _, tt := range tests {
		var f field.Field[string]
		if err := json.Unmarshal([]byte(tt.in), &f); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if !tt.page(f.Page) {
			t.Errorf("%s: page state %+v", tt.in, f.Page)
		}
		b, err := json.Marshal(f)
		if err != nil || string(b) != tt.out {
			t.Errorf("%s: marshal %s %v", tt.in, b, err)
		}
	}
}

func TestFieldTypedValues(t *testing.T) {
	var d field.Field[field.Date]
	if err := json.Unmarshal([]byte(`{"value":"1995-05-20","confidence":0.98}`), &d); err != nil || d.Value != field.MustDate(1995, 5, 20) {
		t.Errorf("date: %v %v", d.Value, err)
	}
	var c field.Field[field.Country]
	if err := json.Unmarshal([]byte(`{"value":"GBR","confidence":1.0}`), &c); err != nil || c.Value.Alpha2() != "GB" {
		t.Errorf("country: %v %v", c.Value, err)
	}
	var s field.Field[field.Sex]
	if err := json.Unmarshal([]byte(`{"value":"F"}`), &s); err != nil || s.Value != field.SexFemale {
		t.Errorf("sex: %v %v", s.Value, err)
	}
	var mrz field.Field[string]
	json.Unmarshal([]byte(`{"value":"P<UTO"}`), &mrz)
	// The field itself does not escape '<'; json.Marshal escapes HTML in
	// everything, an Encoder with SetEscapeHTML(false) does not.
	if b, _ := mrz.MarshalJSON(); string(b) != `{"confidence":0,"polygon":[],"value":"P<UTO"}` {
		t.Errorf("fillers escaped: %s", b)
	}
	for _, bad := range []string{`{"value":"1995-13-20"}`, `{"value":12}`, `{"confidence":"high"}`, `{"page_id":-1}`, `{"page_id":"0"}`, `[]`, `null`, `{"polygon":[[1]]}`} {
		if err := json.Unmarshal([]byte(bad), &d); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if err := json.Unmarshal([]byte(`{"value":"ZZZ"}`), &c); err == nil {
		t.Error("unknown country accepted")
	}
}

func TestConfidence(t *testing.T) {
	for in, want := range map[float64]field.Confidence{98.5: 0.985, 0: 0, 100: 1, 150: 1, -3: 0} {
		if got := field.ConfidenceFromPercent(in); math.Abs(float64(got-want)) > 1e-12 {
			t.Errorf("ConfidenceFromPercent(%v) = %v", in, got)
		}
	}
	if field.ClampConfidence(math.NaN()) != 0 {
		t.Error("NaN")
	}
	var f field.Field[string]
	json.Unmarshal([]byte(`{"confidence":7,"value":"A"}`), &f)
	if f.Confidence != 1 {
		t.Errorf("confidence not clamped: %v", f.Confidence)
	}
}

func TestOrientation(t *testing.T) {
	for _, d := range []int{0, 90, 180, 270} {
		if o, err := field.NewOrientation(d, 0.9); err != nil || o.Degrees != d || o.IsZero() {
			t.Errorf("%d: %v %v", d, o, err)
		}
	}
	if _, err := field.NewOrientation(45, 1); err == nil {
		t.Error("45 accepted")
	}
}

func ExampleField() {
	f := field.Field[field.Date]{
		Value:      field.MustDate(1974, 8, 12),
		Confidence: 0.98,
		Polygon:    geometry.Polygon{{X: 0.34, Y: 0.69}, {X: 0.57, Y: 0.69}, {X: 0.57, Y: 0.71}, {X: 0.34, Y: 0.71}},
		Page:       field.PageNumber(0),
	}
	b, _ := json.Marshal(f)
	fmt.Println(string(b))
	// Output: {"confidence":0.98,"page_id":0,"polygon":[[0.34,0.69],[0.57,0.69],[0.57,0.71],[0.34,0.71]],"value":"1974-08-12"}
}
