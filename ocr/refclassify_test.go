package ocr

import (
	"errors"
	"image"
	"math"
	"sync"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

// A reference classifier for the tests of the pipeline: normalized
// correlation with templates rendered from the OCR-B font. It is slow and
// knows only clean glyphs; the pipeline's own classifier is package glyph's.

const refW, refH = 16, 24

type refTemplates struct {
	t [37][refW * refH]float64
}

var (
	refOnce sync.Once
	refTpl  *refTemplates
	refErr  error
)

func refClassifier(t testing.TB) classifier {
	t.Helper()
	refOnce.Do(func() {
		f, err := render.Load("")
		if err != nil {
			refErr = err
			return
		}
		var tp refTemplates
		const em = 60.0
		for i := 0; i < len(glyph.Charset); i++ {
			cells := render.Line(glyph.Charset[i:i+1], 10, 70, em)
			g := image.NewGray(image.Rect(0, 0, 80, 100))
			for k := range g.Pix {
				g.Pix[k] = 255
			}
			f.Draw(g, cells, nil, 0, 0)
			c := cells[0]
			q := quad{{X: c.X0, Y: c.Top}, {X: c.X1, Y: c.Top}, {X: c.X1, Y: c.Baseline}, {X: c.X0, Y: c.Baseline}}
			refSample(planeOf(g), q, tp.t[i][:])
		}
		refTpl = &tp
	})
	if errors.Is(refErr, render.ErrNoFont) {
		t.Skip("OCR-B font not installed (apt-get install fonts-ocr-b): skipping")
	}
	if refErr != nil {
		t.Fatal(refErr)
	}
	tp := refTpl
	return func(img *image.Gray, cells []quad, out []scores) {
		p := planeOf(img)
		var v [refW * refH]float64
		for i, q := range cells {
			refSample(p, q, v[:])
			var best [37]float64
			mx := math.Inf(-1)
			for c := range tp.t {
				var s float64
				for k := range v {
					s += v[k] * tp.t[c][k]
				}
				best[c] = s
				mx = math.Max(mx, s)
			}
			var sum float64
			for c := range best {
				best[c] = math.Exp(25 * (best[c] - mx))
				sum += best[c]
			}
			for c := range best {
				out[i][c] = float32(best[c] / sum)
			}
		}
	}
}

// refSample samples the cell q (extended above for the taller digits and
// below) on a refW x refH grid, normalized to zero mean and unit norm.
func refSample(p plane, q quad, v []float64) {
	for y := 0; y < refH; y++ {
		fy := -0.15 + 1.25*(float64(y)+0.5)/refH
		for x := 0; x < refW; x++ {
			fx := (float64(x) + 0.5) / refW
			top := pt(q[0]).add(pt(q[1]).sub(pt(q[0])).mul(fx))
			bot := pt(q[3]).add(pt(q[2]).sub(pt(q[3])).mul(fx))
			pp := top.add(bot.sub(top).mul(fy))
			v[y*refW+x] = p.bilinear(pp.X, pp.Y)
		}
	}
	var m float64
	for _, a := range v {
		m += a
	}
	m /= float64(len(v))
	var n float64
	for i := range v {
		v[i] = m - v[i] // ink positive
		n += v[i] * v[i]
	}
	n = math.Sqrt(n) + 1e-9
	for i := range v {
		v[i] /= n
	}
}
