package main

import (
	"fmt"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// chosen is the model go generate trains; see runCompare for the others.
var chosen = fitOptions{hidden: []int{64}, epochs: 6, batch: 128, lr: 2e-3, decay: 1e-5, seed: 1}

const chosenAbout = "a network of one hidden layer of 64 units over 12 × 16 samples of the cell"

// tuneHeight sets the knobs of the height cue.
func tuneHeight(m *glyph.Model) {
	m.Height.Floor = 0.02
	m.Height.Confident = 0.8
	for i := range m.Height.Spread {
		m.Height.Spread[i] = max(m.Height.Spread[i]*1.5, 0.015)
	}
}

// runCompare trains every kind of model on d and prints their accuracy.
func runCompare(f *render.Font, d *dataset, logf func(string, ...any)) {
	type cand struct {
		name   string
		layers func() []glyph.Layer
	}
	h := fitHeight(d)
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
	fmt.Printf("| model | clean chars | degraded chars | degraded lines | look-alikes (degraded) | worst |\n|---|---|---|---|---|---|\n")
	for _, c := range cands {
		m := &glyph.Model{Layers: c.layers(), Height: h}
		tuneHeight(m)
		b, _ := m.MarshalBinary()
		var q glyph.Model
		if err := q.UnmarshalBinary(b); err != nil {
			panic(err)
		}
		logf("%s trained", c.name)
		cl := evalRenders(f, &q, evalSeed, 300, synth.Clean)
		dg := evalRenders(f, &q, evalSeed+1, 600, synth.Degraded)
		fmt.Printf("| %s | %.4f | %.4f | %d/%d | %s | %s |\n", c.name, cl.charRate(), dg.charRate(), dg.linesOK, dg.lines, dg.pairs(), dg.worst(5))
	}
}
