package main

import (
	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// dataset holds the features of many cells, row after row.
type dataset struct {
	x      []float32 // n × glyph.ShapeLen shapes
	y      []uint8   // classes
	height []float32 // measured ink heights (quad units)
	cap    []float32 // true cap heights (quad units)
	ink    []bool
	line   []int32 // which line each cell is from
	lines  int
}

func (d *dataset) n() int { return len(d.y) }

func (d *dataset) row(i int) []float32 { return d.x[i*glyph.ShapeLen : (i+1)*glyph.ShapeLen] }

// build renders lines [0, count) of the set seed, of the given kinds in
// turn, and extracts their features. Lines are rendered in parallel and
// gathered in their order.
func build(f *render.Font, seed uint64, count int, kinds ...synth.Kind) *dataset {
	type result struct {
		feats []glyph.Features
		text  string
		cap   []float64
	}
	res := make([]result, count)
	parallel(count, func(i int) {
		l := synth.Render(f, seed, uint64(i), kinds[i%len(kinds)])
		feats := make([]glyph.Features, len(l.Cells))
		glyph.LineFeatures(l.Img, l.Cells, feats)
		res[i] = result{feats, l.Text, l.Cap}
	})
	d := &dataset{lines: count}
	for li, r := range res {
		for i, ft := range r.feats {
			d.x = append(d.x, ft.Shape[:]...)
			d.y = append(d.y, uint8(glyph.Class(r.text[i])))
			d.height = append(d.height, ft.Height)
			d.cap = append(d.cap, float32(r.cap[i]))
			d.ink = append(d.ink, ft.Ink)
			d.line = append(d.line, int32(li))
		}
	}
	return d
}
