package ocr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"regexp"
	"testing"
)

// decMessages is every message a decoding error may carry: the
// package's own words, with numbers from the header at most. Nothing of
// the input's text can get into them.
var decMessages = regexp.MustCompile(`^ocr: (` +
	`(truncated|corrupt) (JPEG|PNG|GIF|TIFF|BMP|WebP)(: (no IHDR chunk|no image data|its frame and canvas sizes differ|its pixels do not match its header))?` +
	`|(JPEG|PNG|GIF|TIFF|BMP|WebP) uses a feature the decoder does not support` +
	`|(JPEG|PNG|GIF|TIFF|BMP|WebP) image of \d+x\d+ pixels (has no pixels|exceeds 50 megapixels|needs about \d+ MB to decode, over the 320 MB limit)` +
	`|JPEG of \d+ scans over \d+x\d+ pixels would take too long to decode` +
	`|TIFF of \d+ compressed strips or tiles would take too long to decode` +
	`|(HEIC|AVIF|JPEG XL|JPEG 2000|BigTIFF|animated WebP) images are not supported` +
	`|PDF documents are not supported: send an image of the page \(JPEG, PNG, \.\.\.\)` +
	`|not an image in a supported format \(JPEG, PNG, GIF, TIFF, BMP, WebP\)` +
	`|empty input: no image data` +
	`|file of \d+ bytes exceeds the 15 MB limit` +
	`)$`)

// decFuzzSeeds are small valid (and a few invalid) files of every format.
func decFuzzSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, s := range fixSamples(t) {
		seeds = append(seeds, s.data)
	}
	jpg := fixJPEG(t, fixQuadrants(24, 16, fixFourColours), 75)
	seeds = append(seeds,
		fixWithEXIF(jpg, 6, binary.BigEndian), fixWithEXIF(jpg, 7, binary.LittleEndian),
		fixGrayTIFF(3, 2, []byte{1, 2, 3, 4, 5, 6}, tiffNone, nil, fixTIFFEntry{tiffTagOrientation, 3, 1, 8}),
		fixGrayTIFF(4, 4, nil, tiffPackBits, []byte{0xf1, 9}),
		fixGrayTIFF(4, 4, nil, tiffDeflate, fixZlib(t, make([]byte, 16))),
		fixJPEGHeader(0xc2, 64, 48, []byte{1, 0x22, 2, 0x11, 3, 0x11}, 3),
		fixPNGHeader(20, 10, 8, 0, fixZlib(t, make([]byte, 10*21))),
		fixVP8L(t, fixQuadrants(5, 3, fixFourColours)),
		[]byte("%PDF-1.7\n"), []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), nil,
	)
	pal := color.Palette{color.Black, color.White}
	f1 := image.NewPaletted(image.Rect(2, 1, 6, 4), pal)
	f2 := image.NewPaletted(image.Rect(0, 0, 8, 5), pal)
	var anim bytes.Buffer
	if err := gif.EncodeAll(&anim, &gif.GIF{Image: []*image.Paletted{f1, f2}, Delay: []int{1, 1},
		Config: image.Config{ColorModel: pal, Width: 8, Height: 5}}); err != nil {
		t.Fatal(err)
	}
	return append(seeds, anim.Bytes())
}

