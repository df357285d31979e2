package geometry

import (
	"errors"
	"fmt"
	"math"
)

// Point is a point in normalized page coordinates.
type Point struct{ X, Y float64 }

// Polygon is a list of points in page order. Vendors give the corners of a
// quadrilateral clockwise from the top left: top left, top right, bottom
// right, bottom left. The zero Polygon (nil) means "no polygon".
type Polygon []Point

// Box is an axis-aligned rectangle in normalized page coordinates.
type Box struct{ Left, Top, Width, Height float64 }

// ErrInvalid is returned for malformed geometry: non-finite numbers, points
// of the wrong shape, a page size that is not positive.
var ErrInvalid = errors.New("geometry: invalid")

func finite(v ...float64) bool {
	for _, f := range v {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
	}
	return true
}

// IsZero reports whether p has no points.
func (p Polygon) IsZero() bool { return len(p) == 0 }

// Bounds returns the smallest box holding every point of p (the zero Box
// for the zero Polygon).
func (p Polygon) Bounds() Box {
	if len(p) == 0 {
		return Box{}
	}
	minX, minY, maxX, maxY := p[0].X, p[0].Y, p[0].X, p[0].Y
	for _, q := range p[1:] {
		minX, maxX = math.Min(minX, q.X), math.Max(maxX, q.X)
		minY, maxY = math.Min(minY, q.Y), math.Max(maxY, q.Y)
	}
	return Box{Left: minX, Top: minY, Width: maxX - minX, Height: maxY - minY}
}

// Polygon returns the four corners of b clockwise from the top left.
func (b Box) Polygon() Polygon {
	r, bt := b.Left+b.Width, b.Top+b.Height
	return Polygon{{b.Left, b.Top}, {r, b.Top}, {r, bt}, {b.Left, bt}}
}

// Union returns the bounding polygon of several polygons: the four corners
// of the smallest box holding all their points. Zero polygons are skipped;
// it returns nil when every polygon is zero.
func Union(polys ...Polygon) Polygon {
	var all Polygon
	for _, p := range polys {
		all = append(all, p...)
	}
	if len(all) == 0 {
		return nil
	}
	return all.Bounds().Polygon()
}

// Rotate returns p as it lies on the page after the page is turned
// clockwise by degrees, one of 0, 90, 180 and 270. Point order is kept.
func (p Polygon) Rotate(degrees int) (Polygon, error) {
	d := ((degrees % 360) + 360) % 360
	if d%90 != 0 {
		return nil, fmt.Errorf("%w: rotation must be a multiple of 90 degrees", ErrInvalid)
	}
	if p == nil {
		return nil, nil
	}
	out := make(Polygon, len(p))
	for i, q := range p {
		switch d {
		case 0:
			out[i] = q
		case 90:
			out[i] = Point{1 - q.Y, q.X}
		case 180:
			out[i] = Point{1 - q.X, 1 - q.Y}
		case 270:
			out[i] = Point{q.Y, 1 - q.X}
		}
	}
	return out, nil
}

// FromPixels converts points in pixels on a page of width x height pixels
// to normalized coordinates.
func FromPixels(pts []Point, width, height float64) (Polygon, error) {
	if !(width > 0 && height > 0) || !finite(width, height) {
		return nil, fmt.Errorf("%w: page size must be positive", ErrInvalid)
	}
	out := make(Polygon, len(pts))
	for i, q := range pts {
		if !finite(q.X, q.Y) {
			return nil, fmt.Errorf("%w: point %d is not finite", ErrInvalid, i)
		}
		out[i] = Point{q.X / width, q.Y / height}
	}
	return out, nil
}

// Pixels converts p to pixels on a page of width x height pixels.
func (p Polygon) Pixels(width, height float64) []Point {
	out := make([]Point, len(p))
	for i, q := range p {
		out[i] = Point{q.X * width, q.Y * height}
	}
	return out
}
