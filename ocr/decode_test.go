package ocr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/tiff"
)

// fixSamples returns a small valid file of every decoded format, made
// from the same four-colour pattern, with the greatest difference of a
// pixel's luminance from the pattern's the format allows (JPEG is lossy).
func fixSamples(t testing.TB) []struct {
	name, format string
	data         []byte
	tolerance    int
} {
	m := fixQuadrants(32, 16, fixFourColours)
	pal := image.NewPaletted(m.Rect, color.Palette{fixFourColours[0], fixFourColours[1], fixFourColours[2], fixFourColours[3]})
	for y := 0; y < 16; y++ {
		for x := 0; x < 32; x++ {
			pal.Set(x, y, m.At(x, y))
		}
	}
	g16 := image.NewGray16(m.Rect)
	for y := 0; y < 16; y++ {
		for x := 0; x < 32; x++ {
			g16.Set(x, y, m.At(x, y))
		}
	}
	return []struct {
		name, format string
		data         []byte
		tolerance    int
	}{
		{"jpeg", "jpeg", fixJPEG(t, m, 95), 12},
		{"jpeg gray", "jpeg", fixJPEG(t, Gray(m), 95), 12},
		{"png", "png", fixPNG(t, m), 0},
		{"png paletted", "png", fixPNG(t, pal), 0},
		{"png gray16", "png", fixPNG(t, g16), 0},
		{"gif", "gif", fixGIF(t, m), 0},
		{"tiff uncompressed", "tiff", fixTIFF(t, m, tiff.Uncompressed), 0},
		{"tiff deflate", "tiff", fixTIFF(t, m, tiff.Deflate), 0},
		{"tiff paletted", "tiff", fixTIFF(t, pal, tiff.Uncompressed), 0},
		{"bmp", "bmp", fixBMP(t, m), 0},
		{"bmp paletted", "bmp", fixBMP(t, pal), 0},
		{"webp lossless", "webp", fixVP8L(t, m), 0},
	}
}

