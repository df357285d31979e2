package glyph_test

import (
	"os"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/train/measure"
)

// tesseractMRZ holds real MRZ line crops (binarised) with their truth.
const tesseractMRZ = "../../../../shared/images/tesseractMRZ"

// TestTesseractMRZCrops reads the real line crops of tesseractMRZ, cut into
// cells at the pitch of their truth (measure.Segment). Two of the sixteen
// (the lines of 1200px-Nov.2018_Chinese_Visa) are not set in OCR-B but in a
// proportional grotesque, so no pitch cuts them into characters; every
// other line must be read exactly.
func TestTesseractMRZCrops(t *testing.T) {
	if _, err := os.Stat(tesseractMRZ); err != nil {
		t.Skipf("%s absent (it is in ../shared beside the repository): skipping", tesseractMRZ)
	}
	crops, err := measure.LoadCrops(tesseractMRZ)
	if err != nil {
		t.Fatal(err)
	}
	if len(crops) != 16 {
		t.Fatalf("%d crops, want 16", len(crops))
	}
	notOCRB := map[string]bool{
		"1200px-Nov.2018_Chinese_Visa.jpg-0": true,
		"1200px-Nov.2018_Chinese_Visa.jpg-1": true,
	}
	var all, ocrb measure.Score
	for _, c := range crops {
		sc := make([]glyph.Scores, len(c.Cells))
		glyph.ClassifyLine(c.Img, c.Cells, sc)
		got := make([]byte, len(sc))
		for i := range sc {
			got[i], _ = sc[i].Best()
		}
		all.Add(c.Truth, sc)
		if notOCRB[c.Name] {
			t.Logf("%s (not OCR-B): read %s", c.Name, got)
			continue
		}
		ocrb.Add(c.Truth, sc)
		if string(got) != c.Truth {
			t.Errorf("%s:\n read %s\n want %s", c.Name, got, c.Truth)
		}
	}
	t.Logf("all crops: %d/%d lines, %d/%d characters exact; OCR-B crops: %d/%d lines, %d/%d characters; look-alikes confused: %s",
		all.LinesOK, all.Lines, all.CharsOK, all.Chars, ocrb.LinesOK, ocrb.Lines, ocrb.CharsOK, ocrb.Chars, all.Pairs())
}
