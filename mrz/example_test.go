package mrz_test

import (
	"encoding/json"
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

func ExampleDocument_AppendJSON() {
	d := mrz.MustParse("D1FRA13AA000026181231MARTIN<<9", mrz.WithReferenceDate(field.MustDate(2026, 1, 1)))
	buf := d.AppendJSON(nil) // reuse buf[:0] for the next document
	fmt.Println(string(buf))
	// Output:
	// {"format":"FR-DL","valid":true,"document_code":"D1","document_kind":"driving_licence","issuing_state":"FRA","issuing_state_name":"France","document_number":"13AA00002","surname":"MARTIN","given_names":[],"issue_date":"2018-12-31","checks":{"document_number":true,"composite":true},"errors":[],"lines":["D1FRA13AA000026181231MARTIN<<9"]}
}

func ExampleDocument_UnmarshalJSON() {
	// Read against a reference date of 1960, the birth year 74 is 1874.
	d := mrz.MustParse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
		mrz.WithReferenceDate(field.MustDate(1960, 1, 1)))
	b, _ := json.Marshal(d)

	// The JSON's dates keep their century when it is read back.
	var back mrz.Document
	err := json.Unmarshal(b, &back)
	fmt.Println(err, back.BirthDate(), back.ExpiryDate(), back.String() == d.String())
	// Output: <nil> 1874-08-12 1912-04-15 true
}

func ExampleParse_lineForms() {
	ref := mrz.WithReferenceDate(field.MustDate(2026, 1, 1))
	l1 := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
	l2 := "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
	// Lines ended by CR alone, as card readers send them, and the two lines
	// run together, as the chip's data group 1 holds them.
	for _, in := range []string{l1 + "\r" + l2 + "\r", l1 + l2} {
		d, err := mrz.Parse(in, ref)
		fmt.Println(d.Format(), len(d.Lines()), err)
	}
	// Output:
	// TD3 2 <nil>
	// TD3 2 <nil>
}

func ExampleTransliterate_dropUncovered() {
	_, err := mrz.Transliterate("ERIK✓$SON", 0)
	fmt.Println(err)
	s, _ := mrz.Transliterate("ERIK✓$SON", mrz.DropUncovered)
	fmt.Println(s)
	// Output:
	// mrz: character not allowed in this field (symbol no transliteration table covers at character 5)
	// ERIKSON
}

func ExampleDocument_Fields() {
	// An empty personal number whose check digit is 0 (ICAO allows 0 and <):
	// the Fields keep the form, so Encode writes the MRZ that was read.
	in := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159<<<<<<<<<<<<<<08"
	ref := mrz.WithReferenceDate(field.MustDate(2026, 1, 1))
	d := mrz.MustParse(in, ref)
	f := d.Fields()
	e, _ := mrz.Encode(f, ref)
	fmt.Println(f.ZeroCheckDigit, e.String() == in)
	// Output: true true
}
