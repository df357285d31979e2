package servertest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the shared images are JPEG and PNG
	_ "image/png"
	"os"
	"path/filepath"
	"strings"

	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

// Image is one image of ../shared/images whose truth is a whole MRZ.
type Image struct {
	Name  string   // the path under the images folder, e.g. synthetic/td3_clean.png
	Type  string   // TD1, TD2 or TD3, as the manifest says
	Bytes []byte   // the file
	Lines []string // the MRZ lines as printed (the truth)
	// Document is the truth parsed; its check digits may fail, as the
	// manifest says of some images.
	Document mrz.Document
	// Polygons are the MRZ lines' boxes found by a projection of the dark
	// pixels, for clean images whose lines it separates; nil otherwise.
	Polygons []geometry.Polygon
}

// Passport returns the passport a reader that reads the image exactly
// returns: passport.FromMRZ of the truth, with the line polygons.
func (im Image) Passport() passport.Passport { return passport.FromMRZ(im.Document, im.Polygons...) }

// ErrNoShared is returned by SharedImages when the folder is absent (a
// user's clone without ../shared).
var ErrNoShared = errors.New("servertest: the shared images are absent")

// SharedImages reads the images of dir (../shared/images seen from the
// module root) that the manifest lists as TD1, TD2 or TD3 with a truth
// file, in manifest order. Line crops and images without an MRZ are left
// out.
func SharedImages(dir string) ([]Image, error) {
	man, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoShared
	}
	if err != nil {
		return nil, err
	}
	var out []Image
	sc := bufio.NewScanner(bytes.NewReader(man))
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 6 {
			continue
		}
		name, typ, truth := cols[0], cols[4], cols[5]
		if typ != "TD1" && typ != "TD2" && typ != "TD3" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		t, err := os.ReadFile(filepath.Join(dir, filepath.Dir(name), truth))
		if err != nil {
			return nil, err
		}
		lines := strings.Fields(string(t))
		if len(lines) == 0 {
			continue
		}
		d, err := mrz.Parse(strings.Join(lines, "\n"))
		var se *mrz.SyntaxError
		if errors.As(err, &se) {
			continue // a national layout the parser does not take: no passport to fake
		}
		im := Image{Name: name, Type: typ, Bytes: b, Lines: lines, Document: d}
		if img, _, err := image.Decode(bytes.NewReader(b)); err == nil {
			im.Polygons = LineBoxes(img, len(lines))
		}
		out = append(out, im)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("servertest: no MRZ image in %s", dir)
	}
	return out, nil
}

// TruthReader returns a Fake that reads every image exactly.
func TruthReader(images []Image) *Fake {
	f := &Fake{}
	for _, im := range images {
		f.Add(im.Bytes, im.Passport())
	}
	return f
}

// LineBoxes finds n lines of dark print on a light page by projection: the
// rows holding dark pixels, grouped into bands, and each band's extent. It
// returns the bands' boxes in normalized coordinates, top to bottom, or nil
// unless there are exactly n bands (a rotated, noisy or cluttered image).
// It is a test fixture, not a reader.
func LineBoxes(img image.Image, n int) []geometry.Polygon {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	if w == 0 || h == 0 {
		return nil
	}
	dark := make([]bool, w*h)
	rows := make([]int, h)
	// luma returns the 8-bit luminance at (x, y), reading the Y plane or the
	// gray pixels directly where it can (the shared images are both).
	luma := func(x, y int) uint32 {
		cr, cg, cb, _ := img.At(r.Min.X+x, r.Min.Y+y).RGBA()
		return (299*cr + 587*cg + 114*cb) / 1000 >> 8
	}
	switch m := img.(type) {
	case *image.Gray:
		luma = func(x, y int) uint32 { return uint32(m.Pix[m.PixOffset(r.Min.X+x, r.Min.Y+y)]) }
	case *image.YCbCr:
		luma = func(x, y int) uint32 { return uint32(m.Y[m.YOffset(r.Min.X+x, r.Min.Y+y)]) }
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if luma(x, y) < 0x60 {
				dark[y*w+x] = true
				rows[y]++
			}
		}
	}
	minInk := max(2, w/200)
	type band struct{ top, bottom int }
	var bands []band
	for y := 0; y < h; y++ {
		if rows[y] < minInk {
			continue
		}
		if len(bands) > 0 && y-bands[len(bands)-1].bottom <= 2 {
			bands[len(bands)-1].bottom = y
		} else {
			bands = append(bands, band{y, y})
		}
	}
	var keep []band
	for _, b := range bands {
		if b.bottom-b.top >= 4 {
			keep = append(keep, b)
		}
	}
	if len(keep) != n {
		return nil
	}
	out := make([]geometry.Polygon, 0, n)
	for _, b := range keep {
		left, right := w, -1
		for y := b.top; y <= b.bottom; y++ {
			for x := 0; x < w; x++ {
				if dark[y*w+x] {
					left, right = min(left, x), max(right, x)
				}
			}
		}
		box := geometry.Box{Left: float64(left) / float64(w), Top: float64(b.top) / float64(h),
			Width: float64(right+1-left) / float64(w), Height: float64(b.bottom+1-b.top) / float64(h)}
		out = append(out, box.Polygon())
	}
	return out
}
