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

func (m *cellMap) at(u, v float64) (x, y float64) {
	uv := u * v
	return m.ox + u*m.ux + v*m.vx + uv*m.wx, m.oy + u*m.uy + v*m.vy + uv*m.wy
}

// sampler reads grey levels with bilinear interpolation, clamping at the
// image's edges and reading paper outside an empty image.
type sampler struct {
	pix    []uint8
	stride int
	w, h   int
	x0, y0 float64 // image origin
}

func newSampler(img *image.Gray) sampler {
	if img == nil {
		return sampler{}
	}
	b := img.Rect
	if b.Dx() <= 0 || b.Dy() <= 0 || len(img.Pix) < (b.Dy()-1)*img.Stride+b.Dx() {
		return sampler{}
	}
	return sampler{pix: img.Pix, stride: img.Stride, w: b.Dx(), h: b.Dy(), x0: float64(b.Min.X), y0: float64(b.Min.Y)}
}

// at returns the grey level at (x, y), pixel centres at half-integers.
func (s *sampler) at(x, y float64) float32 {
	if s.w == 0 {
		return paperLevel
	}
	x -= s.x0 + 0.5
	y -= s.y0 + 0.5
	// Clamp in floating point first: NaN and huge values become an edge.
	if !(x > 0) {
		x = 0
	} else if x > float64(s.w-1) {
		x = float64(s.w - 1)
	}
	if !(y > 0) {
		y = 0
	} else if y > float64(s.h-1) {
		y = float64(s.h - 1)
	}
	ix, iy := int(x), int(y)
	fx, fy := float32(x-float64(ix)), float32(y-float64(iy))
	i := iy*s.stride + ix
	p00 := float32(s.pix[i])
	p01, p10 := p00, p00
	if ix+1 < s.w {
		p01 = float32(s.pix[i+1])
	}
	p11 := p01
	if iy+1 < s.h {
		p10 = float32(s.pix[i+s.stride])
		p11 = p10
		if ix+1 < s.w {
			p11 = float32(s.pix[i+s.stride+1])
		}
	}
	top := p00 + (p01-p00)*fx
	bot := p10 + (p11-p10)*fx
	return top + (bot-top)*fy
}

// maxTaps bounds the taps per axis of the box filter a sample averages.
const maxTaps = 3

// grid samples nu × nv points of a cell, row by row into dst: u from u0 in
// steps of du, v from v0 in steps of dv, at the centres of the grid's
// boxes. Each sample averages a few bilinear taps over its box so that
// large characters are not aliased.
func (s *sampler) grid(m *cellMap, u0, du float64, nu int, v0, dv float64, nv int, dst []float32) {
	ku := taps(m.pitch * du)
	kv := taps(m.cap * dv)
	inv := 1 / float32(ku*kv)
	for j := 0; j < nv; j++ {
		v := v0 + (float64(j)+0.5)*dv
		for i := 0; i < nu; i++ {
			u := u0 + (float64(i)+0.5)*du
			var sum float32
			for b := 0; b < kv; b++ {
				vv := v + ((float64(b)+0.5)/float64(kv)-0.5)*dv
				for a := 0; a < ku; a++ {
					uu := u + ((float64(a)+0.5)/float64(ku)-0.5)*du
					sum += s.at(m.at(uu, vv))
				}
			}
			dst[j*nu+i] = sum * inv
		}
	}
}

// taps returns how many taps cover a box of the given size in pixels.
func taps(px float64) int {
	px = math.Abs(px)
	switch {
	case !(px > 1.25):
		return 1
	case px > 2.5:
		return maxTaps
	}
	return 2
}
