package measure

import (
	"fmt"
	"math"
	"strings"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

const nc = glyph.NumClasses

// Score counts what a classifier read right.
type Score struct {
	Chars, CharsOK int
	Lines, LinesOK int
	// Confusion[t][g] counts characters of class t read as class g.
	Confusion [nc][nc]int
	// NLL sums the negative natural logarithm of the probability given to
	// the true class (each at least 1e-6): the lower, the better the
	// scores, confidence included.
	NLL float64
	// SureWrong counts characters read wrong with a probability of 0.9 or
	// more: the errors that scores do not flag.
	SureWrong int
}

// Add counts one line whose truth is truth and whose cells scored sc.
func (s *Score) Add(truth string, sc []glyph.Scores) {
	ok := len(truth) == len(sc)
	for i := range min(len(sc), len(truth)) {
		b, p := sc[i].Best()
		t, g := glyph.Class(truth[i]), glyph.Class(b)
		if t < 0 {
			continue
		}
		s.NLL -= math.Log(max(float64(sc[i][t]), 1e-6))
		if b != truth[i] && p >= 0.9 {
			s.SureWrong++
		}
		s.Confusion[t][g]++
		s.Chars++
		if b == truth[i] {
			s.CharsOK++
		} else {
			ok = false
		}
	}
	s.Lines++
	if ok {
		s.LinesOK++
	}
}

// MeanNLL is NLL per character.
func (s *Score) MeanNLL() float64 { return s.NLL / float64(max(s.Chars, 1)) }

// CharRate is the share of characters read right.
func (s *Score) CharRate() float64 { return float64(s.CharsOK) / float64(max(s.Chars, 1)) }

// LookAlikes are the groups of characters OCR-B draws alike.
var LookAlikes = []string{"0ODQ", "1I", "8B", "5S", "2Z", "<K"}

// Within counts the characters of group g read as another of g.
func (s *Score) Within(g string) int {
	n := 0
	for i := 0; i < len(g); i++ {
		for j := 0; j < len(g); j++ {
			if i != j {
				n += s.Confusion[glyph.Class(g[i])][glyph.Class(g[j])]
			}
		}
	}
	return n
}

// Pairs reports the confusions within every group of LookAlikes.
func (s *Score) Pairs() string {
	var b strings.Builder
	for _, g := range LookAlikes {
		fmt.Fprintf(&b, " %s:%d", g, s.Within(g))
	}
	return strings.TrimSpace(b.String())
}

// Worst lists the k most frequent confusions, as truth→read:count.
func (s *Score) Worst(k int) string {
	type conf struct{ t, g, n int }
	var cs []conf
	for t := range nc {
		for g := range nc {
			if t != g && s.Confusion[t][g] > 0 {
				cs = append(cs, conf{t, g, s.Confusion[t][g]})
			}
		}
	}
	// Most frequent first, then in class order: a stable report.
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
	return strings.TrimSpace(b.String())
}
