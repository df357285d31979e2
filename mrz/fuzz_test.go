package mrz_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

// normalizeRef is a slow reference of the input handling Parse documents:
// lines end at LF, CRLF or CR; drop the spaces and tabs around each line,
// and blank lines around the MRZ; cut one line holding a whole MRZ of two
// or three lines when cutLines is set.
func normalizeRef(s string, cutLines bool) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, strings.Trim(l, " \t"))
	}
	for len(out) > 0 && out[0] == "" {
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	cut := map[int][]int{88: {44, 44}, 72: {36, 36}, 90: {30, 30, 30}, 69: {9, 30, 30}}
	if cutLines && len(out) == 1 && cut[len(out[0])] != nil {
		one := out[0]
		out = nil
		for _, n := range cut[len(one)] {
			out, one = append(out, one[:n]), one[n:]
		}
	}
	return out
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{td3, td1, td2, mrva, mrvb, "\r\n" + td3 + "\r\n", td3[:50], strings.ToLower(td3),
		"I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<",
		"I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\nD23145890<UTO3407127M95071227349<<<8", "", "\n\n", "<<<",
		"IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02\n1710GVA123451ROBERTA<<<<<<<9112311F2",
		"AAA001D<<\nFACHE305142128097<<800126<<<<<\nMARCHAND<<FABIENNE<<<<<<<<<<<<",
		"D1FRA13AA000026181231MARTIN<<9",
		"I<NLDSPECI20142999999990<<<<<8\n6503101F2403096NLD<<<<<<<<<<<8\nDE<BRUIJN<<WILLEKE<LISELOTTE<<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := mrz.Parse(s, ref2026)
		lines := normalizeRef(s, true)
		if !checkParseError(t, d, err, lines, normalizeRef(s, false)) {
			return
		}
		// A parsed document gives back its normalized input exactly.
		if got := d.Lines(); strings.Join(got, "\n") != strings.Join(lines, "\n") {
			t.Fatalf("Lines() = %q, want %q", got, lines)
		}
		// Accessors never panic, and the JSON reads back as the document.
		_ = d.Surname()
		_ = d.GivenNames()
		_ = d.DocumentNumber()
		_ = d.OptionalData()
		_ = d.Fields()
		b, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back mrz.Document
		if err := back.UnmarshalJSON(b); err != nil || back.String() != d.String() || back.IsValid() != d.IsValid() ||
			back.BirthDate() != d.BirthDate() || back.ExpiryDate() != d.ExpiryDate() {
			t.Fatalf("JSON round trip: %v\n%s", err, b)
		}
		// Parsing again gives the same document.
		d2, _ := mrz.Parse(d.String(), ref2026)
		if d2.String() != d.String() || d2.IsValid() != d.IsValid() || d2.DocumentNumber() != d.DocumentNumber() {
			t.Fatal("reparse differs")
		}
	})
}

// checkParseError checks the error of Parse against the lines of the
// input (lines as Parse cuts them, given as the input has them), and
// reports whether a document was read.
func checkParseError(t *testing.T, d mrz.Document, err error, lines, given []string) bool {
	var se *mrz.SyntaxError
	var ve mrz.ValidationError
	switch {
	case err == nil:
		if !d.IsValid() {
			t.Fatal("no error but not valid")
		}
	case errors.As(err, &se):
		if d.Format() != mrz.FormatUnknown || d.IsValid() {
			t.Fatal("syntax error with a non-zero document")
		}
		if se.Line < 0 || se.Line > len(given)+1 || se.Column < 0 {
			t.Fatalf("syntax error outside the input: %v", err)
		}
		if se.Line > 0 && se.Line <= len(given) && se.Column > len(given[se.Line-1])+1 {
			t.Fatalf("syntax error column outside the line: %v", err)
		}
		return false
	case errors.As(err, &ve):
		if d.IsValid() || len(ve) == 0 {
			t.Fatal("validation error but valid")
		}
		for _, e := range ve {
			if e.Line < 1 || e.Line > len(lines) || e.Column < 1 || e.Column > len(lines[e.Line-1]) {
				t.Fatalf("check error outside the input: %v", e)
			}
		}
	default:
		t.Fatalf("unexpected error type %T", err)
	}
	return true
}
