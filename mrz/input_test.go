package mrz_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

const (
	fraCNI = "IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02\n1710GVA123451ROBERTA<<<<<<<9112311F2"
	cheDL  = "AAA001D<<\nFACHE305142128097<<800126<<<<<\nMARCHAND<<FABIENNE<<<<<<<<<<<<"
)

// TestLineBreaks checks the line separators Parse takes: LF, CRLF and CR
// alone (as card readers send them), mixed.
func TestLineBreaks(t *testing.T) {
	for _, in := range []string{
		td3L1 + "\r" + td3L2,
		td3L1 + "\r" + td3L2 + "\r",
		"\r" + td3L1 + "\r\n" + td3L2 + "\r\r",
		" " + td3L1 + " \r\t" + td3L2 + "\t\r\n",
	} {
		d, err := mrz.Parse(in, ref2026)
		if err != nil || d.String() != td3 || d.Format() != mrz.TD3 {
			t.Errorf("Parse(%q) = %q, %v", in, d.String(), err)
		}
	}
	d, err := mrz.Parse(strings.ReplaceAll(td1, "\n", "\r"), ref2026)
	if err != nil || d.String() != td1 {
		t.Errorf("TD1 with CR: %q, %v", d.String(), err)
	}
	// A blank line inside the MRZ stays an error, whatever the breaks.
	for _, in := range []string{td3L1 + "\r\r" + td3L2, td3L1 + "\r\n\r\n" + td3L2, td3L1 + "\n\r" + td3L2} {
		_, err := mrz.Parse(in, ref2026)
		var se *mrz.SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, mrz.ErrLineCount) || se.Line != 2 {
			t.Errorf("Parse(%q): %v, want a blank line error at line 2", in, err)
		}
	}
}

// TestRunTogether checks the form of the chip's data group 1: every line
// of the MRZ in one, cut by the length.
func TestRunTogether(t *testing.T) {
	for _, tt := range []struct {
		mrz    string
		format mrz.Format
	}{
		{td3, mrz.TD3}, {td1, mrz.TD1}, {td2, mrz.TD2}, {mrva, mrz.MRVA}, {mrvb, mrz.MRVB},
		{fraCNI, mrz.FrenchID}, {cheDL, mrz.SwissDrivingLicence},
	} {
		one := strings.ReplaceAll(tt.mrz, "\n", "")
		for _, in := range []string{one, "  " + one + "\r\n", "\n" + one + "\n\n"} {
			d, err := mrz.Parse(in, ref2026)
			if err != nil || d.Format() != tt.format || d.String() != tt.mrz {
				t.Errorf("%s run together: %v %q %v", tt.format, d.Format(), d.String(), err)
			}
		}
	}
	// Errors count the MRZ lines, as cut.
	bad := strings.ReplaceAll(td3, "7408122", "7408123")
	_, err := mrz.Parse(strings.ReplaceAll(bad, "\n", ""), ref2026)
	var ce *mrz.CheckError
	if !errors.As(err, &ce) || ce.Field != mrz.FieldBirthDate || ce.Line != 2 || ce.Column != 20 {
		t.Errorf("run-together error: %v", err)
	}
	// Other lengths stay wrong, and an invalid character is placed in the
	// line as given.
	for _, tt := range []struct {
		in        string
		kind      error
		line, col int
	}{
		{strings.ReplaceAll(td3, "\n", "")[:87], mrz.ErrLineCount, 0, 0},
		{td3L1, mrz.ErrLineCount, 0, 0},
		{strings.ReplaceAll(td3, "\n", "")[:60] + "a" + strings.ReplaceAll(td3, "\n", "")[61:], mrz.ErrInvalidCharacter, 1, 61},
	} {
		_, err := mrz.Parse(tt.in, ref2026)
		var se *mrz.SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, tt.kind) || se.Line != tt.line || se.Column != tt.col {
			t.Errorf("Parse(%.20q...): %v, want %v at %d:%d", tt.in, err, tt.kind, tt.line, tt.col)
		}
	}
}

// TestDutchBSNShape checks that the BSN check applies to a BSN only: nine
// digits passing the 11-test at line 1, 16-24, of an NLD TD1.
func TestDutchBSNShape(t *testing.T) {
	nld := func(opt string) string {
		pad := func(s string, n int) string { return (s + strings.Repeat("<", n))[:n] }
		l1 := "I<NLDSPECI2014" + cd("SPECI2014") + pad(opt, 15)
		l2 := "6503101F2403096NLD<<<<<<<<<<<"
		return l1 + "\n" + l2 + cd(l1[5:30]+l2[0:7]+l2[8:15]+l2[18:29]) + "\nDE<BRUIJN<<WILLEKE<LISELOTTE<<"
	}
	for _, tt := range []struct {
		name  string
		opt   string
		valid bool
		bsn   string
	}{
		{"a BSN and its check digit", "999999990<<<<<8", true, "999999990"},
		{"a BSN and a wrong check digit", "999999990<<<<<9", false, "999999990"},
		{"nine digits failing the 11-test", "999999991<<<<<8", true, ""},
		{"letters and a digit at 30", "AB12345<<<<<<<7", true, ""},
		{"fifteen digits", "123456789012345", true, ""},
		{"all zeros", "000000000<<<<<1", true, ""},
	} {
		d, err := mrz.Parse(nld(tt.opt), ref2026)
		if d.IsValid() != tt.valid || d.BSN() != tt.bsn {
			t.Errorf("%s: valid %v (%v) BSN %q, want %v %q", tt.name, d.IsValid(), err, d.BSN(), tt.valid, tt.bsn)
		}
		if tt.bsn == "" && d.Check(mrz.CheckBSN) != mrz.CheckAbsent {
			t.Errorf("%s: BSN check %v", tt.name, d.Check(mrz.CheckBSN))
		}
	}
	f := mrz.Fields{Format: mrz.TD1, IssuingState: "NLD", DocumentNumber: "SPECI2014", Nationality: "NLD",
		Surname: "DE BRUIJN", BirthDate: field.MustDate(1965, 3, 10), Sex: field.SexFemale,
		ExpiryDate: field.MustDate(2024, 3, 9), BSN: "999999991"}
	_, err := mrz.Encode(f, ref2026)
	var fe *mrz.FieldError
	if !errors.As(err, &fe) || fe.Field != mrz.FieldBSN || !errors.Is(err, mrz.ErrCheckDigit) {
		t.Errorf("Encode of a number failing the 11-test as BSN: %v", err)
	}
	f.BSN = ""
	f.OptionalData = "999999991<<<<<8"
	if e, err := mrz.Encode(f, ref2026); err != nil || !strings.HasPrefix(e.Lines[0][15:], "999999991<<<<<8") {
		t.Errorf("Encode of NLD optional data that is no BSN: %v %v", e, err)
	}
}
