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

// positionTypes says what each position of the layout may hold, from its
// descriptor: the characters its rules fix, the kinds of its fields, and
// the check digits.
func positionTypes(l *layout, n int) []ptype {
	t := make([]ptype, n)
	mark := func(sp span, p ptype) {
		for i := int(sp.off); i < sp.end() && i < n; i++ {
			t[i] = p
		}
	}
	for _, r := range l.rules {
		switch r.allow {
		case ruleFiller:
			mark(r.sp, tFiller)
		case ruleDigit:
			mark(r.sp, tDigit)
		}
	}
	for _, fd := range l.fields {
		if p, ok := l.kindType(fd.kind); ok {
			mark(fd.sp, p)
		}
	}
	for _, c := range l.checks {
		if int(c.pos) < n {
			t[c.pos] = tDigit
		}
	}
	return t
}

// kindType returns the position type of a field kind, and false for a kind
// that may hold anything.
func (l *layout) kindType(k fieldKind) (ptype, bool) {
	switch k {
	case kCode:
		// Letters, unless a code of the layout holds a digit (FR-DL "D1").
		for _, c := range l.codes {
			if isDigit(c[0]) || isDigit(c[1]) {
				return tAny, false
			}
		}
		return tLetter, true
	case kCountry:
		return tCountry, true
	case kBirth, kExpiry, kIssue, kDigits:
		return tDigit, true
	case kSex:
		return tSex, true
	case kName, kLetters:
		return tLetter, true
	}
	return tAny, false
}
