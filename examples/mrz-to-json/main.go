// Command mrz-to-json builds a passport from an MRZ and prints it in both
// JSON shapes: a Mindee passport v1 response and the Scan Document shape.
//
//	go run ./examples/mrz-to-json [file.mrz]
//
// Without an argument it reads testdata/td3-specimen.mrz.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

func main() {
	path := "testdata/td3-specimen.mrz"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	if err := run(os.Stdout, path); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	d, err := mrz.Parse(string(b))
	if err != nil {
		// A document whose checks fail is still converted; its fields carry
		// confidence 0 where a check failed.
		fmt.Fprintln(os.Stderr, "warning:", err)
	}
	if d.Format() == mrz.FormatUnknown {
		return err
	}
	p := passport.FromMRZ(d)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p.Mindee()); err != nil {
		return err
	}
	return enc.Encode(p.ScanDocument())
}
