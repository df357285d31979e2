package ocr

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// grayHidden hides an image's concrete type, so Gray takes its generic path
// (At per pixel): the reference every fast path must agree with.
type grayHidden struct{ image.Image }

// grayRandomImages returns images of every type Gray has a fast path for,
// filled with random pixels (translucent ones included), as sub-images
// whose bounds do not start at the origin.
func grayRandomImages(rng *rand.Rand) map[string]image.Image {
	r := image.Rect(-3, 5, 29, 22)
	fill := func(pix []byte) {
		for i := range pix {
			pix[i] = byte(rng.Uint32())
		}
	}
	sub := image.Rect(-1, 7, 27, 21)
	rgba := image.NewRGBA(r)
	fill(rgba.Pix)
	for i := 0; i < len(rgba.Pix); i += 4 { // keep it a valid premultiplied colour
		a := rgba.Pix[i+3]
		rgba.Pix[i], rgba.Pix[i+1], rgba.Pix[i+2] = min(rgba.Pix[i], a), min(rgba.Pix[i+1], a), min(rgba.Pix[i+2], a)
	}
	nrgba := image.NewNRGBA(r)
	fill(nrgba.Pix)
	rgba64 := image.NewRGBA64(r)
	fill(rgba64.Pix)
	for i := 0; i < len(rgba64.Pix); i += 8 {
		a := grayBE16(rgba64.Pix[i+6:])
		for c := 0; c < 6; c += 2 {
			if grayBE16(rgba64.Pix[i+c:]) > a {
				rgba64.Pix[i+c], rgba64.Pix[i+c+1] = rgba64.Pix[i+6], rgba64.Pix[i+7]
			}
		}
	}
	nrgba64 := image.NewNRGBA64(r)
	fill(nrgba64.Pix)
	gray := image.NewGray(r)
	fill(gray.Pix)
	gray16 := image.NewGray16(r)
	fill(gray16.Pix)
	cmyk := image.NewCMYK(r)
	fill(cmyk.Pix)
	var palette color.Palette
	for i := 0; i < 200; i++ {
		palette = append(palette, color.NRGBA{byte(rng.Uint32()), byte(rng.Uint32()), byte(rng.Uint32()), byte(rng.Uint32())})
	}
	paletted := image.NewPaletted(r, palette)
	for i := range paletted.Pix {
		paletted.Pix[i] = byte(rng.IntN(len(palette)))
	}
	alpha := image.NewAlpha(r)
	fill(alpha.Pix)
	return map[string]image.Image{
		"RGBA":     rgba.SubImage(sub),
		"NRGBA":    nrgba.SubImage(sub),
		"RGBA64":   rgba64.SubImage(sub),
		"NRGBA64":  nrgba64.SubImage(sub),
		"Gray":     gray.SubImage(sub),
		"Gray16":   gray16.SubImage(sub),
		"CMYK":     cmyk.SubImage(sub),
		"Paletted": paletted.SubImage(sub),
		"Alpha":    alpha.SubImage(sub), // no fast path: the generic one
	}
}

func TestGrayFastPathsAgreeWithGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := 0; round < 5; round++ {
		for name, img := range grayRandomImages(rng) {
			got := Gray(img)
			want := Gray(grayHidden{img})
			if got.Rect != image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()) {
				t.Fatalf("%s: bounds %v, want the size of %v at the origin", name, got.Rect, img.Bounds())
			}
			decAssertGrayNear(t, name, got, want, 0)
		}
	}
}

// TestGrayOpaqueIsGrayModel: on opaque pixels Gray is color.GrayModel.
func TestGrayOpaqueIsGrayModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	m := image.NewNRGBA(image.Rect(0, 0, 64, 64))
	for i := range m.Pix {
		m.Pix[i] = byte(rng.Uint32()) | byte(fixBtoi(i%4 == 3)*255)
	}
	g := Gray(m)
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			want := color.GrayModel.Convert(m.At(x, y)).(color.Gray).Y
			if got := g.GrayAt(x, y).Y; got != want {
				t.Fatalf("(%d,%d): %d, want color.GrayModel's %d", x, y, got, want)
			}
		}
	}
}

// TestGrayOverWhite: transparency shows white, as on paper.
func TestGrayOverWhite(t *testing.T) {
	for _, tc := range []struct {
		c    color.Color
		want uint8
	}{
		{color.NRGBA{0, 0, 0, 0}, 255},        // fully transparent black
		{color.NRGBA{0, 0, 0, 255}, 0},        // opaque black
		{color.NRGBA{0, 0, 0, 128}, 127},      // half black over white
		{color.RGBA{0, 0, 0, 0}, 255},         // transparent, premultiplied
		{color.NRGBA{255, 255, 255, 10}, 255}, // faint white
		{color.Alpha{200}, 255},               // an alpha mask is white
		{color.NRGBA64{0, 0, 0, 0x8000}, 127}, // 16-bit
		{color.Gray{77}, 77},                  // opaque gray
		{color.CMYK{0, 0, 0, 255}, 0},         // full black ink
		{color.NYCbCrA{color.YCbCr{0, 128, 128}, 0}, 255},
	} {
		m := image.NewRGBA64(image.Rect(0, 0, 1, 1))
		m.Set(0, 0, tc.c)
		if got := Gray(grayHidden{m}).Pix[0]; got != tc.want {
			t.Errorf("%#v: %d, want %d", tc.c, got, tc.want)
		}
	}
}

