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

func TestPolygonJSON(t *testing.T) {
	var m geometry.Polygon
	if err := json.Unmarshal([]byte(`[[0.1,0.2],[0.3,0.4]]`), &m); err != nil {
		t.Fatal(err)
	}
	if !near(m, geometry.Polygon{{0.1, 0.2}, {0.3, 0.4}}) {
		t.Errorf("%v", m)
	}
	b, _ := json.Marshal(m)
	if string(b) != `[[0.1,0.2],[0.3,0.4]]` {
		t.Errorf("Marshal = %s", b)
	}
	var empty geometry.Polygon
	if b, _ := json.Marshal(empty); string(b) != `[]` {
		t.Errorf("empty = %s", b)
	}
	for _, in := range []string{`null`, `[]`} {
		p := geometry.Polygon{{1, 1}}
		if err := json.Unmarshal([]byte(in), &p); err != nil || p != nil {
			t.Errorf("%s: %v %v", in, p, err)
		}
	}
	// Textract's {"X", "Y"} points are passport's to read, not the polygon's.
	for _, bad := range []string{`[[0.1]]`, `[[0.1,0.2,0.3]]`, `{"X":1}`, `[1,2]`, `"x"`, `[["a","b"]]`, `[{"X":0.1,"Y":0.2}]`} {
		var p geometry.Polygon
		if err := json.Unmarshal([]byte(bad), &p); !errors.Is(err, geometry.ErrInvalid) {
			t.Errorf("%s accepted as %v (%v)", bad, p, err)
		}
	}
	if _, err := geometry.FromPairs([][]float64{{0.1}}); !errors.Is(err, geometry.ErrInvalid) {
		t.Error("FromPairs of a 1-coordinate point")
	}
	if _, err := json.Marshal(geometry.Polygon{{math.NaN(), 0}}); err == nil {
		t.Error("NaN written")
	}
}

// TestPolygonJSONAgreesWithEncodingJSON: the polygon writes its numbers
// exactly as encoding/json writes the same [][]float64.
func TestPolygonJSONAgreesWithEncodingJSON(t *testing.T) {
	vals := []float64{0, 1, -1, 0.1, 0.123456789, 1e-7, 1.5e-6, 1e-6, 3e21, 1e20, -2.5e-9, 123456.789, 5e-324, math.MaxFloat64}
	for i, x := range vals {
		y := vals[(i*7+3)%len(vals)]
		p := geometry.Polygon{{x, y}, {y, x}}
		got, err := json.Marshal(p)
		want, _ := json.Marshal([][]float64{{x, y}, {y, x}})
		if err != nil || string(got) != string(want) {
			t.Errorf("%v: %s, want %s (%v)", p, got, want, err)
		}
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

// rotated returns the square cell of side s centred on c, turned by a
// radians (the cell's own top edge along the reading direction).
func rotated(c geometry.Point, s, a float64) geometry.Polygon {
	u := geometry.Point{X: math.Cos(a), Y: math.Sin(a)}
	n := geometry.Point{X: -u.Y, Y: u.X}
	at := func(du, dn float64) geometry.Point {
		return geometry.Point{X: c.X + du*u.X + dn*n.X, Y: c.Y + du*u.Y + dn*n.Y}
	}
	h := s / 2
	return geometry.Polygon{at(-h, -h), at(h, -h), at(h, h), at(-h, h)}
}

func TestSpanning(t *testing.T) {
	run := func(n int, a float64) []geometry.Polygon {
		var out []geometry.Polygon
		for i := 0; i < n; i++ {
			d := 0.02 * float64(i)
			out = append(out, rotated(geometry.Point{X: 0.1 + d*math.Cos(a), Y: 0.5 + d*math.Sin(a)}, 0.02, a))
		}
		return out
	}
	tall := run(3, 0)
	tall[1] = geometry.Polygon{{0.13, 0.485}, {0.15, 0.485}, {0.15, 0.51}, {0.13, 0.51}} // a digit stands taller
	// A run of 5 cells of side 0.02 slanted by 10 degrees spans 0.10 along
	// the slant and 0.02 across it, centred on its middle cell.
	slant := 10 * math.Pi / 180
	mid := geometry.Point{X: 0.1 + 0.04*math.Cos(slant), Y: 0.5 + 0.04*math.Sin(slant)}
	u := geometry.Point{X: math.Cos(slant), Y: math.Sin(slant)}
	along := func(du, dn float64) geometry.Point {
		return geometry.Point{X: mid.X + du*u.X - dn*u.Y, Y: mid.Y + du*u.Y + dn*u.X}
	}
	slanted := geometry.Polygon{along(-0.05, -0.01), along(0.05, -0.01), along(0.05, 0.01), along(-0.05, 0.01)}
	tests := []struct {
		name  string
		polys []geometry.Polygon
		want  geometry.Polygon
	}{
		{"level", run(3, 0), geometry.Polygon{{0.09, 0.49}, {0.15, 0.49}, {0.15, 0.51}, {0.09, 0.51}}},
		{"a taller character", tall, geometry.Polygon{{0.09, 0.485}, {0.15, 0.485}, {0.15, 0.51}, {0.09, 0.51}}},
		{"slanted 10 degrees", run(5, slant), slanted},
		{"reading down (page turned)", run(2, math.Pi/2), geometry.Polygon{{0.11, 0.49}, {0.11, 0.53}, {0.09, 0.53}, {0.09, 0.49}}},
		{"one character, slanted", run(1, slant), rotated(geometry.Point{X: 0.1, Y: 0.5}, 0.02, slant)},
		{"zero polygons skipped", append([]geometry.Polygon{nil}, append(run(3, 0), nil)...), geometry.Polygon{{0.09, 0.49}, {0.15, 0.49}, {0.15, 0.51}, {0.09, 0.51}}},
		{"nothing", []geometry.Polygon{nil, nil}, nil},
		{"not finite", []geometry.Polygon{{{math.NaN(), 0}}}, nil},
		{"one point", []geometry.Polygon{{{0.2, 0.3}}}, geometry.Polygon{{0.2, 0.3}, {0.2, 0.3}, {0.2, 0.3}, {0.2, 0.3}}},
	}
	for _, tt := range tests {
		if got := geometry.Spanning(tt.polys...); !near(got, tt.want) {
			t.Errorf("%s: Spanning = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func ExampleSpanning() {
	// Three characters of a line that climbs to the right.
	a := geometry.Polygon{{0.10, 0.50}, {0.12, 0.49}, {0.13, 0.51}, {0.11, 0.52}}
	b := geometry.Polygon{{0.12, 0.49}, {0.14, 0.48}, {0.15, 0.50}, {0.13, 0.51}}
	c := geometry.Polygon{{0.14, 0.48}, {0.16, 0.47}, {0.17, 0.49}, {0.15, 0.50}}
	for _, p := range geometry.Spanning(a, b, c) {
		fmt.Printf("(%.3f, %.3f) ", p.X, p.Y)
	}
	fmt.Println()
	// Output: (0.100, 0.500) (0.160, 0.470) (0.170, 0.490) (0.110, 0.520)
}
