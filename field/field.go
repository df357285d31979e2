package field

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"

	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/internal/jsonx"
)

// Confidence is how sure a reader is of a value, in [0, 1].
type Confidence float64

// ConfidenceFromPercent converts a confidence given in 0..100 (AWS
// Textract) to [0, 1], clamping out-of-range values.
func ConfidenceFromPercent(p float64) Confidence { return ClampConfidence(p / 100) }

// ClampConfidence returns c limited to [0, 1]; NaN gives 0.
func ClampConfidence(c float64) Confidence {
	switch {
	case math.IsNaN(c) || c < 0:
		return 0
	case c > 1:
		return 1
	}
	return Confidence(c)
}

// Page says which page a field is on. Mindee's JSON tells three states
// apart, and so does Page: the key absent (the zero Page), null, and a page
// number.
type Page struct {
	state uint8 // 0 absent, 1 null, 2 number
	n     int
}

// PageNumber returns the page with 0-based index n.
func PageNumber(n int) Page { return Page{state: 2, n: n} }

// NullPage returns the page of a field whose page is given as null.
func NullPage() Page { return Page{state: 1} }

// IsAbsent reports whether no page was given at all.
func (p Page) IsAbsent() bool { return p.state == 0 }

// IsNull reports whether the page was given as null.
func (p Page) IsNull() bool { return p.state == 1 }

// Number returns the 0-based page index, and false when there is none.
func (p Page) Number() (int, bool) { return p.n, p.state == 2 }

// MarshalJSON writes the number or null (also for an absent page; leave
// the key out with omitzero to keep it absent).
func (p Page) MarshalJSON() ([]byte, error) {
	if p.state == 2 {
		return []byte(strconv.Itoa(p.n)), nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads a number or null.
func (p *Page) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = NullPage()
		return nil
	}
	var n int
	if err := json.Unmarshal(b, &n); err != nil || n < 0 {
		return errors.New("page_id: want a page number or null")
	}
	*p = PageNumber(n)
	return nil
}

// IsZero reports whether p is absent (for omitzero).
func (p Page) IsZero() bool { return p.state == 0 }

// Value is the constraint of the values a Field holds: text, Date, Country
// and Sex. The zero value means "no value" and is written as null.
type Value interface {
	string | Date | Country | Sex
}

// Field is one value read from a document, with how sure the reader was of
// it, where it is on the page, and which page. It marshals to Mindee's field
// shape: {"value", "confidence", "polygon", "page_id"}, with page_id left out
// when absent.
type Field[T Value] struct {
	Value      T
	Confidence Confidence
	Polygon    geometry.Polygon
	Page       Page
}

// IsZero reports whether f has no value.
func (f Field[T]) IsZero() bool {
	var zero T
	return f.Value == zero
}

// Of returns a field holding v with confidence c.
func Of[T Value](v T, c Confidence) Field[T] { return Field[T]{Value: v, Confidence: c} }

type fieldJSON struct {
	Confidence *float64         `json:"confidence,omitempty"`
	PageID     Page             `json:"page_id,omitzero"`
	Polygon    geometry.Polygon `json:"polygon"`
	Value      json.RawMessage  `json:"value"`
}

// MarshalJSON writes {"confidence", "page_id", "polygon", "value"}.
func (f Field[T]) MarshalJSON() ([]byte, error) {
	c := float64(f.Confidence)
	j := fieldJSON{Confidence: &c, PageID: f.Page, Polygon: f.Polygon}
	v, err := marshalValue(f.Value)
	if err != nil {
		return nil, err
	}
	j.Value = v
	return jsonx.Marshal(j)
}

func marshalValue[T Value](v T) ([]byte, error) {
	var zero T
	if v == zero {
		return []byte("null"), nil
	}
	switch x := any(v).(type) {
	case Date:
		return x.MarshalJSON()
	case Country:
		return json.Marshal(x.Code())
	case Sex:
		return json.Marshal(x.String())
	}
	return jsonx.Marshal(fmt.Sprint(v))
}

// UnmarshalJSON reads Mindee's field shape. A missing confidence is 0; it
// is clamped to [0, 1].
func (f *Field[T]) UnmarshalJSON(b []byte) error {
	var j map[string]json.RawMessage
	if err := json.Unmarshal(b, &j); err != nil || j == nil {
		return typeError("", jsonKind(b), "an object with value, confidence, polygon")
	}
	var out Field[T]
	if c, ok := j["confidence"]; ok && string(c) != "null" {
		var v float64
		if err := json.Unmarshal(c, &v); err != nil {
			return typeError("confidence", jsonKind(c), "a number")
		}
		out.Confidence = ClampConfidence(v)
	}
	if pg, ok := j["page_id"]; ok {
		if err := out.Page.UnmarshalJSON(pg); err != nil {
			return typeError("page_id", jsonKind(pg), "a page number or null")
		}
	}
	if pl, ok := j["polygon"]; ok {
		if err := out.Polygon.UnmarshalJSON(pl); err != nil && string(pl) != "null" {
			return typeError("polygon", jsonKind(pl), "a list of [x, y] points")
		}
	}
	if v, ok := j["value"]; ok && string(v) != "null" {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return typeError("value", jsonKind(v), "a string or null")
		}
		val, err := parseValue[T](s)
		if err != nil {
			var zero T
			return typeError("value", "invalid string", "a "+valueName(zero))
		}
		out.Value = val
	}
	*f = out
	return nil
}

// typeError reports a field of the wrong type or form as a
// *json.UnmarshalTypeError, so that encoding/json adds the path of the
// field to it. It never holds the value itself.
func typeError(key, got, want string) error {
	return &json.UnmarshalTypeError{Value: got + ", want " + want, Type: reflect.TypeOf(""), Field: key}
}

// jsonKind names the kind of a JSON value without repeating it.
func jsonKind(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

func valueName[T Value](v T) string {
	switch any(v).(type) {
	case Date:
		return "date YYYY-MM-DD"
	case Country:
		return "country code"
	case Sex:
		return "sex M, F, X or <"
	}
	return "string"
}

// parseValue parses the text of a value of type T.
func parseValue[T Value](s string) (T, error) {
	var zero T
	var v any
	switch any(zero).(type) {
	case Date:
		d, err := ParseDate(s)
		if err != nil {
			return zero, fmt.Errorf("value: %w", err)
		}
		v = d
	case Country:
		c, err := ParseCountry(s)
		if err != nil {
			return zero, fmt.Errorf("value: %w", err)
		}
		v = c
	case Sex:
		x, err := ParseSex(s)
		if err != nil {
			return zero, fmt.Errorf("value: %w", err)
		}
		v = x
	default:
		v = s
	}
	return v.(T), nil
}

// Orientation is the rotation of a page as read: 0, 90, 180 or 270 degrees
// clockwise, with a confidence. The zero Orientation is "unknown".
type Orientation struct {
	Degrees    int
	Confidence Confidence
	Known      bool
}

// NewOrientation returns a known orientation; degrees must be 0, 90, 180 or
// 270.
func NewOrientation(degrees int, c Confidence) (Orientation, error) {
	switch degrees {
	case 0, 90, 180, 270:
		return Orientation{Degrees: degrees, Confidence: c, Known: true}, nil
	}
	return Orientation{}, errors.New("orientation: want 0, 90, 180 or 270 degrees")
}

// IsZero reports whether the orientation is unknown.
func (o Orientation) IsZero() bool { return !o.Known }
