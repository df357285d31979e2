package main

import (
	"fmt"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/measure"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// chosen is the model go generate trains; see runCompare for the others.
var chosen = fitOptions{hidden: []int{64}, epochs: 6, batch: 128, lr: 2e-3, decay: 1e-5, seed: 1}

const chosenAbout = "a network of one hidden layer of 64 units over 12 × 16 samples of the cell"

// cropsDir holds the real line crops, seen from ocr/internal/glyph.
const cropsDir = "../../../../shared/images/tesseractMRZ"

// runCompare trains every kind of model on d and prints their accuracy.
func runCompare(f *render.Font, d *dataset, logf func(string, ...any)) {
	type cand struct {
		name   string
		layers func() []glyph.Layer
	}
	h := fitHeight(d)
	val := renderSet(f, valSeed, valLines, synth.Degraded, synth.Degraded, synth.Clean)
	clean := renderSet(f, evalSeed, 300, synth.Clean)
	degraded := renderSet(f, evalSeed+1, 600, synth.Degraded)
	cands := []cand{
		{"templates", func() []glyph.Layer { return templates(d, 0.5) }},
		{"linear", func() []glyph.Layer {
			return fit(d, fitOptions{epochs: 6, batch: 128, lr: 2e-3, decay: 1e-5, seed: 1})
		}},
		{"mlp32", func() []glyph.Layer {
			return fit(d, fitOptions{hidden: []int{32}, epochs: 6, batch: 128, lr: 2e-3, decay: 1e-5, seed: 1})
		}},
		{"mlp64", func() []glyph.Layer { return fit(d, chosen) }},
	}
	crops, err := measure.LoadCrops(cropsDir)
	if err != nil {
		logf("no real crops (%v): their columns stay empty", err)
	}
	fmt.Printf("| model | clean chars | degraded chars | degraded lines | look-alikes (degraded) | crops lines | crops chars | look-alikes (crops) |\n|---|---|---|---|---|---|---|---|\n")
	for _, c := range cands {
		q := &glyph.Model{Layers: c.layers()}
		quantise(q)
		tuneHeight(q, h, val)
		logf("%s trained, height cue %+v", c.name, q.Height)
		cl := evalLines(q, clean)
		dg := evalLines(q, degraded)
		cr := evalCrops(q, crops)
		fmt.Printf("| %s | %.4f | %.4f | %d/%d | %s | %d/%d | %d/%d | %s |\n", c.name, cl.CharRate(), dg.CharRate(), dg.LinesOK, dg.Lines, dg.Pairs(), cr.LinesOK, cr.Lines, cr.CharsOK, cr.Chars, cr.Pairs())
		logf("%s: worst degraded %s; worst crops %s", c.name, dg.Worst(6), cr.Worst(6))
	}
}
