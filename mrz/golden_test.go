package mrz_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ instead of comparing")

// goldenRef is the reference date of every golden file.
var goldenRef = mrz.WithReferenceDate(field.MustDate(2026, 1, 1))

// TestGolden parses every testdata/mrz/*.mrz and compares the JSON of the
// document with the .json file beside it. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../testdata/mrz/*.mrz")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range files {
		name := strings.TrimSuffix(filepath.Base(in), ".mrz")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d, perr := mrz.Parse(string(src), goldenRef)
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(d); err != nil {
				t.Fatal(err)
			}
			// The error and the document must agree.
			if (perr == nil) != d.IsValid() {
				t.Errorf("Parse error %v but IsValid %v", perr, d.IsValid())
			}
			// Valid or not, the document gives its lines back exactly.
			if want := strings.TrimSpace(string(src)); d.String() != want {
				t.Errorf("String() = %q, want %q", d.String(), want)
			}
			// The name says whether the file must be valid.
			if broken := strings.HasPrefix(name, "broken_") || strings.HasPrefix(name, "invalid_"); broken == d.IsValid() {
				t.Errorf("IsValid = %v for %s", d.IsValid(), name)
			}
			golden := strings.TrimSuffix(in, ".mrz") + ".json"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./mrz -run TestGolden -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("JSON differs from %s\ngot:\n%s\nwant:\n%s", golden, got.Bytes(), want)
			}
		})
	}
}
