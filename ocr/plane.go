package ocr

import "image"

// plane is a gray image with its origin at (0, 0) and a stride equal to its
// width: the form every stage of the reader works on.
type plane struct {
	w, h int
	pix  []uint8
}

// planeOf returns g as a plane, sharing its pixels when their layout allows.
func planeOf(g *image.Gray) plane {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	if g.Stride == w && b.Min == (image.Point{}) {
		return plane{w, h, g.Pix[:w*h]}
	}
	p := plane{w, h, make([]uint8, w*h)}
	for y := 0; y < h; y++ {
		copy(p.pix[y*w:(y+1)*w], g.Pix[g.PixOffset(b.Min.X, b.Min.Y+y):])
	}
	return p
}

// at returns the pixel at (x, y), clamped to the plane.
func (p plane) at(x, y int) uint8 {
	x = min(max(x, 0), p.w-1)
	y = min(max(y, 0), p.h-1)
	return p.pix[y*p.w+x]
}

// bilinear samples p at (x, y) in pixel coordinates (pixel centres at
// integer + 0.5), clamping at the borders.
func (p plane) bilinear(x, y float64) float64 {
	x -= 0.5
	y -= 0.5
	fx, fy := floor(x), floor(y)
	ix, iy := int(fx), int(fy)
	ax, ay := x-fx, y-fy
	if ix >= 0 && iy >= 0 && ix+1 < p.w && iy+1 < p.h {
		i := iy*p.w + ix
		a, b := float64(p.pix[i]), float64(p.pix[i+1])
		c, d := float64(p.pix[i+p.w]), float64(p.pix[i+p.w+1])
		return (a*(1-ax)+b*ax)*(1-ay) + (c*(1-ax)+d*ax)*ay
	}
	a, b := float64(p.at(ix, iy)), float64(p.at(ix+1, iy))
	c, d := float64(p.at(ix, iy+1)), float64(p.at(ix+1, iy+1))
	return (a*(1-ax)+b*ax)*(1-ay) + (c*(1-ax)+d*ax)*ay
}

func floor(v float64) float64 {
	i := float64(int(v))
	if i > v {
		i--
	}
	return i
}

// gray returns the plane as an *image.Gray sharing its pixels.
func (p plane) gray() *image.Gray {
	return &image.Gray{Pix: p.pix, Stride: p.w, Rect: image.Rect(0, 0, p.w, p.h)}
}
