package passport

import (
	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
)

// FromMRZ builds a passport from a parsed MRZ. A field whose check digit
// holds gets [CheckedConfidence], one whose check digit fails or that is
// invalid [FailedConfidence], and a field no check digit covers (names, sex,
// countries, document type, optional data without a check digit)
// [UncheckedConfidence]; one a repair changed without a check digit to
// confirm it ([mrz.Document.Unverified]) at most [GuessedConfidence].
// [FromMRZReading] gives confidences from an image
// reader's scores instead.
//
// When the polygons of the MRZ lines are given (one per line, as a vendor
// returns them), each field gets the polygon of its own characters, and the
// lines keep theirs.
func FromMRZ(d mrz.Document, linePolygons ...geometry.Polygon) Passport {
	p := Passport{Source: SourceMRZ, MRZ: d}
	failed := map[string]bool{}
	for _, e := range d.Errors() {
		failed[string(e.Field)] = true
	}
	conf := func(name string, check mrz.Check, hasCheck bool) field.Confidence {
		switch {
		case failed[name]:
			return FailedConfidence
		case d.Unverified(mrz.FieldName(name)):
			return GuessedConfidence
		case hasCheck && d.Check(check) == mrz.CheckPassed:
			return CheckedConfidence
		case hasCheck && d.Check(check) == mrz.CheckFailed:
			return FailedConfidence
		}
		return UncheckedConfidence
	}
	lines := d.Lines()
	poly := func(name string) geometry.Polygon {
		line, col, n, ok := d.Position(mrz.FieldName(name))
		if !ok || line > len(linePolygons) || line > len(lines) {
			return nil
		}
		sp, err := linePolygons[line-1].Span(col-1, col-1+n, len(lines[line-1]))
		if err != nil {
			return nil
		}
		return sp
	}
	mk := func(v string, name string, check mrz.Check, hasCheck bool) field.Field[string] {
		if v == "" {
			return field.Field[string]{}
		}
		return field.Field[string]{Value: v, Confidence: conf(name, check, hasCheck), Polygon: poly(name)}
	}
	p.IDNumber = mk(d.DocumentNumber(), "document_number", mrz.CheckDocumentNumber, true)
	p.Surname = mk(d.Surname(), "name", 0, false)
	for _, g := range d.GivenNames() {
		f := mk(g, "name", 0, false)
		if d.Format().IsICAO() {
			f.Polygon = nil // one polygon for the whole name field is on Surname
		} else {
			f.Polygon = poly("given_names")
		}
		p.GivenNames = append(p.GivenNames, f)
	}
	if c := d.IssuingState(); !c.IsZero() {
		p.Country = field.Field[field.Country]{Value: c, Confidence: conf("issuing_state", 0, false), Polygon: poly("issuing_state")}
	}
	if c := d.Nationality(); !c.IsZero() {
		p.Nationality = field.Field[field.Country]{Value: c, Confidence: conf("nationality", 0, false), Polygon: poly("nationality")}
	}
	if b := d.BirthDate(); !b.IsZero() {
		p.BirthDate = field.Field[field.Date]{Value: b, Confidence: conf("birth_date", mrz.CheckBirthDate, true), Polygon: poly("birth_date")}
	}
	if e := d.ExpiryDate(); !e.IsZero() {
		p.ExpiryDate = field.Field[field.Date]{Value: e, Confidence: conf("expiry_date", mrz.CheckExpiryDate, true), Polygon: poly("expiry_date")}
	}
	if s := d.Sex(); s != field.SexUnknown {
		p.Gender = field.Field[field.Sex]{Value: s, Confidence: conf("sex", 0, false), Polygon: poly("sex")}
	}
	if od := d.OptionalData(); od != "" {
		hasCheck := d.Check(mrz.CheckOptionalData) != mrz.CheckAbsent
		p.OptionalData = mk(od, "optional_data", mrz.CheckOptionalData, hasCheck)
	}
	if t := documentType(d.Kind()); t != "" {
		p.DocumentType = field.Field[string]{Value: t, Confidence: conf("document_code", 0, false)}
	}
	mrzLine := func(i int) field.Field[string] {
		if i >= len(lines) {
			return field.Field[string]{}
		}
		c := CheckedConfidence
		if !d.IsValid() {
			c = FailedConfidence
		}
		f := field.Field[string]{Value: lines[i], Confidence: c}
		if i < len(linePolygons) {
			f.Polygon = linePolygons[i]
		}
		return f
	}
	p.MRZ1, p.MRZ2, p.MRZ3 = mrzLine(0), mrzLine(1), mrzLine(2)
	return p
}
