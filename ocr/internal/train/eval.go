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
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < count; i += workers {
				out[i] = synth.Render(f, seed, uint64(i), kinds[i%len(kinds)])
			}
		}()
	}
	wg.Wait()
	return out
}

// evalLines classifies rendered lines with m.
func evalLines(m *glyph.Model, lines []synth.Line) *measure.Score {
	s := &measure.Score{}
	for _, l := range lines {
		sc := make([]glyph.Scores, len(l.Cells))
		m.ClassifyLine(l.Img, l.Cells, sc)
		s.Add(l.Text, sc)
	}
	return s
}

// evalCrops classifies the real line crops with m.
func evalCrops(m *glyph.Model, crops []measure.Crop) *measure.Score {
	s := &measure.Score{}
	for _, c := range crops {
		sc := make([]glyph.Scores, len(c.Cells))
		m.ClassifyLine(c.Img, c.Cells, sc)
		s.Add(c.Truth, sc)
	}
	return s
}

// read returns the best reading of a line's cells.
func read(m *glyph.Model, img *image.Gray, cells []glyph.Quad) string {
	sc := make([]glyph.Scores, len(cells))
	m.ClassifyLine(img, cells, sc)
	b := make([]byte, len(sc))
	for i := range sc {
		b[i], _ = sc[i].Best()
	}
	return string(b)
}
