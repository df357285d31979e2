package render

import (
	"image"
	"image/draw"

	"golang.org/x/image/vector"
)

// DrawMask adds the coverage of the characters of cells to dst, each
// centred in its cell and mapped through t (nil for none), as Draw places
// them: 255 where a glyph covers a pixel fully. It is Draw's fast path for
// those who then shade the ink themselves (the trainer's degradations).
func (f *Font) DrawMask(dst *image.Alpha, cells []Cell, t Transform) {
	b := dst.Bounds()
	f.rasterize(b, cells, t).Draw(dst, b, image.Opaque, image.Point{})
}

// rasterize adds the outlines of the characters of cells, each centred in
// its cell and mapped through t, to a rasteriser covering b.
func (f *Font) rasterize(b image.Rectangle, cells []Cell, t Transform) *vector.Rasterizer {
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	r.DrawOp = draw.Over
	for _, c := range cells {
		segs := f.glyphs[c.Char]
		if len(segs) == 0 {
			continue
		}
		em := (c.Baseline - c.Top) / CapEm
		// Centre the advance in the pitch cell.
		ox := c.X0 + (c.X1-c.X0-AdvanceEm*em)/2
		f.path(r, segs, ox, c.Baseline, em, t, b.Min)
	}
	return r
}
