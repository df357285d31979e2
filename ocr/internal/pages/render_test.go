package pages

import (
	"errors"
	"image/png"
	"os"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

func font(t testing.TB) *render.Font {
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

func TestRenderDebug(t *testing.T) {
	out := os.Getenv("PAGES_PNG")
	if out == "" {
		t.Skip()
	}
	f := font(t)
	p, err := Render(f, Spec{Format: mrz.TD3, Clutter: 1, Skew: 8, Perspective: 0.08, Light: 0.6, Noise: 6, Blur: 0.8, Color: true, JPEG: 70}, 7)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := os.Create(out)
	png.Encode(w, p.Image)
	w.Close()
}
