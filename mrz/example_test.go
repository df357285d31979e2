package mrz_test

import (
	"errors"
	"fmt"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

func ExampleParse() {
	d, err := mrz.Parse(`P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Format(), d.Kind(), d.IssuingState().Name())
	fmt.Println(d.Surname(), d.GivenNames())
	fmt.Println(d.DocumentNumber(), d.BirthDate(), d.ExpiryDate(), d.Sex())
	fmt.Println("valid:", d.IsValid())
	// Output:
	// TD3 passport Utopia (ICAO specimen)
	// ERIKSSON [ANNA MARIA]
	// L898902C3 1974-08-12 2012-04-15 F
	// valid: true
}

func ExampleParse_referenceDate() {
	// Two-digit years get their century from a reference date (default:
	// today). Fix it for reproducible results.
	d, _ := mrz.Parse(`I<UTOD231458907<<<<<<<<<<<<<<<
7408122F1204159UTO<<<<<<<<<<<6
ERIKSSON<<ANNA<MARIA<<<<<<<<<<`, mrz.WithReferenceDate(field.MustDate(1990, 1, 1)))
	fmt.Println(d.BirthDate(), d.ExpiryDate())
	// Output: 1974-08-12 2012-04-15
}

func ExampleCheckDigit() {
	c, err := mrz.CheckDigit("L898902C3")
	fmt.Println(string(c), err)
	_, err = mrz.CheckDigit("l898902c3")
	fmt.Println(err)
	// Output:
	// 6 <nil>
	// mrz: column 1: invalid character: lowercase letter
}

func ExampleValidationError() {
	// The document number check digit reads 7 instead of 6.
	d, err := mrz.Parse(`P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C37UTO7408122F1204159ZE184226B<<<<<10`)
	fmt.Println("valid:", d.IsValid(), "number read anyway:", d.DocumentNumber())
	fmt.Println(errors.Is(err, mrz.ErrCheckDigit))
	var ve mrz.ValidationError
	if errors.As(err, &ve) {
		for _, e := range ve {
			fmt.Printf("%s at line %d, column %d: %s\n", e.Field, e.Line, e.Column, mrz.KindName(e.Kind))
		}
	}
	// Output:
	// valid: false number read anyway: L898902C3
	// true
	// document_number at line 2, column 10: check_digit
	// composite at line 2, column 44: check_digit
}

func ExampleSyntaxError() {
	_, err := mrz.Parse("P<UTOERIKSSON<<ANNA\nL898902C36")
	var se *mrz.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Line, se.Column, errors.Is(err, mrz.ErrLineLength))
		fmt.Println(err)
	}
	// Output:
	// 1 0 true
	// mrz: line 1: wrong line length: want 2 lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A) characters
}

func ExampleFind() {
	// A page of OCR text: the MRZ is lower case, a filler was read as '«'
	// and the birth date holds an 'O' where a digit must stand.
	page := `REPUBLIC OF UTOPIA   PASSPORT
Surname: ERIKSSON
p<utoeriksson<<anna<maria«<<<<<<<<<<<<<<<<<<
L898902C36UTO74O8122F1204159ZE184226B<<<<<10
`
	cands, err := mrz.Find(page, mrz.WithReferenceDate(field.MustDate(2026, 1, 1)))
	if err != nil || len(cands) == 0 {
		fmt.Println("no MRZ found")
		return
	}
	c := cands[0]
	fmt.Println("valid:", c.IsValid(), "lines", c.StartLine, "to", c.EndLine)
	for _, k := range c.Corrections {
		fmt.Printf("line %d, column %d: %q -> %q (%s)\n", k.Line, k.Column, k.From, k.To, k.Reason)
	}
	fmt.Println(c.Document.BirthDate())
	// Output:
	// valid: true lines 3 to 4
	// line 3, column 1: "p<utoeriksson<<anna<maria" -> "P<UTOERIKSSON<<ANNA<MARIA" (case)
	// line 3, column 26: "«" -> "<" (filler look-alike)
	// line 4, column 16: "O" -> "0" (digit expected)
	// 1974-08-12
}

func ExampleCandidate_Choose() {
	// A '1' in a name may have been an I or an L: with WithStrictNames,
	// Find does not guess.
	text := "P<UTOER1KSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
	cands, _ := mrz.Find(text, mrz.WithReferenceDate(field.MustDate(2026, 1, 1)), mrz.WithStrictNames())
	c := cands[0]
	fmt.Println(c.IsValid(), errors.Is(c.Err, mrz.ErrAmbiguous))
	for i, alt := range c.Alternatives {
		cs, _ := c.Choose(i)
		fixed, _ := mrz.ApplyCorrections(text, cs)
		d, err := mrz.Parse(fixed, mrz.WithReferenceDate(field.MustDate(2026, 1, 1)))
		fmt.Printf("%q -> %q: %s, valid %v\n", alt[0].From, alt[0].To, d.Surname(), err == nil)
	}
	// Output:
	// false true
	// "1" -> "I": ERIKSSON, valid true
	// "1" -> "L": ERLKSSON, valid true
}
