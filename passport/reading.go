package passport

import (
	"math"
	"slices"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
)

// CharReading is where an image reader found one MRZ character and how sure it is of it.
type CharReading struct {
	Polygon    geometry.Polygon // normalized coordinates of the image
	Confidence field.Confidence
}

// MRZReading is an MRZ as an image reader saw it.
type MRZReading struct {
	Chars       [][]CharReading    // per MRZ line, per character (lengths equal the document's lines)
	Lines       []geometry.Polygon // each line's polygon
	Orientation field.Orientation
}

// FromMRZReading builds a passport from a document read from an image: the
// values of d, as [FromMRZ] gives them, with the polygons, confidences and
// orientation of the reading r. The passport's Source is [SourceImage].
//
// Each field's polygon is the quadrilateral spanning the polygons of its
// characters along the line's slant (see [geometry.Spanning]): the value's
// own characters, without the fillers that pad it; each given name and the
// surname have their own. The MRZ lines get the polygons of r.Lines, or the
// quadrilateral spanning their characters where r has none.
//
// Each field's confidence starts from the lowest confidence among its
// characters (a value is as sure as its least sure character), and then:
//
//   - a check digit over the field that holds raises it to 1 - (1-c)/10: a
//     7-3-1 check digit misses about one misread in ten;
//   - a check digit over the field that fails, or a field that is invalid
//     (an impossible date, an unknown country), lowers it to c/10;
//   - a field no check digit covers (names, sex, countries, the document
//     type) keeps it.
//
// The check digit's own character is not counted among the field's. An MRZ
// line's confidence is, by the same rule, the lowest among its characters,
// raised when the whole document is valid and lowered when it is not.
//
// Polygons with a point that is not finite are left out, and an
// orientation other than 0, 90, 180 or 270 degrees is unknown.
//
// A line of r whose number of characters differs from the document's (or
// that r lacks) gives its fields FromMRZ's confidences and no polygon.
func FromMRZReading(d mrz.Document, r MRZReading) Passport {
	p := FromMRZ(d)
	p.Source = SourceImage
	if r.Orientation.Known {
		p.Orientation, _ = field.NewOrientation(r.Orientation.Degrees, field.ClampConfidence(float64(r.Orientation.Confidence)))
	}
	rd := reading{d: d, r: r, lines: d.Lines(), failed: map[string]bool{}}
	for _, e := range d.Errors() {
		rd.failed[string(e.Field)] = true
	}
	for _, t := range []struct {
		f        target
		name     string
		check    mrz.Check
		hasCheck bool
	}{
		{targetOf(&p.IDNumber), "document_number", mrz.CheckDocumentNumber, true},
		{targetOf(&p.Country), "issuing_state", 0, false},
		{targetOf(&p.Nationality), "nationality", 0, false},
		{targetOf(&p.BirthDate), "birth_date", mrz.CheckBirthDate, true},
		{targetOf(&p.ExpiryDate), "expiry_date", mrz.CheckExpiryDate, true},
		{targetOf(&p.Gender), "sex", 0, false},
		{targetOf(&p.OptionalData), "optional_data", mrz.CheckOptionalData, d.Check(mrz.CheckOptionalData) != mrz.CheckAbsent},
		{targetOf(&p.DocumentType), "document_code", 0, false},
	} {
		if t.f.present {
			rd.apply(t.f, rd.fieldRuns(t.name), t.name, t.check, t.hasCheck)
		}
	}
	rd.names(&p)
	rd.mrzLines(&p)
	return p
}

// target is the polygon and confidence of one field of a passport, and
// whether the field has a value.
type target struct {
	present bool
	poly    *geometry.Polygon
	conf    *field.Confidence
}

func targetOf[T field.Value](f *field.Field[T]) target {
	return target{!f.IsZero(), &f.Polygon, &f.Confidence}
}

// run is a run of characters of one MRZ line: line and [from, to), 0-based.
type run struct{ line, from, to int }

// reading builds the fields of a passport from a reading.
type reading struct {
	d      mrz.Document
	r      MRZReading
	lines  []string
	failed map[string]bool // fields with a failed check
}

// chars returns the characters of a run as read, and false when the
// reading of its line does not match the document's.
func (rd *reading) chars(u run) ([]CharReading, bool) {
	if u.line >= len(rd.lines) || u.line >= len(rd.r.Chars) || len(rd.r.Chars[u.line]) != len(rd.lines[u.line]) ||
		u.from < 0 || u.from >= u.to || u.to > len(rd.lines[u.line]) {
		return nil, false
	}
	return rd.r.Chars[u.line][u.from:u.to], true
}

// span returns the polygon spanning the characters of runs and the lowest
// of their confidences, and false when a run cannot be read.
func (rd *reading) span(runs []run) (geometry.Polygon, field.Confidence, bool) {
	var polys []geometry.Polygon
	low := field.Confidence(1)
	for _, u := range runs {
		cs, ok := rd.chars(u)
		if !ok {
			return nil, 0, false
		}
		for _, c := range cs {
			polys = append(polys, c.Polygon)
			low = min(low, field.ClampConfidence(float64(c.Confidence)))
		}
	}
	if len(polys) == 0 {
		return nil, 0, false
	}
	return geometry.Spanning(polys...), low, true
}

