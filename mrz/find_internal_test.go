package mrz

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFindWorkIsBounded feeds Find texts made to make it work hard: many
// MRZ-like lines, lines of spaces, long lines. The number of repairs stays
// under its bound, every line is cleaned once, and where the bound is
// reached Find says so.
func TestFindWorkIsBounded(t *testing.T) {
	l1 := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
	l2 := "L898902C37UTO7408122F1204159ZE184226B<<<<<10"
	size := MaxFindInput
	if findRace || testing.Short() {
		size /= 16 // the same texts, shorter
	}
	fill := func(s string) string { return strings.Repeat(s, size/len(s)+1)[:size] }
	texts := map[string]string{
		"MRZ-like lines": fill(l1 + "\n" + l2 + "\n"),
		"spaced lines":   fill("P < U T O < < A < < < < < < < < < < < < < < < < < < < < < <\n"),
		"short fillers":  fill("<<<<<<<<<\n"),
		"one long line":  fill("<"),
		"glued pairs":    fill(l1 + l2 + "\n"),
		"CR lines":       fill(l1 + "\r" + l2 + "\r"),
	}
	for name, text := range texts {
		f := newFinder(text, nil)
		f.split()
		f.scan()
		if f.work > f.budget || f.budget > findWorkBase+findWorkPerLine*(strings.Count(text, "\n")+strings.Count(text, "\r")+1) {
			t.Errorf("%s: %d repairs, bound %d", name, f.work, f.budget)
		}
		if f.work == f.budget && !f.limited {
			t.Errorf("%s: bound reached silently", name)
		}
		if want := len(lineStarts(text)); f.nlines != want {
			t.Errorf("%s: %d lines read, want %d", name, f.nlines, want)
		}
	}
}

// TestLooksLikeMRZ checks the counting fast path against the plain one.
func TestLooksLikeMRZ(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"<", "A", "z", "7", " ", "\t", "«", "(", ".", "é", "K", "0"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := r.IntN(60); j > 0; j-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		n1, s1, ok1 := looksLikeMRZ(s)
		n2, s2, ok2 := looksLikeMRZSlow(s)
		if ok1 != ok2 || (ok1 && (n1 != n2 || s1 != s2)) {
			t.Fatalf("%q: %d %d %v, slow %d %d %v", s, n1, s1, ok1, n2, s2, ok2)
		}
	}
}