// TestGrayYCbCr: the Y plane as it is, for every subsampling, within two
// levels of the RGB round trip.
func TestGrayYCbCr(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, ratio := range []image.YCbCrSubsampleRatio{
		image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420,
		image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410,
	} {
		m := image.NewYCbCr(image.Rect(3, 2, 40, 31), ratio)
		for _, p := range [][]byte{m.Y, m.Cb, m.Cr} {
			for i := range p {
				p[i] = byte(64 + rng.IntN(128)) // colours inside the RGB cube, mostly
			}
		}
		sub := m.SubImage(image.Rect(5, 3, 39, 30)).(*image.YCbCr)
		g := Gray(sub)
		for y := 0; y < g.Rect.Dy(); y++ {
			for x := 0; x < g.Rect.Dx(); x++ {
				if got, want := g.GrayAt(x, y).Y, sub.YCbCrAt(5+x, 3+y).Y; got != want {
					t.Fatalf("%v (%d,%d): %d, want Y %d", ratio, x, y, got, want)
				}
			}
		}
		if ratio == image.YCbCrSubsampleRatio444 {
			// Colours of the RGB gamut (which subsampled chroma may leave):
			// Y is exactly the luminance of their RGB.
			for i := range m.Y {
				m.Y[i], m.Cb[i], m.Cr[i] = color.RGBToYCbCr(byte(rng.Uint32()), byte(rng.Uint32()), byte(rng.Uint32()))
			}
			decAssertGrayNear(t, "in-gamut YCbCr", Gray(sub), Gray(grayHidden{sub}), 0)
		}

		a := &image.NYCbCrA{YCbCr: *m, A: make([]byte, m.Rect.Dx()*m.Rect.Dy()), AStride: m.Rect.Dx()}
		for i := range a.A {
			a.A[i] = byte(rng.Uint32())
		}
		ga := Gray(a)
		for y := 0; y < ga.Rect.Dy(); y++ {
			for x := 0; x < ga.Rect.Dx(); x++ {
				c := a.NYCbCrAAt(3+x, 2+y)
				want := (float64(c.Y)*float64(c.A) + 255*(255-float64(c.A))) / 255
				if d := float64(ga.GrayAt(x, y).Y) - want; d < -0.5001 || d > 0.5001 {
					t.Fatalf("NYCbCrA %v (%d,%d): %d, want %.1f", ratio, x, y, ga.GrayAt(x, y).Y, want)
				}
			}
		}
	}
}

// TestGrayCopies: Gray's result never shares pixels with its argument.
func TestGrayCopies(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	imgs := grayRandomImages(rng)
	ycc := image.NewYCbCr(image.Rect(0, 0, 8, 8), image.YCbCrSubsampleRatio420)
	imgs["YCbCr"] = ycc
	for name, img := range imgs {
		g := Gray(img)
		before := append([]byte{}, g.Pix...)
		switch m := img.(type) {
		case *image.Gray:
			clear(m.Pix)
		case *image.YCbCr:
			for i := range m.Y {
				m.Y[i] = 99
			}
		}
		for i := range g.Pix {
			g.Pix[i] ^= 0xff // and writing to the result leaves the image alone
		}
		for i := range g.Pix {
			if g.Pix[i] != before[i]^0xff {
				t.Fatalf("%s: the result changed with its source", name)
			}
		}
	}
	m := image.NewGray(image.Rect(0, 0, 4, 4))
	g := Gray(m)
	g.Pix[0] = 200
	if m.Pix[0] != 0 {
		t.Error("writing Gray(*image.Gray) wrote the source")
	}
	// The internal view does alias (that is its point), and only for the
	// package's own images.
	if v := grayOf(m, true); &v.Pix[0] != &m.Pix[0] {
		t.Error("grayOf(m, true) copied a gray image")
	}
	if v := grayOf(ycc, true); &v.Pix[0] != &ycc.Y[0] {
		t.Error("grayOf(ycc, true) copied the Y plane")
	}
}

// TestGrayOddInputs: empty images, palettes with holes, and colours that
// are nil.
func TestGrayOddInputs(t *testing.T) {
	if g := Gray(image.NewRGBA(image.Rectangle{})); g.Rect != (image.Rectangle{}) || len(g.Pix) != 0 {
		t.Errorf("empty: %v", g.Rect)
	}
	if g := Gray(image.NewRGBA(image.Rect(5, 5, 5, 9))); !g.Rect.Empty() {
		t.Errorf("0x4: %v", g.Rect)
	}
	p := image.NewPaletted(image.Rect(0, 0, 3, 1), color.Palette{color.White, nil})
	p.Pix[0], p.Pix[1], p.Pix[2] = 0, 1, 7 // white, a nil colour, past the palette
	if g := Gray(p); g.Pix[0] != 255 || g.Pix[1] != 0 || g.Pix[2] != 0 {
		t.Errorf("paletted with holes: %v, want [255 0 0]", g.Pix)
	}
	if g := Gray(grayNilColours{}); g.Pix[0] != 0 {
		t.Errorf("nil colour: %d, want black", g.Pix[0])
	}
}

type grayNilColours struct{}

func (grayNilColours) ColorModel() color.Model { return color.RGBAModel }
func (grayNilColours) Bounds() image.Rectangle { return image.Rect(0, 0, 1, 1) }
func (grayNilColours) At(int, int) color.Color { return nil }