func TestDecodeFormats(t *testing.T) {
	want := Gray(fixQuadrants(32, 16, fixFourColours))
	for _, tc := range fixSamples(t) {
		t.Run(tc.name, func(t *testing.T) {
			img, format, err := Decode(tc.data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if format != tc.format {
				t.Errorf("format %q, want %q", format, tc.format)
			}
			if img.Bounds() != want.Rect {
				t.Fatalf("bounds %v, want %v", img.Bounds(), want.Rect)
			}
			decAssertGrayNear(t, "Gray(Decode)", Gray(img), want, tc.tolerance)

			g, format, err := decodeGray(tc.data)
			if err != nil || format != tc.format {
				t.Fatalf("decodeGray: %q, %v", format, err)
			}
			decAssertGrayNear(t, "decodeGray", g, want, tc.tolerance)
			// The two routes to luminance are the same computation.
			decAssertGrayNear(t, "decodeGray against Gray(Decode)", g, Gray(img), 0)

			r, format, err := DecodeReader(bytes.NewReader(tc.data))
			if err != nil || format != tc.format || r.Bounds() != img.Bounds() {
				t.Errorf("DecodeReader: %v %q %v", r.Bounds(), format, err)
			}
		})
	}
}

// TestDecodeXImageTestdata decodes WebP (lossy, lossy with alpha,
// lossless) and TIFF (LZW, tiled, 16-bit) files of golang.org/x/image's own
// tests, read from the module cache (not copied), against the reference
// PNGs beside them: for lossy WebP those hold the Y plane (then the alpha
// plane, then chroma), which is what decodeGray must give exactly. The
// fixtures made in code cover only the simplest lossless WebP, and
// x/image/tiff writes neither LZW nor tiles.
func TestDecodeXImageTestdata(t *testing.T) {
	dir := decXImageTestdata(t)
	same := func(ref *image.Gray, w, h int) *image.Gray { return ref }
	yPlane := func(ref *image.Gray, w, h int) *image.Gray { return ref.SubImage(image.Rect(0, 0, w, h)).(*image.Gray) }
	yOverWhite := func(ref *image.Gray, w, h int) *image.Gray {
		g := image.NewGray(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				g.Pix[y*w+x] = grayOverWhite(ref.GrayAt(x, y).Y, ref.GrayAt(x, y+h+(h+1)/2).Y)
			}
		}
		return g
	}
	for _, tc := range []struct {
		file, ref string
		want      func(ref *image.Gray, w, h int) *image.Gray
		grayFree  bool
	}{
		{"blue-purple-pink.lossy.webp", "blue-purple-pink.lossy.webp.ycbcr.png", yPlane, true},
		{"video-001.lossy.webp", "video-001.lossy.webp.ycbcr.png", yPlane, true},
		{"yellow_rose.lossy-with-alpha.webp", "yellow_rose.lossy-with-alpha.webp.nycbcra.png", yOverWhite, false},
		{"yellow_rose.lossless.webp", "yellow_rose.png", same, false},
		{"gopher-doc.1bpp.lossless.webp", "gopher-doc.1bpp.png", same, false},
		{"blue-purple-pink.lzwcompressed.tiff", "blue-purple-pink.png", same, false},
		{"video-001-tile-64x64.tiff", "video-001.png", same, false},
		{"video-001-strip-64.tiff", "video-001.png", same, false},
		{"video-001-gray-16bit.tiff", "video-001-gray-16bit.tiff", same, false},
		{"bw-packbits.tiff", "bw-gopher.png", same, true},
		{"bw-gopher_ccittGroup4.tiff", "bw-gopher.png", same, true},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := decReadFile(t, dir+"/"+tc.file)
			img, _, err := Decode(data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			refImg, _, err := Decode(decReadFile(t, dir+"/"+tc.ref))
			if err != nil {
				t.Fatal(err)
			}
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			want := tc.want(Gray(refImg), w, h)
			g, _, err := decodeGray(data)
			if err != nil {
				t.Fatal(err)
			}
			decAssertGrayNear(t, "decodeGray", g, want, 0)
			decAssertGrayNear(t, "Gray(Decode)", Gray(img), want, 0)
			if hd := decInspect(t, data); hd.grayFree != tc.grayFree {
				t.Errorf("grayFree %v, want %v", hd.grayFree, tc.grayFree)
			}
		})
	}
}

