// Package render draws MRZ text in OCR-B, the font ICAO Doc 9303 prescribes,
// from the public-domain OpenType font of the Debian package fonts-ocr-b.
// It is used at go generate time to train the character classifier and in
// tests to build pages of known text; nothing at run time needs it or the
// font.
package render

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"os"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// DefaultFontPath is where Debian's fonts-ocr-b installs the OCR-B face
// whose 37 MRZ glyphs x/image can draw (OCRB.otf's "8" and "<" use a CFF
// operator x/image does not know).
const DefaultFontPath = "/usr/share/fonts/opentype/ocr-b/OCRBS.otf"

// ErrNoFont is returned by Load when the font file is missing; tests that
// need the font skip when they see it.
var ErrNoFont = errors.New("render: OCR-B font not installed (apt-get install fonts-ocr-b)")

// Charset is the 37 characters an MRZ may hold, in class order.
const Charset = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"

// Metrics of OCR-B, in ems (the font's units per em are 1000).
const (
	AdvanceEm = 0.723 // every glyph's advance: OCR-B is fixed pitch
	CapEm     = 0.701 // top of flat capitals (B, D, E, ...) above the baseline
	DigitEm   = 0.773 // top of the digits: they stand about 10% taller
)

// PitchPerEm is the MRZ character pitch (2.54 mm, ten characters an inch)
// divided by the em of OCR-B at the size ICAO prints it: the glyphs'
// advance is slightly narrower than the pitch.
const PitchPerEm = AdvanceEm * 2.54 / 2.48

// LinePitchPerEm is the distance between the baselines of two MRZ lines
// (six lines an inch, 4.23 mm), in ems.
const LinePitchPerEm = PitchPerEm * 4.233 / 2.54

type segment struct {
	op   sfnt.SegmentOp
	args [3][2]float64 // in ems, y up
}

// Font is an OCR-B face ready to draw the MRZ characters. It is read-only
// after Load and safe for concurrent use.
type Font struct {
	glyphs [256][]segment
}

// Load reads the OpenType font at path (DefaultFontPath when empty) and
// keeps the outlines of the 37 MRZ characters.
func Load(path string) (*Font, error) {
	if path == "" {
		path = DefaultFontPath
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoFont
	}
	if err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	var buf sfnt.Buffer
	upem := float64(f.UnitsPerEm())
	ppem := fixed.Int26_6(f.UnitsPerEm()) << 6
	out := &Font{}
	for _, r := range Charset {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			return nil, fmt.Errorf("render: no glyph for %q", r)
		}
		segs, err := f.LoadGlyph(&buf, gi, ppem, nil)
		if err != nil {
			return nil, fmt.Errorf("render: glyph %q: %w", r, err)
		}
		for _, s := range segs {
			var g segment
			g.op = s.Op
			for i := range s.Args {
				// LoadGlyph gives y down; keep y down, in ems.
				g.args[i] = [2]float64{float64(s.Args[i].X) / 64 / upem, float64(s.Args[i].Y) / 64 / upem}
			}
			out.glyphs[r] = append(out.glyphs[r], g)
		}
	}
	return out, nil
}

// Transform maps a point of the text's own plane (x to the right along the
// line, y down, in pixels) to the destination image.
type Transform func(x, y float64) (float64, float64)

// Cell is where one character stands, in the text's own plane: its pitch
// cell from X0 to X1, from the top of the capitals to the baseline.
type Cell struct {
	Char                  byte
	X0, X1, Top, Baseline float64
}

// Line lays out one MRZ line: the text starting at x on the given baseline,
// em pixels to the em, and returns the cells of its characters.
func Line(text string, x, baseline, em float64) []Cell {
	pitch := PitchPerEm * em
	cells := make([]Cell, len(text))
	for i := 0; i < len(text); i++ {
		x0 := x + float64(i)*pitch
		cells[i] = Cell{Char: text[i], X0: x0, X1: x0 + pitch, Top: baseline - CapEm*em, Baseline: baseline}
	}
	return cells
}

// Draw paints the characters of cells onto dst in the given gray level,
// each centred in its cell, mapped through t (nil for none). weight widens
// (> 0) or thins (< 0) the strokes by that many pixels, drawn as an outline
// offset; 0 draws the font as it is. Characters outside Charset are left
// blank.
func (f *Font) Draw(dst *image.Gray, cells []Cell, t Transform, ink uint8, weight float64) {
	b := dst.Bounds()
	r := f.rasterize(b, cells, t)
	src := image.NewUniform(color.Gray{Y: ink})
	if weight == 0 {
		r.Draw(dst, b, src, image.Point{})
		return
	}
	mask := image.NewAlpha(image.Rect(0, 0, b.Dx(), b.Dy()))
	r.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	mask = Morph(mask, weight)
	draw.DrawMask(dst, b, src, image.Point{}, mask, image.Point{}, draw.Over)
}

func (f *Font) path(r *vector.Rasterizer, segs []segment, ox, oy, em float64, t Transform, min image.Point) {
	pt := func(p [2]float64) (float32, float32) {
		x, y := ox+p[0]*em, oy+p[1]*em
		if t != nil {
			x, y = t(x, y)
		}
		return float32(x - float64(min.X)), float32(y - float64(min.Y))
	}
	for _, s := range segs {
		switch s.op {
		case sfnt.SegmentOpMoveTo:
			x, y := pt(s.args[0])
			r.ClosePath()
			r.MoveTo(x, y)
		case sfnt.SegmentOpLineTo:
			x, y := pt(s.args[0])
			r.LineTo(x, y)
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(s.args[0])
			x2, y2 := pt(s.args[1])
			r.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(s.args[0])
			x2, y2 := pt(s.args[1])
			x3, y3 := pt(s.args[2])
			r.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	r.ClosePath()
}

// Morph grows (w > 0) or shrinks (w < 0) the coverage of m by about |w|
// pixels: a grey-level dilation or erosion with a disc, fractional radii
// blended between the two nearest whole ones.
func Morph(m *image.Alpha, w float64) *image.Alpha {
	if w == 0 {
		return m
	}
	rad := math.Abs(w)
	lo := int(math.Floor(rad))
	frac := rad - float64(lo)
	a := morphDisc(m, lo, w > 0)
	if frac == 0 {
		return a
	}
	c := morphDisc(m, lo+1, w > 0)
	out := image.NewAlpha(m.Bounds())
	for i := range out.Pix {
		out.Pix[i] = uint8(math.Round(float64(a.Pix[i])*(1-frac) + float64(c.Pix[i])*frac))
	}
	return out
}

func morphDisc(m *image.Alpha, rad int, grow bool) *image.Alpha {
	if rad == 0 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewAlpha(b)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := m.Pix[y*m.Stride+x]
			for dy := -rad; dy <= rad; dy++ {
				yy := y + dy
				if yy < 0 || yy >= h {
					continue
				}
				for dx := -rad; dx <= rad; dx++ {
					xx := x + dx
					if xx < 0 || xx >= w || dx*dx+dy*dy > rad*rad {
						continue
					}
					u := m.Pix[yy*m.Stride+xx]
					if (grow && u > v) || (!grow && u < v) {
						v = u
					}
				}
			}
			out.Pix[y*out.Stride+x] = v
		}
	}
	return out
}
