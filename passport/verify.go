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
	var out []Finding
	add := func(fieldName string, kind FindingKind, msg string) {
		out = append(out, Finding{fieldName, kind, msg})
	}
	today := opts.Today
	if !today.IsFull() {
		today = field.Today()
	}
	lines := p.MRZLines()
	var d mrz.Document
	readable := false
	switch {
	case len(lines) == 0:
		add("mrz1", FindingMissing, "no MRZ lines were returned")
	default:
		var err error
		d, err = mrz.Parse(strings.Join(lines, "\n"), mrz.WithReferenceDate(today))
		var se *mrz.SyntaxError
		var ve mrz.ValidationError
		switch {
		case errors.As(err, &se):
			where := "mrz1"
			if se.Line == 2 {
				where = "mrz2"
			} else if se.Line == 3 {
				where = "mrz3"
			}
			add(where, FindingSyntax, "MRZ unreadable: "+se.Kind.Error())
		case errors.As(err, &ve):
			readable = true
			for _, e := range ve {
				name, ok := mrzFieldNames[string(e.Field)]
				if !ok {
					name = "mrz" + string(rune('0'+e.Line))
				}
				if errors.Is(e, mrz.ErrCheckDigit) {
					add(name, FindingCheckDigit, "MRZ check digit does not match ("+string(e.Field)+")")
				} else {
					add(name, FindingSyntax, "MRZ field invalid: "+e.Kind.Error())
				}
			}
		default:
			readable = true
		}
	}
	src := returned[p.Source]
	missing := func(name string) {
		if src[name] {
			add(name, FindingMissing, "the MRZ holds this field but it was not returned")
		}
	}
	if readable {
		// Document number.
		if p.IDNumber.IsZero() {
			missing("id_number")
		} else if normNumber(p.IDNumber.Value) != normNumber(d.DocumentNumber()) {
			add("id_number", FindingMismatch, "printed document number differs from the MRZ")
		}
		// Names.
		if sur := d.Surname(); sur != "" || p.Surname.Value != "" {
			switch {
			case p.Surname.IsZero():
				missing("surname")
			case !namesMatch(p.Surname.Value, sur, d.NameTruncated()):
				add("surname", FindingMismatch, "printed surname differs from the MRZ")
			}
		}
		if given := strings.Join(d.GivenNames(), " "); given != "" || p.GivenNamesText() != "" {
			switch {
			case p.GivenNamesText() == "":
				missing("given_names")
			case !namesMatch(p.GivenNamesText(), given, d.NameTruncated()):
				add("given_names", FindingMismatch, "printed given names differ from the MRZ")
			}
		}
		// Dates.
		checkDate := func(name string, printed field.Field[field.Date], fromMRZ field.Date) {
			switch {
			case fromMRZ.IsZero():
			case printed.IsZero():
				missing(name)
			case !datesAgree(printed.Value, fromMRZ):
				add(name, FindingMismatch, "printed date differs from the MRZ")
			}
		}
		checkDate("birth_date", p.BirthDate, d.BirthDate())
		checkDate("expiry_date", p.ExpiryDate, d.ExpiryDate())
		// Sex: '<' in the MRZ says nothing to compare with.
		if s := d.Sex(); s == field.SexMale || s == field.SexFemale || s == field.SexX {
			switch {
			case p.Gender.IsZero() || p.Gender.Value == field.SexUnspecified:
				missing("gender")
			case p.Gender.Value != s:
				add("gender", FindingMismatch, "printed sex differs from the MRZ")
			}
		}
		checkCountry := func(name string, printed field.Field[field.Country], fromMRZ field.Country) {
			switch {
			case fromMRZ.IsZero():
			case printed.IsZero():
				missing(name)
			case printed.Value.ISOCode() != fromMRZ.ISOCode():
				add(name, FindingMismatch, "printed country differs from the MRZ")
			}
		}
		checkCountry("country", p.Country, d.IssuingState())
		checkCountry("nationality", p.Nationality, d.Nationality())
	}
	// Expiry: the MRZ's date when it has one, else the printed one.
	exp := p.ExpiryDate.Value
	if readable && d.ExpiryDate().IsFull() {
		exp = d.ExpiryDate()
	}
	if exp.IsFull() && exp.Before(today) {
		add("expiry_date", FindingExpired, "the document expired before the reference date")
	}
	if opts.MinConfidence > 0 {
		low := func(name string, ok bool, c field.Confidence) {
			if ok && c < opts.MinConfidence {
				add(name, FindingLowConfidence, "confidence below the minimum")
			}
		}
		low("id_number", !p.IDNumber.IsZero(), p.IDNumber.Confidence)
		low("surname", !p.Surname.IsZero(), p.Surname.Confidence)
		for _, g := range p.GivenNames {
			if !g.IsZero() && g.Confidence < opts.MinConfidence {
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
	return out
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