func decInspect(t *testing.T, data []byte) decodeHeader {
	t.Helper()
	codec, _ := decodeCodecOf(sniffFormat(data))
	h, err := codec.inspect(data)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// decAssertGrayNear fails when two gray images differ in size or by more
// than tol at any pixel.
func decAssertGrayNear(t *testing.T, what string, got, want *image.Gray, tol int) {
	t.Helper()
	if got.Rect.Size() != want.Rect.Size() {
		t.Fatalf("%s: size %v, want %v", what, got.Rect.Size(), want.Rect.Size())
	}
	worst, at := 0, image.Point{}
	for y := 0; y < got.Rect.Dy(); y++ {
		for x := 0; x < got.Rect.Dx(); x++ {
			a := int(got.GrayAt(got.Rect.Min.X+x, got.Rect.Min.Y+y).Y)
			b := int(want.GrayAt(want.Rect.Min.X+x, want.Rect.Min.Y+y).Y)
			if d := max(a-b, b-a); d > worst {
				worst, at = d, image.Pt(x, y)
			}
		}
	}
	if worst > tol {
		t.Errorf("%s: pixel %v differs by %d, more than %d", what, at, worst, tol)
	}
}

// TestDecodeEXIFOrientation builds JPEGs of four gray quadrants with each
// EXIF orientation in both byte orders, and checks where each quadrant
// lands, from the EXIF definition of the tag (where the stored row 0 and
// column 0 go), not from the code under test.
func TestDecodeEXIFOrientation(t *testing.T) {
	const tl, tr, bl, br = 30, 90, 160, 220
	// The upright quadrants (top-left, top-right, bottom-left,
	// bottom-right) for each orientation.
	want := map[uint16][4]uint8{
		1: {tl, tr, bl, br}, // row 0 top, column 0 left
		2: {tr, tl, br, bl}, // row 0 top, column 0 right
		3: {br, bl, tr, tl}, // row 0 bottom, column 0 right
		4: {bl, br, tl, tr}, // row 0 bottom, column 0 left
		5: {tl, bl, tr, br}, // row 0 left, column 0 top
		6: {bl, tl, br, tr}, // row 0 right, column 0 top
		7: {br, tr, bl, tl}, // row 0 right, column 0 bottom
		8: {tr, br, tl, bl}, // row 0 left, column 0 bottom
	}
	stored := fixGrayQuadrants(64, 32, [4]uint8{tl, tr, bl, br})
	for _, src := range []struct {
		name string
		img  image.Image
	}{{"ycbcr", stored}, {"gray", Gray(stored)}} {
		jpg := fixJPEG(t, src.img, 95)
		for _, order := range []fixTIFFOrder{binary.LittleEndian, binary.BigEndian} {
			for o := uint16(1); o <= 8; o++ {
				data := fixWithEXIF(jpg, o, order)
				img, _, err := Decode(data)
				if err != nil {
					t.Fatal(err)
				}
				g, _, err := decodeGray(data)
				if err != nil {
					t.Fatal(err)
				}
				w, h := 64, 32
				if o >= 5 {
					w, h = 32, 64
				}
				for _, got := range []*image.Gray{Gray(img), g} {
					if got.Rect != image.Rect(0, 0, w, h) {
						t.Fatalf("%s %v orientation %d: bounds %v, want %dx%d", src.name, order, o, got.Rect, w, h)
					}
					q := [4]uint8{
						got.GrayAt(w/4, h/4).Y, got.GrayAt(3*w/4, h/4).Y,
						got.GrayAt(w/4, 3*h/4).Y, got.GrayAt(3*w/4, 3*h/4).Y,
					}
					for i := range q {
						if d := int(q[i]) - int(want[o][i]); d < -4 || d > 4 {
							t.Errorf("%s %v orientation %d: quadrants %v, want %v", src.name, order, o, q, want[o])
							break
						}
					}
				}
			}
		}
	}
}

// TestDecodeOrientedColourAgrees checks, for colour JPEGs of every
// subsampling and of odd sizes (where a turned 4:2:0 image cannot keep
// its subsampling), that the luminance of the upright colour image of
// Decode is exactly decodeGray's upright Y plane.
func TestDecodeOrientedColourAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []image.Point{{48, 32}, {37, 23}} {
		m := image.NewNRGBA(image.Rect(0, 0, size.X, size.Y))
		for i := range m.Pix {
			m.Pix[i] = uint8(rng.IntN(256))
			if i%4 == 3 {
				m.Pix[i] = 255
			}
		}
		jpg := fixJPEG(t, m, 80) // 4:2:0
		for o := uint16(1); o <= 8; o++ {
			data := fixWithEXIF(jpg, o, binary.BigEndian)
			img, _, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := img.(*image.YCbCr); !ok {
				t.Fatalf("%v orientation %d: %T, want *image.YCbCr", size, o, img)
			}
			g, _, err := decodeGray(data)
			if err != nil {
				t.Fatal(err)
			}
			decAssertGrayNear(t, "upright colour against upright gray", Gray(img), g, 0)
		}
	}
}

