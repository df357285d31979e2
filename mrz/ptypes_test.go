package mrz

import "testing"

// positionTypesBefore is positionTypes as it was written before the
// descriptors: the reference the descriptor-driven one must match.
func positionTypesBefore(l *layout, n int) []ptype {
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

// TestPositionTypesFromDescriptors checks that the position types read
// from the descriptors are those the code before them wrote by hand.
func TestPositionTypesFromDescriptors(t *testing.T) {
	for _, l := range layoutList {
		n := l.total() + int(l.nlines) - 1
		got, want := positionTypes(l, n), positionTypesBefore(l, n)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s offset %d: %d, want %d", l.label, i, got[i], want[i])
			}
		}
	}
}
