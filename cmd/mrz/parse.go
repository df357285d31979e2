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

func runParse(e *env, args []string) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the document as JSON")
	batch := fs.Bool("batch", false, "read many MRZs (blank-line separated, or JSON lines with \"lines\") and print one JSON object a line")
	var today dateFlag
	fs.Var(&today, "today", "reference date for two-digit years (default: today)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.fail("parse: %v (usage: mrz parse [--json] [--batch] [--today YYYY-MM-DD] [FILE|-])", err)
	}
	if *batch {
		return runBatch(e, pos, today.options())
	}
	in, err := e.readInput(pos, mrz.MaxInputLen)
	if err != nil {
		return e.fail("parse: %v", err)
	}
	d, err := mrz.Parse(string(in), today.options()...)
	var se *mrz.SyntaxError
	if errors.As(err, &se) {
		return e.fail("parse: %v", strings.TrimPrefix(se.Error(), "mrz: "))
	}
	if *asJSON {
		if err := writeJSON(e.stdout, d); err != nil {
			return e.fail("parse: %v", err)
		}
	} else {
		printTable(e.stdout, d)
	}
	if !d.IsValid() {
		return exitInvalid
	}
	return exitValid
}

// writeJSON writes v as indented JSON without HTML escaping ('<' stays '<').
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printTable prints the fields of d with a mark per check and, when checks
// fail, the MRZ with a caret under each failing column.
func printTable(w io.Writer, d mrz.Document) {
	mark := func(c mrz.Check) string {
		switch d.Check(c) {
		case mrz.CheckPassed:
			return "[ok]"
		case mrz.CheckFailed:
			return "[FAIL]"
		}
		return ""
	}
	failed := map[string]bool{}
	for _, e := range d.Errors() {
		if !errors.Is(e, mrz.ErrCheckDigit) {
			failed[string(e.Field)] = true
		}
	}
	row := func(name, value, m string, field string) {
		if field != "" && failed[field] && m != "[FAIL]" {
			m = strings.TrimSpace(m + " [FAIL]")
		}
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("%-16s %-32s %s", name, value, m), " "))
	}
	country := func(code, name string) string {
		if name == "" {
			return code
		}
		return code + " (" + name + ")"
	}
	f := d.Format()
	has := func(name string) bool { _, _, _, ok := d.Position(mrz.FieldName(name)); return ok }
	row("Format", f.String(), "", "")
	row("Document code", d.DocumentCode()+" ("+d.Kind().String()+")", "", "document_code")
	row("Issuing state", country(d.IssuingStateCode(), d.IssuingState().Name()), "", "issuing_state")
	row("Document number", d.DocumentNumber(), mark(mrz.CheckDocumentNumber), "document_number")
	row("Surname", d.Surname(), "", "name")
	row("Given names", strings.Join(d.GivenNames(), " "), "", "name")
	if has("nationality") {
		row("Nationality", country(d.NationalityCode(), d.Nationality().Name()), "", "nationality")
	}
	row("Birth date", d.BirthDate().String(), mark(mrz.CheckBirthDate), "birth_date")
	if has("sex") {
		row("Sex", d.Sex().String(), "", "sex")
	}
	if has("expiry_date") {
		row("Expiry date", d.ExpiryDate().String(), mark(mrz.CheckExpiryDate), "expiry_date")
	}
	if has("issue_date") {
		row("Issue date", d.IssueDate().String(), "", "issue_date")
	}
	if has("optional_data") {
		row("Optional data", d.OptionalData(), mark(mrz.CheckOptionalData), "")
	}
	if f == mrz.TD1 {
		row("Optional data 2", d.OptionalData2(), "", "")
	}
	for _, x := range []struct{ name, value, field string }{
		{"Admin. code", d.AdministrativeCode(), ""}, {"Office code", d.OfficeCode(), ""},
		{"Language", d.Language(), "language"}, {"PIN", d.PIN(), "pin"}, {"Version", d.Version(), "version"},
	} {
		if x.value != "" {
			row(x.name, x.value, "", x.field)
		}
	}
	if d.BSN() != "" {
		row("BSN", d.BSN(), mark(mrz.CheckBSN), "bsn")
	}
	if m := mark(mrz.CheckComposite); m != "" {
		row("Composite", "", m, "")
	}
	if d.IsValid() {
		fmt.Fprintln(w, "\nvalid")
		return
	}
	fmt.Fprintln(w, "\nINVALID")
	lines := d.Lines()
	for i, l := range lines {
		fmt.Fprintln(w, l)
		var carets []byte
		for _, e := range d.Errors() {
			if e.Line == i+1 && e.Column >= 1 {
				for len(carets) < e.Column {
					carets = append(carets, ' ')
				}
				carets[e.Column-1] = '^'
			}
		}
		if len(carets) > 0 {
			fmt.Fprintln(w, string(carets))
		}
	}
	for _, e := range d.Errors() {
		fmt.Fprintln(w, strings.TrimPrefix(e.Error(), "mrz: "))
	}
}
