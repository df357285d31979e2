// Command verify-mindee reads a Mindee passport v1 response and checks what
// Mindee read on the page against the passport's own MRZ.
//
//	go run ./examples/verify-mindee [response.json]
//
// Without an argument it reads testdata/passport/mindee_eriksson_mismatch.json.
package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/passport"
)

func main() {
	path := "testdata/passport/mindee_eriksson_mismatch.json"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	if err := run(os.Stdout, path, field.Today()); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, path string, today field.Date) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	r, err := passport.ReadMindee(b)
	if err != nil {
		return err
	}
	p := r.Passport()
	findings := passport.Verify(p, passport.VerifyOptions{Today: today, MinConfidence: 0.5})
	if len(findings) == 0 {
		fmt.Fprintln(w, "the printed data agrees with the MRZ")
		return nil
	}
	for _, f := range findings {
		fmt.Fprintf(w, "%-12s %-14s %s\n", f.Field, f.Kind, f.Message)
	}
	return nil
}
