package glyph_test

import (
	"errors"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

func loadFont(t testing.TB) *render.Font {
	t.Helper()
	f, err := render.Load("")
	if errors.Is(err, render.ErrNoFont) {
		t.Skip("OCR-B font not installed (apt-get install fonts-ocr-b): skipping")
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// heldOut is the seed of the test renders: neither the trainer's training
// nor its held-out set.
const heldOut = 0x7e57

func TestRenderedAccuracy(t *testing.T) {
	f := loadFont(t)
	tests := []struct {
		kind  synth.Kind
		lines int
		floor float64
	}{
		{synth.Clean, 200, 0.995},
	}
	for _, tc := range tests {
		var chars, ok int
		for i := range tc.lines {
			l := synth.Render(f, heldOut, uint64(i), tc.kind)
			sc := make([]glyph.Scores, len(l.Cells))
			glyph.ClassifyLine(l.Img, l.Cells, sc)
			for k := range sc {
				b, _ := sc[k].Best()
				chars++
				if b == l.Text[k] {
					ok++
				}
			}
		}
		rate := float64(ok) / float64(chars)
		t.Logf("kind %d: %d/%d characters (%.4f)", tc.kind, ok, chars, rate)
		if rate < tc.floor {
			t.Errorf("kind %d: %.4f of characters read, want at least %.4f", tc.kind, rate, tc.floor)
		}
	}
}
