package glyph_test

import (
	"image"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

// cleanLine draws text in OCR-B at the given cap height, black on white,
// its baseline dy pixels lower than its cells say, and returns the image
// and the cells.
func cleanLine(f *render.Font, text string, capPx, dy float64) (*image.Gray, []glyph.Quad) {
	em := capPx / render.CapEm
	pitch := render.PitchPerEm * em
	margin := 2 * capPx
	cells := render.Line(text, margin+0.3, margin+render.DigitEm*em+0.4, em)
	w := int(2*margin + float64(len(text))*pitch)
	h := int(2*margin + render.DigitEm*em + capPx)
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	f.Draw(img, cells, nil, 0, 0)
	quads := make([]glyph.Quad, len(cells))
	for i, c := range cells {
		quads[i] = glyph.Quad{{X: c.X0, Y: c.Top - dy}, {X: c.X1, Y: c.Top - dy}, {X: c.X1, Y: c.Baseline - dy}, {X: c.X0, Y: c.Baseline - dy}}
	}
	return img, quads
}
