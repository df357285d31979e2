package synth_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/render"
	"github.com/mrzkit/mrzkit/ocr/internal/train/synth"
)

const charset = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"

func TestText(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[rune]int{}
	for _, n := range []int{1, 8, 30, 44, 200} {
		for range 50 {
			s := synth.Text(r, n)
			if len(s) != n {
				t.Fatalf("Text(%d) has %d characters", n, len(s))
			}
			for _, c := range s {
				if !strings.ContainsRune(charset, c) {
					t.Fatalf("Text gave %q", c)
				}
				seen[c]++
			}
		}
	}
	for _, c := range charset {
		if seen[c] < 20 {
			t.Errorf("%c drawn %d times", c, seen[c])
		}
	}
}

func loadFont(t *testing.T) *render.Font {
	f, err := render.Load("")
	if errors.Is(err, render.ErrNoFont) {
		t.Skip("OCR-B font not installed (apt-get install fonts-ocr-b): skipping")
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestRender checks that a line is the same on every call, that its truth
// fits it, and that the cells lie in the image about dark ink.
func TestRender(t *testing.T) {
	f := loadFont(t)
	for _, kind := range []synth.Kind{synth.Clean, synth.Degraded} {
		for i := range uint64(20) {
			a := synth.Render(f, 5, i, kind)
			b := synth.Render(f, 5, i, kind)
			if !bytes.Equal(a.Img.Pix, b.Img.Pix) || a.Text != b.Text || len(a.Cells) != len(b.Cells) {
				t.Fatalf("kind %d line %d: two renders differ", kind, i)
			}
			for k := range a.Cells {
				if a.Cells[k] != b.Cells[k] || a.Cap[k] != b.Cap[k] {
					t.Fatalf("kind %d line %d: cells differ", kind, i)
				}
			}
			if len(a.Cells) != len(a.Text) || len(a.Cap) != len(a.Text) {
				t.Fatalf("kind %d line %d: %d cells for %d characters", kind, i, len(a.Cells), len(a.Text))
			}
			if a.CapPx < synth.MinCap || a.CapPx > synth.MaxCap {
				t.Errorf("cap height %v", a.CapPx)
			}
			if kind == synth.Clean && a.Severity != 0 || a.Severity < 0 || a.Severity > 1 {
				t.Errorf("kind %d: severity %v", kind, a.Severity)
			}
			bnd := a.Img.Bounds()
			var dark int
			for k, q := range a.Cells {
				if a.Cap[k] <= 0 {
					t.Errorf("cap %v", a.Cap[k])
				}
				for _, p := range q {
					if p.X < 0 || p.Y < 0 || p.X > float64(bnd.Dx()) || p.Y > float64(bnd.Dy()) {
						t.Fatalf("kind %d line %d cell %d: corner %v outside %v", kind, i, k, p, bnd)
					}
				}
				cx := (q[0].X + q[1].X + q[2].X + q[3].X) / 4
				cy := (q[0].Y + q[1].Y + q[2].Y + q[3].Y) / 4
				if a.Img.GrayAt(int(cx), int(cy)).Y < 250 || kind == synth.Degraded {
					dark++
				}
			}
			if kind == synth.Clean && dark == 0 {
				t.Errorf("line %d: no ink at the centre of any cell", i)
			}
		}
	}
}
