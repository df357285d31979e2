package ocr

import (
	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/passport"
)

// Passport returns the passport the reading gives, as
// [passport.FromMRZReading] builds it: the MRZ's values with each field's
// polygon spanning its own characters and its confidence from theirs and
// the check digits, the lines with their polygons, and the page's
// orientation, so that its Mindee and ScanDocument shapes carry them. A nil
// or empty Result (no MRZ found) gives a passport whose every field is
// empty, which is what the vendors answer for a page without an MRZ.
func (r *Result) Passport() passport.Passport {
	if r == nil || len(r.Chars) == 0 {
		return passport.Passport{Source: passport.SourceImage}
	}
	rd := passport.MRZReading{
		Chars:       make([][]passport.CharReading, len(r.Chars)),
		Lines:       r.LinePolygons,
		Orientation: r.Orientation,
	}
	for i, line := range r.Chars {
		rd.Chars[i] = make([]passport.CharReading, len(line))
		for j, c := range line {
			rd.Chars[i][j] = passport.CharReading{Polygon: c.Polygon, Confidence: field.ClampConfidence(c.Confidence)}
		}
	}
	return passport.FromMRZReading(r.Document, rd)
}
