package pages

import (
	"math/rand/v2"

	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

// drawText prints lines of random characters on the upper document, right
// of the photo, in sizes other than the MRZ's and with word spaces: the
// printed data of a data page. mrzHeight is the height of the MRZ block,
// kept clear.
func drawText(f *render.Font, r *rand.Rand, c *canvas, t render.Transform, dw, dh, em, clutter, mrzHeight float64) {
	y := dh * 0.1
	bottom := dh - mrzHeight - em
	for y < bottom {
		size := em * (0.45 + 0.5*r.Float64())
		if r.IntN(5) == 0 {
			size = em * (1.1 + 0.3*r.Float64()) // a heading
		}
		y += size * 1.2
		if y > bottom {
			break
		}
		x := dw * (0.34 + 0.1*r.Float64())
		var text []byte
		for len(text) < 6+r.IntN(18) {
			w := 2 + r.IntN(9)
			for i := 0; i < w; i++ {
				text = append(text, alnum[r.IntN(len(alnum))])
			}
			text = append(text, ' ')
		}
		cells := render.Line(string(text), x, y, size)
		// Keep within the document.
		for len(cells) > 0 && cells[len(cells)-1].X1 > dw*0.97 {
			cells = cells[:len(cells)-1]
		}
		if r.Float64() < clutter {
			drawCells(f, c.g, cells, t, uint8(20+r.IntN(90)))
		}
		y += size * (0.4 + 0.8*r.Float64())
	}
}
