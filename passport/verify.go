package passport

import (
	"errors"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// FindingKind classifies a Finding.
type FindingKind string

// The kinds of finding.
const (
	// FindingSyntax: the MRZ is unreadable, or a field of it is invalid.
	FindingSyntax FindingKind = "syntax"
	// FindingCheckDigit: an MRZ check digit does not match.
	FindingCheckDigit FindingKind = "check_digit"
	// FindingMismatch: a printed field disagrees with the MRZ.
	FindingMismatch FindingKind = "mismatch"
	// FindingMissing: the MRZ holds a field the vendor did not return.
	FindingMissing FindingKind = "missing"
	// FindingExpired: the document expired before the reference date.
	FindingExpired FindingKind = "expired"
	// FindingLowConfidence: a field's confidence is under the minimum.
	FindingLowConfidence FindingKind = "low_confidence"
)

// Finding is one problem Verify found. Field is a Mindee field name
// (id_number, surname, given_names, birth_date, expiry_date, gender,
// country, mrz1, mrz2), nationality, or mrz3 for the third line of a TD1
// MRZ. Message is fixed text: it never holds the value of a field.
type Finding struct {
	Field   string      `json:"field"`
	Kind    FindingKind `json:"kind"`
	Message string      `json:"message"`
}

// VerifyOptions configure Verify. The zero value checks expiry against
// today and ignores confidences.
type VerifyOptions struct {
	// Today is the reference date for expiry and for the centuries of the
	// MRZ's two-digit years (default: today).
	Today field.Date
	// MinConfidence, when above 0, reports every returned field whose
	// confidence is lower.
	MinConfidence field.Confidence
}

// returned lists the fields each source can return, so that Verify does not
// call a field missing that the vendor never gives (Mindee's passport v1
// has no nationality; Textract's AnalyzeID no sex or country).
var returned = map[Source]map[string]bool{
	SourceMindee: {"id_number": true, "surname": true, "given_names": true, "birth_date": true,
		"expiry_date": true, "gender": true, "country": true},
	SourceTextract: {"id_number": true, "surname": true, "given_names": true, "birth_date": true,
		"expiry_date": true},
	SourceScanDocument: {"id_number": true, "surname": true, "given_names": true, "birth_date": true,
		"expiry_date": true, "gender": true, "country": true, "nationality": true},
}

// mrzFieldNames maps the MRZ's field names to Mindee's.
var mrzFieldNames = map[string]string{
	"document_number": "id_number", "birth_date": "birth_date", "expiry_date": "expiry_date",
	"issuing_state": "country", "nationality": "nationality", "sex": "gender", "name": "surname",
}

// Verify checks a passport read by a vendor against its own MRZ: that the
// MRZ is readable and its check digits hold, that every printed field
// agrees with it (names after ICAO transliteration of the printed value and
// allowing for MRZ truncation, dates as dates, countries through their ISO
// equivalents), that the vendor returned what the MRZ holds, that the
// document has not expired, and that confidences reach the minimum. It
// returns the findings in that order; none means the passport is consistent.
func Verify(p Passport, opts VerifyOptions) []Finding {
	v := verifier{p: p, opts: opts, today: opts.Today, src: returned[p.Source]}
	if !v.today.IsFull() {
		v.today = field.Today()
	}
	readable := v.parse()
	if readable {
		v.compareNumber()
		v.compareNames()
		v.compareDate("birth_date", p.BirthDate, v.d.BirthDate())
		v.compareDate("expiry_date", p.ExpiryDate, v.d.ExpiryDate())
		v.compareSex()
		v.compareCountry("country", p.Country, v.d.IssuingState())
		v.compareCountry("nationality", p.Nationality, v.d.Nationality())
	}
	v.checkExpiry(readable)
	if opts.MinConfidence > 0 {
		v.checkConfidences()
	}
	return v.out
}

// verifier holds what Verify has found so far.
type verifier struct {
	p     Passport
	opts  VerifyOptions
	today field.Date
	src   map[string]bool // the fields the source can return
	d     mrz.Document
	out   []Finding
}

func (v *verifier) add(fieldName string, kind FindingKind, msg string) {
	v.out = append(v.out, Finding{fieldName, kind, msg})
}

// missing reports a field the MRZ holds, when the source could return it.
func (v *verifier) missing(name string) {
	if v.src[name] {
		v.add(name, FindingMissing, "the MRZ holds this field but it was not returned")
	}
}

// parse parses the MRZ lines into v.d, reporting why they are unreadable or
// which checks fail, and reports whether they were readable.
func (v *verifier) parse() bool {
	lines := v.p.MRZLines()
	if len(lines) == 0 {
		v.add("mrz1", FindingMissing, "no MRZ lines were returned")
		return false
	}
	var err error
	v.d, err = mrz.Parse(strings.Join(lines, "\n"), mrz.WithReferenceDate(v.today))
	var se *mrz.SyntaxError
	var ve mrz.ValidationError
	switch {
	case errors.As(err, &se):
		v.add(mrzLineName(se.Line), FindingSyntax, "MRZ unreadable: "+se.Kind.Error())
		return false
	case errors.As(err, &ve):
		for _, e := range ve {
			name, ok := mrzFieldNames[string(e.Field)]
			if !ok {
				name = mrzLineName(e.Line)
			}
			if errors.Is(e, mrz.ErrCheckDigit) {
				v.add(name, FindingCheckDigit, "MRZ check digit does not match ("+string(e.Field)+")")
			} else {
				v.add(name, FindingSyntax, "MRZ field invalid: "+e.Kind.Error())
			}
		}
	}
	return true
}

// mrzLineName names MRZ line n (1-based) as a field: mrz1, mrz2 or mrz3;
// mrz1 when the line is not known.
func mrzLineName(n int) string {
	switch n {
	case 2:
		return "mrz2"
	case 3:
		return "mrz3"
	}
	return "mrz1"
}

func (v *verifier) compareNumber() {
	switch {
	case v.p.IDNumber.IsZero():
		v.missing("id_number")
	case normNumber(v.p.IDNumber.Value) != normNumber(v.d.DocumentNumber()):
		v.add("id_number", FindingMismatch, "printed document number differs from the MRZ")
	}
}

func (v *verifier) compareNames() {
	if sur := v.d.Surname(); sur != "" || v.p.Surname.Value != "" {
		switch {
		case v.p.Surname.IsZero():
			v.missing("surname")
		case !namesMatch(v.p.Surname.Value, sur, v.d.NameTruncated()):
			v.add("surname", FindingMismatch, "printed surname differs from the MRZ")
		}
	}
	printed := v.p.GivenNamesText()
	if given := strings.Join(v.d.GivenNames(), " "); given != "" || printed != "" {
		switch {
		case printed == "":
			v.missing("given_names")
		case !namesMatch(printed, given, v.d.NameTruncated()):
			v.add("given_names", FindingMismatch, "printed given names differ from the MRZ")
		}
	}
}

func (v *verifier) compareDate(name string, printed field.Field[field.Date], fromMRZ field.Date) {
	compare(v, name, printed, fromMRZ, datesAgree, "printed date differs from the MRZ")
}

func (v *verifier) compareCountry(name string, printed field.Field[field.Country], fromMRZ field.Country) {
	compare(v, name, printed, fromMRZ, func(a, b field.Country) bool { return a.ISOCode() == b.ISOCode() },
		"printed country differs from the MRZ")
}

// compare reports a printed field the MRZ holds as missing, or as a
// mismatch when agree says it differs from the MRZ's value.
func compare[T field.Value](v *verifier, name string, printed field.Field[T], fromMRZ T, agree func(printed, fromMRZ T) bool, msg string) {
	var zero T
	switch {
	case fromMRZ == zero:
	case printed.IsZero():
		v.missing(name)
	case !agree(printed.Value, fromMRZ):
		v.add(name, FindingMismatch, msg)
	}
}

// compareSex compares the sex; '<' in the MRZ says nothing to compare with.
func (v *verifier) compareSex() {
	s := v.d.Sex()
	if s != field.SexMale && s != field.SexFemale && s != field.SexX {
		return
	}
	switch {
	case v.p.Gender.IsZero() || v.p.Gender.Value == field.SexUnspecified:
		v.missing("gender")
	case v.p.Gender.Value != s:
		v.add("gender", FindingMismatch, "printed sex differs from the MRZ")
	}
}

// checkExpiry reports a document expired before the reference date: by the
// MRZ's expiry date when it has one, else by the printed one.
func (v *verifier) checkExpiry(readable bool) {
	exp := v.p.ExpiryDate.Value
	if readable && v.d.ExpiryDate().IsFull() {
		exp = v.d.ExpiryDate()
	}
	if exp.IsFull() && exp.Before(v.today) {
		v.add("expiry_date", FindingExpired, "the document expired before the reference date")
	}
}

// checkConfidences reports every returned field whose confidence is under
// the minimum (the given names once).
func (v *verifier) checkConfidences() {
	p := v.p
	low := func(name string, ok bool, c field.Confidence) {
		if ok && c < v.opts.MinConfidence {
			v.add(name, FindingLowConfidence, "confidence below the minimum")
		}
	}
	low("id_number", !p.IDNumber.IsZero(), p.IDNumber.Confidence)
	low("surname", !p.Surname.IsZero(), p.Surname.Confidence)
	for _, g := range p.GivenNames {
		if !g.IsZero() && g.Confidence < v.opts.MinConfidence {
			low("given_names", true, g.Confidence)
			break
		}
	}
	low("birth_date", !p.BirthDate.IsZero(), p.BirthDate.Confidence)
	low("expiry_date", !p.ExpiryDate.IsZero(), p.ExpiryDate.Confidence)
	low("gender", !p.Gender.IsZero(), p.Gender.Confidence)
	low("country", !p.Country.IsZero(), p.Country.Confidence)
	low("nationality", !p.Nationality.IsZero(), p.Nationality.Confidence)
	low("mrz1", !p.MRZ1.IsZero(), p.MRZ1.Confidence)
	low("mrz2", !p.MRZ2.IsZero(), p.MRZ2.Confidence)
}

// normNumber upper-cases a document number and drops spaces, hyphens and
// fillers.
func normNumber(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '<', '\t':
			return -1
		}
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

// translitVariants are the ICAO forms a printed name may take in the MRZ.
var translitVariants = []mrz.TranslitOption{0, mrz.ShortUmlauts, mrz.XXForms, mrz.ShortARing,
	mrz.ShortUmlauts | mrz.ShortARing, mrz.Ukrainian, mrz.Belarusian}

// namesMatch compares a printed name with the MRZ's: the printed name is
// transliterated with each ICAO variant; separators (spaces, hyphens, '<')
// count as one, and may be left out; a truncated MRZ name need only be a
// prefix.
func namesMatch(printed, fromMRZ string, truncated bool) bool {
	m := strings.ToUpper(strings.Join(strings.Fields(strings.ReplaceAll(fromMRZ, "<", " ")), " "))
	mTight := strings.ReplaceAll(m, " ", "")
	for _, v := range translitVariants {
		t, err := mrz.Transliterate(printed, v)
		if err != nil {
			continue
		}
		t = strings.ReplaceAll(t, "<", " ")
		tTight := strings.ReplaceAll(t, " ", "")
		if t == m || tTight == mTight {
			return true
		}
		if truncated && mTight != "" && strings.HasPrefix(tTight, mTight) {
			return true
		}
	}
	return false
}

// datesAgree compares a printed date with the MRZ's, which may be partial.
func datesAgree(printed, fromMRZ field.Date) bool {
	if fromMRZ.Year() != 0 && printed.Year() != fromMRZ.Year() {
		return false
	}
	if fromMRZ.Month() != 0 && printed.Month() != fromMRZ.Month() {
		return false
	}
	if fromMRZ.Day() != 0 && printed.Day() != fromMRZ.Day() {
		return false
	}
	return true
}
