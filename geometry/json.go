package geometry

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// MarshalJSON writes p as a list of [x, y] pairs, [] for the zero Polygon.
// A point that is not finite is an error wrapping [ErrInvalid].
func (p Polygon) MarshalJSON() ([]byte, error) {
	return p.AppendJSON(make([]byte, 0, 2+len(p)*32))
}

// AppendJSON appends the JSON form of p (see MarshalJSON) to b.
func (p Polygon) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, '[')
	for i, q := range p {
		if !finite(q.X, q.Y) {
			return nil, fmt.Errorf("%w: point %d is not finite", ErrInvalid, i+1)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendFloat(b, q.X)
		b = append(b, ',')
		b = appendFloat(b, q.Y)
		b = append(b, ']')
	}
	return append(b, ']'), nil
}

// appendFloat writes f as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
	abs := f
	if abs < 0 {
		abs = -abs
	}
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// UnmarshalJSON reads a list of [x, y] pairs; null and [] give the zero
// Polygon. Anything else, a point without exactly two coordinates among
// them, is an error wrapping [ErrInvalid] that names the point by its 1-based
// index.
func (p *Polygon) UnmarshalJSON(b []byte) error {
	var pairs [][]float64
	if err := json.Unmarshal(b, &pairs); err != nil {
		return fmt.Errorf("%w: polygon is not a list of [x, y] points", ErrInvalid)
	}
	q, err := FromPairs(pairs)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// FromPairs returns the polygon of points given as [x, y] pairs (the form
// of the polygon's JSON); each pair must hold two finite numbers. No pairs
// give the zero Polygon.
func FromPairs(pairs [][]float64) (Polygon, error) {
	if len(pairs) == 0 {
		return nil, nil
	}
	out := make(Polygon, len(pairs))
	for i, q := range pairs {
		if len(q) != 2 || !finite(q[0], q[1]) {
			return nil, fmt.Errorf("%w: point %d is not [x, y]", ErrInvalid, i+1)
		}
		out[i] = Point{q[0], q[1]}
	}
	return out, nil
}
