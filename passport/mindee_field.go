package passport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
)

// mindeeField is a field in Mindee's shape, {"confidence", "page_id",
// "polygon", "value"}, as read. Its parts are plain types (the page a
// literal), so that encoding/json reads a whole response in one pass.
type mindeeField struct {
	Confidence *float64    `json:"confidence"`
	PageID     mindeePage  `json:"page_id"`
	Polygon    [][]float64 `json:"polygon"`
	Value      *string     `json:"value"`
}

// mindeePage reads page_id: absent, null or a page number.
type mindeePage field.Page

// UnmarshalJSON reads null or a page number.
func (p *mindeePage) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = mindeePage(field.NullPage())
		return nil
	}
	n, err := strconv.ParseUint(string(b), 10, 31)
	if err != nil {
		return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeFor[mindeePage]()}
	}
	*p = mindeePage(field.PageNumber(int(n)))
	return nil
}

// mindeeNames reads given_names: a list of fields (passport v1) or one
// field (newer products).
type mindeeNames []mindeeField

// UnmarshalJSON reads a list of fields or one field.
func (n *mindeeNames) UnmarshalJSON(b []byte) error {
	switch jsonKind(b) {
	case "object":
		var one mindeeField
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*n = mindeeNames{one}
		return nil
	case "array", "null":
		var list []mindeeField
		if err := json.Unmarshal(b, &list); err != nil {
			return err
		}
		*n = list
		return nil
	}
	return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeFor[mindeeNames]()}
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
	case '-':
		return "negative number"
	}
	return "number"
}

// fieldOf converts a field as read to a typed field, parsing its value as
// T. Errors name the field by its JSON path, prefix.name.
func fieldOf[T field.Value](m *mindeeField, prefix, name string) (field.Field[T], error) {
	var f field.Field[T]
	if m.Confidence != nil {
		f.Confidence = field.ClampConfidence(*m.Confidence)
	}
	f.Page = field.Page(m.PageID)
	poly, err := geometry.FromPairs(m.Polygon)
	if err != nil {
		return f, fmt.Errorf("%w: %s.%s.polygon: %w", ErrInput, prefix, name, err)
	}
	f.Polygon = poly
	if m.Value != nil {
		v, ok := parseValue[T](*m.Value)
		if !ok {
			var zero T
			return f, fmt.Errorf("%w: %s.%s.value: want %s", ErrInput, prefix, name, valueName(zero))
		}
		f.Value = v
	}
	return f, nil
}

// parseValue parses the text of a value of type T.
func parseValue[T field.Value](s string) (T, bool) {
	var out T
	switch p := any(&out).(type) {
	case *field.Date:
		d, err := field.ParseDate(s)
		*p = d
		return out, err == nil
	case *field.Country:
		c, err := field.ParseCountry(s)
		*p = c
		return out, err == nil
	case *field.Sex:
		x, err := field.ParseSex(s)
		*p = x
		return out, err == nil
	case *string:
		*p = s
	}
	return out, true
}

// valueName says what a value of type T must look like.
func valueName[T field.Value](v T) string {
	switch any(v).(type) {
	case field.Date:
		return "a date YYYY-MM-DD"
	case field.Country:
		return "a country code"
	case field.Sex:
		return "a sex M, F, X or <"
	}
	return "a string"
}

// mindeeFieldOut is a field in Mindee's shape as written.
type mindeeFieldOut struct {
	Confidence float64          `json:"confidence"`
	PageID     field.Page       `json:"page_id,omitzero"`
	Polygon    geometry.Polygon `json:"polygon"`
	Value      *string          `json:"value"`
}

// outField returns f in Mindee's shape: its value as text, null when it
// has none.
func outField[T field.Value](f field.Field[T]) mindeeFieldOut {
	o := mindeeFieldOut{Confidence: float64(f.Confidence), PageID: f.Page, Polygon: f.Polygon}
	if !f.IsZero() {
		var s string
		switch v := any(f.Value).(type) {
		case field.Date:
			s = v.String()
		case field.Country:
			s = v.Code()
		case field.Sex:
			s = v.String()
		case string:
			s = v
		}
		o.Value = &s
	}
	return o
}

// outNames returns given names in Mindee's shape: a list, [] for none.
func outNames(gs []field.Field[string]) []mindeeFieldOut {
	out := make([]mindeeFieldOut, len(gs))
	for i, g := range gs {
		out[i] = outField(g)
	}
	return out
}

// namesOf converts given names as read; errors name them prefix.name.
func namesOf(ns mindeeNames, prefix, name string) ([]field.Field[string], error) {
	if len(ns) == 0 {
		return nil, nil
	}
	out := make([]field.Field[string], len(ns))
	for i := range ns {
		f, err := fieldOf[string](&ns[i], prefix, name)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}
