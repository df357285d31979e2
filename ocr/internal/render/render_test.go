package render

import (
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
)

func loadFont(t testing.TB) *Font {
	t.Helper()
	f, err := Load("")
	if errors.Is(err, ErrNoFont) {
		t.Skip("OCR-B font not installed (apt-get install fonts-ocr-b): skipping")
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func white(w, h int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	return g
}

// TestDrawInk checks that every character puts ink inside its own cell and
// none outside the line, and that digits stand taller than flat capitals.
func TestDrawInk(t *testing.T) {
	f := loadFont(t)
	const em = 40.0
	cells := Line(Charset, 10, 60, em)
	g := white(int(cells[len(cells)-1].X1)+20, 90)
	f.Draw(g, cells, nil, 0, 0)
	if p := os.Getenv("RENDER_PNG"); p != "" {
		w, _ := os.Create(p)
		png.Encode(w, g)
		w.Close()
	}
	top := func(c Cell) float64 {
		for y := 0; y < g.Bounds().Dy(); y++ {
			for x := int(c.X0); x < int(c.X1); x++ {
				if g.GrayAt(x, y).Y < 128 {
					return float64(y)
				}
			}
		}
		return -1
	}
	for _, c := range cells {
		ink := 0
		for y := 0; y < g.Bounds().Dy(); y++ {
			for x := int(c.X0) + 1; x < int(c.X1)-1; x++ {
				if g.GrayAt(x, y).Y < 128 {
					ink++
				}
			}
		}
		if ink < 20 {
			t.Errorf("%c: %d dark pixels in its cell", c.Char, ink)
		}
	}
	zero, oh := top(cells[0]), top(cells[10+'O'-'A'])
	if zero >= oh {
		t.Errorf("0 tops at %v, O at %v: want the digit taller", zero, oh)
	}
	_ = color.Gray{}
}

func TestLoadMissing(t *testing.T) {
	if _, err := Load("/nonexistent/OCRBS.otf"); !errors.Is(err, ErrNoFont) {
		t.Fatalf("err = %v, want ErrNoFont", err)
	}
}
