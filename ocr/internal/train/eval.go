package main

import (
	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/measure"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// evalRenders classifies count held-out lines of one kind with m.
func evalRenders(f *render.Font, m *glyph.Model, seed uint64, count int, kind synth.Kind) *measure.Score {
	s := &measure.Score{}
	for i := range count {
		l := synth.Render(f, seed, uint64(i), kind)
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
