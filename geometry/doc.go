// Package geometry holds points, polygons and boxes in normalized page
// coordinates (0..1, origin at the top left, X to the right, Y down): their
// bounds and union, quarter turns of the page, pixels, and the JSON form of
// a [Polygon], a list of [x, y] pairs.
//
// MRZ characters are fixed pitch: [Polygon.Span] finds the polygon of a run
// of characters inside the polygon of a whole MRZ line, and [Spanning] the
// quadrilateral that holds the polygons of several characters along their
// slant. The shapes vendors give polygons in are read by package passport.
package geometry
