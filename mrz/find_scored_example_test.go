package mrz_test

import (
	"fmt"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

func ExampleFindScored() {
	// What an image reader saw: every cell sure but one of the document
	// number, where an O looked likelier than the 0 it is.
	text := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
	var lines [][]mrz.Position
	for _, l := range strings.Split(text, "\n") {
		var line []mrz.Position
		for _, c := range []byte(l) {
			line = append(line, mrz.Position{{Char: c, P: 0.99}})
		}
		lines = append(lines, line)
	}
	lines[1][5] = mrz.Position{{Char: 'O', P: 0.6}, {Char: '0', P: 0.4}}

	cands, err := mrz.FindScored(lines, mrz.WithReferenceDate(field.MustDate(2026, 1, 1)))
	if err != nil || len(cands) == 0 {
		fmt.Println("no MRZ", err)
		return
	}
	c := cands[0]
	fmt.Println("valid:", c.IsValid(), c.Document.DocumentNumber())
	for _, k := range c.Corrections {
		fmt.Printf("line %d, column %d: %q -> %q (%s, verified %v)\n", k.Line, k.Column, k.From, k.To, k.Reason, k.Verified())
	}
	// Output:
	// valid: true L898902C3
	// line 2, column 6: "O" -> "0" (check digit, verified true)
}
