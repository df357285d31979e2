package main

import (
	"fmt"
	"strings"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

// score counts what a model read right.
type score struct {
	chars, charsOK int
	lines, linesOK int
	confusion      [nc][nc]int
}

func (s *score) add(truth string, sc []glyph.Scores) {
	ok := true
	for i := range sc {
		b, _ := sc[i].Best()
		t, g := glyph.Class(truth[i]), glyph.Class(b)
		s.confusion[t][g]++
		s.chars++
		if b == truth[i] {
			s.charsOK++
		} else {
			ok = false
		}
	}
	s.lines++
	if ok {
		s.linesOK++
	}
}

func (s *score) charRate() float64 { return float64(s.charsOK) / float64(max(s.chars, 1)) }

// pairs reports the confusions within the groups of look-alikes.
func (s *score) pairs() string {
	var b strings.Builder
	for _, g := range []string{"0ODQ", "1I", "8B", "5S", "2Z", "<K"} {
		n := 0
		for i := 0; i < len(g); i++ {
			for j := 0; j < len(g); j++ {
				if i != j {
					n += s.confusion[glyph.Class(g[i])][glyph.Class(g[j])]
				}
			}
		}
		fmt.Fprintf(&b, " %s:%d", g, n)
	}
	return b.String()
}

// worst lists the most frequent confusions.
func (s *score) worst(k int) string {
	type conf struct{ t, g, n int }
	var cs []conf
	for t := range nc {
		for g := range nc {
			if t != g && s.confusion[t][g] > 0 {
				cs = append(cs, conf{t, g, s.confusion[t][g]})
			}
		}
	}
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[j].n > cs[i].n {
				cs[i], cs[j] = cs[j], cs[i]
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(cs) && i < k; i++ {
		fmt.Fprintf(&b, " %c→%c:%d", glyph.Charset[cs[i].t], glyph.Charset[cs[i].g], cs[i].n)
	}
	return b.String()
}

// evalRenders classifies count held-out lines of one kind with m.
func evalRenders(f *render.Font, m *glyph.Model, seed uint64, count int, kind synth.Kind) *score {
	s := &score{}
	for i := range count {
		l := synth.Render(f, seed, uint64(i), kind)
		sc := make([]glyph.Scores, len(l.Cells))
		m.ClassifyLine(l.Img, l.Cells, sc)
		s.add(l.Text, sc)
	}
	return s
}
