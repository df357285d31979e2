package mrz

import "strings"

// layoutList holds the descriptor of every format, in the order detection
// tries them: among the layouts of the same line lengths, the first whose
// claim holds is taken.
var layoutList = func() []*layout {
	var ls []*layout

	// French driving licence: the first check digit covers 1-14, the last
	// all of 1-29.
	b := newLayout(FrenchDrivingLicence, "FR-DL", 30).codes("D1", "D1")
	b.field(fCode, kCode, 1, 1, 2).field(fIssuing, kCountry, 1, 3, 5).field(fNumber, kText, 1, 6, 14).
		field(fIssueDate, kIssue, 1, 16, 21).field(fSurname, kName, 1, 22, 29).
		check(CheckDocumentNumber, 1, 15, b.sp(1, 1, 14)).
		check(CheckComposite, 1, 30, b.sp(1, 1, 29))
	ls = append(ls, b.done())

	// TD3, TD2 and the visas share their first 28 characters of line 2;
	// they differ in line length and in what follows the expiry date. The
	// visas claim the code V; the French ID card claims its own start.
	for _, v := range []struct {
		f     Format
		label string
		n     int
	}{{MRVA, "MRV-A", 44}, {TD3, "TD3", 44}, {MRVB, "MRV-B", 36}, {FrenchID, "FR-CNI", 36}, {TD2, "TD2", 36}} {
		n := v.n
		if v.f == FrenchID {
			ls = append(ls, frenchIDLayout())
			continue
		}
		b = newLayout(v.f, v.label, n, n)
		b.field(fCode, kCode, 1, 1, 2).field(fIssuing, kCountry, 1, 3, 5).field(fName, kName, 1, 6, n).
			field(fNumber, kText, 2, 1, 9).field(fNationality, kCountry, 2, 11, 13).field(fBirth, kBirth, 2, 14, 19).
			field(fSex, kSex, 2, 21, 21).field(fExpiry, kExpiry, 2, 22, 27).
			check(CheckDocumentNumber, 2, 10, b.sp(2, 1, 9)).
			check(CheckBirthDate, 2, 20, b.sp(2, 14, 19)).
			check(CheckExpiryDate, 2, 28, b.sp(2, 22, 27))
		switch v.f {
		case TD2:
			b.codes("I", "A?", "C?", "I?", "PU")
			b.lay.longNumber = true
			b.field(fOptional, kText, 2, 29, 35).
				check(CheckComposite, 2, 36, b.sp(2, 1, 10), b.sp(2, 14, 20), b.sp(2, 22, 35))
		case TD3:
			b.codes("P", "P?")
			b.lay.kernel = kernelTD3
			b.field(fOptional, kText, 2, 29, 42).
				check(CheckOptionalData, 2, 43, b.sp(2, 29, 42)).
				check(CheckComposite, 2, 44, b.sp(2, 1, 10), b.sp(2, 14, 20), b.sp(2, 22, 43))
		default: // visas: optional data to the end, no composite
			b.codes("V", "V?")
			if n == 44 {
				b.lay.kernel = kernelTD3
			}
			b.lay.claimCode = 'V'

			b.field(fOptional, kText, 2, 29, n)
		}
		ls = append(ls, b.done())
	}

	// Swiss and Liechtenstein driving licence: no check digits; validity is
	// the syntax.
	b = newLayout(SwissDrivingLicence, "CH-DL", 9, 30, 30).codes("FA", "FA")
	b.lay.states = []string{"CHE", "LIE"}
	b.field(fNumber, kText, 1, 1, 6).field(fLanguage, kLetters, 1, 7, 7).
		field(fCode, kCode, 2, 1, 2).field(fIssuing, kCountry, 2, 3, 5).field(fPIN, kDigits, 2, 6, 14).
		field(fVersion, kDigits, 2, 15, 17).field(fBirth, kBirth, 2, 20, 25).field(fName, kName, 3, 1, 30).
		rule(FieldDocumentNumber, 1, 1, 3, ruleAlnum, "", "want letters or digits").
		rule(FieldDocumentNumber, 1, 4, 6, ruleDigit, "", "want digits").
		rule(FieldLanguage, 1, 7, 7, ruleSet, "DFIR", "want D, F, I or R").
		rule(FieldFiller, 1, 8, 9, ruleFiller, "", "want <<").
		rule(FieldFiller, 2, 18, 19, ruleFiller, "", "want <<").
		rule(FieldFiller, 2, 26, 30, ruleFiller, "", "want <<<<<")
	ls = append(ls, b.done())

	// TD1 last: it takes every MRZ of three lines that is not a CH-DL.
	b = newLayout(TD1, "TD1", 30, 30, 30).codes("I", "A?", "C?", "I?")
	b.lay.fallback, b.lay.longNumber, b.lay.bsn = true, true, true
	b.lay.kernel = kernelTD1
	b.field(fCode, kCode, 1, 1, 2).field(fIssuing, kCountry, 1, 3, 5).field(fNumber, kText, 1, 6, 14).
		field(fOptional, kText, 1, 16, 30).
		field(fBirth, kBirth, 2, 1, 6).field(fSex, kSex, 2, 8, 8).field(fExpiry, kExpiry, 2, 9, 14).
		field(fNationality, kCountry, 2, 16, 18).field(fOptional2, kText, 2, 19, 29).field(fName, kName, 3, 1, 30).
		check(CheckDocumentNumber, 1, 15, b.sp(1, 6, 14)).
		check(CheckBirthDate, 2, 7, b.sp(2, 1, 6)).
		check(CheckExpiryDate, 2, 15, b.sp(2, 9, 14)).
		check(CheckComposite, 2, 30, b.sp(1, 6, 30), b.sp(2, 1, 7), b.sp(2, 9, 15), b.sp(2, 19, 29))
	ls = append(ls, b.done())
	return ls
}()

