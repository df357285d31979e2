package glyph

import (
	"image"
	"math"
)

// paperLevel is what the sampler reads outside the image: white paper.
const paperLevel = 255

// cellMap maps the unit square of a quad onto the image: u runs along the
// line from the left edge (0) to the right edge (1), v from the top edge (0)
// to the bottom edge (1); outside the square it extrapolates the bilinear map.
type cellMap struct {
	ox, oy     float64 // top-left corner
	ux, uy     float64 // top-right - top-left
	vx, vy     float64 // bottom-left - top-left
	wx, wy     float64 // the bilinear term
	pitch, cap float64 // lengths of the u and v edges in pixels, at the centre
	ok         bool    // every corner is finite and within a sane range
}

// maxCoord bounds the coordinates a quad may have: beyond it the quad is
// treated as lying outside the image.
const maxCoord = 1 << 24

func newCellMap(q *Quad) cellMap {
	var m cellMap
	for _, p := range q {
		if !(math.Abs(p.X) < maxCoord && math.Abs(p.Y) < maxCoord) {
			return m
		}
	}
	tl, tr, br, bl := q[0], q[1], q[2], q[3]
	m.ox, m.oy = tl.X, tl.Y
	m.ux, m.uy = tr.X-tl.X, tr.Y-tl.Y
	m.vx, m.vy = bl.X-tl.X, bl.Y-tl.Y
	m.wx, m.wy = br.X-bl.X-tr.X+tl.X, br.Y-bl.Y-tr.Y+tl.Y
	m.pitch = math.Hypot(m.ux+m.wx/2, m.uy+m.wy/2)
	m.cap = math.Hypot(m.vx+m.wx/2, m.vy+m.wy/2)
	m.ok = m.pitch > 1e-3 && m.cap > 1e-3
	return m
}

// sampler reads grey levels with bilinear interpolation, clamping at the
// image's edges and reading paper outside an empty image.
type sampler struct {
	pix        []uint8
	stride     int
	w, h       int
	ox, oy     float64 // subtracted from a position to index pixel centres
	maxX, maxY float64 // largest positions that keep a 2 × 2 neighbourhood inside
}

func newSampler(img *image.Gray) sampler {
	if img == nil {
		return sampler{}
	}
	b := img.Rect
	if b.Dx() < 2 || b.Dy() < 2 || b.Dx() > maxCoord || b.Dy() > maxCoord ||
		img.Stride < b.Dx() || len(img.Pix) < (b.Dy()-1)*img.Stride+b.Dx() {
		// Too small to interpolate (or malformed): read it as paper.
		return sampler{}
	}
	return sampler{
		pix: img.Pix, stride: img.Stride, w: b.Dx(), h: b.Dy(),
		ox: float64(b.Min.X) + 0.5, oy: float64(b.Min.Y) + 0.5,
		maxX: float64(b.Dx()-1) - 1e-9, maxY: float64(b.Dy()-1) - 1e-9,
	}
}

// at returns the grey level at (x, y), pixel centres at half-integers.
func (s *sampler) at(x, y float64) float32 {
	x -= s.ox
	y -= s.oy
	// Clamp in floating point first: NaN and huge values become an edge.
	if !(x > 0) {
		x = 0
	} else if x > s.maxX {
		x = s.maxX
	}
	if !(y > 0) {
		y = 0
	} else if y > s.maxY {
		y = s.maxY
	}
	ix, iy := int(x), int(y)
	fx, fy := float32(x-float64(ix)), float32(y-float64(iy))
	i := iy*s.stride + ix
	row := s.pix[i : i+s.stride+2 : i+s.stride+2]
	p00, p01 := float32(row[0]), float32(row[1])
	p10, p11 := float32(row[s.stride]), float32(row[s.stride+1])
	top := p00 + (p01-p00)*fx
	bot := p10 + (p11-p10)*fx
	return top + (bot-top)*fy
}

// grid samples nu × nv points of a cell, row by row into dst: u from u0 in
// steps of du, v from v0 in steps of dv, at the centres of the grid's
// boxes. Each sample averages up to tapsU × tapsV bilinear taps over its
// box so that large characters are not aliased.
func (s *sampler) grid(m *cellMap, u0, du float64, nu int, v0, dv float64, nv int, dst []float32, tapsU, tapsV int) {
	dst = dst[:nu*nv]
	if s.w == 0 || !m.ok {
		for i := range dst {
			dst[i] = paperLevel
		}
		return
	}
	ku := taps(m.pitch*du, tapsU)
	kv := taps(m.cap*dv, tapsV)
	clear(dst)
	tu := du / float64(ku)
	for b := 0; b < kv; b++ {
		for j := 0; j < nv; j++ {
			v := v0 + (float64(j)+(float64(b)+0.5)/float64(kv))*dv
			// Along a row the bilinear map is linear in u.
			bx, by := m.ox+v*m.vx, m.oy+v*m.vy
			sx, sy := m.ux+v*m.wx, m.uy+v*m.wy
			u := u0 + 0.5*tu
			x, y := bx+u*sx, by+u*sy
			stx, sty := tu*sx, tu*sy
			out := dst[j*nu : (j+1)*nu]
			for i := range out {
				var sum float32
				for range ku {
					sum += s.at(x, y)
					x += stx
					y += sty
				}
				out[i] += sum
			}
		}
	}
	inv := 1 / float32(ku*kv)
	for i := range dst {
		dst[i] *= inv
	}
}

// taps returns how many taps, at most limit, cover a box of the given size
// in pixels: one for every 2.2 pixels or part of them (bilinear
// interpolation itself averages over two pixels).
func taps(px float64, limit int) int {
	k := int(math.Abs(px)/2.2) + 1
	if !(k > 1) { // also NaN
		return 1
	}
	return min(k, limit)
}
