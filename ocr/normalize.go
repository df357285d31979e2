package ocr

// Normalizing a strip: the classifier learned its characters black on
// white. A strip is brought to that: the paper's level and the ink's,
// measured about every cell (light may change along a line), are mapped to
// white and black, and what is much closer to the paper than to the ink
// (guilloches, a tinted ground, faint print beside the line) to white.

// paperFloor is the share of the way from ink to paper above which a
// pixel is taken for paper.
const paperFloor = 0.8

// normalizeStrip rewrites the pixels of st in place. A strip already black
// on white (a scan binarized before it came here) is left as it is.
func normalizeStrip(st *strip) {
	w, h := st.p.w, st.p.h
	if w == 0 || h == 0 || bilevel(st.p) {
		return
	}
	// Levels per cell, over a window of three cells, from histograms.
	n := max(1, st.n)
	paper := make([]float64, n)
	ink := make([]float64, n)
	cw := float64(w) / float64(n)
	var hist [256]int
	for c := 0; c < n; c++ {
		clear(hist[:])
		x0 := max(0, int(float64(c-1)*cw))
		x1 := min(w, int(float64(c+2)*cw))
		cnt := 0
		for y := 0; y < h; y++ {
			for _, v := range st.p.pix[y*w+x0 : y*w+x1] {
				hist[v]++
				cnt++
			}
		}
		ink[c] = quantile(&hist, cnt, 0.03)
		paper[c] = quantile(&hist, cnt, 0.75)
	}
	for c := 0; c < n; c++ {
		x0 := int(float64(c) * cw)
		x1 := min(w, int(float64(c+1)*cw))
		if c == n-1 {
			x1 = w
		}
		lo, hi := ink[c], paper[c]
		if hi-lo < 16 { // no contrast: leave it
			continue
		}
		scale := 1 / (paperFloor * (hi - lo))
		for y := 0; y < h; y++ {
			row := st.p.pix[y*w : (y+1)*w]
			for x := x0; x < x1; x++ {
				f := (float64(row[x]) - lo) * scale
				switch {
				case f <= 0:
					row[x] = 0
				case f >= 1:
					row[x] = 255
				default:
					row[x] = uint8(255*f + 0.5)
				}
			}
		}
	}
}

// quantile returns the level below which a share q of the cnt pixels of
// hist lie.
func quantile(hist *[256]int, cnt int, q float64) float64 {
	target := int(q * float64(cnt))
	s := 0
	for v, k := range hist {
		s += k
		if s > target {
			return float64(v)
		}
	}
	return 255
}

// bilevel reports whether nearly every pixel of p is black or white: the
// gray levels between are the edges of strokes only.
func bilevel(p plane) bool {
	mid := 0
	for _, v := range p.pix {
		if v > 40 && v < 215 {
			mid++
		}
	}
	return float64(mid) < 0.08*float64(len(p.pix))
}
