package ocr

import (
	"image"
	"image/color"
)

// Gray returns the luminance of img as a new *image.Gray whose bounds start
// at (0, 0). It always copies: the result never shares pixels with img, so
// later changes to either leave the other alone.
//
// Luminance is that of color.GrayModel (ITU-R BT.601 weights, as JPEG uses),
// with one difference: transparent and translucent pixels are composed over
// white, as on a sheet of paper, so that dark text on a transparent
// background stays dark on light. Opaque pixels give exactly what
// color.GrayModel gives, except for *image.YCbCr and *image.NYCbCrA, whose
// Y plane is taken as it is: the luma the encoder stored. For colours of the
// RGB gamut that is what the round trip through RGB gives; pixels whose
// subsampled or quantized chroma falls outside the gamut differ by a few
// levels (the round trip clips them). A color.Palette entry that is missing
// or nil counts as black.
//
// *image.Gray, *image.YCbCr, *image.NYCbCrA, *image.RGBA, *image.NRGBA,
// *image.Paletted, *image.CMYK, *image.Gray16, *image.RGBA64 and
// *image.NRGBA64 are converted directly from their pixel buffers; any other
// image through its At method. Gray allocates Dx*Dy bytes.
func Gray(img image.Image) *image.Gray { return grayOf(img, false) }

// grayOf is Gray; with mayAlias, a *image.Gray or the Y plane of an opaque
// *image.YCbCr is returned as a view without copying (for images the
// package decoded itself and nobody else holds).
func grayOf(img image.Image, mayAlias bool) *image.Gray {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	if w <= 0 || h <= 0 {
		return image.NewGray(image.Rectangle{})
	}
	if mayAlias {
		if g := grayView(img); g != nil {
			return g
		}
	}
	g := image.NewGray(image.Rect(0, 0, w, h))
	switch m := img.(type) {
	case *image.Gray:
		grayRows(g, h, func(y int, dst []byte) { copy(dst, m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]) })
	case *image.YCbCr:
		grayRows(g, h, func(y int, dst []byte) { copy(dst, m.Y[m.YOffset(r.Min.X, r.Min.Y+y):]) })
	case *image.NYCbCrA:
		grayFromNYCbCrA(g, m)
	case *image.RGBA:
		grayFromRGBA(g, m)
	case *image.NRGBA:
		grayFromNRGBA(g, m)
	case *image.RGBA64:
		grayFromRGBA64(g, m)
	case *image.NRGBA64:
		grayFromNRGBA64(g, m)
	case *image.Gray16:
		grayFromGray16(g, m)
	case *image.CMYK:
		grayFromCMYK(g, m)
	case *image.Paletted:
		grayFromPaletted(g, m)
	default:
		grayGeneric(g, img)
	}
	return g
}

// grayView returns a *image.Gray's pixels or an *image.YCbCr's Y plane as
// a *image.Gray with bounds from (0, 0), sharing them; nil for other
// images. img is not empty.
func grayView(img image.Image) *image.Gray {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	switch m := img.(type) {
	case *image.Gray:
		return &image.Gray{Pix: m.Pix[m.PixOffset(r.Min.X, r.Min.Y):], Stride: m.Stride, Rect: image.Rect(0, 0, w, h)}
	case *image.YCbCr:
		return &image.Gray{Pix: m.Y[m.YOffset(r.Min.X, r.Min.Y):], Stride: m.YStride, Rect: image.Rect(0, 0, w, h)}
	}
	return nil
}

// grayFromNYCbCrA fills g with m's luma composed over white.
func grayFromNYCbCrA(g *image.Gray, m *image.NYCbCrA) {
	r := m.Rect
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		ys, as := m.Y[m.YOffset(r.Min.X, r.Min.Y+y):], m.A[m.AOffset(r.Min.X, r.Min.Y+y):]
		for x := range dst {
			dst[x] = grayOverWhite(ys[x], as[x])
		}
	})
}

// grayFromRGBA fills g with the luminance of m.
func grayFromRGBA(g *image.Gray, m *image.RGBA) {
	r := m.Rect
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		p := m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range dst {
			q := p[4*x : 4*x+4 : 4*x+4]
			dst[x] = grayLum(uint32(q[0])*0x101, uint32(q[1])*0x101, uint32(q[2])*0x101, uint32(q[3])*0x101)
		}
	})
}

