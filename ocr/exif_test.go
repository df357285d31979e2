package ocr

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

func TestEXIFOrientationTag(t *testing.T) {
	le, be := binary.LittleEndian, binary.BigEndian
	for _, tc := range []struct {
		name string
		data []byte
		want exifOrientation
	}{
		{"short LE", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 3, 1, 6}}), 6},
		{"short BE", fixEXIFTIFF(be, []fixTIFFEntry{{tiffTagOrientation, 3, 1, 8}}), 8},
		{"long", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 4, 1, 3}}), 3},
		{"byte", fixEXIFTIFF(be, []fixTIFFEntry{{tiffTagOrientation, 1, 1, 5 << 24}}), 5},
		{"after other tags", fixEXIFTIFF(be, []fixTIFFEntry{{0x010f, 2, 4, 0}, {0x0110, 2, 4, 0}, {tiffTagOrientation, 3, 1, 2}}), 2},
		{"absent", fixEXIFTIFF(le, []fixTIFFEntry{{0x010f, 2, 4, 0}}), 1},
		{"zero", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 3, 1, 0}}), 1},
		{"nine", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 3, 1, 9}}), 1},
		{"huge", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 4, 1, 1 << 31}}), 1},
		{"rational type", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 5, 1, 0}}), 1},
		{"count 0", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 3, 0, 6}}), 1},
		{"values past the end", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 3, 1 << 30, 8}}), 1},
		{"values at a huge offset", fixEXIFTIFF(le, []fixTIFFEntry{{tiffTagOrientation, 4, 4, 0xfffffff0}}), 1},
		{"empty", nil, 1},
		{"not TIFF", []byte("XX*\x00\x08\x00\x00\x00"), 1},
		{"IFD past the end", []byte("II*\x00\xff\x00\x00\x00"), 1},
		{"IFD inside the header", []byte("II*\x00\x02\x00\x00\x00\x01\x00"), 1},
		{"IFD claims many entries", append([]byte("MM\x00*\x00\x00\x00\x08\xff\xff"), 1, 18, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0), 6},
		{"IFD cut in an entry", []byte("II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00"), 1},
	} {
		if got := exifOrientationOf(tc.data); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestJPEGWalk: the orientation is found where cameras and editors put it,
// and garbage between and inside segments does not confuse the walk.
func TestJPEGWalk(t *testing.T) {
	jpg := fixJPEG(t, fixQuadrants(16, 16, fixFourColours), 90)
	exif := fixWithEXIF(jpg, 6, binary.BigEndian)
	app := func(marker byte, payload string) []byte {
		return append([]byte{0xff, marker, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
	}
	insert := func(data []byte, segs ...[]byte) []byte {
		out := append([]byte{}, data[:2]...)
		for _, s := range segs {
			out = append(out, s...)
		}
		return append(out, data[2:]...)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want exifOrientation
	}{
		{"plain", jpg, 1},
		{"exif", exif, 6},
		{"after JFIF and XMP", insert(exif, app(0xe0, "JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00"), app(0xe1, "http://ns.adobe.com/xap/1.0/\x00<x/>")), 6},
		{"the first Exif wins", fixWithEXIF(exif, 3, binary.LittleEndian), 3},
		{"fill bytes and junk before the segment", append([]byte{0xff, 0xd8, 0x00, 0x17, 0xff, 0xff}, exif[2:]...), 6},
		{"cut in the segment", exif[:12], 1},
		{"segment length past the end", append([]byte{0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff}, "Exif\x00\x00MM"...), 1},
		{"segment length too small", append([]byte{0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01}, "Exif\x00\x00MM"...), 1},
	} {
		if got := jpegWalk(tc.data).orientation; got != tc.want {
			t.Errorf("%s: orientation %d, want %d", tc.name, got, tc.want)
		}
	}
	info := jpegWalk(jpg)
	if !info.sof || info.width != 16 || info.height != 16 || info.nComp != 3 || info.progressive || info.scans != 1 {
		t.Errorf("walk of a plain JPEG: %+v", info)
	}
	if info.comps[0].h != 2 || info.comps[0].v != 2 || info.comps[1].h != 1 {
		t.Errorf("4:2:0 sampling: %+v", info.comps)
	}
}

// exifUprightRef is a naive reference for exifOrientPlane: for every upright pixel,
// the stored pixel it shows, from the inverse of the mapping (derived
// separately from the steps of exifOrientation).
func exifUprightRef(src []byte, w, h, bpp int, o exifOrientation) []byte {
	uw, uh := w, h
	if o >= 5 {
		uw, uh = h, w
	}
	out := make([]byte, uw*uh*bpp)
	for Y := 0; Y < uh; Y++ {
		for X := 0; X < uw; X++ {
			var x, y int
			switch o {
			case 1:
				x, y = X, Y
			case 2:
				x, y = w-1-X, Y
			case 3:
				x, y = w-1-X, h-1-Y
			case 4:
				x, y = X, h-1-Y
			case 5:
				x, y = Y, X
			case 6:
				x, y = Y, h-1-X
			case 7:
				x, y = w-1-Y, h-1-X
			case 8:
				x, y = w-1-Y, X
			}
			copy(out[(Y*uw+X)*bpp:][:bpp], src[(y*w+x)*bpp:][:bpp])
		}
	}
	return out
}

func TestOrientPlane(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, size := range []image.Point{{1, 1}, {1, 7}, {9, 1}, {5, 3}, {64, 64}, {130, 71}} {
		for _, bpp := range []int{1, 2, 4, 8} {
			src := make([]byte, size.X*size.Y*bpp)
			for i := range src {
				src[i] = byte(rng.Uint32())
			}
			for o := exifOrientation(1); o <= 8; o++ {
				uw, uh := o.size(size.X, size.Y)
				got := make([]byte, len(src))
				exifOrientPlane(got, uw*bpp, src, size.X*bpp, size.X, size.Y, bpp, o)
				if want := exifUprightRef(src, size.X, size.Y, bpp, o); !bytes.Equal(got, want) {
					t.Fatalf("%v bpp %d orientation %d: wrong pixels (upright %dx%d)", size, bpp, o, uw, uh)
				}
			}
		}
	}
}

// TestOrientImage: every decoded image type keeps its type and its pixels
// land where exifOrientGray puts the luminance.
func TestOrientImage(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	imgs := grayRandomImages(rng)
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio411} {
		for _, size := range []image.Point{{24, 16}, {23, 15}} {
			m := image.NewYCbCr(image.Rect(0, 0, size.X, size.Y), ratio)
			for _, p := range [][]byte{m.Y, m.Cb, m.Cr} {
				for i := range p {
					p[i] = byte(rng.Uint32())
				}
			}
			imgs[ratio.String()+" "+size.String()] = m
		}
	}
	imgs["Alpha16"] = image.NewAlpha16(image.Rect(0, 0, 5, 3))
	for name, img := range imgs {
		for o := exifOrientation(1); o <= 8; o++ {
			up := exifOrientImage(img, o)
			wantW, wantH := o.size(img.Bounds().Dx(), img.Bounds().Dy())
			if up.Bounds() != image.Rect(0, 0, wantW, wantH) && o != 1 {
				t.Fatalf("%s orientation %d: bounds %v, want %dx%d at the origin", name, o, up.Bounds(), wantW, wantH)
			}
			if _, isAlpha := img.(*image.Alpha); !isAlpha && decTypeName(up) != decTypeName(img) {
				t.Errorf("%s orientation %d: %s, want %s", name, o, decTypeName(up), decTypeName(img))
			}
			decAssertGrayNear(t, name, Gray(up), exifOrientGray(Gray(img), o), 0)
		}
	}
	// The chroma planes of YCbCr images travel with their luma.
	for _, tc := range []struct {
		ratio    image.YCbCrSubsampleRatio
		size     image.Point
		o        exifOrientation
		wantRate image.YCbCrSubsampleRatio
	}{
		{image.YCbCrSubsampleRatio420, image.Pt(24, 16), 6, image.YCbCrSubsampleRatio420},
		{image.YCbCrSubsampleRatio422, image.Pt(24, 16), 6, image.YCbCrSubsampleRatio440},
		{image.YCbCrSubsampleRatio422, image.Pt(24, 16), 3, image.YCbCrSubsampleRatio422},
		{image.YCbCrSubsampleRatio420, image.Pt(23, 16), 2, image.YCbCrSubsampleRatio444},
		{image.YCbCrSubsampleRatio411, image.Pt(24, 16), 8, image.YCbCrSubsampleRatio444},
	} {
		m := imgs[tc.ratio.String()+" "+tc.size.String()]
		if m == nil {
			m = image.NewYCbCr(image.Rect(0, 0, tc.size.X, tc.size.Y), tc.ratio)
			for _, p := range [][]byte{m.(*image.YCbCr).Y, m.(*image.YCbCr).Cb, m.(*image.YCbCr).Cr} {
				for i := range p {
					p[i] = byte(rng.Uint32())
				}
			}
		}
		src := m.(*image.YCbCr)
		up := exifOrientImage(src, tc.o).(*image.YCbCr)
		if up.SubsampleRatio != tc.wantRate {
			t.Errorf("%v %v orientation %d: %v, want %v", tc.ratio, tc.size, tc.o, up.SubsampleRatio, tc.wantRate)
		}
		w, h := tc.size.X, tc.size.Y
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				X, Y := exifUprightOf(x, y, w, h, tc.o)
				if got, want := up.YCbCrAt(X, Y), src.YCbCrAt(x, y); got != want {
					t.Fatalf("%v %v orientation %d: stored (%d,%d) %v shows as %v", tc.ratio, tc.size, tc.o, x, y, want, got)
				}
			}
		}
	}
	// Other image types come back as RGBA64 with their colours.
	src := grayHidden{imgs["NRGBA"]}
	up := exifOrientImage(src, 6)
	if _, ok := up.(*image.RGBA64); !ok {
		t.Fatalf("generic: %T", up)
	}
	b := src.Bounds()
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			X, Y := exifUprightOf(x, y, b.Dx(), b.Dy(), 6)
			if got, want := up.At(X, Y), color.RGBA64Model.Convert(src.At(b.Min.X+x, b.Min.Y+y)); got != want {
				t.Fatalf("generic (%d,%d): %v, want %v", x, y, got, want)
			}
		}
	}
}

// exifUprightOf is where stored (x, y) shows, by the EXIF definition (the
// forward mapping; exifUprightRef checks the inverse).
func exifUprightOf(x, y, w, h int, o exifOrientation) (int, int) {
	switch o {
	case 2:
		return w - 1 - x, y
	case 3:
		return w - 1 - x, h - 1 - y
	case 4:
		return x, h - 1 - y
	case 5:
		return y, x
	case 6:
		return h - 1 - y, x
	case 7:
		return h - 1 - y, w - 1 - x
	case 8:
		return y, w - 1 - x
	}
	return x, y
}

func decTypeName(m image.Image) string {
	switch m.(type) {
	case *image.Gray:
		return "Gray"
	case *image.Gray16:
		return "Gray16"
	case *image.RGBA:
		return "RGBA"
	case *image.NRGBA:
		return "NRGBA"
	case *image.RGBA64:
		return "RGBA64"
	case *image.NRGBA64:
		return "NRGBA64"
	case *image.CMYK:
		return "CMYK"
	case *image.Paletted:
		return "Paletted"
	case *image.YCbCr:
		return "YCbCr"
	case *image.Alpha:
		return "Alpha"
	case *image.Alpha16:
		return "Alpha16"
	}
	return "other"
}
