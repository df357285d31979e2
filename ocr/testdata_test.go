package ocr

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/pages"
)

var update = flag.Bool("update", false, "rewrite the rendered images under testdata/ocr")

// exampleImage is the page the examples read: a TD3 data page (the ICAO
// specimen's MRZ) turned a quarter clockwise, rendered by testExamplePage.
const exampleImage = "../testdata/ocr/td3-turned.png"

var exampleSpec = pages.Spec{
	Lines:     []string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
	CapHeight: 12, Turn: 1, Skew: -3, Clutter: 0.3, Margin: 0.04,
}

// TestExampleImage checks that the committed example image is the page
// the generator draws (go test -run TestExampleImage -update rewrites it).
func TestExampleImage(t *testing.T) {
	pg := renderPage(t, exampleSpec, 1)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, pg.Image); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(exampleImage, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(exampleImage)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("%s differs from the rendered page: go test -run TestExampleImage -update", exampleImage)
	}
}
