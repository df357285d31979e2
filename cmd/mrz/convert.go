package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

const (
	convertUsage = "mrz convert --from mrz|mindee|scan-document|textract --to mindee|scan-document|json [--today YYYY-MM-DD] [FILE|-]"
	verifyUsage  = "mrz verify --from mindee|scan-document|textract [--json] [--today YYYY-MM-DD] [--min-confidence C] [FILE|-]"
)

// readPassports reads the input in the given shape. A Textract response may
// hold several documents.
func (e *env) readPassports(from string, pos []string, opts []mrz.Option) ([]passport.Passport, error) {
	switch from {
	case "mrz", "mindee", "scan-document", "textract":
	case "":
		return nil, errors.New("--from is required")
	default:
		return nil, fmt.Errorf("--from: unknown shape (want mrz, mindee, scan-document or textract)")
	}
	limit := int64(passport.MaxInput)
	if from == "mrz" {
		limit = mrz.MaxInputLen
	}
	in, err := e.readInput(pos, limit)
	if err != nil {
		return nil, err
	}
	switch from {
	case "mrz":
		d, err := mrz.Parse(string(in), opts...)
		var se *mrz.SyntaxError
		if errors.As(err, &se) {
			return nil, errors.New(strings.TrimPrefix(se.Error(), "mrz: "))
		}
		return []passport.Passport{passport.FromMRZ(d)}, nil
	case "mindee":
		r, err := passport.ReadMindee(in, opts...)
		if err != nil {
			return nil, err
		}
		return []passport.Passport{r.Passport()}, nil
	case "scan-document":
		p, err := passport.ReadScanDocument(in, opts...)
		if err != nil {
			return nil, err
		}
		return []passport.Passport{p}, nil
	}
	ps, err := passport.ReadTextract(in, opts...)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, errors.New("the response holds no identity document")
	}
	return ps, nil
}

func runConvert(e *env, args []string) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	from := fs.String("from", "", "input `shape`: mrz, mindee, scan-document or textract")
	to := fs.String("to", "", "output `shape`: mindee, scan-document or json")
	var today dateFlag
	fs.Var(&today, "today", "reference date `YYYY-MM-DD` for two-digit years of the MRZ (default: today)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.flagError(fs, convertUsage, err)
	}
	switch *to {
	case "mindee", "scan-document", "json":
	case "":
		return e.fail("convert: --to is required (usage: %s)", convertUsage)
	default:
		return e.fail("convert: --to: unknown shape (want mindee, scan-document or json)")
	}
	ps, err := e.readPassports(*from, pos, today.options())
	if err != nil {
		return e.fail("convert: %v", err)
	}
	var outs []any
	for _, p := range ps {
		switch *to {
		case "mindee":
			outs = append(outs, p.Mindee())
		case "scan-document":
			outs = append(outs, p.ScanDocument())
		default:
			outs = append(outs, p)
		}
	}
	// One document gives one object; several (Textract) an array.
	var v any = outs
	if len(outs) == 1 {
		v = outs[0]
	}
	if err := writeJSON(e.stdout, v); err != nil {
		return e.fail("convert: %v", err)
	}
	return exitValid
}

func runVerify(e *env, args []string) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	from := fs.String("from", "", "input `shape`: mindee, scan-document or textract")
	asJSON := fs.Bool("json", false, "print {\"valid\", \"findings\"} as JSON")
	minConf := fs.Float64("min-confidence", 0, "report fields whose confidence is below `C`, a number in 0..1")
	var today dateFlag
	fs.Var(&today, "today", "reference date `YYYY-MM-DD` for expiry and two-digit years (default: today)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.flagError(fs, verifyUsage, err)
	}
	if *from == "mrz" {
		return e.fail("verify: --from: want mindee, scan-document or textract (an MRZ alone has nothing to compare)")
	}
	if !(*minConf >= 0 && *minConf <= 1) { // NaN too
		return e.fail("verify: --min-confidence: want a number in 0..1")
	}
	ps, err := e.readPassports(*from, pos, today.options())
	if err != nil {
		return e.fail("verify: %v", err)
	}
	type result struct {
		Valid    bool               `json:"valid"`
		Findings []passport.Finding `json:"findings"`
	}
	var results []result
	all := true
	for _, p := range ps {
		f := passport.Verify(p, passport.VerifyOptions{Today: today.d, MinConfidence: field.ClampConfidence(*minConf)})
		if f == nil {
			f = []passport.Finding{}
		}
		results = append(results, result{len(f) == 0, f})
		all = all && len(f) == 0
	}
	if *asJSON {
		var v any = results
		if len(results) == 1 {
			v = results[0]
		}
		if err := writeJSON(e.stdout, v); err != nil {
			return e.fail("verify: %v", err)
		}
	} else {
		for i, r := range results {
			if len(results) > 1 {
				fmt.Fprintf(e.stdout, "Document %d\n", i+1)
			}
			printFindings(e.stdout, r.Findings)
		}
	}
	if !all {
		return exitInvalid
	}
	return exitValid
}

func printFindings(w io.Writer, fs []passport.Finding) {
	if len(fs) == 0 {
		fmt.Fprintln(w, "no findings: the printed data agrees with the MRZ")
		return
	}
	fmt.Fprintf(w, "%-14s %-15s %s\n", "FIELD", "KIND", "MESSAGE")
	for _, f := range fs {
		fmt.Fprintf(w, "%-14s %-15s %s\n", f.Field, f.Kind, f.Message)
	}
}
