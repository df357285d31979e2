package ocr

import (
	"math"
	"slices"
	"sort"
)

// Chaining: characters of a printed line are components of about the same
// height standing side by side, each overlapping its neighbour vertically
// and separated from it by a gap smaller than its height. Every cell of an
// MRZ line holds ink (fillers are printed), so an MRZ line is one long
// chain. Chains are built in a frame turned by a quarter turn or not, so
// that lines running down or up the image chain as well.

// fbox is a component's bounding box in a frame.
type fbox struct {
	x0, y0, x1, y1 float64
	i              int32 // component index
}

func (b fbox) h() float64  { return b.y1 - b.y0 }
func (b fbox) w() float64  { return b.x1 - b.x0 }
func (b fbox) cx() float64 { return (b.x0 + b.x1) / 2 }
func (b fbox) cy() float64 { return (b.y0 + b.y1) / 2 }

// frameBox returns the box of c in frame 0 (the image) or frame 1 (the
// image turned a quarter counterclockwise: X along the image's y, Y along
// its −x).
func frameBox(c *comp, frame int, i int) fbox {
	if frame == 0 {
		return fbox{float64(c.x0), float64(c.y0), float64(c.x1), float64(c.y1), int32(i)}
	}
	return fbox{float64(c.y0), float64(-c.x1), float64(c.y1), float64(-c.x0), int32(i)}
}

// frameDir is the direction of a frame's X axis in the image.
func frameDir(frame int) pt {
	if frame == 0 {
		return pt{1, 0}
	}
	return pt{0, 1}
}

// chainLimits bound the components taken as characters, in pixels.
type chainLimits struct {
	minH, maxH float64
}

// isGlyph reports whether a box may be one character (single) or several
// touching ones (multi).
func isGlyph(b fbox, c *comp, lim chainLimits) (ok, multi bool) {
	h, w := b.h(), b.w()
	if h < lim.minH || h > lim.maxH || w < 1 {
		return false, false
	}
	fill := float64(c.area) / (h * w)
	if w <= 1.6*h {
		// A solid block of some size is not a character.
		if fill > 0.92 && w > 0.5*h && h >= 8 {
			return false, false
		}
		return fill > 0.08, false
	}
	if w > 30*h {
		return false, false
	}
	return fill > 0.12 && fill < 0.85, true
}

// chains returns the chains of glyph-like components in a frame, each as
// component indexes from left to right (in the frame), longest first, of at
// least minLen members.
func chains(cs []comp, frame int, lim chainLimits, minLen int) [][]int32 {
	var boxes []fbox
	for i := range cs {
		b := frameBox(&cs[i], frame, i)
		if ok, _ := isGlyph(b, &cs[i], lim); ok {
			boxes = append(boxes, b)
		}
	}
	sort.Slice(boxes, func(i, j int) bool { return boxes[i].x0 < boxes[j].x0 })
	n := len(boxes)
	right, rscore := rightLinks(boxes, lim)
	// Keep a link only when it is also the best link into its target.
	left := make([]int32, n)
	for i := range left {
		left[i] = -1
	}
	for i, j := range right {
		if j < 0 {
			continue
		}
		if l := left[j]; l < 0 || rscore[i] < rscore[l] {
			left[j] = int32(i)
		}
	}
	var out [][]int32
	for i := range boxes {
		if left[i] >= 0 && right[left[i]] == int32(i) {
			continue // not a chain start
		}
		var ch []int32
		for k := int32(i); k >= 0; {
			ch = append(ch, boxes[k].i)
			nx := right[k]
			if nx < 0 || left[nx] != k {
				break
			}
			k = nx
		}
		if len(ch) >= minLen {
			out = append(out, ch)
		}
	}
	slices.SortStableFunc(out, func(a, b []int32) int { return len(b) - len(a) })
	return out
}

