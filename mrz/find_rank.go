package mrz

import (
	"cmp"
	"slices"
)

// Ranking the candidates of a text: best first, none overlapping a better
// one, and a valid one that another valid reading of the same lines
// contradicts made ambiguous.

// rank orders the candidates, best first, and drops those that overlap a
// better one.
func (f *finder) rank() []Candidate {
	c := f.found
	if len(c) <= 1 {
		return c
	}
	slices.SortStableFunc(c, func(a, b Candidate) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return a.StartLine - b.StartLine
	})
	// The valid readings of each group of lines.
	var same map[[2]int][]int
	if len(c) > 1 {
		same = map[[2]int][]int{}
		for i, x := range c {
			if x.IsValid() {
				k := [2]int{x.StartLine, x.EndLine}
				same[k] = append(same[k], i)
			}
		}
	}
	taken := make([]bool, f.nlines+2)
	out := make([]Candidate, 0, len(c))
	for i, x := range c {
		if overlaps(taken, x) {
			continue
		}
		if x.IsValid() && same != nil {
			x = contradicted(c, i, same[[2]int{x.StartLine, x.EndLine}])
		}
		for l := x.StartLine; l <= x.EndLine; l++ {
			taken[l] = true
		}
		out = append(out, x)
	}
	slices.SortStableFunc(out, func(a, b Candidate) int { return cmp.Compare(b.Score, a.Score) })
	return out
}

// overlaps reports whether a candidate stands on lines taken.
func overlaps(taken []bool, x Candidate) bool {
	for l := x.StartLine; l <= x.EndLine; l++ {
		if taken[l] {
			return true
		}
	}
	return false
}

// contradicted returns c[i] made ambiguous when other valid readings of
// the same lines (the indexes in others) give other documents: Find does
// not guess between them.
func contradicted(c []Candidate, i int, others []int) Candidate {
	x := c[i]
	a := x.Document.String()
	var readings [][]int // where each reading first differs from x's
	for _, j := range others {
		y := c[j]
		if b := y.Document.String(); j != i && b != a {
			x.Alternatives = append(x.Alternatives, diffCorrections(y.Corrections, x.Corrections))
			first := 0
			for first < len(a) && first < len(b) && a[first] == b[first] {
				first++
			}
			readings = append(readings, []int{first})
		}
	}
	if len(readings) > 0 {
		// x's own reading is one of the alternatives the error counts.
		x.Err = ambiguityError(x.Document.lay, nil, append(readings, readings[0]))
		x.Score = min(x.Score, 0.4)
	}
	return x
}
