package mrz

import (
	"strings"
	"testing"
)

// TestFindWorkIsBounded feeds Find texts made to make it work hard: many
// MRZ-like lines, lines of spaces, long lines. The number of repairs stays
// under its bound and every line is cleaned once.
func TestFindWorkIsBounded(t *testing.T) {
	l1 := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
	l2 := "L898902C37UTO7408122F1204159ZE184226B<<<<<10"
	fill := func(s string) string { return strings.Repeat(s, MaxFindInput/len(s)+1)[:MaxFindInput] }
	texts := map[string]string{
		"MRZ-like lines": fill(l1 + "\n" + l2 + "\n"),
		"spaced lines":   fill("P < U T O < < A < < < < < < < < < < < < < < < < < < < < < <\n"),
		"short fillers":  fill("<<<<<<<<<\n"),
		"one long line":  fill("<"),
		"glued pairs":    fill(l1 + l2 + "\n"),
	}
	for name, text := range texts {
		f := finder{text: text}
		f.split()
		f.scan()
		if f.work > maxRepairs || len(f.found) > maxFindCandidates {
			t.Errorf("%s: %d repairs, %d candidates", name, f.work, len(f.found))
		}
		if len(f.lines) != strings.Count(text, "\n")+1 {
			t.Errorf("%s: %d lines cleaned", name, len(f.lines))
		}
	}
}
