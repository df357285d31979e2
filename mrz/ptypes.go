package mrz

// ptype is what a position of an MRZ may hold, for repair.
type ptype uint8

const (
	tAny     ptype = iota // letters, digits and fillers: numbers, optional data
	tDigit                // dates, check digits
	tLetter               // names, document codes
	tCountry              // a country code
	tSex                  // M, F, X, <
	tFiller               // a fixed filler
)

// positionTypes says what each position of the layout may hold.
func positionTypes(l *layout, n int) []ptype {
	t := make([]ptype, n)
	mark := func(id fieldID, p ptype) {
		sp := l.f[id]
		for i := int(sp.off); i < sp.end() && i < n; i++ {
			t[i] = p
		}
	}
	if l.format == SwissDrivingLicence {
		for _, o := range []int{7, 8, 27, 28, 35, 36, 37, 38, 39} {
			t[o] = tFiller
		}
		for o := 3; o < 6; o++ {
			t[o] = tDigit // the number is three letters or digits, then three digits
		}
	}
	if l.format != FrenchDrivingLicence {
		mark(fCode, tLetter)
	}
	mark(fIssuing, tCountry)
	mark(fNationality, tCountry)
	for _, id := range []fieldID{fBirth, fExpiry, fIssueDate, fPIN, fVersion} {
		mark(id, tDigit)
	}
	mark(fSex, tSex)
	for _, id := range []fieldID{fName, fSurname, fGiven, fLanguage} {
		mark(id, tLetter)
	}
	for _, c := range l.checks {
		if int(c.pos) < n {
			t[c.pos] = tDigit
		}
	}
	return t
}
