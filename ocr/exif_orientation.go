package ocr

import (
	"image"
	"image/color"
)

// exifOrientation is the value of the EXIF/TIFF Orientation tag: how the
// stored pixels must be turned to be seen upright. In the tag's own terms,
// where the stored row 0 and column 0 end up on the screen:
//
//	1 row 0 top,    column 0 left    (as stored)
//	2 row 0 top,    column 0 right   (mirrored left-right)
//	3 row 0 bottom, column 0 right   (turned 180°)
//	4 row 0 bottom, column 0 left    (mirrored top-bottom)
//	5 row 0 left,   column 0 top     (transposed)
//	6 row 0 right,  column 0 top     (turned 90° clockwise)
//	7 row 0 right,  column 0 bottom  (transversed)
//	8 row 0 left,   column 0 bottom  (turned 90° counter-clockwise)
type exifOrientation uint8

// swapsAxes reports whether the upright image is the stored one's
// transpose in size (orientations 5 to 8).
func (o exifOrientation) swapsAxes() bool { return o >= 5 && o <= 8 }

// size returns the upright size of a stored w×h image.
func (o exifOrientation) size(w, h int) (int, int) {
	if o.swapsAxes() {
		return h, w
	}
	return w, h
}

// steps lays a stored w×h image into the upright one: the upright offset of
// stored pixel (x, y) is start + x*sx + y*sy, for an upright buffer of the
// given stride and bytes per pixel. The stored pixel (x, y) goes to upright
// (X, Y):
//
//	1 (x, y)            5 (y, x)
//	2 (w-1-x, y)        6 (h-1-y, x)
//	3 (w-1-x, h-1-y)    7 (h-1-y, w-1-x)
//	4 (x, h-1-y)        8 (y, w-1-x)
func (o exifOrientation) steps(w, h, stride, bpp int) (start, sx, sy int) {
	switch o {
	case 2:
		return (w - 1) * bpp, -bpp, stride
	case 3:
		return (h-1)*stride + (w-1)*bpp, -bpp, -stride
	case 4:
		return (h - 1) * stride, bpp, -stride
	case 5:
		return 0, stride, bpp
	case 6:
		return (h - 1) * bpp, stride, -bpp
	case 7:
		return (w-1)*stride + (h-1)*bpp, -stride, -bpp
	case 8:
		return (w - 1) * stride, -stride, bpp
	}
	return 0, bpp, stride
}

// exifOrientPlane writes the upright form of a stored w×h plane of bpp bytes
// per pixel (rows src[y*srcStride:], packed) into dst, whose stride is
// dstStride. The turned cases walk the image in tiles so that reads and
// writes both stay in cache.
func exifOrientPlane(dst []byte, dstStride int, src []byte, srcStride, w, h, bpp int, o exifOrientation) {
	start, sx, sy := o.steps(w, h, dstStride, bpp)
	const tile = 64
	for y0 := 0; y0 < h; y0 += tile {
		y1 := min(y0+tile, h)
		for x0 := 0; x0 < w; x0 += tile {
			x1 := min(x0+tile, w)
			for y := y0; y < y1; y++ {
				row := src[y*srcStride : y*srcStride+w*bpp]
				d := start + x0*sx + y*sy
				if bpp == 1 {
					for _, v := range row[x0:x1] {
						dst[d] = v
						d += sx
					}
					continue
				}
				for x := x0; x < x1; x++ {
					copy(dst[d:d+bpp], row[x*bpp:x*bpp+bpp])
					d += sx
				}
			}
		}
	}
}

// exifOrientPix returns the upright copy of a stored image of the given
// rectangle, stride and bytes per pixel, whose pixels start (at the
// rectangle's corner) at pix[0]: its pixels, stride and rectangle (at the
// origin).
func exifOrientPix(pix []byte, stride int, r image.Rectangle, bpp int, o exifOrientation) ([]byte, int, image.Rectangle) {
	w, h := r.Dx(), r.Dy()
	uw, uh := o.size(w, h)
	out := make([]byte, uw*uh*bpp)
	exifOrientPlane(out, uw*bpp, pix, stride, w, h, bpp, o)
	return out, uw * bpp, image.Rect(0, 0, uw, uh)
}

// exifOrientGray returns the upright copy of a gray image (or g itself when o
// is 1).
func exifOrientGray(g *image.Gray, o exifOrientation) *image.Gray {
	if o <= 1 || o > 8 || g.Rect.Empty() {
		return g
	}
	pix, stride, r := exifOrientPix(g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y):], g.Stride, g.Rect, 1, o)
	return &image.Gray{Pix: pix, Stride: stride, Rect: r}
}

