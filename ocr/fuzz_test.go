package ocr

import (
	"bytes"
	"context"
	"errors"
	"image/jpeg"
	"math"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/pages"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

// FuzzReadBytes reads random bytes and mutated images. It must not panic,
// and what it returns must hold together: an error is ErrNotFound or a
// decoding error; a result's lines are its document's, each character has
// a confidence in [0, 1] and a polygon of four finite corners, and a valid
// result has no error.
func FuzzReadBytes(f *testing.F) {
	// Seeds: small rendered pages (a fuzzer's mutations of a large image
	// are slow to run and to minimize), as PNG and JPEG.
	if font, err := render.Load(""); err == nil {
		for i, s := range []pages.Spec{
			{Format: mrz.TD1, CapHeight: 8, Margin: 0.02},
			{Format: mrz.TD3, CapHeight: 8, Turn: 2, Skew: 6, Clutter: 1, Margin: 0.02, JPEG: 60},
			{Format: mrz.SwissDrivingLicence, CapHeight: 8, Turn: 1, Margin: 0.02, Noise: 8},
		} {
			pg, err := pages.Render(font, s, uint64(i))
			if err != nil {
				f.Fatal(err)
			}
			b, err := pg.File()
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
			if s.JPEG == 0 {
				var buf bytes.Buffer
				jpeg.Encode(&buf, pg.Image, &jpeg.Options{Quality: 50})
				f.Add(buf.Bytes())
			}
		}
	}
	f.Add([]byte{})
	f.Add([]byte("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ReadBytes(context.Background(), data, WithMRZOptions(mrz.WithReferenceDate(pages.Reference)))
		if err != nil {
			var fe *FormatError
			if !errors.Is(err, ErrNotFound) && !errors.As(err, &fe) {
				t.Fatalf("error %v is neither ErrNotFound nor a *FormatError", err)
			}
			if res != nil {
				t.Fatal("a result with an error")
			}
			return
		}
		if strings.Join(res.Lines, "\n") != res.Document.String() || len(res.Raw) != len(res.Lines) {
			t.Fatalf("lines %q, raw %q, document %q", res.Lines, res.Raw, res.Document.String())
		}
		if res.IsValid() && res.Err != nil {
			t.Fatal("valid with an error")
		}
		if len(res.Chars) != len(res.Lines) || len(res.LinePolygons) != len(res.Lines) {
			t.Fatalf("%d lines, %d of characters, %d polygons", len(res.Lines), len(res.Chars), len(res.LinePolygons))
		}
		for i, l := range res.Chars {
			if len(l) != len(res.Lines[i]) {
				t.Fatalf("line %d: %d characters for %d", i+1, len(l), len(res.Lines[i]))
			}
			for _, c := range l {
				if !(c.Confidence >= 0 && c.Confidence <= 1) || len(c.Polygon) != 4 {
					t.Fatalf("character %+v", c)
				}
				for _, p := range c.Polygon {
					if math.IsNaN(p.X) || math.IsInf(p.X, 0) || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
						t.Fatalf("polygon %v", c.Polygon)
					}
				}
			}
		}
		if !(res.Confidence >= 0 && res.Confidence <= 1) || !res.Orientation.Known {
			t.Fatalf("confidence %v, orientation %+v", res.Confidence, res.Orientation)
		}
	})
}
