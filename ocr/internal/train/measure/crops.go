package measure

import (
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// Crop is one real line crop with its truth and its cells.
type Crop struct {
	Name  string
	Truth string
	Img   *image.Gray
	Cells []glyph.Quad
}

// LoadCrops reads every NAME.png of dir that has a NAME.gt.txt beside it,
// in name order, and segments it at the pitch of its truth.
func LoadCrops(dir string) ([]Crop, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.gt.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Crop
	for _, gt := range names {
		t, err := os.ReadFile(gt)
		if err != nil {
			return nil, err
		}
		truth := strings.TrimSpace(string(t))
		base := strings.TrimSuffix(gt, ".gt.txt")
		img, err := loadGray(base + ".png")
		if err != nil {
			return nil, err
		}
		cells := Segment(img, len(truth))
		if cells == nil {
			return nil, fmt.Errorf("%s: no ink", base)
		}
		out = append(out, Crop{Name: filepath.Base(base), Truth: truth, Img: img, Cells: cells})
	}
	return out, nil
}

func loadGray(path string) (*image.Gray, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	g := image.NewGray(m.Bounds())
	draw.Draw(g, g.Bounds(), m, m.Bounds().Min, draw.Src)
	return g, nil
}

// Where the ink of OCR-B stands in its pitch cell, on average: from about
// 0.16 of the pitch to 0.84.
const inkInset = 0.16

// Segment cuts a tight crop of one line of n characters into cells, from
// the ink's top (taken for the cap height, which is up to 10% wrong on a
// line with digits) to its bottom (the baseline). The cells' centres follow
// a quadratic of their index, fitted to the blobs of ink: one blob a
// character when the crop holds n blobs side by side, else the blobs of
// about a character's width, each given to the nearest cell of a first
// guess that divides the ink's extent at the pitch of n characters.
// It returns nil for an image without ink.
func Segment(img *image.Gray, n int) []glyph.Quad {
	lo, hi := grayRange(img)
	if n <= 0 || hi-lo < 32 {
		return nil
	}
	ink, top, bottom := columnInk(img, (int(lo)+int(hi))/2)
	runs := inkRuns(ink)
	if len(runs) == 0 {
		return nil
	}
	fit, ok := [3]float64{}, false
	if len(runs) == n && n >= 6 {
		// One blob a character: fit the centres of the cells to theirs
		// (a quadratic follows the pitch of a photo taken at an angle).
		pts := make([][2]float64, n)
		for i, r := range runs {
			pts[i] = [2]float64{float64(i), r.centre()}
		}
		fit, ok = fitQuadratic(pts)
	}
	if !ok {
		fit = fitNearestBlobs(runs, n)
	}
	b := img.Bounds()
	cells := make([]glyph.Quad, n)
	for i := range n {
		fi := float64(i)
		c, p := fit[0]+fit[1]*fi+fit[2]*fi*fi, fit[1]+2*fit[2]*fi // the centre, the local pitch
		a, e := c-p/2+float64(b.Min.X), c+p/2+float64(b.Min.X)
		cells[i] = glyph.Quad{{X: a, Y: top}, {X: e, Y: top}, {X: e, Y: bottom}, {X: a, Y: bottom}}
	}
	return cells
}

// grayRange returns the darkest and the lightest level of img (255 and 0
// for an empty image).
func grayRange(img *image.Gray) (lo, hi uint8) {
	b := img.Bounds()
	lo, hi = 255, 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := img.GrayAt(x, y).Y
			lo, hi = min(lo, p), max(hi, p)
		}
	}
	return lo, hi
}

// columnInk counts the pixels darker than level in each column of img, and
// returns with the counts the rows of the ink's top and of its bottom's
// next.
func columnInk(img *image.Gray, level int) (ink []int, top, bottom float64) {
	b := img.Bounds()
	ink = make([]int, b.Dx())
	y0, y1 := b.Max.Y, b.Min.Y-1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if int(img.GrayAt(x, y).Y) < level {
				ink[x-b.Min.X]++
				y0, y1 = min(y0, y), max(y1, y)
			}
		}
	}
	return ink, float64(y0), float64(y1 + 1)
}

// inkRun is a run [a, b) of inked columns: a blob.
type inkRun struct{ a, b int }

func (r inkRun) centre() float64 { return float64(r.a+r.b) / 2 }

// inkRuns returns the runs of inked columns.
func inkRuns(ink []int) []inkRun {
	var runs []inkRun
	for x := 0; x < len(ink); x++ {
		if ink[x] == 0 {
			continue
		}
		a := x
		for x < len(ink) && ink[x] > 0 {
			x++
		}
		runs = append(runs, inkRun{a, x})
	}
	return runs
}

// fitNearestBlobs fits the centres of n cells, centre(i) = a + b i + c i²:
// a uniform pitch over the blobs' extent first, then four times a
// quadratic fit to the blobs of about one character's width, each given to
// the nearest cell of the last fit.
func fitNearestBlobs(runs []inkRun, n int) [3]float64 {
	x0, x1 := runs[0].a, runs[len(runs)-1].b
	pitch := float64(x1-x0) / (float64(n) - 2*inkInset)
	left := float64(x0) - inkInset*pitch
	fit := [3]float64{left + pitch/2, pitch, 0}
	for range 4 {
		var pts [][2]float64
		for _, r := range runs {
			width := float64(r.b - r.a)
			if width < 0.3*pitch || width > 1.1*pitch {
				continue
			}
			c := r.centre()
			if k, d := nearestCell(fit, n, c); d < 0.5*pitch {
				pts = append(pts, [2]float64{float64(k), c})
			}
		}
		if f, ok := fitQuadratic(pts); ok {
			fit = f
		}
	}
	return fit
}

// nearestCell returns the cell of [0, n) whose centre under fit is the
// nearest to c (the first of equals), and its distance.
func nearestCell(fit [3]float64, n int, c float64) (k int, d float64) {
	centre := func(i float64) float64 { return fit[0] + fit[1]*i + fit[2]*i*i }
	k = -1
	for i := range n {
		if k < 0 || math.Abs(centre(float64(i))-c) < math.Abs(centre(float64(k))-c) {
			k = i
		}
	}
	return k, math.Abs(centre(float64(k)) - c)
}

// fitQuadratic fits y = a + b x + c x² to the points by least squares.
func fitQuadratic(pts [][2]float64) ([3]float64, bool) {
	if len(pts) < 6 {
		return [3]float64{}, false
	}
	var m [3][4]float64
	for _, p := range pts {
		x, y := p[0], p[1]
		v := [3]float64{1, x, x * x}
		for i := range 3 {
			for j := range 3 {
				m[i][j] += v[i] * v[j]
			}
			m[i][3] += v[i] * y
		}
	}
	// Gaussian elimination with partial pivoting.
	for c := range 3 {
		p := c
		for r := c + 1; r < 3; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if math.Abs(m[c][c]) < 1e-12 {
			return [3]float64{}, false
		}
		for r := range 3 {
			if r != c {
				f := m[r][c] / m[c][c]
				for k := c; k < 4; k++ {
					m[r][k] -= f * m[c][k]
				}
			}
		}
	}
	return [3]float64{m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]}, true
}
