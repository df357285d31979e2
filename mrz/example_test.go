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
