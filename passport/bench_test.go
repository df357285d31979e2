package passport_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

func benchInput(b *testing.B) []byte {
	src, err := os.ReadFile("../testdata/passport/mindee_eriksson.json")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkReadMindee reads a whole Mindee passport v1 response (two
// predictions, 24 polygons).
func BenchmarkReadMindee(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := passport.ReadMindee(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeMindeeMap decodes the same bytes into a map: the reference
// ReadMindee is measured against.
func BenchmarkDecodeMindeeMap(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var m map[string]any
		if err := json.Unmarshal(src, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadTextract reads an AnalyzeID response of two documents.
func BenchmarkReadTextract(b *testing.B) {
	src, err := os.ReadFile("../testdata/passport/textract_eriksson.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := passport.ReadTextract(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadScanDocument reads a Scan Document.
func BenchmarkReadScanDocument(b *testing.B) {
	src, err := os.ReadFile("../testdata/passport/scan_document_mustermann.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := passport.ReadScanDocument(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFromMRZReading builds a passport from a reading of a TD3.
func BenchmarkFromMRZReading(b *testing.B) {
	d := mrz.MustParse(specimen, ref)
	r := page{slant: 3, origin: geometry.Point{X: 0.05, Y: 0.85}, pitch: 0.02, conf: 0.97}.read(d.Lines())
	b.ReportAllocs()
	for b.Loop() {
		passport.FromMRZReading(d, r)
	}
}

// BenchmarkReadMindeeVsMap alternates ReadMindee and a map decode of the
// same bytes in every iteration, so that both meet the same load on a
// shared machine, and reports each one's time and their ratio.
func BenchmarkReadMindeeVsMap(b *testing.B) {
	src := benchInput(b)
	var read, decode time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		if _, err := passport.ReadMindee(src); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		var m map[string]any
		if err := json.Unmarshal(src, &m); err != nil {
			b.Fatal(err)
		}
		read, decode = read+t1.Sub(t0), decode+time.Since(t1)
	}
	b.ReportMetric(float64(read.Nanoseconds())/float64(b.N), "read-ns/op")
	b.ReportMetric(float64(decode.Nanoseconds())/float64(b.N), "map-ns/op")
	b.ReportMetric(float64(read)/float64(decode), "read/map")
}
