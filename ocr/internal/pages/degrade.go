package pages

import (
	"image/color"
	"math"
	"math/rand/v2"
)

// degrade applies the light, blur and noise of s to the page and chooses
// its tints.
func degrade(r *rand.Rand, c *canvas, s Spec) {
	g := c.g
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	c.tints = [2]color.RGBA{
		{uint8(150 + r.IntN(100)), uint8(110 + r.IntN(100)), uint8(80 + r.IntN(100)), 255},
		{uint8(200 + r.IntN(56)), uint8(215 + r.IntN(41)), uint8(200 + r.IntN(56)), 255},
	}
	px := make([]float64, w*h)
	for i, v := range g.Pix {
		px[i] = float64(v)
	}
	if s.Light > 0 {
		// A gradient darkening one side, and a glare spot washing out
		// another.
		ang := r.Float64() * 2 * math.Pi
		dx, dy := math.Cos(ang), math.Sin(ang)
		gx, gy := float64(w)*r.Float64(), float64(h)*r.Float64()
		gr := float64(max(w, h)) * (0.1 + 0.2*r.Float64())
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				u := ((float64(x)-float64(w)/2)*dx + (float64(y)-float64(h)/2)*dy) / float64(max(w, h))
				v := px[y*w+x] * (1 - s.Light*0.6*(u+0.5))
				ex, ey := (float64(x)-gx)/gr, (float64(y)-gy)/gr
				glare := s.Light * 0.7 * math.Exp(-(ex*ex + ey*ey))
				px[y*w+x] = v + (255-v)*glare
			}
		}
	}
	if s.Blur > 0 {
		gaussBlur(px, w, h, s.Blur)
	}
	if s.Noise > 0 {
		for i := range px {
			px[i] += r.NormFloat64() * s.Noise
		}
	}
	for i, v := range px {
		g.Pix[i] = clamp8(v)
	}
}

// gaussBlur blurs px (w x h) in place with a Gaussian of standard
// deviation sigma, separably.
func gaussBlur(px []float64, w, h int, sigma float64) {
	rad := int(math.Ceil(3 * sigma))
	k := make([]float64, 2*rad+1)
	var sum float64
	for i := range k {
		d := float64(i - rad)
		k[i] = math.Exp(-d * d / (2 * sigma * sigma))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	tmp := make([]float64, max(w, h))
	for y := 0; y < h; y++ {
		row := px[y*w : (y+1)*w]
		for x := 0; x < w; x++ {
			var s float64
			for i, kv := range k {
				xx := min(max(x+i-rad, 0), w-1)
				s += row[xx] * kv
			}
			tmp[x] = s
		}
		copy(row, tmp[:w])
	}
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			var s float64
			for i, kv := range k {
				yy := min(max(y+i-rad, 0), h-1)
				s += px[yy*w+x] * kv
			}
			tmp[y] = s
		}
		for y := 0; y < h; y++ {
			px[y*w+x] = tmp[y]
		}
	}
}
