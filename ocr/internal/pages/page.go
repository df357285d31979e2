// Package pages renders test pages that hold an MRZ of known text: a
// document drawn on a background, with clutter (a photo, printed text,
// guilloches), turned, skewed and seen in perspective, then degraded (blur,
// noise, uneven light, JPEG). It returns the truth with the image: the
// lines and the quad of every character. It needs the OCR-B font (see
// package render) and serves the tests and benchmarks of package ocr.
package pages

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

// Spec describes a page. The zero Spec is a clean, upright page of a random
// format with capitals of 20 pixels.
type Spec struct {
	Format mrz.Format // FormatUnknown: one of Formats at random
	Lines  []string   // the MRZ to draw; nil: a random valid one of Format
	NoMRZ  bool       // draw the document without its MRZ

	CapHeight   float64 // height of the capitals of the MRZ in pixels (0: 20)
	Turn        int     // quarter turns clockwise of the document on the page
	Skew        float64 // degrees clockwise, added to the turn
	Perspective float64 // how far each corner of the document moves, in document widths
	Margin      float64 // background around the document, in document widths (0: 0.1)

	Clutter float64 // 0..1: photo, printed text and guilloches on the document
	Blur    float64 // standard deviation of a Gaussian blur, in pixels
	Noise   float64 // standard deviation of Gaussian noise, in gray levels
	Light   float64 // 0..1: strength of a light gradient and a glare spot
	JPEG    int     // JPEG quality (1..100); 0: the page is a PNG
	Color   bool    // an RGB page rather than a gray one
}

// Page is a rendered page and its truth.
type Page struct {
	Image image.Image // the page (as decoded from its JPEG file when Spec.JPEG > 0)
	Lines []string    // the MRZ (nil for NoMRZ)
	// Cells holds, per line and character, the character's pitch cell from
	// the cap line to the baseline, in pixels of Image, corners in the
	// order of the upright character.
	Cells [][]Quad
	Turn  int // quarter turns clockwise the document was turned by (0..3)

	file []byte
}