// TestDecodeTIFFOrientation: a TIFF's own Orientation tag is applied too.
func TestDecodeTIFFOrientation(t *testing.T) {
	pix := []byte{
		1, 2, 3,
		4, 5, 6,
	}
	for _, tc := range []struct {
		o    uint32
		want [][]byte
	}{
		{1, [][]byte{{1, 2, 3}, {4, 5, 6}}},
		{3, [][]byte{{6, 5, 4}, {3, 2, 1}}},
		{6, [][]byte{{4, 1}, {5, 2}, {6, 3}}}, // turned 90° clockwise
		{8, [][]byte{{3, 6}, {2, 5}, {1, 4}}}, // turned 90° counter-clockwise
	} {
		data := fixGrayTIFF(3, 2, pix, 1, nil, fixTIFFEntry{tiffTagOrientation, 3, 1, tc.o})
		for _, decode := range []func([]byte) (*image.Gray, error){
			func(b []byte) (*image.Gray, error) { g, _, err := decodeGray(b); return g, err },
			func(b []byte) (*image.Gray, error) { m, _, err := Decode(b); return decGrayOrNil(m), err },
		} {
			g, err := decode(data)
			if err != nil {
				t.Fatalf("orientation %d: %v", tc.o, err)
			}
			var got [][]byte
			for y := 0; y < g.Rect.Dy(); y++ {
				got = append(got, append([]byte{}, g.Pix[y*g.Stride:y*g.Stride+g.Rect.Dx()]...))
			}
			if !decEqualRows(got, tc.want) {
				t.Errorf("orientation %d: %v, want %v", tc.o, got, tc.want)
			}
		}
	}
}

func decGrayOrNil(m image.Image) *image.Gray {
	if m == nil {
		return nil
	}
	return Gray(m)
}

