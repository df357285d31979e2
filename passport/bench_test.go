package passport_test

import (
	"encoding/json"
	"os"
	"testing"

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
