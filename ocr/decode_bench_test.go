package ocr

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"sync"
	"testing"
)

// fixPhotoLike draws a w×h colour image that compresses like a photo of a
// document: smooth gradients (light), sensor noise, and dark text-like
// blocks of strokes.
func fixPhotoLike(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := rng.IntN(17) - 8
			r := 120 + 100*x/w + n
			g := 110 + 90*y/h + n
			b := 150 + 60*(x+y)/(w+h) + n
			i := m.PixOffset(x, y)
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = fixClamp(r), fixClamp(g), fixClamp(b), 255
		}
	}
	// Lines of "characters": dark strokes in cells of a fixed pitch.
	for line := 0; line < h/60; line++ {
		y0 := 20 + line*60
		for cx := 30; cx+14 < w-30; cx += 18 {
			if rng.IntN(8) == 0 {
				continue // a space
			}
			for s := 0; s < 3; s++ {
				vertical := rng.IntN(2) == 0
				ox, oy := rng.IntN(10), rng.IntN(20)
				for k := 0; k < 14; k++ {
					for t := 0; t < 3; t++ {
						x, y := cx+ox+t, y0+k+oy/2
						if !vertical {
							x, y = cx+k, y0+oy+t
						}
						if x < w && y < h {
							i := m.PixOffset(x, y)
							m.Pix[i], m.Pix[i+1], m.Pix[i+2] = 30, 30, 40
						}
					}
				}
			}
		}
	}
	return m
}

func fixClamp(v int) uint8 { return uint8(min(max(v, 0), 255)) }

var (
	decBench2MPOnce sync.Once
	decBench2MP     []byte // a 1632x1224 (2.0 MP) photo-like JPEG, quality 85
)

func decJPEG2MP(b *testing.B) []byte {
	decBench2MPOnce.Do(func() { decBench2MP = fixJPEG(b, fixPhotoLike(1632, 1224, 1), 85) })
	return decBench2MP
}

// decBench times decode on data, reporting bytes per second of input.
func decBench(b *testing.B, data []byte, decode func([]byte) error) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func decGrayErr(data []byte) error { _, _, err := decodeGray(data); return err }

// BenchmarkDecodeGray2MPJPEG is what the reader pays to get pixels from a
// 2-megapixel photo: image/jpeg's decode plus the checks; the Y plane is
// used as it is.
func BenchmarkDecodeGray2MPJPEG(b *testing.B) { decBench(b, decJPEG2MP(b), decGrayErr) }

// BenchmarkDecodeGray2MPJPEGRotated adds the turn of an EXIF orientation 6
// (a phone held upright).
func BenchmarkDecodeGray2MPJPEGRotated(b *testing.B) {
	decBench(b, fixWithEXIF(decJPEG2MP(b), 6, binary.BigEndian), decGrayErr)
}

// BenchmarkStdlibJPEG2MP is image/jpeg alone on the same file: the floor
// decodeGray stands on.
func BenchmarkStdlibJPEG2MP(b *testing.B) {
	decBench(b, decJPEG2MP(b), func(data []byte) error { _, err := jpeg.Decode(bytes.NewReader(data)); return err })
}

// BenchmarkInspect2MPJPEG is the header checks alone (marker walk, EXIF,
// DecodeConfig, estimate).
func BenchmarkInspect2MPJPEG(b *testing.B) {
	data := decJPEG2MP(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := jpegInspect(data); err != nil {
			b.Fatal(err)
		}
	}
}

func grayBench(b *testing.B, img image.Image) {
	b.SetBytes(int64(img.Bounds().Dx() * img.Bounds().Dy()))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Gray(img)
	}
}

func BenchmarkGray2MPYCbCr(b *testing.B) {
	m, err := jpeg.Decode(bytes.NewReader(decJPEG2MP(b)))
	if err != nil {
		b.Fatal(err)
	}
	grayBench(b, m)
}

func BenchmarkGray2MPRGBA(b *testing.B) { grayBench(b, fixPhotoLike(1632, 1224, 2)) }

func BenchmarkGray2MPNRGBA(b *testing.B) {
	m := fixPhotoLike(1632, 1224, 3)
	grayBench(b, &image.NRGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect})
}

func BenchmarkGray2MPGeneric(b *testing.B) { grayBench(b, grayHidden{fixPhotoLike(1632, 1224, 4)}) }