// apply sets a field's polygon and confidence from the characters of runs
// (see FromMRZReading); name names it in the document's errors.
func (rd *reading) apply(t target, runs []run, name string, check mrz.Check, hasCheck bool) {
	poly, low, ok := rd.span(runs)
	if !ok {
		return
	}
	*t.poly = poly
	switch {
	case rd.failed[name] || (hasCheck && rd.d.Check(check) == mrz.CheckFailed):
		*t.conf = lowered(low)
	case hasCheck && rd.d.Check(check) == mrz.CheckPassed:
		*t.conf = raised(low)
	default:
		*t.conf = low
	}
}

// raised is the confidence of characters read as c under a check that holds.
func raised(c field.Confidence) field.Confidence { return 1 - (1-c)/10 }

// lowered is the confidence of characters read as c under a check that fails.
func lowered(c field.Confidence) field.Confidence { return c / 10 }

// fieldRuns returns the run of a field's value: its characters without the
// fillers that pad it. A long document number (TD1, TD2) adds the rest of
// the number at the start of the optional data.
func (rd *reading) fieldRuns(name string) []run {
	line, col, n, ok := rd.d.Position(mrz.FieldName(name))
	if !ok || line > len(rd.lines) {
		return nil
	}
	u := trimRun(rd.lines[line-1], run{line - 1, col - 1, col - 1 + n})
	runs := []run{u}
	if name == "document_number" && rd.d.LongDocumentNumber() {
		// The rest of the number stands at the start of the optional data:
		// line 1, column 16 of a TD1; line 2, column 29 of a TD2.
		rest := len(rd.d.DocumentNumber()) - n
		switch rd.d.Format() {
		case mrz.TD1:
			runs = append(runs, run{0, 15, 15 + rest})
		case mrz.TD2:
			runs = append(runs, run{1, 28, 28 + rest})
		}
	}
	return runs
}

// trimRun drops the trailing fillers of a run of line; a run of fillers
// only is kept whole.
func trimRun(line string, u run) run {
	if u.to > len(line) || u.from >= u.to {
		return u
	}
	to := u.from + len(strings.TrimRight(line[u.from:u.to], "<"))
	if to > u.from {
		u.to = to
	}
	return u
}

// names sets the polygons and confidences of the surname and of each given
// name from their own characters.
func (rd *reading) names(p *Passport) {
	primary, secondary := rd.nameRuns()
	if !p.Surname.IsZero() && primary.to > primary.from {
		rd.apply(targetOf(&p.Surname), []run{primary}, "name", 0, false)
	}
	given := words(rd.lines, secondary)
	for i := range p.GivenNames {
		g := target{!p.GivenNames[i].IsZero(), &p.GivenNames[i].Polygon, &p.GivenNames[i].Confidence}
		if !g.present {
			continue
		}
		u := secondary
		if len(given) == len(p.GivenNames) {
			u = given[i]
		}
		rd.apply(g, []run{u}, rd.givenField(), 0, false)
	}
}

// givenField names the field the given names are in, as errors name it.
func (rd *reading) givenField() string {
	if _, _, _, ok := rd.d.Position("given_names"); ok {
		return "given_names"
	}
	return "name"
}

// nameRuns returns the runs of the primary and the secondary identifier:
// the two parts of an ICAO name field split at its first "<<", or the
// surname and given names fields of a national layout.
func (rd *reading) nameRuns() (primary, secondary run) {
	line, col, n, ok := rd.d.Position("name")
	if !ok || line > len(rd.lines) {
		return run{}, run{}
	}
	text := rd.lines[line-1][col-1 : col-1+n]
	whole := run{line - 1, col - 1, col - 1 + n}
	if gl, gc, gn, ok := rd.d.Position("given_names"); ok && gl <= len(rd.lines) {
		return trimRun(rd.lines[line-1], whole), trimRun(rd.lines[gl-1], run{gl - 1, gc - 1, gc - 1 + gn})
	}
	i := strings.Index(text, "<<")
	if i < 0 {
		return trimRun(rd.lines[line-1], whole), run{}
	}
	primary = run{line - 1, col - 1, col - 1 + i}
	secondary = trimRun(rd.lines[line-1], run{line - 1, col - 1 + i + 2, col - 1 + n})
	return primary, secondary
}

// words returns the runs of the words of a run of a line: its characters
// other than fillers, split at fillers.
func words(lines []string, u run) []run {
	if u.line >= len(lines) || u.to > len(lines[u.line]) {
		return nil
	}
	var out []run
	start := -1
	for i := u.from; i <= u.to; i++ {
		filler := i == u.to || lines[u.line][i] == '<'
		switch {
		case filler && start >= 0:
			out = append(out, run{u.line, start, i})
			start = -1
		case !filler && start < 0:
			start = i
		}
	}
	return out
}

// mrzLines sets the polygon and confidence of each MRZ line.
func (rd *reading) mrzLines(p *Passport) {
	for i, f := range []*field.Field[string]{&p.MRZ1, &p.MRZ2, &p.MRZ3} {
		if i >= len(rd.lines) {
			break
		}
		poly, low, ok := rd.span([]run{{i, 0, len(rd.lines[i])}})
		if i < len(rd.r.Lines) && finitePolygon(rd.r.Lines[i]) {
			poly = slices.Clone(rd.r.Lines[i])
		}
		f.Polygon = poly
		switch {
		case !ok:
		case rd.d.IsValid():
			f.Confidence = raised(low)
		default:
			f.Confidence = lowered(low)
		}
	}
}

// finitePolygon reports whether p has points, all finite.
func finitePolygon(p geometry.Polygon) bool {
	for _, q := range p {
		if math.IsNaN(q.X) || math.IsNaN(q.Y) || math.IsInf(q.X, 0) || math.IsInf(q.Y, 0) {
			return false
		}
	}
	return len(p) > 0
}
