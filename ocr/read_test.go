package ocr

import (
	"context"
	"errors"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/pages"
)

var refOpt = WithMRZOptions(mrz.WithReferenceDate(pages.Reference))

// TestReadTurns reads a page in each quarter turn and checks the lines,
// the orientation, and that every character's polygon is its drawn cell,
// corners in the order of the upright character, in normalized
// coordinates of the image as given.
func TestReadTurns(t *testing.T) {
	for turn := 0; turn < 4; turn++ {
		for _, f := range []mrz.Format{mrz.TD1, mrz.TD3} {
			pg := renderPage(t, pages.Spec{Format: f, Turn: turn, Skew: 5, CapHeight: 18, Clutter: 0.7}, uint64(10+turn))
			res, err := Read(context.Background(), pg.Image, refOpt)
			if err != nil {
				t.Fatalf("%v turn %d: %v", f, turn, err)
			}
			if !res.IsValid() || !slices.Equal(res.Lines, pg.Lines) {
				t.Fatalf("%v turn %d: read %q (valid %v), drawn %q", f, turn, res.Lines, res.IsValid(), pg.Lines)
			}
			if want := (360 - 90*turn) % 360; res.Orientation.Degrees != want || !res.Orientation.Known || res.Orientation.Confidence < 0.9 {
				t.Errorf("%v turn %d: orientation %+v, want %d", f, turn, res.Orientation, want)
			}
			b := pg.Image.Bounds()
			if res.Width != b.Dx() || res.Height != b.Dy() {
				t.Errorf("size %dx%d, want %dx%d", res.Width, res.Height, b.Dx(), b.Dy())
			}
			checkPolygons(t, res, pg)
			// Turned upright, the first line's polygon lies above the last.
			first, _ := res.LinePolygons[0].Rotate(res.Orientation.Degrees)
			last, _ := res.LinePolygons[len(res.LinePolygons)-1].Rotate(res.Orientation.Degrees)
			if first.Bounds().Top >= last.Bounds().Top || first[0].X >= first[1].X {
				t.Errorf("%v turn %d: upright line polygons %v .. %v", f, turn, first, last)
			}
		}
	}
}

// checkPolygons compares every character's polygon with its drawn quad:
// each corner within a quarter of the pitch.
func checkPolygons(t *testing.T, res *Result, pg *pages.Page) {
	t.Helper()
	w, h := float64(res.Width), float64(res.Height)
	if len(res.Chars) != len(pg.Cells) || len(res.LinePolygons) != len(pg.Cells) {
		t.Fatalf("%d lines of characters, %d polygons, want %d", len(res.Chars), len(res.LinePolygons), len(pg.Cells))
	}
	for i, line := range pg.Cells {
		if len(res.Chars[i]) != len(line) {
			t.Fatalf("line %d: %d characters, want %d", i+1, len(res.Chars[i]), len(line))
		}
		for j, q := range line {
			c := res.Chars[i][j]
			if c.Value != pg.Lines[i][j] || !(c.Confidence > 0 && c.Confidence <= 1) {
				t.Fatalf("line %d col %d: %q confidence %v", i+1, j+1, c.Value, c.Confidence)
			}
			pitch := math.Hypot(q[1].X-q[0].X, q[1].Y-q[0].Y)
			if len(c.Polygon) != 4 {
				t.Fatalf("line %d col %d: polygon %v", i+1, j+1, c.Polygon)
			}
			for k := range q {
				d := math.Hypot(c.Polygon[k].X*w-q[k].X, c.Polygon[k].Y*h-q[k].Y)
				if d > 0.25*pitch {
					t.Fatalf("line %d col %d corner %d: %.2f pitches from the drawn cell", i+1, j+1, k, d/pitch)
				}
			}
		}
		lp := res.LinePolygons[i]
		fc, lc := res.Chars[i][0].Polygon, res.Chars[i][len(line)-1].Polygon
		if !slices.Equal(lp, geometry.Polygon{fc[0], lc[1], lc[2], fc[3]}) {
			t.Errorf("line %d polygon %v, want the outer corners of its characters", i+1, lp)
		}
	}
}

// TestReadSubImage reads an image whose bounds do not start at (0, 0):
// coordinates are normalized to its own bounds.
func TestReadSubImage(t *testing.T) {
	pg := renderPage(t, pages.Spec{Format: mrz.TD2, CapHeight: 16, Clutter: 0.5}, 3)
	g := Gray(pg.Image)
	big := image.NewGray(image.Rect(-40, -30, g.Rect.Dx()+60, g.Rect.Dy()+50))
	for i := range big.Pix {
		big.Pix[i] = 200
	}
	for y := 0; y < g.Rect.Dy(); y++ {
		copy(big.Pix[big.PixOffset(0, y):], g.Pix[y*g.Stride:y*g.Stride+g.Rect.Dx()])
	}
	sub := big.SubImage(image.Rect(0, 0, g.Rect.Dx(), g.Rect.Dy()))
	res, err := Read(context.Background(), sub, refOpt)
	if err != nil || !slices.Equal(res.Lines, pg.Lines) {
		t.Fatalf("read %v, %v", res, err)
	}
	checkPolygons(t, res, pg)
}

