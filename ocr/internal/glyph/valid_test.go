package glyph_test

import (
	"image"
	"math"
	"sync"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// checkScores fails unless every score is a finite probability and each
// cell's sum to 1.
func checkScores(t testing.TB, sc []glyph.Scores) {
	t.Helper()
	for i, s := range sc {
		var sum float64
		for k, p := range s {
			if math.IsNaN(float64(p)) || math.IsInf(float64(p), 0) || p < 0 || p > 1 {
				t.Fatalf("cell %d class %c: score %v", i, glyph.Charset[k], p)
			}
			sum += float64(p)
		}
		if math.Abs(sum-1) > 1e-4 {
			t.Fatalf("cell %d: scores sum to %v", i, sum)
		}
	}
}

func filled(w, h int, level uint8) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = level
	}
	return g
}

// row returns n cells of pitch p and height h from (x, y).
func row(n int, x, y, p, h float64) []glyph.Quad {
	q := make([]glyph.Quad, n)
	for i := range q {
		a := x + float64(i)*p
		q[i] = glyph.Quad{{X: a, Y: y}, {X: a + p, Y: y}, {X: a + p, Y: y + h}, {X: a, Y: y + h}}
	}
	return q
}

// TestHostileInput feeds ClassifyLine what it may meet: no image, empty and
// tiny images, flat images, cells outside the image, degenerate, NaN,
// infinite or huge corners, and out slices of another length. It must not
// panic and must answer valid scores.
func TestHostileInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	odd := image.NewGray(image.Rect(-5, 7, 40, 30)) // origin away from 0
	sub := filled(100, 60, 200).SubImage(image.Rect(10, 10, 50, 40)).(*image.Gray)
	tests := []struct {
		name  string
		img   *image.Gray
		cells []glyph.Quad
	}{
		{"nil image", nil, row(5, 0, 0, 10, 10)},
		{"empty image", image.NewGray(image.Rect(0, 0, 0, 0)), row(5, 0, 0, 10, 10)},
		{"one pixel", filled(1, 1, 0), row(5, 0, 0, 10, 10)},
		{"one row", filled(300, 1, 0), row(5, 0, 0, 10, 10)},
		{"all black", filled(300, 60, 0), row(20, 5, 20, 12, 16)},
		{"all white", filled(300, 60, 255), row(20, 5, 20, 12, 16)},
		{"mid grey", filled(300, 60, 128), row(20, 5, 20, 12, 16)},
		{"outside", filled(300, 60, 0), row(10, 1000, 1000, 12, 16)},
		{"negative", filled(300, 60, 0), row(10, -500, -500, 12, 16)},
		{"origin away from zero", odd, row(5, -5, 7, 8, 10)},
		{"sub-image", sub, row(5, 10, 15, 8, 12)},
		{"points", filled(300, 60, 0), row(10, 5, 5, 0, 0)},
		{"nan", filled(300, 60, 0), []glyph.Quad{{{nan, nan}, {nan, 1}, {1, nan}, {0, 0}}}},
		{"inf", filled(300, 60, 0), []glyph.Quad{{{inf, 0}, {-inf, 0}, {0, inf}, {0, -inf}}}},
		{"huge", filled(300, 60, 0), row(3, 1e300, -1e300, 1e300, 1e300)},
		{"just huge", filled(300, 60, 0), row(3, 1e7, 1e7, 1e7, 1e7)},
		{"tiny", filled(300, 60, 0), row(3, 5, 5, 1e-9, 1e-9)},
		{"inverted", filled(300, 60, 255), row(10, 200, 50, -12, -16)},
		{"one cell", filled(300, 60, 255), row(1, 5, 5, 12, 16)},
		{"no cells", filled(300, 60, 255), nil},
		{"long line", filled(3000, 60, 255), row(200, 5, 20, 12, 16)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, extra := range []int{0, -1, 3} {
				n := max(len(tc.cells)+extra, 0)
				out := make([]glyph.Scores, n)
				glyph.ClassifyLine(tc.img, tc.cells, out)
				checkScores(t, out)
				feats := make([]glyph.Features, n)
				glyph.LineFeatures(tc.img, tc.cells, feats)
			}
		})
	}
}

// TestBlankCells checks that cells without ink get no confident reading.
func TestBlankCells(t *testing.T) {
	for _, level := range []uint8{0, 255} {
		out := make([]glyph.Scores, 10)
		glyph.ClassifyLine(filled(300, 60, level), row(10, 5, 20, 12, 16), out)
		for i, s := range out {
			if b, p := s.Best(); p > 0.9 {
				t.Errorf("level %d cell %d: %c at %.2f", level, i, b, p)
			}
		}
	}
}

// TestConcurrent classifies the same lines from several goroutines at once
// (run it with -race) and checks that every one gets what a lone call gets.
func TestConcurrent(t *testing.T) {
	f := loadFont(t)
	texts := []string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}
	type job struct {
		img   *image.Gray
		cells []glyph.Quad
		want  []glyph.Scores
	}
	var jobs []job
	for i, text := range texts {
		img, cells := cleanLine(f, text, 14+float64(i)*9, 0)
		want := make([]glyph.Scores, len(cells))
		glyph.ClassifyLine(img, cells, want)
		jobs = append(jobs, job{img, cells, want})
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				j := jobs[(g+k)%len(jobs)]
				got := make([]glyph.Scores, len(j.cells))
				glyph.ClassifyLine(j.img, j.cells, got)
				for i := range got {
					if got[i] != j.want[i] {
						t.Errorf("goroutine %d: cell %d differs from a lone call", g, i)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// TestAllocations locks ClassifyLine of an MRZ line at no allocation.
func TestAllocations(t *testing.T) {
	f := loadFont(t)
	img, cells := cleanLine(f, "L898902C36UTO7408122F1204159ZE184226B<<<<<10", 20, 0)
	out := make([]glyph.Scores, len(cells))
	if n := testing.AllocsPerRun(20, func() { glyph.ClassifyLine(img, cells, out) }); n != 0 {
		t.Errorf("%v allocations a line, want 0", n)
	}
}
