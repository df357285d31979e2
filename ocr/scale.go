package ocr

// downscale returns p reduced to w x h pixels (w <= p.w, h <= p.h), each
// destination pixel the area-weighted mean of the source pixels it covers.
func downscale(p plane, w, h int) plane {
	if w == p.w && h == p.h {
		return p
	}
	// Horizontal pass into a float row buffer, then vertical accumulation.
	xs := spans(p.w, w)
	ys := spans(p.h, h)
	out := plane{w, h, make([]uint8, w*h)}
	row := make([]float32, w)
	acc := make([]float32, w)
	sy := float32(p.h) / float32(h)
	sx := float32(p.w) / float32(w)
	norm := 1 / (sx * sy)
	for dy := 0; dy < h; dy++ {
		clear(acc)
		for _, s := range ys[dy] {
			src := p.pix[s.i*p.w : (s.i+1)*p.w]
			for dx := 0; dx < w; dx++ {
				var v float32
				for _, t := range xs[dx] {
					v += float32(src[t.i]) * t.w
				}
				row[dx] = v
			}
			for dx := range acc {
				acc[dx] += row[dx] * s.w
			}
		}
		o := out.pix[dy*w : (dy+1)*w]
		for dx, v := range acc {
			o[dx] = uint8(min(v*norm+0.5, 255))
		}
	}
	return out
}

type span1 struct {
	i int
	w float32
}

// spans lists, for each of m destination cells over n source cells, the
// source cells it covers and by how much (in source cell units).
func spans(n, m int) [][]span1 {
	out := make([][]span1, m)
	scale := float64(n) / float64(m)
	for d := 0; d < m; d++ {
		a, b := float64(d)*scale, float64(d+1)*scale
		for i := int(a); i < n && float64(i) < b; i++ {
			lo, hi := max(a, float64(i)), min(b, float64(i+1))
			if hi > lo {
				out[d] = append(out[d], span1{i, float32(hi - lo)})
			}
		}
	}
	return out
}

// upscale returns p enlarged to w x h pixels (w >= p.w, h >= p.h) by
// bilinear interpolation.
func upscale(p plane, w, h int) plane {
	if w == p.w && h == p.h {
		return p
	}
	out := plane{w, h, make([]uint8, w*h)}
	sx := float64(p.w) / float64(w)
	sy := float64(p.h) / float64(h)
	type tap struct {
		i0, i1 int
		a      float32
	}
	taps := func(n, m int, s float64) []tap {
		t := make([]tap, m)
		for d := range t {
			x := (float64(d)+0.5)*s - 0.5
			i := int(floor(x))
			a := float32(x - float64(i))
			t[d] = tap{min(max(i, 0), n-1), min(max(i+1, 0), n-1), a}
		}
		return t
	}
	tx, ty := taps(p.w, w, sx), taps(p.h, h, sy)
	r0 := make([]float32, w)
	r1 := make([]float32, w)
	hrow := func(dst []float32, y int) {
		src := p.pix[y*p.w : (y+1)*p.w]
		for d, t := range tx {
			dst[d] = float32(src[t.i0])*(1-t.a) + float32(src[t.i1])*t.a
		}
	}
	for d, t := range ty {
		hrow(r0, t.i0)
		hrow(r1, t.i1)
		o := out.pix[d*w : (d+1)*w]
		for x := range o {
			o[x] = uint8(r0[x]*(1-t.a) + r1[x]*t.a + 0.5)
		}
	}
	return out
}

// resize scales p to w x h, by area averaging when it shrinks and bilinear
// interpolation when it grows (both dimensions the same way).
func resize(p plane, w, h int) plane {
	if w <= p.w && h <= p.h {
		return downscale(p, w, h)
	}
	return upscale(p, w, h)
}

// scaleBy returns p scaled by s (at least one pixel each way).
func scaleBy(p plane, s float64) plane {
	return resize(p, max(1, int(float64(p.w)*s+0.5)), max(1, int(float64(p.h)*s+0.5)))
}
