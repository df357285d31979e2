package passport_test

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

// page lays an MRZ out on an image as a reader would see it: characters of
// a fixed pitch along lines slanted by an angle, every one read with the
// same confidence but for those in low.
type page struct {
	slant  float64 // degrees, clockwise
	origin geometry.Point
	pitch  float64 // distance between characters, and between lines x 2
	conf   field.Confidence
	low    map[[2]int]field.Confidence // {line, column}, 1-based
}

// round4 rounds to 4 decimals, as a reader's coordinates might be.
func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

func (pg page) at(line, col float64) geometry.Point {
	a := pg.slant * math.Pi / 180
	u := geometry.Point{X: math.Cos(a), Y: math.Sin(a)}
	n := geometry.Point{X: -u.Y, Y: u.X}
	s, t := col*pg.pitch, line*2*pg.pitch
	return geometry.Point{X: round4(pg.origin.X + s*u.X + t*n.X), Y: round4(pg.origin.Y + s*u.Y + t*n.Y)}
}

// cell is the polygon of character col (0-based) of line (0-based): a
// square of 0.8 pitch, clockwise from its top left.
func (pg page) cell(line, col int) geometry.Polygon {
	l, c := float64(line), float64(col)
	return geometry.Polygon{pg.at(l-0.2, c+0.1), pg.at(l-0.2, c+0.9), pg.at(l+0.2, c+0.9), pg.at(l+0.2, c+0.1)}
}

func (pg page) read(lines []string) passport.MRZReading {
	var r passport.MRZReading
	for i, l := range lines {
		var cs []passport.CharReading
		for j := range l {
			c := pg.conf
			if v, ok := pg.low[[2]int{i + 1, j + 1}]; ok {
				c = v
			}
			cs = append(cs, passport.CharReading{Polygon: pg.cell(i, j), Confidence: c})
		}
		r.Chars = append(r.Chars, cs)
		n := float64(len(l))
		r.Lines = append(r.Lines, geometry.Polygon{pg.at(float64(i)-0.25, 0), pg.at(float64(i)-0.25, n), pg.at(float64(i)+0.25, n), pg.at(float64(i)+0.25, 0)})
	}
	return r
}

const td1 = "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<"

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// inside reports whether every corner of the cells lies in the convex
// quadrilateral q (clockwise on a page whose Y points down).
func inside(q geometry.Polygon, cells ...geometry.Polygon) bool {
	for _, c := range cells {
		for _, p := range c {
			for i := range q {
				a, b := q[i], q[(i+1)%len(q)]
				if (b.X-a.X)*(p.Y-a.Y)-(b.Y-a.Y)*(p.X-a.X) < -1e-9 {
					return false
				}
			}
		}
	}
	return true
}

func TestFromMRZReading(t *testing.T) {
	level := page{origin: geometry.Point{X: 0.05, Y: 0.85}, pitch: 0.02, conf: 0.98}
	slanted := level
	slanted.slant = 5
	lowNumber := level
	lowNumber.low = map[[2]int]field.Confidence{{2, 3}: 0.4}
	lowName := level
	lowName.low = map[[2]int]field.Confidence{{1, 7}: 0.4}
	failedNumber := strings.Replace(specimen, "C36", "C37", 1)
	tests := []struct {
		name string
		mrz  string
		page page
		// what the passport holds
		number, surname, given, birth, mrz2 field.Confidence
		// the columns (1-based, inclusive) of the number on line 2
		numberCols [2]int
	}{
		{"level", specimen, level, 0.998, 0.98, 0.98, 0.998, 0.998, [2]int{1, 9}},
		{"slanted 5 degrees", specimen, slanted, 0.998, 0.98, 0.98, 0.998, 0.998, [2]int{1, 9}},
		{"a low-confidence character under a check digit", specimen, lowNumber, 0.94, 0.98, 0.98, 0.998, 0.94, [2]int{1, 9}},
		{"a low-confidence character in a name", specimen, lowName, 0.998, 0.4, 0.98, 0.998, 0.998, [2]int{1, 9}},
		{"a failed check digit", failedNumber, level, 0.098, 0.98, 0.98, 0.998, 0.098, [2]int{1, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := mrz.Parse(tt.mrz, ref)
			r := tt.page.read(d.Lines())
			p := passport.FromMRZReading(d, r)
			for _, c := range []struct {
				what      string
				got, want field.Confidence
			}{{"number", p.IDNumber.Confidence, tt.number}, {"surname", p.Surname.Confidence, tt.surname},
				{"given name", p.GivenNames[0].Confidence, tt.given}, {"birth date", p.BirthDate.Confidence, tt.birth},
				{"mrz2", p.MRZ2.Confidence, tt.mrz2}} {
				if !near(float64(c.got), float64(c.want)) {
					t.Errorf("%s confidence %v, want %v", c.what, c.got, c.want)
				}
			}
			if p.Source != passport.SourceImage || fmt.Sprint(p.MRZ2.Polygon) != fmt.Sprint(r.Lines[1]) {
				t.Errorf("source %s, mrz2 polygon %v", p.Source, p.MRZ2.Polygon)
			}
			// The number's polygon holds its characters and no other, and
			// follows the slant.
			cells := r.Chars[1][tt.numberCols[0]-1 : tt.numberCols[1]]
			var polys []geometry.Polygon
			for _, c := range cells {
				polys = append(polys, c.Polygon)
			}
			q := p.IDNumber.Polygon
			if len(q) != 4 || !inside(q, polys...) || inside(q, r.Chars[1][tt.numberCols[1]].Polygon) {
				t.Errorf("number polygon %v does not span its characters", q)
			}
			slope := math.Atan2(q[1].Y-q[0].Y, q[1].X-q[0].X) * 180 / math.Pi
			if math.Abs(slope-tt.page.slant) > 0.05 {
				t.Errorf("number polygon slants %.2f degrees, want %.2f", slope, tt.page.slant)
			}
			// Each given name has its own polygon: ANNA at columns 16-19,
			// MARIA from 21.
			anna, maria := p.GivenNames[0].Polygon, p.GivenNames[1].Polygon
			if !inside(anna, r.Chars[0][15].Polygon, r.Chars[0][18].Polygon) || inside(anna, r.Chars[0][20].Polygon) || !inside(maria, r.Chars[0][20].Polygon, r.Chars[0][24].Polygon) {
				t.Errorf("given names polygons %v %v", anna, maria)
			}
			if !inside(p.Surname.Polygon, r.Chars[0][5].Polygon, r.Chars[0][12].Polygon) || inside(p.Surname.Polygon, r.Chars[0][15].Polygon) {
				t.Errorf("surname polygon %v", p.Surname.Polygon)
			}
		})
	}
}

