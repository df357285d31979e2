package ocr

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDownscale compares area averaging with the plain mean of each block
// when the factor is whole, and checks that a flat image stays flat at any
// factor.
func TestDownscale(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	p := plane{12, 8, make([]uint8, 96)}
	for i := range p.pix {
		p.pix[i] = uint8(r.IntN(256))
	}
	d := downscale(p, 4, 2) // 3 x 4 blocks
	for y := 0; y < 2; y++ {
		for x := 0; x < 4; x++ {
			var s int
			for yy := 0; yy < 4; yy++ {
				for xx := 0; xx < 3; xx++ {
					s += int(p.pix[(4*y+yy)*12+3*x+xx])
				}
			}
			if want := int(math.Round(float64(s) / 12)); int(d.pix[y*4+x]) != want {
				t.Errorf("(%d,%d) = %d, want %d", x, y, d.pix[y*4+x], want)
			}
		}
	}
	flat := plane{37, 23, make([]uint8, 37*23)}
	for i := range flat.pix {
		flat.pix[i] = 173
	}
	for _, sz := range [][2]int{{11, 7}, {36, 22}, {1, 1}, {80, 50}} {
		out := resize(flat, sz[0], sz[1])
		if out.w != sz[0] || out.h != sz[1] {
			t.Fatalf("size %dx%d, want %v", out.w, out.h, sz)
		}
		for _, v := range out.pix {
			if v != 173 {
				t.Fatalf("%v: a flat image gives %d", sz, v)
			}
		}
	}
}

// TestPolyfitCellAt fits a quadratic grid and inverts it.
func TestPolyfitCellAt(t *testing.T) {
	var ks, ts []float64
	for k := 0; k < 44; k++ {
		ks = append(ks, float64(k))
		ts = append(ts, 12+20*float64(k)+0.05*float64(k*k))
	}
	c, ok := polyfit(ks, ts, true)
	if !ok || math.Abs(c[0]-12) > 1e-6 || math.Abs(c[1]-20) > 1e-6 || math.Abs(c[2]-0.05) > 1e-8 {
		t.Fatalf("fit %v, %v", c, ok)
	}
	l := line{c: c, cells: 44}
	for _, k := range []float64{-3, 0, 7.5, 43, 50} {
		got, ok := l.cellAt(l.t(k))
		if !ok || math.Abs(got-k) > 1e-9 {
			t.Errorf("cellAt(t(%v)) = %v, %v", k, got, ok)
		}
	}
}
