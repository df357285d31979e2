package pages

import (
	"math"
	"testing"
)

func TestHomography(t *testing.T) {
	src := [4]Point{{0, 0}, {100, 0}, {100, 60}, {0, 60}}
	dst := [4]Point{{10, 20}, {120, 5}, {130, 90}, {3, 70}}
	h, ok := fitHomography(src, dst)
	if !ok {
		t.Fatal("no fit")
	}
	inv, ok := h.inverse()
	if !ok {
		t.Fatal("no inverse")
	}
	for i := range src {
		x, y := h.apply(src[i].X, src[i].Y)
		if math.Hypot(x-dst[i].X, y-dst[i].Y) > 1e-6 {
			t.Errorf("corner %d maps to %v,%v, want %v", i, x, y, dst[i])
		}
		u, v := inv.apply(x, y)
		if math.Hypot(u-src[i].X, v-src[i].Y) > 1e-6 {
			t.Errorf("corner %d maps back to %v,%v", i, u, v)
		}
	}
}
