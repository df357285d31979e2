package main

import (
	"image"
	"runtime"
	"sync"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/measure"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// renderSet renders lines [0, count) of the set seed, of the given kinds in
// turn, in parallel.
func renderSet(f *render.Font, seed uint64, count int, kinds ...synth.Kind) []synth.Line {
	out := make([]synth.Line, count)
	parallel(count, func(i int) { out[i] = synth.Render(f, seed, uint64(i), kinds[i%len(kinds)]) })
	return out
}

// parallel calls do(i) for every i in [0, n), on GOMAXPROCS goroutines
// that take every GOMAXPROCS-th index. do must write only its own slot:
// the results then do not depend on the goroutines' timing.
func parallel(n int, do func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				do(i)
			}
		}()
	}
	wg.Wait()
}

// evalLines classifies rendered lines with m.
func evalLines(m *glyph.Model, lines []synth.Line) *measure.Score {
	s := &measure.Score{}
	for _, l := range lines {
		s.Add(l.Text, classify(m, l.Img, l.Cells))
	}
	return s
}

// evalCrops classifies the real line crops with m.
func evalCrops(m *glyph.Model, crops []measure.Crop) *measure.Score {
	s := &measure.Score{}
	for _, c := range crops {
		s.Add(c.Truth, classify(m, c.Img, c.Cells))
	}
	return s
}

func classify(m *glyph.Model, img *image.Gray, cells []glyph.Quad) []glyph.Scores {
	sc := make([]glyph.Scores, len(cells))
	m.ClassifyLine(img, cells, sc)
	return sc
}

// read returns the best reading of a line's cells.
func read(m *glyph.Model, img *image.Gray, cells []glyph.Quad) string {
	sc := classify(m, img, cells)
	b := make([]byte, len(sc))
	for i := range sc {
		b[i], _ = sc[i].Best()
	}
	return string(b)
}
