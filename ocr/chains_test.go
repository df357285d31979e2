package ocr

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// rightLinksScan is the plain definition rightLinks must agree with: every
// box whose left edge lies in the window, in x order, the first best kept.
func rightLinksScan(boxes []fbox, lim chainLimits) ([]int32, []float64) {
	n := len(boxes)
	right := make([]int32, n)
	rscore := make([]float64, n)
	for i, a := range boxes {
		lo := a.x1 - 0.3*a.h() - 2*lim.maxH
		hi := a.x1 + 1.6*lim.maxH
		best, bestScore := int32(-1), math.Inf(1)
		for j, b := range boxes {
			if j == i || b.x0 < lo || b.x0 > hi {
				continue
			}
			if s, ok := linkScore(a, b); ok && s < bestScore {
				best, bestScore = int32(j), s
			}
		}
		right[i], rscore[i] = best, bestScore
	}
	return right, rscore
}

// TestRightLinks checks the grid search against the plain scan on random
// boxes: lines of characters, noise, boxes of every height the limits allow,
// negative coordinates (the turned frame), ties.
func TestRightLinks(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 300; trial++ {
		lim := chainLimits{minH: 4, maxH: 6 + 60*r.Float64()}
		n := r.IntN(400)
		var boxes []fbox
		for len(boxes) < n {
			x, y := 2000*r.Float64()-500, 1500*r.Float64()-1000
			if r.IntN(4) == 0 { // a line of characters, on whole pixels (ties)
				h := math.Round(lim.minH + (lim.maxH-lim.minH)*r.Float64())
				for k := 0; k < 20 && len(boxes) < n; k++ {
					x0 := math.Round(x + float64(k)*h*0.9)
					boxes = append(boxes, fbox{x0, math.Round(y), x0 + math.Round(0.7*h), math.Round(y) + h, int32(len(boxes))})
				}
				continue
			}
			h := lim.minH + (lim.maxH-lim.minH)*r.Float64()
			boxes = append(boxes, fbox{x, y, x + h*(0.2+1.4*r.Float64()), y + h, int32(len(boxes))})
		}
		sort.Slice(boxes, func(i, j int) bool { return boxes[i].x0 < boxes[j].x0 })
		got, gs := rightLinks(boxes, lim)
		want, ws := rightLinksScan(boxes, lim)
		for i := range want {
			if got[i] != want[i] || gs[i] != ws[i] {
				t.Fatalf("trial %d, box %d: link %d (%v), want %d (%v)", trial, i, got[i], gs[i], want[i], ws[i])
			}
		}
	}
}