// TestFromMRZReadingShapes: a long TD1 number spans its two runs; a line
// read with the wrong number of characters gives its fields FromMRZ's
// confidences and no polygon; the orientation reaches Mindee's.
func TestFromMRZReadingShapes(t *testing.T) {
	pg := page{origin: geometry.Point{X: 0.1, Y: 0.7}, pitch: 0.025, conf: 0.9}
	d := mrz.MustParse(td1, mrz.WithReferenceDate(field.MustDate(1990, 1, 1)))
	r := pg.read(d.Lines())
	r.Orientation, _ = field.NewOrientation(90, 0.8)
	p := passport.FromMRZReading(d, r)
	if d.DocumentNumber() != "D23145890734" || !inside(p.IDNumber.Polygon, r.Chars[0][5].Polygon, r.Chars[0][17].Polygon) {
		t.Errorf("long number polygon %v", p.IDNumber.Polygon)
	}
	m := p.Mindee()
	pageOrientation := m.Document.Inference.Pages[0].Prediction.Orientation
	if pageOrientation == nil || *pageOrientation.Degrees != 90 || pageOrientation.Confidence != 0.8 || *m.Document.Inference.Pages[0].Orientation.Value != 90 {
		t.Errorf("orientation %+v", pageOrientation)
	}
	if p.Surname.Value != "STEVENSON" || !inside(p.Surname.Polygon, r.Chars[2][0].Polygon, r.Chars[2][8].Polygon) || !near(float64(p.Surname.Confidence), 0.9) {
		t.Errorf("surname %+v", p.Surname)
	}
	short := r
	short.Chars = append([][]passport.CharReading{}, r.Chars...)
	short.Chars[1] = short.Chars[1][:29]
	q := passport.FromMRZReading(d, short)
	if q.BirthDate.Polygon != nil || q.BirthDate.Confidence != passport.CheckedConfidence || q.Surname.Polygon == nil {
		t.Errorf("a line read short: birth %+v, surname %+v", q.BirthDate, q.Surname)
	}
	if none := passport.FromMRZReading(d, passport.MRZReading{}); none.IDNumber.Confidence != passport.CheckedConfidence || none.MRZ1.Polygon != nil {
		t.Errorf("no reading: %+v", none.IDNumber)
	}
}

// TestFromMRZReadingGolden writes the Mindee and Scan Document shapes of a
// slanted reading with a weak character.
func TestFromMRZReadingGolden(t *testing.T) {
	pg := page{slant: -3, origin: geometry.Point{X: 0.06, Y: 0.88}, pitch: 0.02, conf: 0.97,
		low: map[[2]int]field.Confidence{{2, 15}: 0.55, {1, 10}: 0.6}}
	d := mrz.MustParse(specimen, ref)
	r := pg.read(d.Lines())
	r.Orientation, _ = field.NewOrientation(0, 0.99)
	p := passport.FromMRZReading(d, r)
	golden(t, "reading_td3_slanted.mindee.json", encode(t, p.Mindee()))
	golden(t, "reading_td3_slanted.scan-document.json", encode(t, p.ScanDocument()))
}