// TestReadNotFound feeds images that hold no MRZ: each gives ErrNotFound.
func TestReadNotFound(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	noise := image.NewGray(image.Rect(0, 0, 800, 600))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(r.IntN(256))
	}
	black := image.NewGray(image.Rect(0, 0, 640, 480))
	white := image.NewGray(image.Rect(0, 0, 6000, 4000))
	for i := range white.Pix {
		white.Pix[i] = 255
	}
	stripes := image.NewRGBA(image.Rect(0, 0, 700, 500))
	for y := 0; y < 500; y++ {
		for x := 0; x < 700; x++ {
			v := uint8(255 * ((x / 7) % 2))
			stripes.Set(x, y, color.RGBA{v, v, v, 255})
		}
	}
	imgs := map[string]image.Image{
		"0x0":           image.NewGray(image.Rectangle{}),
		"1x1":           image.NewGray(image.Rect(0, 0, 1, 1)),
		"15x300":        image.NewGray(image.Rect(0, 0, 15, 300)),
		"noise":         noise,
		"black":         black,
		"white 24 MP":   white,
		"stripes":       stripes,
		"no MRZ":        renderPage(t, pages.Spec{NoMRZ: true, Clutter: 1}, 9).Image,
		"nil interface": nil,
	}
	for name, img := range imgs {
		res, err := Read(context.Background(), img)
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: got %v, %v; want ErrNotFound", name, res, err)
		}
	}
}

// TestReadBytesErrors checks that decoding errors pass through.
func TestReadBytesErrors(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":   nil,
		"text":    []byte("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"),
		"pdf":     []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"),
		"png sig": []byte("\x89PNG\r\n\x1a\n\x00\x00"),
	} {
		_, err := ReadBytes(context.Background(), data)
		var fe *FormatError
		if err == nil || errors.Is(err, ErrNotFound) || !errors.As(err, &fe) {
			t.Errorf("%s: %v, want a *FormatError", name, err)
		}
	}
	_, err := ReadBytes(context.Background(), []byte("%PDF-1.4"))
	if !errors.Is(err, ErrUnsupportedFormat) {
		t.Errorf("pdf: %v, want ErrUnsupportedFormat", err)
	}
}

// TestReadCancelled checks that a done context stops the reading.
func TestReadCancelled(t *testing.T) {
	pg := renderPage(t, pages.Spec{Format: mrz.TD3}, 4)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, pg.Image); !errors.Is(err, context.Canceled) {
		t.Errorf("Read: %v, want context.Canceled", err)
	}
	file, _ := pg.File()
	if _, err := ReadBytes(ctx, file); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadBytes: %v, want context.Canceled", err)
	}
	dctx, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	if _, err := Read(dctx, pg.Image); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Read: %v, want context.DeadlineExceeded", err)
	}
}

// TestReadConcurrent reads pages from several goroutines at once: the
// results are those of reading them one by one (and the race detector
// sees no shared state).
func TestReadConcurrent(t *testing.T) {
	var imgs []image.Image
	var want [][]string
	for i, f := range []mrz.Format{mrz.TD1, mrz.TD2, mrz.TD3, mrz.FrenchID} {
		pg := renderPage(t, pages.Spec{Format: f, Turn: i, CapHeight: 16}, uint64(20+i))
		imgs = append(imgs, pg.Image)
		want = append(want, pg.Lines)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range imgs {
				i := (k + g) % len(imgs)
				res, err := Read(context.Background(), imgs[i], refOpt)
				if err != nil {
					errs <- err
					return
				}
				if !slices.Equal(res.Lines, want[i]) {
					errs <- errors.New("lines differ")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestReadSmallMRZInLargePhoto reads a small document in a large photo:
// brought to the working size its characters are too small to find, and a
// finer pass finds them.
func TestReadSmallMRZInLargePhoto(t *testing.T) {
	pg := renderPage(t, pages.Spec{Format: mrz.TD1, CapHeight: 9, Margin: 4.5, Clutter: 0.5}, 31)
	b := pg.Image.Bounds()
	if s := detectScale(b.Dx(), b.Dy()); s > 0.6 {
		t.Fatalf("page of %v is brought down by %.2f only", b, s)
	}
	res, err := Read(context.Background(), pg.Image, refOpt)
	if err != nil || !res.IsValid() || !slices.Equal(res.Lines, pg.Lines) {
		t.Fatalf("read %v, %v; drawn %q", res, err, pg.Lines)
	}
	checkPolygons(t, res, pg)
}

// TestReadLargeCharacters reads a scan whose capitals stand 150 pixels
// high (an 18-megapixel page), the largest the reader is made for.
func TestReadLargeCharacters(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("an 18-megapixel page: not under -short or the race detector")
	}
	pg := renderPage(t, pages.Spec{Format: mrz.TD1, CapHeight: 150, Margin: 0.02, Clutter: 0.3}, 5)
	res, err := Read(context.Background(), pg.Image, refOpt)
	if err != nil || !res.IsValid() || !slices.Equal(res.Lines, pg.Lines) {
		t.Fatalf("read %v, %v; drawn %q", res, err, pg.Lines)
	}
	checkPolygons(t, res, pg)
}
