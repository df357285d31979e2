package glyph_test

import (
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// BenchmarkClassifyLine classifies a 44-character line at three sizes. Next
// to the wall clock it reports the CPU time per line (cpu-ns/op), which
// other work on the machine does not inflate.
func BenchmarkClassifyLine(b *testing.B) {
	f := loadFont(b)
	for _, tc := range []struct {
		name string
		cap  float64
	}{{"cap12", 12}, {"cap24", 24}, {"cap48", 48}} {
		b.Run(tc.name, func(b *testing.B) {
			img, cells := cleanLine(f, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", tc.cap, 0)
			out := make([]glyph.Scores, len(cells))
			b.ReportAllocs()
			b.ResetTimer()
			start := cpuTime()
			for range b.N {
				glyph.ClassifyLine(img, cells, out)
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}
