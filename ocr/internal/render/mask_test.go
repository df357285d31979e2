package render

import (
	"image"
	"testing"
)

// TestDrawMask checks that DrawMask covers exactly what Draw inks.
func TestDrawMask(t *testing.T) {
	f := loadFont(t)
	cells := Line("L898902C36UTO<K", 5.3, 30.7, 24)
	w := int(cells[len(cells)-1].X1) + 5
	g := white(w, 40)
	f.Draw(g, cells, nil, 0, 0)
	m := image.NewAlpha(image.Rect(0, 0, w, 40))
	f.DrawMask(m, cells, nil)
	inked := 0
	for i := range g.Pix {
		ink, cov := 255-int(g.Pix[i]), int(m.Pix[i])
		if d := ink - cov; d < -1 || d > 1 {
			t.Fatalf("pixel %d: Draw inks %d, DrawMask covers %d", i, ink, cov)
		}
		if cov > 128 {
			inked++
		}
	}
	if inked < 500 {
		t.Errorf("%d pixels covered", inked)
	}
}
