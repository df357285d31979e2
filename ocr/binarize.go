package ocr

// Local binarization in the manner of Sauvola: a pixel is ink when it is
// darker than m·(1 + k·(s/R − 1)), m and s the mean and standard deviation
// of the gray levels in a square window around it. Flat areas (s small)
// need a pixel well below their mean; areas of high contrast (text) put the
// threshold near the mean. Ink must also be darker than the mean by at
// least minContrast levels, which keeps the noise of flat areas out.
//
// The first pass uses sauvolaK, which keeps light guilloches and print out
// of the characters; when it finds no valid MRZ, a second pass uses
// sauvolaKFaint, which keeps more of faint or blurred strokes.
const (
	sauvolaK      = 0.34
	sauvolaKFaint = 0.18
	sauvolaR      = 128.0
	minContrast   = 10.0
)

// binarize returns a mask of p (1 for ink, 0 for background) thresholded
// with k in windows of (2r+1)² pixels, clipped at the borders. The window sums run
// over columns and rows incrementally, so the cost is a few operations a
// pixel whatever r is. mask is reused when it is large enough.
func binarize(p plane, r int, k float64, mask []uint8) []uint8 {
	w, h := p.w, p.h
	if cap(mask) < w*h {
		mask = make([]uint8, w*h)
	}
	mask = mask[:w*h]
	if w == 0 || h == 0 {
		return mask
	}
	// col and colSq hold, for each column, the sum of the pixels (and of
	// their squares) of the rows in the current vertical window.
	col := make([]uint32, w)
	colSq := make([]uint32, w)
	add := func(y int, sign int) {
		row := p.pix[y*w : (y+1)*w]
		if sign > 0 {
			for x, v := range row {
				col[x] += uint32(v)
				colSq[x] += uint32(v) * uint32(v)
			}
		} else {
			for x, v := range row {
				col[x] -= uint32(v)
				colSq[x] -= uint32(v) * uint32(v)
			}
		}
	}
	top, bot := 0, 0 // rows [top, bot) are in the window
	for y := 0; y < h; y++ {
		for bot < h && bot <= y+r {
			add(bot, 1)
			bot++
		}
		for top < y-r {
			add(top, -1)
			top++
		}
		rows := uint64(bot - top)
		row := p.pix[y*w : (y+1)*w]
		out := mask[y*w : (y+1)*w]
		var s, sq uint64
		l, rr := 0, 0 // columns [l, rr) are in the window
		for x := 0; x < w; x++ {
			for rr < w && rr <= x+r {
				s += uint64(col[rr])
				sq += uint64(colSq[rr])
				rr++
			}
			for l < x-r {
				s -= uint64(col[l])
				sq -= uint64(colSq[l])
				l++
			}
			n := float64(rows * uint64(rr-l))
			m := float64(s) / n
			v := float64(row[x])
			if v > m-minContrast {
				out[x] = 0
				continue
			}
			// v < m(1-k) + m·k·sd/R  <=>  v - m(1-k) < m·k·sd/R
			lhs := v - m*(1-k)
			if lhs < 0 {
				out[x] = 1
				continue
			}
			vr := float64(sq)/n - m*m
			c := m * k / sauvolaR
			if lhs*lhs < c*c*vr {
				out[x] = 1
			} else {
				out[x] = 0
			}
		}
	}
	return mask
}
