// Package geometry holds points, polygons and boxes in normalized page
// coordinates (0..1, origin at the top left, X to the right, Y down), and
// converts between the forms OCR vendors use: Mindee's [[x, y], ...],
// Textract's {"X": .., "Y": ..} points and BoundingBox, and pixels.
//
// It also finds the polygon of a span of characters inside the polygon of a
// whole MRZ line, since MRZ characters are fixed pitch.
package geometry
