package ocr

import "testing"

func TestOrientation(t *testing.T) {
	for _, tc := range []struct {
		dir  pt
		want int
	}{
		{pt{1, 0}, 0}, {pt{0.97, 0.26}, 0}, {pt{0.97, -0.26}, 0},
		{pt{0, 1}, 270}, {pt{-1, 0}, 180}, {pt{0, -1}, 90}, {pt{-0.26, -0.97}, 90},
	} {
		if got := orientation(tc.dir); got != tc.want {
			t.Errorf("reading along %v: %d, want %d", tc.dir, got, tc.want)
		}
	}
}