// grayFromNRGBA fills g with the luminance of m.
func grayFromNRGBA(g *image.Gray, m *image.NRGBA) {
	r := m.Rect
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		p := m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range dst {
			q := p[4*x : 4*x+4 : 4*x+4]
			dst[x] = grayNonPremul(uint32(q[0])*0x101, uint32(q[1])*0x101, uint32(q[2])*0x101, uint32(q[3])*0x101)
		}
	})
}

// grayFromRGBA64 fills g with the luminance of m.
func grayFromRGBA64(g *image.Gray, m *image.RGBA64) {
	r := m.Rect
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		p := m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range dst {
			q := p[8*x : 8*x+8 : 8*x+8]
			dst[x] = grayLum(grayBE16(q[0:]), grayBE16(q[2:]), grayBE16(q[4:]), grayBE16(q[6:]))
		}
	})
}

// grayFromNRGBA64 fills g with the luminance of m.
func grayFromNRGBA64(g *image.Gray, m *image.NRGBA64) {
	r := m.Rect
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		p := m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range dst {
			q := p[8*x : 8*x+8 : 8*x+8]
			dst[x] = grayNonPremul(grayBE16(q[0:]), grayBE16(q[2:]), grayBE16(q[4:]), grayBE16(q[6:]))
		}
	})
}

// grayFromGray16 fills g with the high bytes of m, as color.GrayModel
// rounds them.
func grayFromGray16(g *image.Gray, m *image.Gray16) {
	r := m.Rect
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		p := m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range dst {
			dst[x] = p[2*x]
		}
	})
}

// grayFromCMYK fills g with the luminance of m, converted to RGB as
// color.CMYK.RGBA does.
func grayFromCMYK(g *image.Gray, m *image.CMYK) {
	r := m.Rect
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		p := m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range dst {
			q := p[4*x : 4*x+4 : 4*x+4]
			w := 0xffff - uint32(q[3])*0x101
			dst[x] = grayLum((0xffff-uint32(q[0])*0x101)*w/0xffff, (0xffff-uint32(q[1])*0x101)*w/0xffff,
				(0xffff-uint32(q[2])*0x101)*w/0xffff, 0xffff)
		}
	})
}

// grayFromPaletted fills g with the luminance of m's palette entries,
// black for an index past the palette.
func grayFromPaletted(g *image.Gray, m *image.Paletted) {
	var table [256]uint8 // indexes past the palette stay 0: black
	for i, c := range m.Palette {
		if i < len(table) {
			table[i] = grayOfColor(c)
		}
	}
	r := m.Rect
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		p := m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range dst {
			dst[x] = table[p[x]]
		}
	})
}

// grayRows calls row for each row y of g with the row's pixels.
func grayRows(g *image.Gray, h int, row func(y int, dst []byte)) {
	w := g.Rect.Dx()
	for y := 0; y < h; y++ {
		row(y, g.Pix[y*g.Stride:y*g.Stride+w])
	}
}

// grayGeneric fills g with the luminance of img through its At method: the
// reference the fast paths agree with.
func grayGeneric(g *image.Gray, img image.Image) {
	r := img.Bounds()
	grayRows(g, r.Dy(), func(y int, dst []byte) {
		for x := range dst {
			dst[x] = grayOfColor(img.At(r.Min.X+x, r.Min.Y+y))
		}
	})
}

// grayOfColor is the luminance of one color over white; nil is black.
func grayOfColor(c color.Color) uint8 {
	if c == nil {
		return 0
	}
	r, g, b, a := c.RGBA()
	return grayLum(r, g, b, a)
}

// grayLum is the 8-bit luminance of an alpha-premultiplied 16-bit color
// composed over white: color.GrayModel's weights and rounding, plus the
// white that shows through (1-alpha).
func grayLum(r, g, b, a uint32) uint8 {
	y := (19595*r+38470*g+7471*b+1<<15)>>16 + 0xffff - min(a, 0xffff)
	return uint8(min(y, 0xffff) >> 8)
}

// grayNonPremul is grayLum of a non-premultiplied 16-bit color,
// premultiplied as color.NRGBA64.RGBA does.
func grayNonPremul(r, g, b, a uint32) uint8 {
	if a == 0xffff {
		return grayLum(r, g, b, a)
	}
	return grayLum(r*a/0xffff, g*a/0xffff, b*a/0xffff, a)
}

// grayOverWhite composes an 8-bit luma of opacity a over white.
func grayOverWhite(y, a uint8) uint8 {
	return uint8((uint32(y)*uint32(a) + 255*(255-uint32(a)) + 127) / 255)
}

func grayBE16(b []byte) uint32 { return uint32(b[0])<<8 | uint32(b[1]) }
