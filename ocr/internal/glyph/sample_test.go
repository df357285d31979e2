package glyph

import (
	"image"
	"math"
	"math/rand/v2"
	"testing"
)

// refGrey is the plain definition of what sampler.at computes: bilinear
// interpolation between pixel centres, positions clamped to the centres of
// the border pixels.
func refGrey(img *image.Gray, x, y float64) float64 {
	b := img.Rect
	x = math.Min(math.Max(x-float64(b.Min.X)-0.5, 0), float64(b.Dx()-1))
	y = math.Min(math.Max(y-float64(b.Min.Y)-0.5, 0), float64(b.Dy()-1))
	x0, y0 := math.Floor(x), math.Floor(y)
	px := func(i, j float64) float64 {
		i, j = math.Min(i, float64(b.Dx()-1)), math.Min(j, float64(b.Dy()-1))
		return float64(img.Pix[int(j)*img.Stride+int(i)])
	}
	fx, fy := x-x0, y-y0
	top := px(x0, y0)*(1-fx) + px(x0+1, y0)*fx
	bot := px(x0, y0+1)*(1-fx) + px(x0+1, y0+1)*fx
	return top*(1-fy) + bot*fy
}

// refGrid is the plain definition of sampler.grid: every sample the mean of
// ku × kv taps at the centres of equal parts of its box, each mapped
// through the quad's bilinear map.
func refGrid(img *image.Gray, q *Quad, u0, du float64, nu int, v0, dv float64, nv, ku, kv int) []float64 {
	at := func(u, v float64) (float64, float64) {
		top := [2]float64{q[0].X + u*(q[1].X-q[0].X), q[0].Y + u*(q[1].Y-q[0].Y)}
		bot := [2]float64{q[3].X + u*(q[2].X-q[3].X), q[3].Y + u*(q[2].Y-q[3].Y)}
		return top[0] + v*(bot[0]-top[0]), top[1] + v*(bot[1]-top[1])
	}
	out := make([]float64, nu*nv)
	for j := range nv {
		for i := range nu {
			var s float64
			for b := range kv {
				for a := range ku {
					u := u0 + (float64(i)+(float64(a)+0.5)/float64(ku))*du
					v := v0 + (float64(j)+(float64(b)+0.5)/float64(kv))*dv
					px, py := at(u, v)
					s += refGrey(img, px, py)
				}
			}
			out[j*nu+i] = s / float64(ku*kv)
		}
	}
	return out
}

// FuzzGrid checks the fast sampler against its plain definition on random
// images and quads.
func FuzzGrid(f *testing.F) {
	f.Add(uint64(1), 5.0, 3.0, 20.0, 2.0, 1.0, 24.0, 0.0, 0.0)
	f.Add(uint64(2), -10.0, 50.0, 8.0, -3.0, 4.0, 9.0, 2.0, -1.0)
	f.Fuzz(func(t *testing.T, seed uint64, x, y, ux, uy, vx, vy, wx, wy float64) {
		for _, v := range []float64{x, y, ux, uy, vx, vy, wx, wy} {
			if !(math.Abs(v) < 1e4) {
				return
			}
		}
		r := rand.New(rand.NewPCG(seed, 3))
		img := image.NewGray(image.Rect(r.IntN(20)-10, r.IntN(20)-10, 0, 0))
		img.Rect.Max = img.Rect.Min.Add(image.Pt(2+r.IntN(40), 2+r.IntN(40)))
		img.Stride = img.Rect.Dx() + r.IntN(3)
		img.Pix = make([]uint8, img.Stride*img.Rect.Dy())
		for i := range img.Pix {
			img.Pix[i] = uint8(r.IntN(256))
		}
		q := Quad{{x, y}, {x + ux, y + uy}, {x + ux + vx + wx, y + uy + vy + wy}, {x + vx, y + vy}}
		m := newCellMap(&q)
		if !m.ok {
			return
		}
		s := newSampler(img)
		nu, nv := 1+r.IntN(8), 1+r.IntN(8)
		u0, du := r.Float64()*2-1, 0.05+r.Float64()*0.3
		v0, dv := r.Float64()*2-1, 0.05+r.Float64()*0.3
		got := make([]float32, nu*nv)
		s.grid(&m, u0, du, nu, v0, dv, nv, got, 3, 2)
		want := refGrid(img, &q, u0, du, nu, v0, dv, nv, taps(m.pitch*du, 3), taps(m.cap*dv, 2))
		for i := range got {
			if math.Abs(float64(got[i])-want[i]) > 0.01 {
				t.Fatalf("sample %d: %v, want %v", i, got[i], want[i])
			}
		}
	})
}
