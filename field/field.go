package field

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"

	"github.com/mrzkit/mrzkit/geometry"
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
// it, where it is on the page, and which page.
//
// Its JSON form is that of its exported fields, {"value", "confidence",
// "polygon", "page"}, leaving out an absent value, polygon or page. The
// shapes vendors give fields in (Mindee's {"value", "confidence", "polygon",
// "page_id"}, ...) are read and written by package passport.
type Field[T Value] struct {
	Value      T                `json:"value,omitzero"`
	Confidence Confidence       `json:"confidence"`
	Polygon    geometry.Polygon `json:"polygon,omitzero"`
	Page       Page             `json:"page,omitzero"`
}

// IsZero reports whether f has no value.
func (f Field[T]) IsZero() bool {
	var zero T
	return f.Value == zero
}

// Of returns a field holding v with confidence c.
func Of[T Value](v T, c Confidence) Field[T] { return Field[T]{Value: v, Confidence: c} }

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
