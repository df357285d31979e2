package ocr

import (
	"context"
	"os"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/pages"
)

// bench2MP renders a colour photo-like page of about 2 megapixels (1730 x
// 1160) holding a TD3, as a JPEG of quality 85.
func bench2MP(b *testing.B) []byte {
	b.Helper()
	pg := renderPage(b, pages.Spec{Format: mrz.TD3, CapHeight: 20, Skew: 4, Clutter: 1, Margin: 0.22,
		Noise: 4, Light: 0.3, JPEG: 85, Color: true}, 2)
	file, err := pg.File()
	if err != nil {
		b.Fatal(err)
	}
	if path := os.Getenv("OCR_BENCH_JPEG"); path != "" {
		// For measuring the peak memory of a reading in a process of its
		// own (docs/ocr.md).
		if err := os.WriteFile(path, file, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	bd := pg.Image.Bounds()
	b.Logf("page %dx%d (%.1f MP), %d bytes", bd.Dx(), bd.Dy(), float64(bd.Dx()*bd.Dy())/1e6, len(file))
	return file
}

// BenchmarkReadBytes2MP reads a 2-megapixel JPEG photo of a passport page,
// decoding included. Run with -cpu 1.
func BenchmarkReadBytes2MP(b *testing.B) {
	file := bench2MP(b)
	ctx := context.Background()
	opt := WithMRZOptions(mrz.WithReferenceDate(pages.Reference))
	res, err := ReadBytes(ctx, file, opt)
	if err != nil || !res.IsValid() {
		b.Fatalf("the page does not read valid: %v", err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadBytes(ctx, file, opt); err != nil {
			b.Fatal(err)
		}
	}
}
