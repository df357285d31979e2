package pages

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
)

// canvas is the page being drawn: gray levels, and for each pixel whether
// it lies on the document (for colouring).
type canvas struct {
	g      *image.Gray
	region []uint8
	tints  [2]color.RGBA
}

func newCanvas(w, h int) *canvas {
	return &canvas{g: image.NewGray(image.Rect(0, 0, w, h)), region: make([]uint8, w*h)}
}

// paint sets every pixel from f, sampled at the pixel centre, f giving the
// level and the region.
func (c *canvas) paint(f func(x, y float64) (float64, int)) {
	b := c.g.Bounds()
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			v, rg := f(float64(x)+0.5, float64(y)+0.5)
			c.g.Pix[y*c.g.Stride+x] = clamp8(v)
			c.region[y*b.Dx()+x] = uint8(rg)
		}
	}
}

func clamp8(v float64) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}

// sinTable holds one period of the sine, for fastSin.
var sinTable = func() (t [1024]float64) {
	for i := range t {
		t[i] = math.Sin(2 * math.Pi * float64(i) / float64(len(t)))
	}
	return t
}()

// fastSin returns sin(2π·turns), to about three decimals.
func fastSin(turns float64) float64 {
	f := turns - math.Floor(turns)
	return sinTable[int(f*float64(len(sinTable)))&(len(sinTable)-1)]
}

// image returns the page, gray or coloured by region.
func (c *canvas) image(colour bool) image.Image {
	if !colour {
		return c.g
	}
	b := c.g.Bounds()
	out := image.NewRGBA(b)
	for i, v := range c.g.Pix {
		t := c.tints[c.region[i]]
		// Light pixels take the tint, ink stays dark and neutral.
		f := float64(v) / 255
		out.Pix[4*i] = clamp8(float64(v) * (1 - f + f*float64(t.R)/255))
		out.Pix[4*i+1] = clamp8(float64(v) * (1 - f + f*float64(t.G)/255))
		out.Pix[4*i+2] = clamp8(float64(v) * (1 - f + f*float64(t.B)/255))
		out.Pix[4*i+3] = 255
	}
	return out
}

// paper is the document: a light ground, and with clutter a photo, a
// guilloche pattern and a tinted band.
type paper struct {
	w, h    float64
	base    float64
	clutter float64
	// guilloche: families of sine curves
	gk    []guilloche
	photo photo
}

type guilloche struct {
	spacing, amp, wave, phase, tilt, width, level float64
}

type photo struct {
	x0, y0, x1, y1 float64
	blobs          []blob
}

type blob struct{ x, y, r, level float64 }

func newPaper(r *rand.Rand, w, h, clutter float64) *paper {
	p := &paper{w: w, h: h, base: 225 + 25*r.Float64(), clutter: clutter}
	if clutter <= 0 {
		return p
	}
	for i := 0; i < 1+int(clutter*3); i++ {
		p.gk = append(p.gk, guilloche{
			spacing: h * (0.02 + 0.04*r.Float64()),
			amp:     h * (0.01 + 0.05*r.Float64()),
			wave:    w * (0.05 + 0.2*r.Float64()),
			phase:   r.Float64(),
			tilt:    (r.Float64() - 0.5) * 0.6,
			width:   0.6 + 1.2*r.Float64(),
			level:   (15 + 60*r.Float64()) * clutter,
		})
	}
	// The photo: left part of the upper document.
	p.photo = photo{x0: w * 0.04, y0: h * 0.08, x1: w * (0.26 + 0.06*r.Float64()), y1: h * 0.62}
	for i := 0; i < 6+r.IntN(6); i++ {
		p.photo.blobs = append(p.photo.blobs, blob{
			x:     p.photo.x0 + (p.photo.x1-p.photo.x0)*r.Float64(),
			y:     p.photo.y0 + (p.photo.y1-p.photo.y0)*r.Float64(),
			r:     (p.photo.x1 - p.photo.x0) * (0.1 + 0.4*r.Float64()),
			level: -150*r.Float64()*clutter + 40*r.Float64(),
		})
	}
	return p
}

func (p *paper) at(x, y float64) float64 {
	v := p.base
	for _, g := range p.gk {
		yy := y + g.tilt*x + g.amp*fastSin(x/g.wave+g.phase)
		d := yy - g.spacing*math.Floor(yy/g.spacing)
		if d > g.spacing-d {
			d = g.spacing - d
		}
		if d < g.width {
			v -= g.level * (1 - d/g.width)
		}
	}
	ph := p.photo
	if p.clutter > 0 && x >= ph.x0 && x < ph.x1 && y >= ph.y0 && y < ph.y1 {
		v = p.base - 40*p.clutter
		for _, b := range ph.blobs {
			dx, dy := (x-b.x)/b.r, (y-b.y)/b.r
			v += b.level * math.Exp(-(dx*dx + dy*dy))
		}
	}
	return v
}

// background is what lies around the document: a darker surface with a
// broad gradient and a fine texture.
type background struct {
	base, gx, gy, tex, f1, f2 float64
}

func newBackground(r *rand.Rand, w, h float64) *background {
	return &background{
		base: 40 + 150*r.Float64(),
		gx:   (r.Float64() - 0.5) * 60 / w,
		gy:   (r.Float64() - 0.5) * 60 / h,
		tex:  8 * r.Float64(),
		f1:   0.05 + 0.3*r.Float64(),
		f2:   0.05 + 0.3*r.Float64(),
	}
}

func (b *background) at(x, y float64) float64 {
	return b.base + b.gx*x + b.gy*y + b.tex*fastSin((x*b.f1+3*fastSin(y*b.f2/(2*math.Pi)))/(2*math.Pi))
}
