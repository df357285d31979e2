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
	right := make([]int32, n)
	rscore := make([]float64, n)
	for i := range right {
		right[i] = -1
	}
	for i := range boxes {
		a := boxes[i]
		ha := a.h()
		lo := a.x1 - 0.3*ha - 2*lim.maxH // x0 of a taller box may start earlier
		hi := a.x1 + 1.6*lim.maxH
		k := sort.Search(n, func(k int) bool { return boxes[k].x0 >= lo })
		best, bestScore := int32(-1), math.Inf(1)
		for j := k; j < n && boxes[j].x0 <= hi; j++ {
			if j == i {
				continue
			}
			b := boxes[j]
			hb := b.h()
			hmin, hmax := math.Min(ha, hb), math.Max(ha, hb)
			ov := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
			if ov < 0.5*hmin {
				continue
			}
			if hmax > 1.6*hmin {
				// A filler may be printed smaller than the letters: it
				// then stands within their height, about its middle.
				if hmax > 2.2*hmin {
					continue
				}
				small, big := a, b
				if ha > hb {
					small, big = b, a
				}
				if m := small.cy(); m < big.y0+0.2*hmax || m > big.y1-0.2*hmax {
					continue
				}
			}
			if b.cx() <= a.cx()+0.3*hmin || b.x1 <= a.x1 {
				continue
			}
			gap := b.x0 - a.x1
			if gap < -0.3*hmin || gap > 1.5*hmax {
				continue
			}
			s := math.Max(gap, 0) + 0.5*math.Abs(b.cy()-a.cy())
			if s < bestScore {
				best, bestScore = int32(j), s
			}
		}
		right[i], rscore[i] = best, bestScore
	}
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
