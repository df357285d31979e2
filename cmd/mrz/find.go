package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/mrzkit/mrzkit/mrz"
)

const findUsage = "mrz find [--json] [--all] [--today YYYY-MM-DD] [FILE|-]"

// findJSON is one candidate as `mrz find --json` prints it.
type findJSON struct {
	Document     json.RawMessage    `json:"document"`
	Score        float64            `json:"score"`
	Corrections  []mrz.Correction   `json:"corrections"`
	StartLine    int                `json:"start_line"`
	EndLine      int                `json:"end_line"`
	Alternatives [][]mrz.Correction `json:"alternatives,omitempty"`
	// Ambiguous names each place where several repairs fit.
	Ambiguous []ambiguousJSON `json:"ambiguous,omitempty"`
}

// ambiguousJSON is one place where several repairs fit.
type ambiguousJSON struct {
	Field  string `json:"field"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// ambiguities returns the places of a candidate where several repairs fit.
func ambiguities(c mrz.Candidate) []ambiguousJSON {
	var out []ambiguousJSON
	var v mrz.ValidationError
	if errors.As(c.Err, &v) {
		for _, ce := range v {
			if errors.Is(ce, mrz.ErrAmbiguous) {
				out = append(out, ambiguousJSON{string(ce.Field), ce.Line, ce.Column})
			}
		}
	}
	return out
}

func runFind(e *env, args []string) int {
	fs := flag.NewFlagSet("find", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the candidates as JSON")
	all := fs.Bool("all", false, "print every candidate, not only the best")
	var today dateFlag
	fs.Var(&today, "today", "reference date `YYYY-MM-DD` for two-digit years (default: today)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.flagError(fs, findUsage, err)
	}
	in, err := e.readInput(pos, mrz.MaxFindInput)
	if err != nil {
		return e.fail("find: %v", err)
	}
	cs, err := mrz.Find(string(in), today.options()...)
	switch {
	case errors.Is(err, mrz.ErrFindLimit):
		// The candidates found so far are still good: say what was cut.
		fmt.Fprintf(e.stderr, "mrz: find: %s\n", strings.TrimPrefix(err.Error(), "mrz: "))
	case err != nil:
		return e.fail("find: %v", strings.TrimPrefix(err.Error(), "mrz: "))
	}
	if len(cs) == 0 {
		return e.fail("find: no MRZ found")
	}
	if !*all {
		cs = cs[:1]
	}
	if *asJSON {
		var out []findJSON
		for _, c := range cs {
			doc, err := c.Document.MarshalJSON()
			if err != nil {
				return e.fail("find: %v", err)
			}
			cors := c.Corrections
			if cors == nil {
				cors = []mrz.Correction{}
			}
			out = append(out, findJSON{doc, c.Score, cors, c.StartLine, c.EndLine, c.Alternatives, ambiguities(c)})
		}
		var v any = out
		if !*all {
			v = out[0]
		}
		if err := writeJSON(e.stdout, v); err != nil {
			return e.fail("find: %v", err)
		}
	} else {
		for i, c := range cs {
			if i > 0 {
				fmt.Fprintln(e.stdout)
			}
			printCandidate(e.stdout, c)
		}
	}
	if !cs[0].IsValid() {
		return exitInvalid
	}
	return exitValid
}

func printCandidate(w io.Writer, c mrz.Candidate) {
	fmt.Fprintf(w, "MRZ on lines %d-%d, score %.2f\n\n", c.StartLine, c.EndLine, c.Score)
	printRepairs(w, c, "the input")
}

// printRepairs prints the fields of a candidate, its corrections and its
// alternatives; where says what their lines and columns count in.
func printRepairs(w io.Writer, c mrz.Candidate, where string) {
	printTable(w, c.Document)
	if len(c.Corrections) > 0 {
		fmt.Fprintln(w, "\nCorrections:")
		for _, k := range c.Corrections {
			fmt.Fprintf(w, "  line %d, column %d: %q -> %q (%s)\n", k.Line, k.Column, k.From, k.To, k.Reason)
		}
	}
	if len(c.Alternatives) > 0 {
		var places []string
		for _, a := range ambiguities(c) {
			places = append(places, fmt.Sprintf("%s at MRZ line %d, column %d", a.Field, a.Line, a.Column))
		}
		fmt.Fprintf(w, "\nNot repaired, several repairs fit (%s); in %s:\n", strings.Join(places, "; "), where)
		for i, alt := range c.Alternatives {
			var parts []string
			for _, k := range alt {
				parts = append(parts, fmt.Sprintf("line %d, column %d: %q -> %q", k.Line, k.Column, k.From, k.To))
			}
			word := "either"
			if i > 0 {
				word = "or"
			}
			fmt.Fprintln(w, "  "+word+" "+strings.Join(parts, " and "))
		}
	}
}
