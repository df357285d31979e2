package main

import (
	"fmt"
	"log"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/measure"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// chosen is the model go generate trains; see runCompare for the others.
var chosen = fitOptions{hidden: []int{64}, epochs: 6, batch: 128, lr: 2e-3, decay: 1e-5, seed: 1}

const chosenAbout = "a network of one hidden layer of 64 units over 12 × 16 samples of the cell"

// notOCRB are the crops of tesseractMRZ not set in OCR-B (a proportional
// grotesque that no pitch cuts into characters).
var notOCRB = map[string]bool{
	"1200px-Nov.2018_Chinese_Visa.jpg-0": true,
	"1200px-Nov.2018_Chinese_Visa.jpg-1": true,
}

func ocrbCrops(all []measure.Crop) []measure.Crop {
	var out []measure.Crop
	for _, c := range all {
		if !notOCRB[c.Name] {
			out = append(out, c)
		}
	}
	return out
}

// cropsDir holds the real line crops, seen from ocr/internal/glyph.
const cropsDir = "../../../../shared/images/tesseractMRZ"

// candidates are the models -compare knows, by name.
var candidates = map[string]func(d *dataset) []glyph.Layer{
	"templates": func(d *dataset) []glyph.Layer { return templates(d, 0.5) },
	"linear": func(d *dataset) []glyph.Layer {
		return fit(d, fitOptions{epochs: 6, batch: 128, lr: 2e-3, decay: 1e-5, seed: 1})
	},
	"mlp32":    func(d *dataset) []glyph.Layer { return fit(d, withHidden(chosen, 32)) },
	"mlp64":    func(d *dataset) []glyph.Layer { return fit(d, chosen) },
	"mlp96":    func(d *dataset) []glyph.Layer { return fit(d, withHidden(chosen, 96)) },
	"mlp128":   func(d *dataset) []glyph.Layer { return fit(d, withHidden(chosen, 128)) },
	"mlp64x10": func(d *dataset) []glyph.Layer { o := chosen; o.epochs = 10; return fit(d, o) },
	"mlp64x3":  func(d *dataset) []glyph.Layer { o := chosen; o.epochs = 3; return fit(d, o) },
	"mlp64-64": func(d *dataset) []glyph.Layer { return fit(d, withHidden(chosen, 64, 64)) },
}

func withHidden(o fitOptions, hidden ...int) fitOptions {
	o.hidden = hidden
	return o
}

// runCompare trains the named kinds of model on d and prints their
// accuracy.
func runCompare(f *render.Font, d *dataset, names []string, logf func(string, ...any)) {
	h := fitHeight(d)
	val := renderSet(f, valSeed, valLines, synth.Degraded, synth.Degraded, synth.Clean)
	clean := renderSet(f, evalSeed, 300, synth.Clean)
	degraded := renderSet(f, evalSeed+1, 600, synth.Degraded)
	crops, err := measure.LoadCrops(cropsDir)
	if err != nil {
		logf("no real crops (%v): their columns stay empty", err)
	}
	fmt.Printf("| model | clean chars | degraded chars | degraded lines | degraded NLL | sure but wrong | look-alikes (degraded) | crops lines | crops chars (OCR-B) | look-alikes (crops) |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, name := range names {
		c, ok := candidates[name]
		if !ok {
			log.Fatalf("no model %q", name)
		}
		q := &glyph.Model{Layers: c(d)}
		quantise(q)
		tuneHeight(q, h, val)
		logf("%s trained, height cue %+v", name, q.Height)
		cl := evalLines(q, clean)
		dg := evalLines(q, degraded)
		cr := evalCrops(q, crops)
		ocrb := evalCrops(q, ocrbCrops(crops))
		fmt.Printf("| %s | %.4f | %.4f | %d/%d | %.4f | %d | %s | %d/%d | %d/%d (%d/%d) | %s |\n", name, cl.CharRate(), dg.CharRate(), dg.LinesOK, dg.Lines,
			dg.MeanNLL(), dg.SureWrong, dg.Pairs(), cr.LinesOK, cr.Lines, cr.CharsOK, cr.Chars, ocrb.CharsOK, ocrb.Chars, cr.Pairs())
		logf("%s: worst degraded %s; worst crops %s", name, dg.Worst(6), cr.Worst(6))
		for _, cp := range crops {
			if got := read(q, cp.Img, cp.Cells); got != cp.Truth {
				logf("%s: %s read %s", name, cp.Name, got)
			}
		}
	}
}
