package ocr

import (
	"errors"
	"strings"

	"github.com/mrzkit/mrzkit/mrz"
)

// Not being sure: check digits protect the numbers and dates of an MRZ, not
// its names, codes and fillers. A character there that the classifier gave
// little probability would make a wrong reading look valid, so such a
// reading is reported ambiguous at that character instead (invalid, with
// a CheckError of kind mrz.ErrAmbiguous): "not sure" is a fine answer, a
// wrong valid one is the worst.

// A character leaves the reading unsure when its confidence (after the
// check digits' boost) is below minSure, or below minSureMoved when moving
// its cell a little changed what the classifier read (see classifyCells).
// The classifier is sometimes sure of a wrong letter: on 560 readings of
// rendered pages (small, blurred, lit unevenly, turned, in perspective)
// that the decoder took for valid, the three wrong ones had a character
// read below 0.5, or below 0.85 and moving; 13 right ones were caught too.
const (
	minSure      = 0.5
	minSureMoved = 0.85
)

// minSureOddName is the confidence below which a letter standing where a
// name has ended (after the name's second "<<") leaves the reading unsure:
// a compliant MRZ puts nothing but fillers there, so a letter read there
// must be read well.
const minSureOddName = 0.9

// doubt returns the characters of r the reading is not sure of, as check
// errors, given each character's confidence.
func (r *reading) doubt(conf [][]float64) mrz.ValidationError {
	d := r.cand.Document

	var out mrz.ValidationError
	flag := func(line, col int) {
		for _, e := range out {
			if e.Line == line && e.Column == col {
				return
			}
		}
		out = append(out, &mrz.CheckError{Field: fieldAt(d, line, col), Line: line, Column: col,
			Kind: mrz.ErrAmbiguous, Detail: "character not read with confidence"})
	}
	for i, l := range conf {
		for j, c := range l {
			cell := r.cells[i][j]
			if c < minSure || (c < minSureMoved && !cell.s.stable[cell.i]) {
				flag(i+1, j+1)
			}
		}
	}
	if f := d.Format(); f != mrz.FrenchID && f != mrz.FrenchDrivingLicence {
		if line, col, n, ok := d.Position("name"); ok && line <= len(r.lines) && col-1+n <= len(r.lines[line-1]) {
			name := r.lines[line-1][col-1 : col-1+n]
			if first := strings.Index(name, "<<"); first >= 0 {
				if second := strings.Index(name[first+2:], "<<"); second >= 0 {
					for k := first + 2 + second + 2; k < n; k++ {
						if name[k] != '<' && conf[line-1][col-1+k] < minSureOddName {
							flag(line, col+k)
						}
					}
				}
			}
		}
	}
	return out
}

// fieldNames are the fields Document.Position knows.
var fieldNames = [...]mrz.FieldName{mrz.FieldDocumentCode, mrz.FieldIssuingState, mrz.FieldDocumentNumber,
	mrz.FieldNationality, mrz.FieldBirthDate, mrz.FieldSex, mrz.FieldExpiryDate, mrz.FieldOptionalData,
	mrz.FieldOptionalData2, mrz.FieldHolderName, mrz.FieldGivenNames, mrz.FieldIssueDate}

// fieldAt names the field of d at line and col as mrz's errors do: the
// field, the check digit that follows one ("birth_date_check"), or ""
// where Document.Position knows no field.
func fieldAt(d mrz.Document, line, col int) mrz.FieldName {
	for _, f := range fieldNames {
		if l, c, n, ok := d.Position(f); ok && l == line && col >= c && col < c+n {
			return f
		}
	}
	for _, f := range checkedFields {
		if l, c, n, ok := d.Position(f.name); ok && l == line && col == c+n && d.Check(f.check) != mrz.CheckAbsent {
			return f.name + "_check"
		}
	}
	return ""
}

// withDoubts adds the doubts to the candidate's error, making it invalid.
func withDoubts(err error, doubts mrz.ValidationError) error {
	if len(doubts) == 0 {
		return err
	}
	var ve mrz.ValidationError
	if errors.As(err, &ve) {
		out := append(mrz.ValidationError(nil), ve...)
		for _, d := range doubts {
			dup := false
			for _, e := range out {
				if e.Line == d.Line && e.Column == d.Column && e.Kind == d.Kind {
					dup = true
				}
			}
			if !dup {
				out = append(out, d)
			}
		}
		sortChecks(out)
		return out
	}
	if err != nil {
		return errors.Join(err, doubts)
	}
	return doubts
}

func sortChecks(v mrz.ValidationError) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && (v[j].Line < v[j-1].Line || v[j].Line == v[j-1].Line && v[j].Column < v[j-1].Column); j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}