// FuzzDecode: on any bytes, Decode and decodeGray do not panic, and either
// fail with a *FormatError of one of the three kinds, in the package's own
// words, or return an image of at least one and at most MaxPixels pixels,
// whose luminance decodeGray gives exactly (two routes: turn the colour
// image, then take its luminance; or take the luminance, then turn it).
func FuzzDecode(f *testing.F) {
	for _, s := range decFuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		img, format, err := Decode(data)
		g, gformat, gerr := decodeGray(data)
		if sniffed := sniffFormat(data); format != sniffed || gformat != sniffed {
			t.Fatalf("formats: Decode %q, decodeGray %q, sniffed %q", format, gformat, sniffFormat(data))
		}
		for _, e := range []error{err, gerr} {
			if e != nil {
				decCheckError(t, e, sniffFormat(data))
			}
		}
		if (err == nil) != (gerr == nil) {
			// Only the memory estimate differs between the two (an upright
			// colour copy against a gray plane).
			for _, e := range []error{err, gerr} {
				if e != nil && !errors.Is(e, ErrTooLarge) {
					t.Fatalf("Decode: %v; decodeGray: %v", err, gerr)
				}
			}
		}
		if err != nil {
			return
		}
		b := img.Bounds()
		if b.Empty() || int64(b.Dx())*int64(b.Dy()) > MaxPixels || b.Min != (image.Point{}) {
			t.Fatalf("bounds %v", b)
		}
		want := Gray(img)
		if want.Rect.Size() != b.Size() {
			t.Fatalf("Gray: %v for an image of %v", want.Rect, b)
		}
		if gerr == nil {
			if g.Rect != want.Rect || !decGrayEqual(g, want) {
				t.Fatalf("decodeGray differs from Gray(Decode) (%T)", img)
			}
		}
	})
}

// decCheckError checks that err is a *FormatError of one kind, naming
// the sniffed format, in the package's words.
func decCheckError(t *testing.T, err error, format string) {
	t.Helper()
	var fe *FormatError
	if !errors.As(err, &fe) {
		t.Fatalf("%T %v: not a *FormatError", err, err)
	}
	kinds := 0
	for _, k := range []error{ErrUnsupportedFormat, ErrTooLarge, ErrInvalidImage} {
		if errors.Is(err, k) {
			kinds++
		}
	}
	if kinds != 1 {
		t.Fatalf("%v wraps %d of the three kinds", err, kinds)
	}
	if fe.Format != format {
		t.Fatalf("%v: format %q, sniffed %q", err, fe.Format, format)
	}
	if !decMessages.MatchString(err.Error()) {
		t.Fatalf("message %q is not one of the package's", err)
	}
}

func decGrayEqual(a, b *image.Gray) bool {
	for y := 0; y < a.Rect.Dy(); y++ {
		ra := a.Pix[y*a.Stride : y*a.Stride+a.Rect.Dx()]
		rb := b.Pix[y*b.Stride : y*b.Stride+b.Rect.Dx()]
		if !bytes.Equal(ra, rb) {
			return false
		}
	}
	return true
}

// TestDecodeErrorMessages runs the error checks of the fuzz target on the
// hand-made bad inputs of the other tests, so a new message must be added
// to decMessages.
func TestDecodeErrorMessages(t *testing.T) {
	inputs := [][]byte{
		nil, []byte("hello"), make([]byte, MaxFileSize+1),
		fixPNGHeader(0, 0, 8, 0, nil), fixPNGHeader(100000, 100000, 8, 2, nil), fixPNGHeader(7000, 7000, 16, 6, nil),
		fixJPEGHeader(0xc2, 100, 100, []byte{1, 0x11}, 1001),
		fixManyStripsTIFF(t, tiffMaxBlocks+1),
		[]byte("II+\x00\x08\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00"),
		fixRIFFWebP("VP8X", []byte{0x02, 0, 0, 0, 9, 0, 0, 9, 0, 0}),
		fixRIFFWebP("VP8X", []byte{0x10, 0, 0, 0, 9, 0, 0, 9, 0, 0}, "VP8L", []byte{0x2f, 0, 0, 0, 0}),
		[]byte("RIFF\x04\x00\x00\x00WEBP"),
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDX"),
	}
	copy(inputs[2], "\xff\xd8\xff")
	for _, s := range fixSamples(t) {
		inputs = append(inputs, s.data[:len(s.data)/2], append(append([]byte{}, s.data[:20]...), bytes.Repeat([]byte{0x5a}, 200)...))
	}
	for _, in := range inputs {
		_, _, err := Decode(in)
		if err != nil {
			decCheckError(t, err, sniffFormat(in))
		}
	}
}
