package pages

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// Reference is the reference date the generated MRZs are encoded against
// (and must be read against): birth dates fall before it, expiry dates
// within 50 years of it.
var Reference = mustDate(2026, time.January, 1)

func mustDate(y int, m time.Month, d int) field.Date {
	v, err := field.NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return v
}

// Formats are the layouts the generator writes, every one mrz parses.
var Formats = []mrz.Format{mrz.TD1, mrz.TD2, mrz.TD3, mrz.MRVA, mrz.MRVB,
	mrz.FrenchID, mrz.SwissDrivingLicence, mrz.FrenchDrivingLicence}

var states = []string{"UTO", "D", "FRA", "EST", "AZE", "USA", "GBR", "NLD", "ITA", "ESP", "POL", "SWE", "CAN", "AUS", "JPN", "BRA", "IND", "ZAF"}

const (
	letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits  = "0123456789"
	alnum   = digits + letters
)

func pick(r *rand.Rand, set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[r.IntN(len(set))]
	}
	return string(b)
}

func date(r *rand.Rand, y0, y1 int) field.Date {
	y := y0 + r.IntN(y1-y0+1)
	return mustDate(y, time.Month(1+r.IntN(12)), 1+r.IntN(28))
}

// RandomFields returns the fields of a random valid MRZ of format f.
func RandomFields(r *rand.Rand, f mrz.Format) mrz.Fields {
	sex := []field.Sex{field.SexMale, field.SexFemale, field.SexUnspecified}[r.IntN(3)]
	given := []string{pick(r, letters, 3+r.IntN(6))}
	if r.IntN(2) == 0 {
		given = append(given, pick(r, letters, 3+r.IntN(6)))
	}
	fs := mrz.Fields{
		Format:         f,
		IssuingState:   states[r.IntN(len(states))],
		Nationality:    states[r.IntN(len(states))],
		DocumentNumber: pick(r, alnum, 2) + pick(r, digits, 4+r.IntN(4)),
		Surname:        pick(r, letters, 3+r.IntN(10)),
		GivenNames:     given,
		BirthDate:      date(r, 1940, 2010),
		Sex:            sex,
		ExpiryDate:     date(r, 2026, 2036),
	}
	if r.IntN(3) == 0 {
		fs.OptionalData = pick(r, alnum, 4+r.IntN(8))
	}
	switch f {
	case mrz.TD1:
		if r.IntN(3) == 0 {
			fs.OptionalData2 = pick(r, digits, 3+r.IntN(6))
		}
		if fs.OptionalData != "" && len(fs.OptionalData) > 15 {
			fs.OptionalData = fs.OptionalData[:15]
		}
	case mrz.TD2, mrz.MRVB:
		if len(fs.OptionalData) > 7 {
			fs.OptionalData = fs.OptionalData[:7]
		}
	case mrz.FrenchID:
		fs.IssuingState = "FRA"
		fs.Nationality = ""
		// Issue year and month, office, serial.
		fs.DocumentNumber = fmt.Sprintf("%02d%02d", []int{r.IntN(10) + 90, r.IntN(21)}[r.IntN(2)], 1+r.IntN(12)) + pick(r, digits, 8)
		fs.AdministrativeCode = pick(r, digits, 3) + "<<<"
		fs.OptionalData = ""
		fs.ExpiryDate = field.Date{}
		fs.GivenNames = given[:1]
	case mrz.SwissDrivingLicence:
		fs.IssuingState = "CHE"
		fs.Nationality = ""
		fs.DocumentNumber = pick(r, letters, 3) + pick(r, digits, 3)
		fs.Language = string("DFIR"[r.IntN(4)])
		fs.PIN = pick(r, digits, 9)
		fs.Version = pick(r, digits, 3)
		fs.OptionalData = ""
		fs.ExpiryDate = field.Date{}
		fs.Sex = field.SexUnknown
	case mrz.FrenchDrivingLicence:
		fs.IssuingState = "FRA"
		fs.Nationality = ""
		fs.DocumentNumber = pick(r, digits, 2) + pick(r, letters, 2) + pick(r, digits, 5)
		fs.IssueDate = date(r, 2013, 2025)
		fs.OptionalData = ""
		fs.ExpiryDate = field.Date{}
		fs.BirthDate = field.Date{}
		fs.Sex = field.SexUnknown
		fs.GivenNames = nil
	}
	return fs
}

// RandomMRZ returns the lines of a random valid MRZ of format f.
func RandomMRZ(r *rand.Rand, f mrz.Format) ([]string, error) {
	var last error
	for try := 0; try < 20; try++ {
		e, err := mrz.Encode(RandomFields(r, f), mrz.WithReferenceDate(Reference))
		if err == nil {
			return e.Lines, nil
		}
		last = err
	}
	return nil, fmt.Errorf("pages: no valid %v MRZ: %w", f, last)
}