func decEqualRows(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// TestDecodeUnsupported: formats the package recognises but does not
// decode, and bytes that are no image, are named and refused.
func TestDecodeUnsupported(t *testing.T) {
	ftyp := func(major string, compat ...string) []byte {
		b := []byte{0, 0, 0, byte(16 + 4*len(compat))}
		b = append(b, "ftyp"+major+"\x00\x00\x00\x00"...)
		for _, c := range compat {
			b = append(b, c...)
		}
		return append(b, make([]byte, 64)...)
	}
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	random[0] = 0 // no magic by chance
	for _, tc := range []struct {
		name, format string
		data         []byte
		reason       string
	}{
		{"heic", "heic", ftyp("heic", "mif1", "heic"), "HEIC images are not supported"},
		{"heif mif1", "heic", ftyp("mif1", "mif1", "heic"), "HEIC images are not supported"},
		{"heic sequence", "heic", ftyp("msf1", "msf1", "hevc"), "HEIC images are not supported"},
		{"avif", "avif", ftyp("avif", "mif1", "avif"), "AVIF images are not supported"},
		{"avif under mif1", "avif", ftyp("mif1", "mif1", "avif", "miaf"), "AVIF images are not supported"},
		{"pdf", "pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "PDF documents are not supported"},
		{"pdf after junk", "pdf", append(bytes.Repeat([]byte{' '}, 300), "%PDF-1.4\n"...), "PDF documents are not supported"},
		{"jpeg xl", "jxl", []byte("\xff\x0a\xfa\x7f\x01\x90\x08\x06\x01\x00"), "JPEG XL images are not supported"},
		{"jpeg 2000", "jp2", []byte("\x00\x00\x00\x0cjP  \r\n\x87\n\x00\x00\x00\x14ftypjp2 "), "JPEG 2000 images are not supported"},
		{"bigtiff", "tiff", []byte("II+\x00\x08\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00"), "BigTIFF images are not supported"},
		{"animated webp", "webp", fixRIFFWebP("VP8X", []byte{0x02, 0, 0, 0, 9, 0, 0, 9, 0, 0}, "ANIM", make([]byte, 6)), "animated WebP images are not supported"},
		{"mp4 video", "", ftyp("isom", "isom", "mp41"), "not an image"},
		{"text", "", []byte("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"), "not an image"},
		{"random", "", random, "not an image"},
		{"short", "", []byte{0xff, 0xd8}, "not an image"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, decode := range decEntryPoints {
				err := decode(tc.data)
				fe := decAssertFormatError(t, err, ErrUnsupportedFormat, tc.format)
				if fe != nil && !strings.Contains(fe.Error(), tc.reason) {
					t.Errorf("error %q does not say %q", fe, tc.reason)
				}
			}
		})
	}
}

// decEntryPoints are the entry points, reduced to their error.
var decEntryPoints = map[string]func([]byte) error{
	"Decode":       func(b []byte) error { _, _, err := Decode(b); return err },
	"decodeGray":   func(b []byte) error { _, _, err := decodeGray(b); return err },
	"DecodeReader": func(b []byte) error { _, _, err := DecodeReader(bytes.NewReader(b)); return err },
}

// decAssertFormatError checks that err is a *FormatError of the given kind
// and format, and returns it.
func decAssertFormatError(t *testing.T, err, kind error, format string) *FormatError {
	t.Helper()
	var fe *FormatError
	switch {
	case err == nil:
		t.Errorf("no error, want %v", kind)
		return nil
	case !errors.As(err, &fe):
		t.Errorf("%T %v, want a *FormatError", err, err)
		return nil
	case !errors.Is(err, kind):
		t.Errorf("%v: not %v", err, kind)
	case fe.Format != format:
		t.Errorf("%v: format %q, want %q", err, fe.Format, format)
	}
	return fe
}

// TestDecodeTruncated cuts every sample file short at several places.
func TestDecodeTruncated(t *testing.T) {
	for _, tc := range fixSamples(t) {
		// GIF decodes only its first frame: it may lose its end unharmed.
		ends := []float64{0.1, 0.3, 0.5, 0.7, 0.9}
		if tc.format == "gif" {
			ends = []float64{0.1, 0.3, 0.5, 0.7}
		}
		for _, end := range ends {
			n := int(end * float64(len(tc.data)))
			for name, decode := range decEntryPoints {
				err := decode(tc.data[:n])
				fe := decAssertFormatError(t, err, ErrInvalidImage, tc.format)
				if fe != nil && !strings.HasPrefix(fe.Reason, "truncated ") && !strings.HasPrefix(fe.Reason, "corrupt ") {
					t.Errorf("%s %s cut to %d of %d bytes: reason %q", name, tc.name, n, len(tc.data), fe.Reason)
				}
			}
		}
		// In the middle of the pixel data, the decoders see that the data
		// ran out.
		if tc.format != "tiff" { // x/image/tiff reads its IFD, written last, first
			_, _, err := Decode(tc.data[:len(tc.data)*3/4])
			if !strings.Contains(err.Error(), "truncated") {
				t.Errorf("%s cut to 3/4: %v, want a truncated image", tc.name, err)
			}
		}
	}
	for name, decode := range decEntryPoints {
		err := decode(nil)
		decAssertFormatError(t, err, ErrInvalidImage, "")
		if err != nil && !strings.Contains(err.Error(), "empty") {
			t.Errorf("%s(nil): %v, want an empty input", name, err)
		}
	}
}

// TestDecodeNoPixels: 0x0 (and 0xN) images are invalid in every format
// that can say so.
func TestDecodeNoPixels(t *testing.T) {
	jpg := fixJPEG(t, fixQuadrants(16, 16, fixFourColours), 90)
	i := bytes.Index(jpg, []byte{0xff, 0xc0}) // SOF0: length, precision, height, width
	zeroJPEG := append([]byte{}, jpg...)
	copy(zeroJPEG[i+5:], []byte{0, 0, 0, 0})
	zeroGIF := fixGIF(t, fixQuadrants(16, 16, fixFourColours))
	copy(zeroGIF[6:], []byte{0, 0, 0, 0})
	zeroBMP := fixBMP(t, fixQuadrants(16, 16, fixFourColours))
	copy(zeroBMP[18:], make([]byte, 8))
	for _, tc := range []struct {
		name, format string
		data         []byte
	}{
		{"png 0x0", "png", fixPNGHeader(0, 0, 8, 0, fixZlib(t, nil))},
		{"png 10x0", "png", fixPNGHeader(10, 0, 8, 0, fixZlib(t, nil))},
		{"jpeg 0x0", "jpeg", zeroJPEG},
		{"gif 0x0", "gif", zeroGIF},
		{"bmp 0x0", "bmp", zeroBMP},
		{"tiff 0x0", "tiff", fixGrayTIFF(0, 0, nil, 1, []byte{})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, decode := range decEntryPoints {
				fe := decAssertFormatError(t, decode(tc.data), ErrInvalidImage, tc.format)
				if fe != nil && !strings.Contains(fe.Reason, "has no pixels") {
					t.Errorf("reason %q, want one saying the image has no pixels", fe.Reason)
				}
			}
		})
	}
}

