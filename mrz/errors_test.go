package mrz_test

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// markers are strings put into malformed input; no error may repeat one.
var markers = []string{"QXZMARK", "qxzmark", "8675309", "Q<X<Z<M", "ÆQXZØ", "✓QXZ$"}

// errorLeaks reports the marker an error message repeats, or "".
func errorLeaks(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	for _, m := range markers {
		if strings.Contains(msg, m) || strings.Contains(strings.ToUpper(msg), strings.ToUpper(m)) {
			return m
		}
	}
	return ""
}

// malformedMRZs returns inputs carrying the markers: MRZs of every format
// with a marker put anywhere, cut, doubled, or in the wrong case.
func malformedMRZs(r *rand.Rand, n int) []string {
	bases := []string{td3, td1, td2, mrva, mrvb, fraCNI, cheDL, "D1FRA13AA000026181231MARTIN<<9"}
	var out []string
	for len(out) < n {
		base := bases[r.Intn(len(bases))]
		m := markers[r.Intn(len(markers))]
		at := r.Intn(len(base))
		var s string
		switch r.Intn(6) {
		case 0: // over the MRZ, keeping the length
			s = base[:at] + m + base[min(at+len(m), len(base)):]
		case 1: // inserted
			s = base[:at] + m + base[at:]
		case 2: // a line of its own
			s = base + "\n" + m
		case 3: // lower case around it
			s = strings.ToLower(base[:at]) + m + base[at:]
		case 4: // the marker repeated into a long input
			s = strings.Repeat(m, 1+r.Intn(200))
		default: // run together
			s = strings.ReplaceAll(base[:at]+m+base[at:], "\n", "")
		}
		out = append(out, s)
	}
	return out
}

// TestErrorsNeverQuoteInput builds errors from thousands of malformed
// inputs carrying a marker, through every entry point of the package that
// reads input (Find aside, which has its own), and checks that no error
// repeats one.
func TestErrorsNeverQuoteInput(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	n := 0
	check := func(what string, err error) {
		if err != nil {
			n++
		}
		if m := errorLeaks(err); m != "" {
			t.Fatalf("%s: error repeats %q: %v", what, m, err)
		}
	}
	count := 3000
	if testing.Short() {
		count = 500
	}
	for _, s := range malformedMRZs(r, count) {
		_, err := mrz.Parse(s, ref2026)
		check("Parse", err)
		var d mrz.Document
		check("UnmarshalText", d.UnmarshalText([]byte(s)))
		_, err = mrz.CheckDigit(s)
		check("CheckDigit", err)
		var f mrz.Format
		check("Format.UnmarshalText", f.UnmarshalText([]byte(s)))
		_, err = mrz.Transliterate(s, 0)
		check("Transliterate", err)
		lines, _ := json.Marshal(strings.Split(s, "\n"))
		check("Document.UnmarshalJSON", d.UnmarshalJSON([]byte(`{"lines":`+string(lines)+`}`)))
	}
	// Fields with a marker in one of their values.
	base := mrz.Fields{Format: mrz.TD3, IssuingState: "UTO", DocumentNumber: "L898902C3", Nationality: "UTO",
		Surname: "ERIKSSON", GivenNames: []string{"ANNA"}, BirthDate: field.MustDate(1974, 8, 12),
		Sex: field.SexFemale, ExpiryDate: field.MustDate(2030, 4, 15)}
	for _, m := range markers {
		for i := 0; i < 12; i++ {
			for _, format := range []mrz.Format{mrz.TD1, mrz.TD2, mrz.TD3, mrz.MRVA, mrz.FrenchID, mrz.SwissDrivingLicence, mrz.FrenchDrivingLicence} {
				f := base
				f.Format = format
				v := []*string{&f.DocumentCode, &f.IssuingState, &f.DocumentNumber, &f.Nationality, &f.Surname,
					&f.OptionalData, &f.OptionalData2, &f.AdministrativeCode, &f.Language, &f.PIN, &f.Version, &f.BSN}[i]
				*v = m
				_, err := mrz.Encode(f, ref2026)
				check("Encode", err)
				f = base
				f.GivenNames = []string{m + "2"}
				_, err = mrz.Encode(f, ref2026)
				check("Encode", err)
			}
		}
	}
	// JSON with a marker in every key, of every type.
	for _, m := range markers {
		q, _ := json.Marshal(m)
		for _, key := range []string{"format", "document_code", "issuing_state", "document_number", "surname",
			"given_names", "birth_date", "sex", "expiry_date", "issue_date", "lines", "bsn", "zero_check_digit"} {
			for _, v := range []string{string(q), "[" + string(q) + "]", "8675309", "{\"x\":" + string(q) + "}"} {
				in := []byte(`{"format":"TD3","` + key + `":` + v + `}`)
				var f mrz.Fields
				check("Fields.UnmarshalJSON", json.Unmarshal(in, &f))
				var d mrz.Document
				check("Document.UnmarshalJSON", json.Unmarshal(in, &d))
			}
		}
	}
	if n < 3000 {
		t.Errorf("only %d errors", n)
	}
}