// Render draws the page that s describes, every random choice drawn from
// seed.
func Render(f *render.Font, s Spec, seed uint64) (*Page, error) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	lines, err := specLines(r, s)
	if err != nil {
		return nil, err
	}
	d := layOut(lines, s.CapHeight)
	dst, w, h := placeDocument(r, s, d.w, d.h)
	if w*h > 40<<20 {
		return nil, fmt.Errorf("pages: page of %dx%d pixels is too large", w, h)
	}
	hm, ok := fitHomography([4]Point{{0, 0}, {d.w, 0}, {d.w, d.h}, {0, d.h}}, dst)
	if !ok {
		return nil, fmt.Errorf("pages: degenerate perspective")
	}
	pg := drawPage(f, r, s, d, hm, w, h)
	degrade(r, pg, s)
	p := &Page{Turn: ((s.Turn % 4) + 4) % 4}
	if !s.NoMRZ {
		p.Lines = lines
		p.Cells = truthCells(d.cells, hm)
	}
	img := pg.image(s.Color)
	p.Image = img
	if s.JPEG > 0 {
		if err := p.encodeJPEG(img, s.JPEG); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// specLines returns the MRZ s draws: its Lines, or a random valid MRZ of
// its format (of one of Formats when it has none).
func specLines(r *rand.Rand, s Spec) ([]string, error) {
	if s.Lines != nil {
		return s.Lines, nil
	}
	format := s.Format
	if format == mrz.FormatUnknown {
		format = Formats[r.IntN(len(Formats))]
	}
	return RandomMRZ(r, format)
}

// document is the layout of a document in its own plane: its size, the
// em and line pitch of its MRZ, and the MRZ's cells, its lines at the
// bottom.
type document struct {
	w, h       float64
	em, lpitch float64
	cells      [][]render.Cell
}

// layOut lays out a document for the MRZ lines with capitals of capH
// pixels (0: 20): as wide as 1.12 times its longest line (of at least 30
// characters), two thirds as high.
func layOut(lines []string, capH float64) document {
	if capH == 0 {
		capH = 20
	}
	em := capH / render.CapEm
	pitch := render.PitchPerEm * em
	lpitch := render.LinePitchPerEm * em
	n := 0
	for _, l := range lines {
		n = max(n, len(l))
	}
	n = max(n, 30)
	d := document{em: em, lpitch: lpitch}
	d.w = float64(n) * pitch * 1.12
	d.h = d.w * 0.66
	x0 := (d.w - float64(n)*pitch) / 2
	for i, l := range lines {
		base := d.h - 0.9*lpitch - float64(len(lines)-1-i)*lpitch
		d.cells = append(d.cells, render.Line(l, x0, base, em))
	}
	return d
}

// placeDocument returns where the corners of a document of dw×dh land on
// the page (turned, skewed, moved by the perspective, within the margin)
// and the page's size.
func placeDocument(r *rand.Rand, s Spec, dw, dh float64) (dst [4]Point, w, h int) {
	margin := s.Margin
	if margin == 0 {
		margin = 0.1
	}
	th := (float64(s.Turn)*90 + s.Skew) * math.Pi / 180
	cos, sin := math.Cos(th), math.Sin(th)
	src := [4]Point{{0, 0}, {dw, 0}, {dw, dh}, {0, dh}}
	for i, p := range src {
		x, y := p.X-dw/2, p.Y-dh/2
		dst[i] = Point{x*cos - y*sin, x*sin + y*cos}
		dst[i].X += s.Perspective * dw * (r.Float64() - 0.5)
		dst[i].Y += s.Perspective * dw * (r.Float64() - 0.5)
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range dst {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	m := margin * dw
	for i := range dst {
		dst[i].X += m - minX
		dst[i].Y += m - minY
	}
	return dst, int(maxX - minX + 2*m), int(maxY - minY + 2*m)
}

// drawPage paints a page of w×h pixels: the document d, seen through hm,
// on a background, with its clutter of text and its MRZ (unless s has
// none).
func drawPage(f *render.Font, r *rand.Rand, s Spec, d document, hm homography, w, h int) *canvas {
	inv, _ := hm.inverse()
	pg := newCanvas(w, h)
	doc := newPaper(r, d.w, d.h, s.Clutter)
	bg := newBackground(r, float64(w), float64(h))
	pg.paint(func(x, y float64) (float64, int) {
		u, v := inv.apply(x, y)
		if u >= 0 && v >= 0 && u < d.w && v < d.h {
			return doc.at(u, v), 1
		}
		return bg.at(x, y), 0
	})
	t := func(x, y float64) (float64, float64) { return hm.apply(x, y) }
	if s.Clutter > 0 {
		drawText(f, r, pg, t, d.w, d.h, d.em, s.Clutter, d.lpitch*(float64(len(d.cells))+0.5))
	}
	if !s.NoMRZ {
		ink := uint8(15 + r.IntN(50))
		for _, c := range d.cells {
			drawCells(f, pg.g, c, t, ink)
		}
	}
	return pg
}

// truthCells returns the pitch cells of the MRZ, from the cap line to the
// baseline, in pixels of the page.
func truthCells(cells [][]render.Cell, hm homography) [][]Quad {
	var out [][]Quad
	for _, cl := range cells {
		var qs []Quad
		for _, c := range cl {
			q := Quad{{c.X0, c.Top}, {c.X1, c.Top}, {c.X1, c.Baseline}, {c.X0, c.Baseline}}
			for k := range q {
				q[k].X, q[k].Y = hm.apply(q[k].X, q[k].Y)
			}
			qs = append(qs, q)
		}
		out = append(out, qs)
	}
	return out
}

// encodeJPEG makes the page's file img's JPEG of the given quality, and
// its image that JPEG decoded.
func (p *Page) encodeJPEG(img image.Image, quality int) error {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return err
	}
	dec, err := jpeg.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return err
	}
	p.Image = dec
	p.file = buf.Bytes()
	return nil
}

// File returns the page as an image file: its JPEG when Spec.JPEG > 0,
// else a PNG.
func (p *Page) File() ([]byte, error) {
	if p.file != nil {
		return p.file, nil
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, p.Image); err != nil {
		return nil, err
	}
	p.file = buf.Bytes()
	return p.file, nil
}

// drawCells draws cells through t onto the part of dst they cover (the
// rasterizer's work is in proportion to the area it is given).
func drawCells(f *render.Font, dst *image.Gray, cells []render.Cell, t render.Transform, ink uint8) {
	if len(cells) == 0 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range cells {
		h := c.Baseline - c.Top
		for _, p := range [4][2]float64{{c.X0, c.Top - 0.3*h}, {c.X1, c.Top - 0.3*h}, {c.X0, c.Baseline + 0.3*h}, {c.X1, c.Baseline + 0.3*h}} {
			x, y := t(p[0], p[1])
			minX, maxX = math.Min(minX, x), math.Max(maxX, x)
			minY, maxY = math.Min(minY, y), math.Max(maxY, y)
		}
	}
	r := image.Rect(int(minX)-2, int(minY)-2, int(maxX)+3, int(maxY)+3).Intersect(dst.Bounds())
	if r.Empty() {
		return
	}
	f.Draw(dst.SubImage(r).(*image.Gray), cells, t, ink, 0)
}
