package ocr_test

import (
	"context"
	"os"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr"
	"github.com/mrzkit/mrzkit/passport"
)

// TestResultPassport: the passport of a reading carries the image's
// polygons (inside the page, each field's inside its line's box), the
// orientation and confidences; an empty result gives an empty passport.
func TestResultPassport(t *testing.T) {
	data, err := os.ReadFile("../testdata/ocr/td3-turned.png")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ocr.ReadBytes(context.Background(), data, ocr.WithMRZOptions(mrz.WithReferenceDate(field.MustDate(2010, 1, 1))))
	if err != nil || !res.IsValid() {
		t.Fatalf("read: %v", err)
	}
	p := res.Passport()
	if p.Source != passport.SourceImage || p.Orientation.Degrees != res.Orientation.Degrees || !p.Orientation.Known {
		t.Errorf("source %q, orientation %+v", p.Source, p.Orientation)
	}
	for name, f := range map[string]field.Field[string]{"id": p.IDNumber, "surname": p.Surname, "mrz1": p.MRZ1, "mrz2": p.MRZ2} {
		if len(f.Polygon) != 4 || f.Value == "" {
			t.Errorf("%s: value %q, polygon %v", name, f.Value, f.Polygon)
		}
		for _, pt := range f.Polygon {
			if pt.X < 0 || pt.X > 1 || pt.Y < 0 || pt.Y > 1 {
				t.Errorf("%s: point %v outside the page", name, pt)
			}
		}
	}
	line := p.MRZ2.Polygon.Bounds()
	id := p.IDNumber.Polygon.Bounds()
	const eps = 0.01 // the line is a quadrilateral, its characters follow a curve
	if id.Left < line.Left-eps || id.Top < line.Top-eps || id.Left+id.Width > line.Left+line.Width+eps || id.Top+id.Height > line.Top+line.Height+eps {
		t.Errorf("document number %+v outside its line %+v", id, line)
	}
	if p.BirthDate.Confidence <= passport.UncheckedConfidence || p.MRZ1.Value != res.Lines[0] {
		t.Errorf("birth confidence %v, mrz1 %q", p.BirthDate.Confidence, p.MRZ1.Value)
	}
	for _, empty := range []*ocr.Result{nil, {}} {
		q := empty.Passport()
		if q.HasMRZ() || q.Surname.Value != "" || q.IDNumber.Value != "" || q.Source != passport.SourceImage {
			t.Errorf("empty result: %+v", q)
		}
	}
}
