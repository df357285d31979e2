package ocr

import (
	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
)

// Result is an MRZ read from an image.
type Result struct {
	// Document is the MRZ after repair, parsed strictly.
	Document mrz.Document
	// Err is nil when the MRZ is valid, and otherwise what mrz.Find
	// reports for it (see mrz.Candidate): a mrz.ValidationError, holding a
	// CheckError of kind mrz.ErrAmbiguous where several readings satisfy
	// the checks.
	Err error
	// Raw holds the lines as read, the most probable character of each
	// cell, before repair.
	Raw []string
	// Lines holds the lines after repair (Document.Lines()).
	Lines []string
	// Chars holds, per line of Lines, each character with its confidence
	// and its polygon.
	Chars [][]Char
	// LinePolygons holds one polygon per line: the quadrilateral from the
	// top left of its first character to the bottom right of its last.
	LinePolygons []geometry.Polygon
	// Orientation is the rotation, in degrees clockwise, that makes the
	// page upright (the MRZ reading left to right), with a confidence.
	Orientation field.Orientation
	// Corrections lists the changes from Raw to Lines; Line and Column
	// count in the MRZ lines (1-based).
	Corrections []mrz.Correction
	// Alternatives lists, for an ambiguous reading, the repairs that could
	// not be chosen between (see mrz.Candidate.Alternatives).
	Alternatives [][]mrz.Correction
	// Confidence is that of the whole reading, in [0, 1]: the geometric
	// mean of the confidences of its characters.
	Confidence float64
	// Width and Height are the size in pixels of the image as given
	// (after its EXIF orientation), which the polygons are normalized to.
	Width, Height int
}

// Char is one character of an MRZ read from an image.
type Char struct {
	// Value is the character after repair.
	Value byte
	// Confidence is in [0, 1]: the classifier's probability of Value in
	// its cell, raised where a check digit covering the character holds.
	Confidence float64
	// Polygon is the character's cell from the top of the capitals to the
	// baseline, in normalized coordinates of the image as given: its top
	// left, top right, bottom right and bottom left as the character
	// reads, wherever the page's turn puts them.
	Polygon geometry.Polygon
}

// IsValid reports whether the MRZ read is valid: every check digit and
// field holds.
func (r *Result) IsValid() bool { return r != nil && r.Err == nil && r.Document.IsValid() }