// TestDecodeHugeHeader: headers claiming far more than MaxPixels are
// refused from the header, before anything of their size is allocated.
func TestDecodeHugeHeader(t *testing.T) {
	jpg := fixJPEG(t, fixQuadrants(16, 16, fixFourColours), 90)
	i := bytes.Index(jpg, []byte{0xff, 0xc0})
	hugeJPEG := append([]byte{}, jpg...)
	copy(hugeJPEG[i+5:], []byte{0xff, 0xff, 0xff, 0xff})
	hugeGIF := fixGIF(t, fixQuadrants(16, 16, fixFourColours))
	copy(hugeGIF[6:], []byte{0xff, 0xff, 0xff, 0xff})
	hugeBMP := fixBMP(t, fixQuadrants(16, 16, fixFourColours))
	binary.LittleEndian.PutUint32(hugeBMP[18:], 100000)
	binary.LittleEndian.PutUint32(hugeBMP[22:], 100000)
	vp8l := func(w, h int) []byte {
		bits := uint32(w-1) | uint32(h-1)<<14
		return fixRIFFWebP("VP8L", append([]byte{0x2f}, binary.LittleEndian.AppendUint32(nil, bits)...))
	}
	canvas := func(w, h int) []byte {
		p := []byte{0x10, 0, 0, 0}
		p = append(p, byte(w-1), byte((w-1)>>8), byte((w-1)>>16), byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
		return fixRIFFWebP("VP8X", p, "VP8L", []byte{0x2f, 0, 0, 0, 0})
	}
	for _, tc := range []struct {
		name, format string
		data         []byte
		w, h         int
	}{
		{"png", "png", fixPNGHeader(100000, 100000, 8, 2, fixZlib(t, []byte{0})), 100000, 100000},
		{"png 16-bit", "png", fixPNGHeader(100000, 100000, 16, 6, fixZlib(t, []byte{0})), 100000, 100000},
		{"png 2^31", "png", fixPNGHeader(1<<31-1, 1<<31-1, 8, 0, nil), 1<<31 - 1, 1<<31 - 1},
		{"jpeg", "jpeg", hugeJPEG, 65535, 65535},
		{"gif", "gif", hugeGIF, 65535, 65535},
		{"bmp", "bmp", hugeBMP, 100000, 100000},
		{"tiff", "tiff", fixGrayTIFF(100000, 100000, nil, 1, []byte{0}), 100000, 100000},
		{"tiff deflate", "tiff", fixGrayTIFF(100000, 100000, nil, 8, fixZlib(t, []byte{0})), 100000, 100000},
		{"webp lossless", "webp", vp8l(16384, 16384), 16384, 16384},
		{"webp canvas", "webp", canvas(100000, 100000), 100000, 100000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for name, decode := range decEntryPoints {
				var err error
				alloc := decAllocatedBy(func() { err = decode(tc.data) })
				fe := decAssertFormatError(t, err, ErrTooLarge, tc.format)
				if fe == nil {
					continue
				}
				if fe.Width != tc.w || fe.Height != tc.h {
					t.Errorf("%s: size %dx%d, want %dx%d", name, fe.Width, fe.Height, tc.w, tc.h)
				}
				if !strings.Contains(fe.Error(), "megapixels") {
					t.Errorf("%s: %q does not say the limit", name, fe)
				}
				if alloc > 1<<20 {
					t.Errorf("%s allocated %d bytes to refuse it, want under 1 MiB", name, alloc)
				}
			}
		})
	}
	// The message, as the issue words it.
	_, _, err := Decode(fixPNGHeader(100000, 100000, 8, 2, nil))
	if want := "ocr: PNG image of 100000x100000 pixels exceeds 50 megapixels"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// decAllocatedBy returns the bytes f allocates on the heap.
func decAllocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDecodeFileTooLarge: over MaxFileSize bytes is refused, and
// DecodeReader stops reading one byte past the limit.
func TestDecodeFileTooLarge(t *testing.T) {
	big := make([]byte, MaxFileSize+1)
	copy(big, fixJPEG(t, fixQuadrants(16, 16, fixFourColours), 90))
	for _, decode := range decEntryPoints {
		fe := decAssertFormatError(t, decode(big), ErrTooLarge, "jpeg")
		if fe != nil && fe.Error() != "ocr: file of 15728641 bytes exceeds the 15 MB limit" {
			t.Errorf("message %q", fe)
		}
	}
	if _, _, err := Decode(big[:MaxFileSize]); errors.Is(err, ErrTooLarge) {
		t.Errorf("a file of exactly MaxFileSize bytes: %v", err)
	}
	endless := &decCountingReader{r: io.MultiReader(bytes.NewReader(big[:100]), decZeros{})}
	_, _, err := DecodeReader(endless)
	decAssertFormatError(t, err, ErrTooLarge, "jpeg")
	if endless.n > MaxFileSize+1+32<<10 {
		t.Errorf("DecodeReader read %d bytes of an endless input", endless.n)
	}
	broken := io.MultiReader(bytes.NewReader(big[:100]), decErrReader{})
	if _, _, err := DecodeReader(broken); !errors.Is(err, decErrBroken) {
		t.Errorf("DecodeReader of a failing reader: %v, want its error", err)
	}
}

type decZeros struct{}

func (decZeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

var decErrBroken = errors.New("broken reader")

type decErrReader struct{}

func (decErrReader) Read([]byte) (int, error) { return 0, decErrBroken }

type decCountingReader struct {
	r io.Reader
	n int
}

func (c *decCountingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestDecodeAnimatedGIF: the first frame of an animation, laid on its
// logical screen when it is smaller.
func TestDecodeAnimatedGIF(t *testing.T) {
	pal := color.Palette{color.Black, color.White, color.RGBA{255, 0, 0, 255}}
	frame := func(r image.Rectangle, idx uint8) *image.Paletted {
		m := image.NewPaletted(r, pal)
		for i := range m.Pix {
			m.Pix[i] = idx
		}
		return m
	}
	var full bytes.Buffer
	anim := &gif.GIF{
		Image: []*image.Paletted{frame(image.Rect(0, 0, 20, 10), 1), frame(image.Rect(0, 0, 20, 10), 0)},
		Delay: []int{10, 10},
	}
	if err := gif.EncodeAll(&full, anim); err != nil {
		t.Fatal(err)
	}
	g, format, err := decodeGray(full.Bytes())
	if err != nil || format != "gif" {
		t.Fatal(format, err)
	}
	if g.Rect != image.Rect(0, 0, 20, 10) || g.GrayAt(5, 5).Y != 255 {
		t.Errorf("first frame: %v, pixel %d; want 20x10, white", g.Rect, g.GrayAt(5, 5).Y)
	}

	// A first frame covering part of the screen: the rest is transparent,
	// which Gray shows as white.
	var part bytes.Buffer
	anim = &gif.GIF{
		Image:  []*image.Paletted{frame(image.Rect(5, 2, 15, 8), 0), frame(image.Rect(0, 0, 20, 10), 2)},
		Delay:  []int{10, 10},
		Config: image.Config{ColorModel: pal, Width: 20, Height: 10},
	}
	if err := gif.EncodeAll(&part, anim); err != nil {
		t.Fatal(err)
	}
	img, _, err := Decode(part.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, 20, 10) {
		t.Fatalf("bounds %v, want the screen", img.Bounds())
	}
	if _, _, _, a := img.At(1, 1).RGBA(); a != 0 {
		t.Errorf("outside the frame: alpha %d, want transparent", a)
	}
	if c := color.GrayModel.Convert(img.At(7, 4)).(color.Gray); c.Y != 0 {
		t.Errorf("inside the frame: %v, want black", c)
	}
	g = Gray(img)
	if g.GrayAt(1, 1).Y != 255 || g.GrayAt(7, 4).Y != 0 {
		t.Errorf("gray: outside %d, inside %d; want 255, 0", g.GrayAt(1, 1).Y, g.GrayAt(7, 4).Y)
	}
}

// TestDecodeCorrupt: a valid header over garbage is invalid, and the error
// quotes nothing of it.
func TestDecodeCorrupt(t *testing.T) {
	garbage := bytes.Repeat([]byte("SECRET<<DATA"), 40)
	for _, tc := range fixSamples(t) {
		head := min(len(tc.data)/4, 40)
		data := append(append([]byte{}, tc.data[:head]...), garbage...)
		data = append(data, tc.data[len(tc.data)-8:]...)
		for name, decode := range decEntryPoints {
			err := decode(data)
			if err == nil {
				continue // some formats shrug off garbage in places: not an error to check here
			}
			if !errors.Is(err, ErrInvalidImage) && !errors.Is(err, ErrUnsupportedFormat) {
				t.Errorf("%s %s: %v, want an invalid image", name, tc.name, err)
			}
			if strings.Contains(err.Error(), "SECRET") || strings.Contains(err.Error(), "DATA") {
				t.Errorf("%s %s: error %q quotes the input", name, tc.name, err)
			}
		}
	}
	// image/gif's own message would quote the unknown block's byte.
	bad := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00\x7e")
	_, _, err := Decode(bad)
	if err == nil || strings.Contains(err.Error(), "7e") || err.Error() != "ocr: corrupt GIF" {
		t.Errorf("unknown GIF block: %v, want \"ocr: corrupt GIF\"", err)
	}
}

// decXImageTestdata returns the testdata directory of golang.org/x/image in
// the module cache, or skips the test.
func decXImageTestdata(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/image").Output()
	dir := strings.TrimSpace(string(out)) + "/testdata"
	if _, serr := os.Stat(dir); err != nil || serr != nil {
		t.Skipf("golang.org/x/image's testdata is not in the module cache (go mod download): %v %v", err, serr)
	}
	return dir
}

func decReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDecodeContainsPanics: a panic of a format's decoder (a bug of it on
// some corrupt file) comes back as a corrupt image, not a crash.
func TestDecodeContainsPanics(t *testing.T) {
	err := decodeContained(func() error { panic("index out of range") })
	if err != errDecoderPanic {
		t.Fatalf("decodeContained: %v", err)
	}
	fe := decodeFailure("tiff", err)
	if !errors.Is(fe, ErrInvalidImage) || fe.Error() != "ocr: corrupt TIFF" {
		t.Errorf("decodeFailure: %v", fe)
	}
	if err := decodeContained(func() error { return io.ErrUnexpectedEOF }); err != io.ErrUnexpectedEOF {
		t.Errorf("an error passes through: %v", err)
	}
}

// TestFormatErrorText: a FormatError built by hand still reads well.
func TestFormatErrorText(t *testing.T) {
	for _, tc := range []struct {
		e    *FormatError
		want string
	}{
		{&FormatError{Format: "png", Err: ErrInvalidImage, Reason: "truncated PNG"}, "ocr: truncated PNG"},
		{&FormatError{Format: "webp", Err: ErrTooLarge}, "ocr: image too large (WebP)"},
		{&FormatError{Err: ErrUnsupportedFormat}, "ocr: unsupported image format"},
		{&FormatError{}, "ocr: invalid image"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v: %q, want %q", *tc.e, got, tc.want)
		}
		if tc.e.Err != nil && !errors.Is(tc.e, tc.e.Err) {
			t.Errorf("%+v does not unwrap to its Err", *tc.e)
		}
	}
}

// TestDecodeConcurrent: Decode and decodeGray share no state (run with
// -race).
func TestDecodeConcurrent(t *testing.T) {
	samples := fixSamples(t)
	want := make([]*image.Gray, len(samples))
	for i, s := range samples {
		g, _, err := decodeGray(s.data)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = g
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(samples))
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, s := range samples {
				img, _, err := Decode(s.data)
				g, _, gerr := decodeGray(s.data)
				if err != nil || gerr != nil || !decGrayEqual(g, want[i]) || !decGrayEqual(Gray(img), want[i]) {
					errs <- s.name
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: a concurrent decode differs", name)
	}
}
