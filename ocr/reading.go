package ocr

import (
	"errors"
	"math"

	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
)

// reading is one way of reading a zone: the cells, the lines as read and
// after repair, and the decoder's candidate.
type reading struct {
	raw, lines []string
	cells      [][]cellRef
	cand       mrz.Candidate
	valid      bool
	ll         float64 // mean log probability of the characters of lines
	otherLL    float64 // best mean log probability read the other way up
	flip       bool
	dir        pt          // reading direction in the image
	conf       [][]float64 // of each character of lines
}

// confidences returns the confidence of every character of the reading:
// its probability in its cell, raised by each passing check digit that
// covers it.
func (r *reading) confidences() [][]float64 {
	boost := checkedCells(r.cand.Document, len(r.lines))
	out := make([][]float64, len(r.lines))
	for i, l := range r.lines {
		out[i] = make([]float64, len(l))
		for j := 0; j < len(l); j++ {
			c := prob(r.cells[i][j].scores(), l[j])
			if i < len(boost) && j < len(boost[i]) {
				for b := boost[i][j]; b > 0; b-- {
					c = 1 - (1-c)*checkFactor
				}
			}
			out[i][j] = c
		}
	}
	return out
}

// better reports whether r is a better reading than o: valid before
// invalid, unambiguous before ambiguous, then more probable.
func (r *reading) better(o *reading) bool {
	if r.valid != o.valid {
		return r.valid
	}
	ra, oa := errors.Is(r.cand.Err, mrz.ErrAmbiguous), errors.Is(o.cand.Err, mrz.ErrAmbiguous)
	if ra != oa {
		return !ra
	}
	return r.ll > o.ll
}

// result builds the Result of the reading on an image of w x h pixels.
func (r *reading) result(w, h int) *Result {
	res := &Result{
		Document:     r.cand.Document,
		Err:          r.cand.Err,
		Raw:          r.raw,
		Lines:        r.lines,
		Corrections:  r.cand.Corrections,
		Alternatives: r.cand.Alternatives,
		Width:        w,
		Height:       h,
	}
	norm := func(p pt) geometry.Point { return geometry.Point{X: p.X / float64(w), Y: p.Y / float64(h)} }
	var sumLog float64
	var n int
	for i, l := range r.lines {
		chars := make([]Char, len(l))
		for j := 0; j < len(l); j++ {
			c := r.cells[i][j]
			q := c.s.quads[c.i]
			poly := make(geometry.Polygon, 4)
			for k := range q {
				poly[k] = norm(c.s.st.toImage(q[k].X, q[k].Y))
			}
			conf := r.conf[i][j]
			chars[j] = Char{Value: l[j], Confidence: conf, Polygon: poly}
			sumLog += logProb(conf)
			n++
		}
		res.Chars = append(res.Chars, chars)
		if len(chars) > 0 {
			a, b := chars[0].Polygon, chars[len(chars)-1].Polygon
			res.LinePolygons = append(res.LinePolygons, geometry.Polygon{a[0], b[1], b[2], a[3]})
		}
	}
	if n > 0 {
		res.Confidence = math.Exp(sumLog / float64(n))
	}
	res.Orientation = r.orientation(n)
	return res
}

// checkFactor is how much a passing check digit lowers the chance that a
// character it covers is wrong: a random misreading passes a check about
// one time in ten.
const checkFactor = 0.1

// checkedFields are the fields whose check digit directly follows them.
var checkedFields = [...]struct {
	name  mrz.FieldName
	check mrz.Check
}{
	{mrz.FieldDocumentNumber, mrz.CheckDocumentNumber},
	{mrz.FieldBirthDate, mrz.CheckBirthDate},
	{mrz.FieldExpiryDate, mrz.CheckExpiryDate},
	{mrz.FieldOptionalData, mrz.CheckOptionalData},
}

// checkedCells counts, for every character of d, the passing check digits
// that cover it: its field's own, and the composite.
func checkedCells(d mrz.Document, lines int) [][]int {
	out := make([][]int, lines)
	ls := d.Lines()
	for i := range out {
		if i < len(ls) {
			out[i] = make([]int, len(ls[i]))
		}
	}
	composite := d.Check(mrz.CheckComposite) == mrz.CheckPassed
	mark := func(line, col, n int) {
		for c := col; c < col+n; c++ {
			if line >= 1 && line <= len(out) && c >= 1 && c <= len(out[line-1]) {
				out[line-1][c-1]++
			}
		}
	}
	for _, f := range checkedFields {
		line, col, n, ok := d.Position(f.name)
		if !ok || d.Check(f.check) != mrz.CheckPassed || d.LongDocumentNumber() && f.check == mrz.CheckDocumentNumber {
			continue
		}
		mark(line, col, n+1) // the field and its check digit
		if composite {
			mark(line, col, n+1)
		}
	}
	return out
}