func ExampleFromMRZReading() {
	d := mrz.MustParse(specimen, mrz.WithReferenceDate(field.MustDate(2010, 1, 1)))
	// A reading of the two lines, level, every character at 0.95 but one
	// digit of the birth date at 0.6: its check digit holds, so the date is
	// at 1 - (1-0.6)/10.
	var r passport.MRZReading
	for i, line := range d.Lines() {
		var cs []passport.CharReading
		for j := range line {
			x, y := 0.05+0.02*float64(j), 0.85+0.05*float64(i)
			c := field.Confidence(0.95)
			if i == 1 && j == 15 {
				c = 0.6
			}
			cs = append(cs, passport.CharReading{Polygon: geometry.Box{Left: x, Top: y, Width: 0.018, Height: 0.03}.Polygon(), Confidence: c})
		}
		r.Chars = append(r.Chars, cs)
	}
	p := passport.FromMRZReading(d, r)
	b := p.BirthDate.Polygon.Bounds()
	fmt.Printf("%s %.3f left %.3f top %.3f width %.3f height %.3f\n", p.BirthDate.Value, p.BirthDate.Confidence, b.Left, b.Top, b.Width, b.Height)
	fmt.Printf("%s %.3f\n", p.Surname.Value, p.Surname.Confidence)
	// Output:
	// 1974-08-12 0.960 left 0.310 top 0.900 width 0.118 height 0.030
	// ERIKSSON 0.950
}

// FuzzFromMRZReading: whatever the reading (polygons anywhere, NaN,
// confidences out of range, lines of the wrong length), the passport's
// confidences lie in [0, 1], its polygons are finite quadrilaterals or
// none, a field's confidence never exceeds what its characters and check
// digit allow, and its Mindee response can be written.
func FuzzFromMRZReading(f *testing.F) {
	f.Add([]byte{0, 10, 200, 3}, 5.0, 0.9, 0.3)
	f.Add([]byte{255, 255, 1}, math.NaN(), 2.0, -1.0)
	f.Add([]byte{}, 90.0, 0.5, math.Inf(1))
	docs := []mrz.Document{mrz.MustParse(specimen, ref), mrz.MustParse(td1, mrz.WithReferenceDate(field.MustDate(1990, 1, 1)))}
	bad, _ := mrz.Parse(strings.Replace(specimen, "C36", "C37", 1), ref)
	docs = append(docs, bad)
	f.Fuzz(func(t *testing.T, noise []byte, slant, conf, weak float64) {
		var d mrz.Document
		if len(noise) > 0 {
			d = docs[int(noise[0])%len(docs)]
		} else {
			d = docs[0]
		}
		pg := page{slant: slant, origin: geometry.Point{X: 0.1, Y: 0.8}, pitch: 0.02, conf: field.Confidence(conf), low: map[[2]int]field.Confidence{}}
		for i := 0; i+1 < len(noise); i += 2 {
			pg.low[[2]int{1 + int(noise[i])%3, 1 + int(noise[i+1])%44}] = field.Confidence(weak)
		}
		r := pg.read(d.Lines())
		if len(noise) > 1 && noise[1]%5 == 0 {
			r.Chars[0] = r.Chars[0][:len(r.Chars[0])-1]
		}
		if len(noise) > 2 && noise[2]%7 == 0 {
			r.Lines[0] = geometry.Polygon{{X: math.NaN(), Y: 0}}
		}
		r.Orientation = field.Orientation{Degrees: int(slant), Confidence: field.Confidence(conf), Known: true}
		p := passport.FromMRZReading(d, r)
		check := func(name string, c field.Confidence, poly geometry.Polygon) {
			if !(c >= 0 && c <= 1) {
				t.Fatalf("%s: confidence %v", name, c)
			}
			if poly != nil && len(poly) != 4 {
				t.Fatalf("%s: polygon %v", name, poly)
			}
			for _, q := range poly {
				if math.IsNaN(q.X) || math.IsInf(q.X, 0) || math.IsNaN(q.Y) || math.IsInf(q.Y, 0) {
					t.Fatalf("%s: polygon %v", name, poly)
				}
			}
		}
		check("id_number", p.IDNumber.Confidence, p.IDNumber.Polygon)
		check("surname", p.Surname.Confidence, p.Surname.Polygon)
		check("birth_date", p.BirthDate.Confidence, p.BirthDate.Polygon)
		check("mrz1", p.MRZ1.Confidence, p.MRZ1.Polygon)
		check("mrz2", p.MRZ2.Confidence, p.MRZ2.Polygon)
		for _, g := range p.GivenNames {
			check("given_names", g.Confidence, g.Polygon)
		}
		// A failed check digit caps the field at a tenth of its characters'.
		if d.Check(mrz.CheckDocumentNumber) == mrz.CheckFailed && p.IDNumber.Confidence > 0.1 {
			t.Fatalf("failed number at %v", p.IDNumber.Confidence)
		}
		if _, err := json.Marshal(p.Mindee()); err != nil {
			t.Fatalf("Mindee: %v", err)
		}
		if o := p.Orientation; o.Known && o.Degrees%90 != 0 {
			t.Fatalf("orientation %+v", o)
		}
	})
}
