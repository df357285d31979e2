package glyph_test

import (
	"errors"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/measure"
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
// set nor its validation or comparison sets.
const heldOut = 0x7e57

// TestRenderedAccuracy reads held-out rendered lines: clean ones (random
// size, sub-pixel position, cells jittered like detection's) and degraded
// ones (every degradation of synth.Degraded).
func TestRenderedAccuracy(t *testing.T) {
	f := loadFont(t)
	tests := []struct {
		name  string
		kind  synth.Kind
		lines int
		floor float64 // share of characters read right
	}{
		{"clean", synth.Clean, 300, 0.998},
		{"degraded", synth.Degraded, 500, 0.985},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() || raceEnabled {
				// The reading is deterministic: the plain run measures it.
				t.Skip("accuracy on renders is measured without -short and -race")
			}
			n := tc.lines
			var s measure.Score
			for i := range n {
				l := synth.Render(f, heldOut, uint64(i), tc.kind)
				sc := make([]glyph.Scores, len(l.Cells))
				glyph.ClassifyLine(l.Img, l.Cells, sc)
				s.Add(l.Text, sc)
			}
			t.Logf("%d/%d lines, %d/%d characters (%.4f); look-alikes confused: %s; worst: %s",
				s.LinesOK, s.Lines, s.CharsOK, s.Chars, s.CharRate(), s.Pairs(), s.Worst(5))
			if s.CharRate() < tc.floor {
				t.Errorf("%.4f of characters read, want at least %.4f", s.CharRate(), tc.floor)
			}
		})
	}
}
