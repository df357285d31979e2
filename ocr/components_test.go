package ocr

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// floodComps labels a mask by flood fill (8-connected): the slow
// reference for labeler.
func floodComps(mask []uint8, w, h int) []comp {
	seen := make([]bool, len(mask))
	var out []comp
	for start := range mask {
		if mask[start] == 0 || seen[start] {
			continue
		}
		c := comp{x0: 1 << 30, y0: 1 << 30, x1: -1, y1: -1}
		stack := []int{start}
		seen[start] = true
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := int32(i%w), int32(i/w)
			c.area++
			c.sx += float64(x)
			c.sy += float64(y)
			c.sxx += float64(x) * float64(x)
			c.syy += float64(y) * float64(y)
			c.sxy += float64(x) * float64(y)
			c.x0, c.x1 = min(c.x0, x), max(c.x1, x+1)
			c.y0, c.y1 = min(c.y0, y), max(c.y1, y+1)
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					xx, yy := int(x)+dx, int(y)+dy
					if xx < 0 || yy < 0 || xx >= w || yy >= h {
						continue
					}
					j := yy*w + xx
					if mask[j] != 0 && !seen[j] {
						seen[j] = true
						stack = append(stack, j)
					}
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func sortComps(cs []comp) {
	slices.SortFunc(cs, func(a, b comp) int {
		if a.y0 != b.y0 {
			return int(a.y0 - b.y0)
		}
		if a.x0 != b.x0 {
			return int(a.x0 - b.x0)
		}
		return int(a.area - b.area)
	})
}

// TestLabelMatchesFloodFill compares the run-based labeling with flood fill
// on random masks of several densities, boxes, areas and moments.
func TestLabelMatchesFloodFill(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var lb labeler
	for trial := 0; trial < 200; trial++ {
		w, h := 1+r.IntN(40), 1+r.IntN(30)
		density := r.Float64()
		mask := make([]uint8, w*h)
		for i := range mask {
			if r.Float64() < density {
				mask[i] = 1
			}
		}
		got := slices.Clone(lb.label(mask, w, h))
		want := floodComps(mask, w, h)
		sortComps(got)
		sortComps(want)
		if len(got) != len(want) {
			t.Fatalf("trial %d (%dx%d): %d components, want %d", trial, w, h, len(got), len(want))
		}
		for i := range got {
			g, e := got[i], want[i]
			if g.x0 != e.x0 || g.y0 != e.y0 || g.x1 != e.x1 || g.y1 != e.y1 || g.area != e.area ||
				g.sx != e.sx || g.sy != e.sy || g.sxx != e.sxx || g.syy != e.syy || g.sxy != e.sxy {
				t.Fatalf("trial %d: component %d = %+v, want %+v", trial, i, g, e)
			}
		}
	}
}
