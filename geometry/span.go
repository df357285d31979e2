package geometry

import (
	"fmt"
	"math"
)

// Span returns the polygon of characters [from, to) of a line of n fixed
// pitch characters whose polygon is line. A quadrilateral line (top left,
// top right, bottom right, bottom left) gives a quadrilateral span along its
// edges, so a slanted line gives slanted spans; any other polygon is taken
// by its bounding box.
func (line Polygon) Span(from, to, n int) (Polygon, error) {
	if n <= 0 || from < 0 || to > n || from >= to {
		return nil, fmt.Errorf("%w: span [%d, %d) of %d characters", ErrInvalid, from, to, n)
	}
	if len(line) == 0 {
		return nil, nil
	}
	q := line
	if len(q) != 4 {
		q = line.Bounds().Polygon()
	}
	lerp := func(a, b Point, t float64) Point { return Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t} }
	t0, t1 := float64(from)/float64(n), float64(to)/float64(n)
	return Polygon{lerp(q[0], q[1], t0), lerp(q[0], q[1], t1), lerp(q[3], q[2], t1), lerp(q[3], q[2], t0)}, nil
}

// Spanning returns the quadrilateral that holds every point of polys and
// follows their slant: two of its sides are parallel to the direction from
// the centre of the first polygon to the centre of the last (the reading
// direction of a run of characters; for one polygon, the direction of its
// first edge), the other two perpendicular to it. Its corners come in the
// order a vendor gives them for upright text, clockwise from the start of
// the top edge: top left, top right, bottom right, bottom left, where "top"
// is to the left of the reading direction. Zero polygons are skipped; it
// returns nil when every polygon is zero or a point is not finite.
//
// The quadrilateral is a rectangle in normalized coordinates: on a page
// that is not square it is, in pixels, a parallelogram that still holds
// every point.
func Spanning(polys ...Polygon) Polygon {
	first, last := -1, -1
	for i, p := range polys {
		if len(p) == 0 {
			continue
		}
		for _, q := range p {
			if !finite(q.X, q.Y) {
				return nil
			}
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if first < 0 {
		return nil
	}
	u, ok := direction(polys[first], polys[last], first != last)
	if !ok {
		return Union(polys...)
	}
	n := Point{-u.Y, u.X} // u turned a quarter clockwise on a page whose Y points down
	minU, maxU, minN, maxN := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range polys {
		for _, q := range p {
			a, b := q.X*u.X+q.Y*u.Y, q.X*n.X+q.Y*n.Y
			minU, maxU = math.Min(minU, a), math.Max(maxU, a)
			minN, maxN = math.Min(minN, b), math.Max(maxN, b)
		}
	}
	at := func(a, b float64) Point { return Point{a*u.X + b*n.X, a*u.Y + b*n.Y} }
	return Polygon{at(minU, minN), at(maxU, minN), at(maxU, maxN), at(minU, maxN)}
}

// direction returns the unit reading direction of a run from its first to
// its last polygon, and false when it cannot be told (all points equal).
func direction(first, last Polygon, run bool) (Point, bool) {
	var d Point
	if run {
		a, b := centre(first), centre(last)
		d = Point{b.X - a.X, b.Y - a.Y}
	}
	if d == (Point{}) && len(first) >= 2 {
		d = Point{first[1].X - first[0].X, first[1].Y - first[0].Y}
	}
	l := math.Hypot(d.X, d.Y)
	if !(l > 0) || math.IsInf(l, 0) {
		return Point{}, false
	}
	return Point{d.X / l, d.Y / l}, true
}

// centre returns the mean of the points of p.
func centre(p Polygon) Point {
	var c Point
	for _, q := range p {
		c.X += q.X
		c.Y += q.Y
	}
	n := float64(len(p))
	return Point{c.X / n, c.Y / n}
}
