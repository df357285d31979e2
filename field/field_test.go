package field_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
)

// TestFieldJSON: a field's own JSON is its exported fields, with an absent
// value, polygon or page left out; it reads back the same.
func TestFieldJSON(t *testing.T) {
	poly := geometry.Polygon{{X: 0.1, Y: 0.2}, {X: 0.3, Y: 0.2}, {X: 0.3, Y: 0.25}, {X: 0.1, Y: 0.25}}
	tests := []struct {
		name string
		in   any
		out  string
		back func([]byte) (any, error)
	}{
		{"text on page 0", field.Field[string]{Value: "P<UTO", Confidence: 0.98, Polygon: poly, Page: field.PageNumber(0)},
			`{"value":"P<UTO","confidence":0.98,"polygon":[[0.1,0.2],[0.3,0.2],[0.3,0.25],[0.1,0.25]],"page":0}`, decodeAs[string]},
		{"null page", field.Field[string]{Value: "X", Page: field.NullPage()}, `{"value":"X","confidence":0,"page":null}`, decodeAs[string]},
		{"nothing", field.Field[string]{}, `{"confidence":0}`, decodeAs[string]},
		{"date", field.Of(field.MustDate(1974, 8, 12), 1), `{"value":"1974-08-12","confidence":1}`, decodeAs[field.Date]},
		{"partial date", field.Of(field.MustParseDate("1974-XX-XX"), 0.5), `{"value":"1974-XX-XX","confidence":0.5}`, decodeAs[field.Date]},
		{"country", field.Of(field.MustParseCountry("UTO"), 0.5), `{"value":"UTO","confidence":0.5}`, decodeAs[field.Country]},
		{"sex", field.Of(field.SexFemale, 0.5), `{"value":"F","confidence":0.5}`, decodeAs[field.Sex]},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(tt.in); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := strings.TrimSpace(b.String())
		if got != tt.out {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.out)
		}
		back, err := tt.back([]byte(got))
		if err != nil || !reflect.DeepEqual(back, tt.in) {
			t.Errorf("%s: read back %+v, %v; want %+v", tt.name, back, err, tt.in)
		}
	}
	var d field.Field[field.Date]
	for _, bad := range []string{`{"value":"1995-13-20"}`, `{"value":12}`, `{"confidence":"high"}`, `{"page":-1}`, `{"page":"0"}`, `[]`, `{"polygon":[[1]]}`} {
		if err := json.Unmarshal([]byte(bad), &d); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	var c field.Field[field.Country]
	if err := json.Unmarshal([]byte(`{"value":"ZZZ"}`), &c); err == nil {
		t.Error("unknown country accepted")
	}
}

func decodeAs[T field.Value](b []byte) (any, error) {
	var f field.Field[T]
	err := json.Unmarshal(b, &f)
	return f, err
}

func TestPageStates(t *testing.T) {
	if p := field.PageNumber(2); p.IsAbsent() || p.IsNull() || p.IsZero() {
		t.Errorf("number: %+v", p)
	} else if n, ok := p.Number(); !ok || n != 2 {
		t.Errorf("number: %d %v", n, ok)
	}
	if p := field.NullPage(); !p.IsNull() || p.IsAbsent() {
		t.Errorf("null: %+v", p)
	}
	var p field.Page
	if !p.IsAbsent() || !p.IsZero() {
		t.Errorf("absent: %+v", p)
	}
	if _, ok := p.Number(); ok {
		t.Error("an absent page has a number")
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
	// Output: {"value":"1974-08-12","confidence":0.98,"polygon":[[0.34,0.69],[0.57,0.69],[0.57,0.71],[0.34,0.71]],"page":0}
}