// frenchIDLayout is the French ID card (CNI): the document number is line
// 2, 1-12 (issue date, office, serial); the composite covers all of line 1
// and line 2 up to 35.
func frenchIDLayout() *layout {
	b := newLayout(FrenchID, "FR-CNI", 36, 36).codes("ID", "ID")
	b.lay.claim = frenchID
	b.field(fCode, kCode, 1, 1, 2).field(fIssuing, kCountry, 1, 3, 5).field(fSurname, kName, 1, 6, 30).
		field(fAdmin, kText, 1, 31, 36).
		field(fNumber, kText, 2, 1, 12).part(fIssueDate, kIssue, 2, 1, 4).part(fOffice, kText, 2, 5, 7).
		field(fGiven, kName, 2, 14, 27).field(fBirth, kBirth, 2, 28, 33).field(fSex, kSex, 2, 35, 35).
		check(CheckDocumentNumber, 2, 13, b.sp(2, 1, 12)).
		check(CheckBirthDate, 2, 34, b.sp(2, 28, 33)).
		check(CheckComposite, 2, 36, b.sp(1, 1, 36), b.sp(2, 1, 35))
	return b.done()
}

// frenchID reports whether a 2x36 MRZ is a French ID card (CNI): line 1
// starts IDFRA, or holds a digit in positions 31-35 (where a TD2 name
// cannot).
func frenchID(raw string, line1 int) bool {
	if line1 != 36 {
		return false
	}
	if strings.HasPrefix(raw, "IDFRA") {
		return true
	}
	for i := 30; i < 35; i++ {
		if isDigit(raw[i]) {
			return true
		}
	}
	return false
}

// layouts indexes layoutList by format.
var layouts = func() [numFormats]*layout {
	var ls [numFormats]*layout
	for _, l := range layoutList {
		ls[l.format] = l
	}
	return ls
}()

func layoutOf(f Format) *layout {
	if int(f) < len(layouts) {
		return layouts[f]
	}
	return nil
}

// quickShapes lists, by the length of raw, the layouts whose lines joined
// by '\n' have that length, in detection order: Parse's fast path tries
// them on input that needs no change.
var quickShapes = func() (t [maxRaw + 1][]*layout) {
	for _, l := range layoutList {
		n := l.total() + int(l.nlines) - 1
		t[n] = append(t[n], l)
	}
	return t
}()

// quickLayout returns the layout of s when s is an MRZ whose lines are
// separated by '\n' and have exactly the lengths of a layout (those of the
// first whose claim holds), and nil otherwise. The characters are not
// checked: the scan does that.
func quickLayout(s string) *layout {
	if len(s) >= len(quickShapes) {
		return nil
	}
	for _, l := range quickShapes[len(s)] {
		// len(s) is that of l's raw: its line breaks lie inside s.
		if (l.nlines > 1 && s[l.breaks[0]] != '\n') || (l.nlines > 2 && s[l.breaks[1]] != '\n') {
			continue
		}
		if l.claimCode != 0 {
			if s[0] == l.claimCode {
				return l
			}
			continue
		}
		if l.claim == nil || l.claim(s, int(l.lens[0])) {
			return l
		}
	}
	return nil
}
