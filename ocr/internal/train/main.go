package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// Seeds of the training and the held-out sets: they never meet.
const (
	trainSeed = 0x9303
	valSeed   = 0x7a11
	evalSeed  = 0xe7a1
	valLines  = 400
)

// quantise replaces m's weights by what their encoding keeps of them, so
// that tuning sees the model as run time will.
func quantise(m *glyph.Model) {
	if m.Height.Spread[0] == 0 {
		for i := range m.Height.Spread {
			m.Height.Ratio[i], m.Height.Spread[i] = 1, 1
		}
	}
	b, err := m.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	var q glyph.Model
	if err := q.UnmarshalBinary(b); err != nil {
		log.Fatal(err)
	}
	m.Layers = q.Layers
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("train: ")
	out := flag.String("out", "weights_gen.go", "the Go file to write")
	font := flag.String("font", render.DefaultFontPath, "the OCR-B font (OCRBS.otf of fonts-ocr-b)")
	lines := flag.Int("lines", 10000, "training lines to render")
	compare := flag.String("compare", "", "compare these kinds of model (comma-separated: templates,linear,mlp32,mlp64,...) instead of writing one")
	verbose := flag.Bool("v", false, "log progress")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuprofile != "" {
		pf, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(pf); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}

	f, err := render.Load(*font)
	if errors.Is(err, render.ErrNoFont) {
		fmt.Fprintf(os.Stderr, "train: %v: skipping, %s left as it is\n", err, *out)
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	logf := func(format string, args ...any) {
		if *verbose {
			log.Printf("%6.1fs "+format, append([]any{time.Since(start).Seconds()}, args...)...)
		}
	}
	d := build(f, trainSeed, *lines, synth.Degraded, synth.Degraded, synth.Clean)
	logf("%d lines, %d cells", d.lines, d.n())
	if *compare != "" {
		runCompare(f, d, strings.Split(*compare, ","), logf)
		return
	}
	m := &glyph.Model{Layers: fit(d, chosen)}
	logf("trained")
	quantise(m)
	tuneHeight(m, fitHeight(d), renderSet(f, valSeed, valLines, synth.Degraded, synth.Degraded, synth.Clean))
	logf("tuned the height cue: %+v", m.Height)
	b, err := m.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	if err := writeWeights(*out, chosenAbout, b); err != nil {
		log.Fatal(err)
	}
	logf("wrote %s (%d bytes of model)", *out, len(b))
}
