package geometry_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/mrzkit/mrzkit/geometry"
)

func near(a, b geometry.Polygon) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i].X-b[i].X) > 1e-9 || math.Abs(a[i].Y-b[i].Y) > 1e-9 {
			return false
		}
	}
	return true
}

var line = geometry.Polygon{{0.055, 0.882}, {0.926, 0.882}, {0.926, 0.911}, {0.055, 0.911}}

func TestBoundsAndUnion(t *testing.T) {
	b := line.Bounds()
	if math.Abs(b.Left-0.055) > 1e-12 || math.Abs(b.Width-0.871) > 1e-12 || math.Abs(b.Height-0.029) > 1e-12 {
		t.Errorf("Bounds = %+v", b)
	}
	if !near(b.Polygon(), line) {
		t.Errorf("Box.Polygon = %v", b.Polygon())
	}
	u := geometry.Union(geometry.Polygon{{0.1, 0.2}, {0.3, 0.25}}, nil, geometry.Polygon{{0.05, 0.5}})
	if !near(u, geometry.Polygon{{0.05, 0.2}, {0.3, 0.2}, {0.3, 0.5}, {0.05, 0.5}}) {
		t.Errorf("Union = %v", u)
	}
	if geometry.Union() != nil || geometry.Union(nil, nil) != nil {
		t.Error("Union of nothing")
	}
}

func TestRotate(t *testing.T) {
	p := geometry.Polygon{{0.1, 0.2}}
	for deg, want := range map[int]geometry.Point{0: {0.1, 0.2}, 90: {0.8, 0.1}, 180: {0.9, 0.8}, 270: {0.2, 0.9}, -90: {0.2, 0.9}, 450: {0.8, 0.1}} {
		got, err := p.Rotate(deg)
		if err != nil || !near(got, geometry.Polygon{want}) {
			t.Errorf("Rotate(%d) = %v, %v; want %v", deg, got, err, want)
		}
	}
	// Four quarter turns give the polygon back; 90 then 270 too.
	q := line
	for i := 0; i < 4; i++ {
		q, _ = q.Rotate(90)
	}
	r, _ := line.Rotate(90)
	r, _ = r.Rotate(270)
	if !near(q, line) || !near(r, line) {
		t.Errorf("rotations do not compose: %v %v", q, r)
	}
	if _, err := p.Rotate(45); !errors.Is(err, geometry.ErrInvalid) {
		t.Errorf("Rotate(45): %v", err)
	}
}

func TestPixels(t *testing.T) {
	px := []geometry.Point{{100, 50}, {300, 150}}
	p, err := geometry.FromPixels(px, 1000, 500)
	if err != nil || !near(p, geometry.Polygon{{0.1, 0.1}, {0.3, 0.3}}) {
		t.Errorf("FromPixels = %v, %v", p, err)
	}
	back := p.Pixels(1000, 500)
	if math.Abs(back[1].X-300) > 1e-9 || math.Abs(back[1].Y-150) > 1e-9 {
		t.Errorf("Pixels = %v", back)
	}
	for _, c := range []struct{ w, h float64 }{{0, 1}, {1, -1}, {math.NaN(), 1}, {math.Inf(1), 1}} {
		if _, err := geometry.FromPixels(px, c.w, c.h); !errors.Is(err, geometry.ErrInvalid) {
			t.Errorf("FromPixels(%v, %v): %v", c.w, c.h, err)
		}
	}
	if _, err := geometry.FromPixels([]geometry.Point{{math.NaN(), 0}}, 1, 1); err == nil {
		t.Error("NaN point accepted")
	}
}

func TestVendorForms(t *testing.T) {
	var m, x geometry.Polygon
	if err := json.Unmarshal([]byte(`[[0.1,0.2],[0.3,0.4]]`), &m); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(`[{"X":0.1,"Y":0.2},{"X":0.3,"Y":0.4}]`), &x); err != nil {
		t.Fatal(err)
	}
	if !near(m, x) || !near(m, geometry.FromTextract([]geometry.TextractPoint{{0.1, 0.2}, {0.3, 0.4}})) {
		t.Errorf("%v %v", m, x)
	}
	b, _ := json.Marshal(m)
	if string(b) != `[[0.1,0.2],[0.3,0.4]]` {
		t.Errorf("Marshal = %s", b)
	}
	var empty geometry.Polygon
	if b, _ := json.Marshal(empty); string(b) != `[]` {
		t.Errorf("empty = %s", b)
	}
	box := geometry.TextractBoundingBox{Width: 0.5, Height: 0.1, Left: 0.2, Top: 0.3}.Box()
	if !near(box.Polygon(), geometry.Polygon{{0.2, 0.3}, {0.7, 0.3}, {0.7, 0.4}, {0.2, 0.4}}) {
		t.Errorf("box %v", box.Polygon())
	}
	for _, bad := range []string{`[[0.1]]`, `[[0.1,0.2,0.3]]`, `{"X":1}`, `[1,2]`, `"x"`, `[["a","b"]]`} {
		var p geometry.Polygon
		if err := json.Unmarshal([]byte(bad), &p); err == nil {
			t.Errorf("%s accepted as %v", bad, p)
		}
	}
	if _, err := geometry.FromMindee([][]float64{{0.1}}); err == nil {
		t.Error("FromMindee of a 1-coordinate point")
	}
}

func TestSpan(t *testing.T) {
	// A 44-character line: characters 0..9 are the first 10/44 of it.
	sp, err := line.Span(0, 10, 44)
	x1 := 0.055 + (0.926-0.055)*10/44
	if err != nil || !near(sp, geometry.Polygon{{0.055, 0.882}, {x1, 0.882}, {x1, 0.911}, {0.055, 0.911}}) {
		t.Errorf("Span = %v, %v", sp, err)
	}
	// The whole line is the line.
	if all, _ := line.Span(0, 44, 44); !near(all, line) {
		t.Errorf("whole span = %v", all)
	}
	// A slanted line gives slanted spans along its edges.
	slant := geometry.Polygon{{0, 0}, {1, 0.1}, {1, 0.2}, {0, 0.1}}
	half, _ := slant.Span(5, 10, 10)
	if !near(half, geometry.Polygon{{0.5, 0.05}, {1, 0.1}, {1, 0.2}, {0.5, 0.15}}) {
		t.Errorf("slanted span = %v", half)
	}
	for _, c := range [][3]int{{5, 5, 10}, {-1, 2, 10}, {0, 11, 10}, {0, 1, 0}} {
		if _, err := line.Span(c[0], c[1], c[2]); !errors.Is(err, geometry.ErrInvalid) {
			t.Errorf("Span%v: %v", c, err)
		}
	}
}

func ExamplePolygon_Span() {
	// The polygon Mindee gives for the second line of a TD3 MRZ, and the
	// characters of the birth date in it (columns 14-19).
	mrz2 := geometry.Polygon{{0.054, 0.919}, {0.928, 0.919}, {0.928, 0.945}, {0.054, 0.945}}
	birth, _ := mrz2.Span(13, 19, 44)
	b := birth.Bounds()
	fmt.Printf("left %.3f width %.3f\n", b.Left, b.Width)
	// Output: left 0.312 width 0.119
}

func ExamplePolygon_Rotate() {
	p := geometry.Polygon{{0.1, 0.2}}
	r, _ := p.Rotate(90)
	fmt.Printf("%.1f\n", r)
	// Output: [{0.8 0.1}]
}
