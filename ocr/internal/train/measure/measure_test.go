package measure_test

import (
	"errors"
	"image"
	"math"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/measure"
)

func scores(text string) []glyph.Scores {
	sc := make([]glyph.Scores, len(text))
	for i := range text {
		sc[i][glyph.Class(text[i])] = 1
	}
	return sc
}

func TestScore(t *testing.T) {
	var s measure.Score
	s.Add("AB0O", scores("AB0O"))
	s.Add("AB0O", scores("A80D"))
	s.Add("<K", scores("K<"))
	if s.Lines != 3 || s.LinesOK != 1 || s.Chars != 10 || s.CharsOK != 6 {
		t.Errorf("counted %+v", s)
	}
	if got, want := s.Pairs(), "0ODQ:1 1I:0 8B:1 5S:0 2Z:0 <K:2"; got != want {
		t.Errorf("Pairs() = %q, want %q", got, want)
	}
	if got, want := s.Worst(2), "B→8:1 K→<:1"; got != want { // ties in class order
		t.Errorf("Worst(2) = %q, want %q", got, want)
	}
	if r := s.CharRate(); math.Abs(r-0.6) > 1e-12 {
		t.Errorf("CharRate() = %v", r)
	}
}

// TestSegment draws lines in OCR-B, crops them tight and checks that every
// cell Segment finds is within a tenth of the pitch of the true one.
func TestSegment(t *testing.T) {
	f, err := render.Load("")
	if errors.Is(err, render.ErrNoFont) {
		t.Skip("OCR-B font not installed (apt-get install fonts-ocr-b): skipping")
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10",
		"1ICHARLES",
	} {
		const em = 40.0
		cells := render.Line(text, 20, 60, em)
		w := int(cells[len(cells)-1].X1) + 20
		img := image.NewGray(image.Rect(0, 0, w, 80))
		for i := range img.Pix {
			img.Pix[i] = 255
		}
		f.Draw(img, cells, nil, 0, 0)
		got := measure.Segment(img, len(text))
		if len(got) != len(text) {
			t.Fatalf("%s: %d cells", text, len(got))
		}
		pitch := cells[0].X1 - cells[0].X0
		for i, c := range cells {
			centre := (got[i][0].X + got[i][1].X) / 2
			if d := math.Abs(centre - (c.X0+c.X1)/2); d > 0.1*pitch {
				t.Errorf("%s cell %d: centre %.1f, want %.1f", text, i, centre, (c.X0+c.X1)/2)
			}
		}
	}
	blank := image.NewGray(image.Rect(0, 0, 50, 20))
	if measure.Segment(blank, 5) != nil {
		t.Error("cells on a blank image")
	}
}