// exifOrientImage returns the upright form of a decoded image: a new image of
// the same type for the types decoders return (for a chroma-subsampled
// YCbCr whose size does not divide by its subsampling, or whose turned
// subsampling has no image.YCbCrSubsampleRatio, a 4:4:4 YCbCr), an RGBA64
// for other types. It returns m itself when o is 1.
func exifOrientImage(m image.Image, o exifOrientation) image.Image {
	r := m.Bounds()
	if o <= 1 || o > 8 || r.Empty() {
		return m
	}
	// r is the image's own rectangle: its pixels start at Pix[0].
	switch m := m.(type) {
	case *image.Gray:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 1, o)
		return &image.Gray{Pix: p, Stride: s, Rect: nr}
	case *image.Gray16:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 2, o)
		return &image.Gray16{Pix: p, Stride: s, Rect: nr}
	case *image.Alpha:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 1, o)
		return &image.Alpha{Pix: p, Stride: s, Rect: nr}
	case *image.Alpha16:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 2, o)
		return &image.Alpha16{Pix: p, Stride: s, Rect: nr}
	case *image.Paletted:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 1, o)
		return &image.Paletted{Pix: p, Stride: s, Rect: nr, Palette: m.Palette}
	case *image.RGBA:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 4, o)
		return &image.RGBA{Pix: p, Stride: s, Rect: nr}
	case *image.NRGBA:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 4, o)
		return &image.NRGBA{Pix: p, Stride: s, Rect: nr}
	case *image.CMYK:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 4, o)
		return &image.CMYK{Pix: p, Stride: s, Rect: nr}
	case *image.RGBA64:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 8, o)
		return &image.RGBA64{Pix: p, Stride: s, Rect: nr}
	case *image.NRGBA64:
		p, s, nr := exifOrientPix(m.Pix, m.Stride, r, 8, o)
		return &image.NRGBA64{Pix: p, Stride: s, Rect: nr}
	case *image.YCbCr:
		return exifOrientYCbCr(m, o)
	}
	uw, uh := o.size(r.Dx(), r.Dy())
	out := image.NewRGBA64(image.Rect(0, 0, uw, uh))
	start, sx, sy := o.steps(r.Dx(), r.Dy(), out.Stride, 8)
	for y := 0; y < r.Dy(); y++ {
		d := start + y*sy
		for x := 0; x < r.Dx(); x++ {
			c := color.RGBA64Model.Convert(m.At(r.Min.X+x, r.Min.Y+y)).(color.RGBA64)
			p := out.Pix[d : d+8 : d+8]
			p[0], p[1], p[2], p[3] = uint8(c.R>>8), uint8(c.R), uint8(c.G>>8), uint8(c.G)
			p[4], p[5], p[6], p[7] = uint8(c.B>>8), uint8(c.B), uint8(c.A>>8), uint8(c.A)
			d += sx
		}
	}
	return out
}

// exifOrientYCbCr turns a YCbCr image plane by plane when its subsampling
// survives the turn exactly (the size divides by the subsampling, and a
// transposed ratio exists), and into a 4:4:4 image otherwise.
func exifOrientYCbCr(m *image.YCbCr, o exifOrientation) *image.YCbCr {
	r := m.Rect
	w, h := r.Dx(), r.Dy()
	fx, fy, ok := exifYCbCrFactors(m.SubsampleRatio)
	turned := m.SubsampleRatio
	if o.swapsAxes() {
		turned, ok = exifYCbCrRatio(fy, fx, ok)
	}
	uw, uh := o.size(w, h)
	if ok && r.Min == (image.Point{}) && w%fx == 0 && h%fy == 0 {
		out := image.NewYCbCr(image.Rect(0, 0, uw, uh), turned)
		exifOrientPlane(out.Y, out.YStride, m.Y, m.YStride, w, h, 1, o)
		exifOrientPlane(out.Cb, out.CStride, m.Cb, m.CStride, w/fx, h/fy, 1, o)
		exifOrientPlane(out.Cr, out.CStride, m.Cr, m.CStride, w/fx, h/fy, 1, o)
		return out
	}
	out := image.NewYCbCr(image.Rect(0, 0, uw, uh), image.YCbCrSubsampleRatio444)
	start, sx, sy := o.steps(w, h, out.YStride, 1)
	for y := 0; y < h; y++ {
		d := start + y*sy
		for x := 0; x < w; x++ {
			yi, ci := m.YOffset(r.Min.X+x, r.Min.Y+y), m.COffset(r.Min.X+x, r.Min.Y+y)
			out.Y[d], out.Cb[d], out.Cr[d] = m.Y[yi], m.Cb[ci], m.Cr[ci]
			d += sx
		}
	}
	return out
}

// exifYCbCrFactors returns the horizontal and vertical chroma subsampling of a
// ratio.
func exifYCbCrFactors(r image.YCbCrSubsampleRatio) (fx, fy int, ok bool) {
	switch r {
	case image.YCbCrSubsampleRatio444:
		return 1, 1, true
	case image.YCbCrSubsampleRatio422:
		return 2, 1, true
	case image.YCbCrSubsampleRatio420:
		return 2, 2, true
	case image.YCbCrSubsampleRatio440:
		return 1, 2, true
	case image.YCbCrSubsampleRatio411:
		return 4, 1, true
	case image.YCbCrSubsampleRatio410:
		return 4, 2, true
	}
	return 1, 1, false
}

// exifYCbCrRatio is the inverse of exifYCbCrFactors.
func exifYCbCrRatio(fx, fy int, ok bool) (image.YCbCrSubsampleRatio, bool) {
	if !ok {
		return 0, false
	}
	for _, r := range []image.YCbCrSubsampleRatio{
		image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420,
		image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410,
	} {
		if x, y, _ := exifYCbCrFactors(r); x == fx && y == fy {
			return r, true
		}
	}
	return 0, false
}
