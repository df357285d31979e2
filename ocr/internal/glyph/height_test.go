package glyph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// TestHeightCue checks that the look-alikes a digit and a letter share (0 O,
// 1 I, 8 B, 5 S, 2 Z) are told apart by height alone where their shapes
// agree: each pair is drawn side by side at the same size, in lines of
// different company, with cells placed exactly, too low or too short.
func TestHeightCue(t *testing.T) {
	f := loadFont(t)
	pairs := []string{"0O", "1I", "8B", "5S", "2Z"}
	lines := []struct {
		name   string
		layout string // %s is where the pair goes, twice
	}{
		{"letters and digits", "P<UTO%s<<ANNA<7408122F%s<<<<"},
		{"filler only", "<<<<<<%s<<<<<<<<%s<<<<<"},
		{"digits", "74081%s2204159%s3"},
		{"names", "ERIKSSON%sANNA<MARIA%sLL"},
	}
	cells := []struct {
		name       string
		dy, height float64 // cell error in cap heights: shift down, height scale
	}{
		{"exact", 0, 1},
		{"low", 0.15, 1},
		{"short", 0, 0.85},
		{"tall and high", -0.15, 1.15},
	}
	for _, capPx := range []float64{10, 16, 32} {
		for _, ln := range lines {
			for _, cl := range cells {
				t.Run(fmt.Sprintf("cap%g/%s/%s", capPx, ln.name, cl.name), func(t *testing.T) {
					for _, p := range pairs {
						text := fmt.Sprintf(ln.layout, p, p[1:]+p[:1])
						img, q := cleanLine(f, text, capPx, cl.dy*capPx)
						for i := range q {
							// Scale the cell's height about its baseline.
							for _, k := range []int{0, 1} {
								q[i][k].Y = q[i][3].Y - (q[i][3].Y-q[i][k].Y)*cl.height
							}
						}
						sc := make([]glyph.Scores, len(q))
						glyph.ClassifyLine(img, q, sc)
						for i := range sc {
							if !strings.ContainsRune(p, rune(text[i])) {
								continue
							}
							if b, pr := sc[i].Best(); b != text[i] {
								t.Errorf("%s column %d: %c read as %c (%.2f; %c %.2f)", text, i, text[i], b, pr, text[i], sc[i].Of(text[i]))
							}
						}
					}
				})
			}
		}
	}
}
