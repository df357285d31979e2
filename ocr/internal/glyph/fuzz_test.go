package glyph_test

import (
	"math"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

// FuzzClassifyLine classifies a rendered line through cells of any
// geometry: any origin, pitch, height, slant and perspective, and any
// corner replaced by a raw value (NaN, infinities, huge). Every cell must
// get finite probabilities that sum to 1, the same on a second call.
func FuzzClassifyLine(f *testing.F) {
	font, err := render.Load("")
	if err != nil {
		f.Skip("OCR-B font not installed (apt-get install fonts-ocr-b): skipping")
	}
	img, _ := cleanLine(font, "P<UTOERIKSSON<<ANNA<MARIA<<<", 14, 0)
	f.Add(28.0, 28.0, 14.8, 14.0, 0.0, 0.0, uint8(28), uint8(255), 0.0)
	f.Add(-5.0, 1e9, 0.0, -3.0, 1.0, 0.3, uint8(3), uint8(2), math.NaN())
	f.Add(100.0, 30.0, 1e-3, 1e308, -0.5, -2.0, uint8(60), uint8(7), math.Inf(-1))
	f.Fuzz(func(t *testing.T, x, y, pitch, height, slant, persp float64, n, raw uint8, rawValue float64) {
		cells := make([]glyph.Quad, int(n)%64)
		for i := range cells {
			a := x + float64(i)*pitch
			grow := 1 + persp*float64(i)/float64(len(cells))
			h := height * grow
			cells[i] = glyph.Quad{
				{X: a + slant*h, Y: y - h}, {X: a + pitch + slant*h, Y: y - h},
				{X: a + pitch, Y: y}, {X: a, Y: y},
			}
		}
		if len(cells) > 0 && raw < 255 {
			c := &cells[int(raw)%len(cells)]
			if raw%2 == 0 {
				c[raw%4].X = rawValue
			} else {
				c[raw%4].Y = rawValue
			}
		}
		out := make([]glyph.Scores, len(cells))
		glyph.ClassifyLine(img, cells, out)
		checkScores(t, out)
		again := make([]glyph.Scores, len(cells))
		for i := range again {
			again[i][0] = 7 // stale contents must not matter
		}
		glyph.ClassifyLine(img, cells, again)
		for i := range out {
			if out[i] != again[i] {
				t.Fatalf("cell %d: a second call scores differently", i)
			}
		}
	})
}