// rightLinks returns, for each box (sorted by x0), the index of its best
// right neighbour (-1 for none) and that link's score: a box of about its
// height, overlapping it vertically, just right of it. Candidates are found
// in a grid of cells one maximal glyph height square, by the left edge and
// the vertical centre of the boxes, so that the work stays about linear in
// the boxes however many a page holds (a photo of noise holds tens of
// thousands); ties go to the lower index, as a scan in x order would give.
func rightLinks(boxes []fbox, lim chainLimits) ([]int32, []float64) {
	n := len(boxes)
	right := make([]int32, n)
	rscore := make([]float64, n)
	if n == 0 {
		return right, rscore
	}
	cs := math.Max(lim.maxH, 1)
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, b := range boxes {
		minX, maxX = math.Min(minX, b.x0), math.Max(maxX, b.x0)
		minY, maxY = math.Min(minY, b.cy()), math.Max(maxY, b.cy())
	}
	gw, gh := int((maxX-minX)/cs)+1, int((maxY-minY)/cs)+1
	cell := func(x, y float64) (int, int) {
		return min(max(int((x-minX)/cs), 0), gw-1), min(max(int((y-minY)/cs), 0), gh-1)
	}
	// The boxes of each cell, in index order (CSR).
	start := make([]int32, gw*gh+1)
	for _, b := range boxes {
		gx, gy := cell(b.x0, b.cy())
		start[gy*gw+gx+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	members := make([]int32, n)
	fill := append([]int32(nil), start[:gw*gh]...)
	for i, b := range boxes {
		gx, gy := cell(b.x0, b.cy())
		members[fill[gy*gw+gx]] = int32(i)
		fill[gy*gw+gx]++
	}
	for i := range boxes {
		a := boxes[i]
		ha := a.h()
		lo := a.x1 - 0.3*ha - 2*lim.maxH // x0 of a taller box may start earlier
		hi := a.x1 + 1.6*lim.maxH
		// A box overlapping a vertically has its centre within half the
		// tallest glyph of a's extent.
		gx0, gy0 := cell(lo, a.y0-lim.maxH/2)
		gx1, gy1 := cell(hi, a.y1+lim.maxH/2)
		best, bestScore := int32(-1), math.Inf(1)
		for gy := gy0; gy <= gy1; gy++ {
			for gx := gx0; gx <= gx1; gx++ {
				c := gy*gw + gx
				for _, j := range members[start[c]:start[c+1]] {
					b := boxes[j]
					if int(j) == i || b.x0 < lo || b.x0 > hi {
						continue
					}
					if s, ok := linkScore(a, b); ok && (s < bestScore || s == bestScore && j < best) {
						best, bestScore = j, s
					}
				}
			}
		}
		right[i], rscore[i] = best, bestScore
	}
	return right, rscore
}

// linkScore scores b as the right neighbour of a in a chain (lower is
// better), and reports false when b cannot follow a.
func linkScore(a, b fbox) (float64, bool) {
	ha, hb := a.h(), b.h()
	hmin, hmax := min(ha, hb), max(ha, hb)
	ov := min(a.y1, b.y1) - max(a.y0, b.y0)
	if ov < 0.5*hmin {
		return 0, false
	}
	if hmax > 1.6*hmin {
		// A filler may be printed smaller than the letters: it then
		// stands within their height, about its middle.
		if hmax > 2.2*hmin {
			return 0, false
		}
		small, big := a, b
		if ha > hb {
			small, big = b, a
		}
		if m := small.cy(); m < big.y0+0.2*hmax || m > big.y1-0.2*hmax {
			return 0, false
		}
	}
	if b.cx() <= a.cx()+0.3*hmin || b.x1 <= a.x1 {
		return 0, false
	}
	gap := b.x0 - a.x1
	if gap < -0.3*hmin || gap > 1.5*hmax {
		return 0, false
	}
	return max(gap, 0) + 0.5*math.Abs(b.cy()-a.cy()), true
}
