package synth

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

// Kind selects how a line is degraded.
type Kind int

const (
	// Clean lines are drawn as the font is, straight, on white paper, at a
	// random size and sub-pixel position; only their cells are jittered
	// like detection's.
	Clean Kind = iota
	// Degraded lines get every degradation at random: stroke weight, blur,
	// noise, light gradient and background pattern, contrast, rotation and
	// perspective, JPEG at low quality, binarisation.
	Degraded
)

// Line is one rendered line with its truth.
type Line struct {
	Img  *image.Gray
	Text string
	// Cells are the character cells as detection would give them: the
	// true cells moved and resized by errors shared along the line plus a
	// little of each cell's own.
	Cells []glyph.Quad
	// Cap is, for every cell, the true cap height in units of its quad's
	// pitch.
	Cap []float64
	// CapPx is the true cap height in pixels.
	CapPx float64
	// Severity, from 0 to 1, bounds the degradations of a Degraded line
	// (0 for a Clean one).
	Severity float64
}

// Limits of the rendered lines.
const (
	MinCap, MaxCap = 8.0, 60.0 // cap height in pixels
	maxLinePx      = 900       // longest line drawn, in pixels
	minChars       = 8
	maxChars       = 44
)

// Render draws line number index of the set identified by seed. The same
// arguments always give the same line.
func Render(f *render.Font, seed, index uint64, kind Kind) Line {
	r := rand.New(rand.NewPCG(seed, index))
	capPx := MinCap * math.Exp(r.Float64()*math.Log(MaxCap/MinCap))
	em := capPx / render.CapEm
	pitch := render.PitchPerEm * em
	n := minChars + r.IntN(maxChars-minChars+1)
	n = max(min(n, int(maxLinePx/pitch)), minChars)
	text := Text(r, n)

	// The text's own plane: the line with room about it, and sometimes
	// the neighbouring lines of the MRZ above and below.
	// The margins hold what the classifier looks at about a cell wherever
	// detection's error puts it, and part of the neighbouring lines.
	margin, side := 1.25*capPx+3, pitch+3
	x0 := side + r.Float64()
	baseline := margin + render.DigitEm*em + r.Float64()
	width := 2*side + float64(n)*pitch
	height := 2*margin + render.DigitEm*em
	cells := render.Line(text, x0, baseline, em)
	var others []render.Cell
	linePitch := render.LinePitchPerEm * em
	if kind == Degraded {
		if r.IntN(2) == 0 {
			others = append(others, render.Line(Text(r, n), x0, baseline-linePitch, em)...)
		}
		if r.IntN(2) == 0 {
			others = append(others, render.Line(Text(r, n), x0, baseline+linePitch, em)...)
		}
	}

	// The geometry: keystone (the height changing along the line), shear
	// and rotation, then a translation that fits it all in the image.
	var g geometry
	g.yc, g.xm, g.len, g.base = baseline-capPx/2, width/2, width, baseline
	if kind == Degraded {
		if r.IntN(3) > 0 {
			g.theta = (r.Float64()*2 - 1) * 15 * math.Pi / 180
		}
		if r.IntN(2) == 0 {
			g.keystone = (r.Float64()*2 - 1) * 0.08
			g.shear = (r.Float64()*2 - 1) * 0.08
		}
	}
	g.sin, g.cos = math.Sincos(g.theta)
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range [][2]float64{{0, 0}, {width, 0}, {width, height}, {0, height}, {width / 2, 0}, {width / 2, height}} {
		x, y := g.apply(p[0], p[1])
		minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
	}
	g.dx, g.dy = -minX, -minY
	w, h := int(math.Ceil(maxX-minX)), int(math.Ceil(maxY-minY))
	t := g.apply
	// Printers set OCR-B narrower or wider in its pitch (and bolder):
	// scale every character about the centre of its own cell.
	// Printers also draw < at different heights: scale it about its
	// middle.
	sx, sl := 1.0, 1.0
	if kind == Degraded {
		if r.IntN(2) == 0 {
			sx = 0.85 + 0.4*r.Float64()
		}
		if r.IntN(2) == 0 {
			sl = 0.75 + 0.3*r.Float64()
		}
	}
	draw := t
	if sx != 1 || sl != 1 {
		lessMid := baseline - 0.38*em
		draw = func(x, y float64) (float64, float64) {
			k := math.Floor((x - x0) / pitch)
			xc := x0 + (k+0.5)*pitch
			if sl != 1 && k >= 0 && int(k) < len(text) && text[int(k)] == '<' && y > baseline-0.9*em && y < baseline+0.2*em {
				y = lessMid + (y-lessMid)*sl
			}
			return t(xc+(x-xc)*sx, y)
		}
	}

	// Coverage of the ink, 0 to 1.
	mask := image.NewAlpha(image.Rect(0, 0, w, h))
	f.DrawMask(mask, cells, draw)
	if len(others) > 0 {
		f.DrawMask(mask, others, draw)
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	sev := 0.0
	cov := make([]float32, w*h)
	for i, p := range mask.Pix {
		cov[i] = float32(p) / 255
	}
	if kind == Degraded {
		sev = degrade(r, img, cov, w, h, capPx)
	} else {
		for i, c := range cov {
			img.Pix[i] = uint8(math.Round(float64(255 * (1 - c))))
		}
	}

	line := Line{Img: img, Text: text, CapPx: capPx, Severity: sev}
	line.Cells, line.Cap = jitterCells(r, cells, t, capPx, pitch)
	for i, c := range cells {
		// The keystone stretches the heights, not the pitch.
		line.Cap[i] *= 1 + g.keystone*((c.X0+c.X1)/2-g.xm)/g.len
	}
	return line
}

type geometry struct {
	yc, xm, len, base float64
	keystone, shear   float64
	theta, sin, cos   float64
	dx, dy            float64
}

func (g *geometry) apply(x, y float64) (float64, float64) {
	y = g.yc + (y-g.yc)*(1+g.keystone*(x-g.xm)/g.len)
	x += g.shear * (y - g.base)
	xr := g.cos*(x-g.xm) - g.sin*(y-g.yc)
	yr := g.sin*(x-g.xm) + g.cos*(y-g.yc)
	return xr + g.dx, yr + g.dy
}

// jitterCells moves the true cells as detection errs: a shift and a height
// error shared by the whole line (up to ±20% of the pitch and of the cap
// height), a slow drift of the pitch, and a little noise of each cell's own.
func jitterCells(r *rand.Rand, cells []render.Cell, t render.Transform, capPx, pitch float64) ([]glyph.Quad, []float64) {
	span := 0.2
	if r.IntN(4) == 0 {
		span = 0.05
	}
	u := func(s float64) float64 { return (r.Float64()*2 - 1) * s }
	dx, dy, scale := u(span)*pitch, u(span)*capPx, 1+u(span)
	drift := u(0.004) * pitch
	quads := make([]glyph.Quad, len(cells))
	caps := make([]float64, len(cells))
	for i, c := range cells {
		x0 := c.X0 + dx + drift*(float64(i)-float64(len(cells))/2) + u(0.03)*pitch
		x1 := x0 + (c.X1 - c.X0)
		bl := c.Baseline + dy + u(0.03)*capPx
		hh := capPx * scale * (1 + u(0.03))
		top := bl - hh
		var q glyph.Quad
		for k, p := range [4][2]float64{{x0, top}, {x1, top}, {x1, bl}, {x0, bl}} {
			x, y := t(p[0], p[1])
			q[k] = glyph.Point{X: x, Y: y}
		}
		quads[i] = q
		caps[i] = capPx / (x1 - x0)
	}
	return quads, caps
}

// degrade turns the ink coverage into a grey image as a camera or scanner
// would give it, into img. One severity, drawn for the line, bounds every
// degradation, so that a line is never erased beyond what a person reads.
func degrade(r *rand.Rand, img *image.Gray, cov []float32, w, h int, capPx float64) float64 {
	sev := r.Float64()
	// Stroke weight: blur the coverage and cut it at a level; below one
	// half the strokes grow, above it they thin.
	if r.IntN(5) < 3 {
		blur(cov, w, h, max(0.05*capPx, 0.5))
		cut := float32(0.15 + 0.5*r.Float64())
		for i, c := range cov {
			cov[i] = min(max((c-cut)/0.25+0.5, 0), 1)
		}
	}
	paper := 150 + 105*r.Float64()
	contrast := paper - sev*r.Float64()*(paper-60)
	ink := paper - contrast
	grey := make([]float32, w*h)
	// A light gradient across the image and a faint background pattern.
	gx, gy, gAmp := 0.0, 0.0, 0.0
	if r.IntN(5) < 2 {
		a := r.Float64() * 2 * math.Pi
		gAmp = sev * r.Float64() * 0.45
		gx, gy = math.Cos(a)/float64(max(w, h)), math.Sin(a)/float64(max(w, h))
	}
	pAmp, pk, pa, pph := 0.0, 0.0, 0.0, 0.0
	if r.IntN(3) == 0 {
		pAmp = sev * r.Float64() * 0.3 * contrast
		pk = 2 * math.Pi / (capPx * (0.3 + 1.5*r.Float64()))
		pa = r.Float64() * math.Pi
		pph = r.Float64() * 2 * math.Pi
	}
	sa, ca := math.Sincos(pa)
	for y := 0; y < h; y++ {
		// Along a row the pattern's phase grows by a constant step: turn
		// a unit phasor instead of calling Sin for every pixel.
		var ps, pc, ss, sc float64
		if pAmp > 0 {
			ps, pc = math.Sincos(pk*(sa*float64(y)+3*math.Sin(0.05*float64(y))) + pph)
			ss, sc = math.Sincos(pk * ca)
		}
		for x := 0; x < w; x++ {
			i := y*w + x
			p := paper
			if pAmp > 0 {
				p -= pAmp * (0.5 + 0.5*ps)
				ps, pc = ps*sc+pc*ss, pc*sc-ps*ss
			}
			v := p - float64(cov[i])*(p-ink)
			if gAmp > 0 {
				v *= 1 - gAmp*(0.5+(gx*float64(x-w/2)+gy*float64(y-h/2)))
			}
			grey[i] = float32(v)
		}
	}
	if r.IntN(10) < 7 {
		blur(grey, w, h, sev*r.Float64()*(0.07*capPx+0.6))
	}
	noise := 0.0
	if r.IntN(10) < 6 {
		noise = sev * r.Float64() * max(0.15*contrast, 4)
	}
	for i, v := range grey {
		if noise > 0 {
			v += float32(noise * r.NormFloat64())
		}
		img.Pix[i] = uint8(min(max(math.Round(float64(v)), 0), 255))
	}
	if r.IntN(10) < 3 {
		var buf bytes.Buffer
		if jpeg.Encode(&buf, img, &jpeg.Options{Quality: 10 + int((1-sev)*70*r.Float64())}) == nil {
			if d, err := jpeg.Decode(&buf); err == nil {
				if dg, ok := d.(*image.Gray); ok && dg.Rect == img.Rect {
					// The decoder pads its rows: copy them one by one.
					for y := 0; y < h; y++ {
						copy(img.Pix[y*img.Stride:y*img.Stride+w], dg.Pix[y*dg.Stride:])
					}
				}
			}
		}
	}
	if sev < 0.6 && r.IntN(6) == 0 {
		level := uint8((paper + ink) / 2)
		for i, p := range img.Pix {
			if p < level {
				img.Pix[i] = 0
			} else {
				img.Pix[i] = 255
			}
		}
	}
	return sev
}

// blur applies a Gaussian blur of standard deviation sigma pixels to the
// w × h image v in place, the image's edges extended outwards.
func blur(v []float32, w, h int, sigma float64) {
	if sigma < 0.2 {
		return
	}
	rad := int(math.Ceil(3 * sigma))
	k := make([]float32, 2*rad+1)
	var sum float32
	for i := range k {
		d := float64(i - rad)
		k[i] = float32(math.Exp(-d * d / (2 * sigma * sigma)))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	buf := make([]float32, max(w, h)+2*rad)
	out := make([]float32, max(w, h))
	// pass blurs n values of v, stride apart from start.
	pass := func(start, stride, n int) {
		first, last := v[start], v[start+(n-1)*stride]
		for i := range rad {
			buf[i] = first
			buf[rad+n+i] = last
		}
		for i := range n {
			buf[rad+i] = v[start+i*stride]
		}
		for i := range n {
			var s float32
			win := buf[i : i+len(k)]
			for j, kv := range k {
				s += float32(kv * win[j])
			}
			out[i] = s
		}
		for i := range n {
			v[start+i*stride] = out[i]
		}
	}
	for y := range h {
		pass(y*w, 1, w)
	}
	for x := range w {
		pass(x, w, h)
	}
}
