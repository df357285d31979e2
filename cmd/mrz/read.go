package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr"
	"github.com/mrzkit/mrzkit/passport"
)

const readUsage = "mrz read [--json] [--to mindee|scan-document] [--today YYYY-MM-DD] IMAGE|-"

// readJSON is what `mrz read --json` prints: the object of `mrz find --json`
// (its lines and columns count in the MRZ) plus what the image adds.
type readJSON struct {
	findJSON
	Raw          []string           `json:"raw"`
	Lines        []string           `json:"lines"`
	LinePolygons []geometry.Polygon `json:"line_polygons"`
	Orientation  orientationJSON    `json:"orientation"`
	Confidence   float64            `json:"confidence"`
	Width        int                `json:"width"`
	Height       int                `json:"height"`
}

// orientationJSON is the page's turn: the degrees clockwise that make it
// upright, and how sure the reader is of them.
type orientationJSON struct {
	Degrees    int              `json:"degrees"`
	Confidence field.Confidence `json:"confidence"`
}

func runRead(e *env, args []string) int {
	fs := flag.NewFlagSet("read", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the reading as JSON: mrz find's object plus raw, lines, line_polygons, orientation and confidence")
	to := fs.String("to", "", "print the passport in a vendor's `shape` instead: mindee or scan-document")
	var today dateFlag
	fs.Var(&today, "today", "reference date `YYYY-MM-DD` for two-digit years (default: today)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.flagError(fs, readUsage, err)
	}
	switch *to {
	case "", "mindee", "scan-document":
	default:
		return e.fail("read: --to: unknown shape (want mindee or scan-document)")
	}
	if *asJSON && *to != "" {
		return e.fail("read: --json and --to: choose one")
	}
	if len(pos) == 0 {
		return e.fail("read: an image file, or - for standard input, is required (usage: %s)", readUsage)
	}
	in, err := e.readInput(pos, ocr.MaxFileSize)
	if err != nil {
		return e.fail("read: %v", err)
	}
	res, err := ocr.ReadBytes(context.Background(), in, ocr.WithMRZOptions(today.options()...))
	switch {
	case errors.Is(err, ocr.ErrNotFound):
		if *to != "" {
			// What the vendors answer for a page without an MRZ: every
			// field empty.
			writeShape(e.stdout, *to, res.Passport())
		}
		return e.fail("read: no MRZ found")
	case err != nil:
		return e.fail("read: %s", strings.TrimPrefix(err.Error(), "ocr: "))
	}
	switch {
	case *to != "":
		err = writeShape(e.stdout, *to, res.Passport())
	case *asJSON:
		err = writeReadJSON(e.stdout, res)
	default:
		printReading(e.stdout, res)
	}
	if err != nil {
		return e.fail("read: %v", err)
	}
	if !res.IsValid() {
		return exitInvalid
	}
	return exitValid
}

// writeShape writes p in a vendor's shape: mindee or scan-document.
func writeShape(w io.Writer, to string, p passport.Passport) error {
	if to == "mindee" {
		return writeJSON(w, p.Mindee())
	}
	return writeJSON(w, p.ScanDocument())
}

// candidate is the reading as the mrz package's Candidate, for the output
// mrz find shares.
func candidate(r *ocr.Result) mrz.Candidate {
	return mrz.Candidate{Document: r.Document, Err: r.Err, StartLine: 1, EndLine: len(r.Lines),
		Score: r.Confidence, Corrections: r.Corrections, Alternatives: r.Alternatives}
}

func writeReadJSON(w io.Writer, r *ocr.Result) error {
	c := candidate(r)
	doc, err := r.Document.MarshalJSON()
	if err != nil {
		return err
	}
	cors := r.Corrections
	if cors == nil {
		cors = []mrz.Correction{}
	}
	polys := r.LinePolygons
	if polys == nil {
		polys = []geometry.Polygon{}
	}
	return writeJSON(w, readJSON{
		findJSON:     findJSON{doc, c.Score, cors, c.StartLine, c.EndLine, r.Alternatives, ambiguities(c)},
		Raw:          r.Raw,
		Lines:        r.Lines,
		LinePolygons: polys,
		Orientation:  orientationJSON{r.Orientation.Degrees, r.Orientation.Confidence},
		Confidence:   r.Confidence,
		Width:        r.Width,
		Height:       r.Height,
	})
}

// printReading prints a reading as mrz find prints a candidate, with the
// page's orientation.
func printReading(w io.Writer, r *ocr.Result) {
	turn := "upright"
	if r.Orientation.Degrees != 0 {
		turn = fmt.Sprintf("turned: %d degrees clockwise make it upright", r.Orientation.Degrees)
	}
	fmt.Fprintf(w, "MRZ read from a %dx%d image, %s; confidence %.2f\n\n", r.Width, r.Height, turn, r.Confidence)
	printRepairs(w, candidate(r), "the MRZ")
}
