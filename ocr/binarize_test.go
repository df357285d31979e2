package ocr

import "testing"

// TestBinarize checks that dark strokes are ink on a background lit
// unevenly, that flat areas and faint texture are not, and that the
// result does not depend on the window reaching the border.
func TestBinarize(t *testing.T) {
	const w, h = 120, 60
	p := plane{w, h, make([]uint8, w*h)}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := 90 + x // light from the right: 90..209
			if (x/3)%7 == 0 {
				v -= 3 // faint texture
			}
			p.pix[y*w+x] = uint8(v)
		}
	}
	// Strokes 3 pixels wide, 90 levels darker than the ground around them.
	strokes := []int{10, 50, 100}
	for _, sx := range strokes {
		for y := 20; y < 40; y++ {
			for x := sx; x < sx+3; x++ {
				p.pix[y*w+x] -= 90
			}
		}
	}
	m := binarize(p, 8, sauvolaK, nil)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			in := false
			for _, sx := range strokes {
				if x >= sx && x < sx+3 && y >= 20 && y < 40 {
					in = true
				}
			}
			if got := m[y*w+x] != 0; got != in {
				t.Fatalf("(%d,%d): ink %v, want %v", x, y, got, in)
			}
		}
	}
}

func TestBinarizeEmpty(t *testing.T) {
	if m := binarize(plane{}, 5, sauvolaK, nil); len(m) != 0 {
		t.Fatalf("empty plane gives %d pixels", len(m))
	}
	one := plane{1, 1, []uint8{0}}
	if m := binarize(one, 5, sauvolaK, nil); len(m) != 1 || m[0] != 0 {
		t.Fatalf("one pixel: %v", m)
	}
}
