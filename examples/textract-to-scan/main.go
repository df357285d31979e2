// Command textract-to-scan turns an AWS Textract AnalyzeID response into the
// Scan Document shape, one object per identity document.
//
//	go run ./examples/textract-to-scan [response.json]
//
// Without an argument it reads testdata/passport/textract_eriksson.json.
package main

import (
	"encoding/json"
	"io"
	"log"
	"os"

	"github.com/mrzkit/mrzkit/passport"
)

func main() {
	path := "testdata/passport/textract_eriksson.json"
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
	docs, err := passport.ReadTextract(b)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // keep the MRZ's '<' readable
	enc.SetIndent("", "  ")
	for _, p := range docs {
		if err := enc.Encode(p.ScanDocument()); err != nil {
			return err
		}
	}
	return nil
}
