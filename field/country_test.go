package field_test

import (
	"testing"

	"github.com/biter777/countries"
	"github.com/mrzkit/mrzkit/field"
)

// TestCountryTableAgreesWithLibrary checks the generated table against the
// library it was generated from: every current ISO 3166-1 code is there with
// the same alpha-2 and name, and nothing else claims to be ISO.
func TestCountryTableAgreesWithLibrary(t *testing.T) {
	notISO := map[string]bool{"XKX": true, "ANT": true, "YUG": true}
	n := 0
	for _, c := range countries.All() {
		a3 := c.Alpha3()
		if notISO[a3] {
			if _, ok := field.LookupCountry(a3); ok {
				t.Errorf("%s is not ISO 3166-1 but is in the table", a3)
			}
			continue
		}
		n++
		got, ok := field.LookupCountry(a3)
		if !ok || got.Alpha3() != a3 || got.Alpha2() != c.Alpha2() || got.Name() != c.String() || !got.IsISO() {
			t.Errorf("%s: got %q %q %q", a3, got.Alpha3(), got.Alpha2(), got.Name())
		}
	}
	if n != 249 {
		t.Errorf("%d ISO codes, want 249", n)
	}
	iso := 0
	for _, c := range field.Countries() {
		if c.Code() == c.Alpha3() {
			iso++
		}
	}
	if iso != n {
		t.Errorf("table has %d ISO codes, library %d (regenerate: go run ./internal/gen/countries)", iso, n)
	}
}

func TestCountryLookup(t *testing.T) {
	tests := []struct {
		in, code, alpha3, alpha2, mrz string
		ok                            bool
	}{
		{"D", "D", "DEU", "DE", "D<<", true},
		{"D<<", "D", "DEU", "DE", "D<<", true},
		{"DEU", "DEU", "DEU", "DE", "DEU", true},
		{"UTO", "UTO", "", "", "UTO", true},
		{"GBS", "GBS", "", "", "GBS", true},
		{"RKS", "RKS", "", "", "RKS", true},
		{"XXA", "XXA", "", "", "XXA", true},
		{"GBR", "GBR", "GBR", "GB", "GBR", true},
		{"gbr", "", "", "", "", false},
		{"XKX", "", "", "", "", false},
		{"D<", "D", "DEU", "DE", "D<<", true},
		{"<<<", "", "", "", "", false},
		{"", "", "", "", "", false},
		{"DEUX", "", "", "", "", false},
		{"YTO", "", "", "", "", false},
	}
	for _, tt := range tests {
		c, ok := field.LookupCountry(tt.in)
		if ok != tt.ok || c.Code() != tt.code || c.Alpha3() != tt.alpha3 || c.Alpha2() != tt.alpha2 || c.MRZ() != tt.mrz {
			t.Errorf("LookupCountry(%q) = %q %q %q %q %v", tt.in, c.Code(), c.Alpha3(), c.Alpha2(), c.MRZ(), ok)
		}
	}
	// GBS must never become Guinea-Bissau (GNB), as a fuzzy lookup would.
	if c, _ := field.LookupCountry("GBS"); c.Name() == "Guinea-Bissau" || c.ISOCode() != "GBS" {
		t.Errorf("GBS: %s", c.Name())
	}
	for in, want := range map[string]string{"de": "DEU", " gbr ": "GBR", "D": "D", "uto": "UTO", "GB": "GBR"} {
		c, err := field.ParseCountry(in)
		if err != nil || c.Code() != want {
			t.Errorf("ParseCountry(%q) = %q, %v", in, c.Code(), err)
		}
	}
	for _, in := range []string{"Germany", "XK", "", "ZZ", "G B R"} {
		if _, err := field.ParseCountry(in); err == nil {
			t.Errorf("ParseCountry(%q): want an error", in)
		}
	}
	var zero field.Country
	if !zero.IsZero() || zero.Code() != "" || zero.Name() != "" || zero.MRZ() != "" {
		t.Error("zero Country has data")
	}
}

func TestCountryText(t *testing.T) {
	c := field.MustParseCountry("D")
	b, _ := c.MarshalText()
	var back field.Country
	if err := back.UnmarshalText(b); err != nil || back != c || string(b) != "D" || c.ISOCode() != "DEU" {
		t.Errorf("%s %v %v", b, back, err)
	}
}

func TestSex(t *testing.T) {
	for in, want := range map[string]field.Sex{"M": field.SexMale, "f": field.SexFemale, "X": field.SexX, "<": field.SexUnspecified,
		"": field.SexUnknown, "male": field.SexMale, "FEMALE": field.SexFemale} {
		got, err := field.ParseSex(in)
		if err != nil || got != want {
			t.Errorf("ParseSex(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"Q", "MF", "0"} {
		if _, err := field.ParseSex(in); err == nil {
			t.Errorf("ParseSex(%q): want an error", in)
		}
	}
	for _, s := range []field.Sex{field.SexMale, field.SexFemale, field.SexX, field.SexUnspecified} {
		back, ok := field.SexFromMRZ(s.MRZ())
		if !ok || back != s {
			t.Errorf("MRZ round trip of %v", s)
		}
	}
}
