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

const parseUsage = "mrz parse [--json] [--batch] [--today YYYY-MM-DD] [FILE|-]"

func runParse(e *env, args []string) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the document as JSON")
	batch := fs.Bool("batch", false, "read many MRZs (blank-line separated, or JSON lines with \"lines\") and print one JSON object a line")
	var today dateFlag
	fs.Var(&today, "today", "reference date `YYYY-MM-DD` for two-digit years (default: today)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.flagError(fs, parseUsage, err)
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
	t := table{w: w, d: d, failed: map[string]bool{}}
	for _, e := range d.Errors() {
		if !errors.Is(e, mrz.ErrCheckDigit) {
			t.failed[string(e.Field)] = true
		}
	}
	t.fields()
	if d.IsValid() {
		fmt.Fprintln(w, "\nvalid")
		return
	}
	fmt.Fprintln(w, "\nINVALID")
	printFailures(w, d)
}

// table prints the rows of a document's fields.
type table struct {
	w      io.Writer
	d      mrz.Document
	failed map[string]bool // fields with a failed check other than a check digit
}

// mark returns the mark of a check: [ok], [FAIL] or nothing.
func (t table) mark(c mrz.Check) string {
	switch t.d.Check(c) {
	case mrz.CheckPassed:
		return "[ok]"
	case mrz.CheckFailed:
		return "[FAIL]"
	}
	return ""
}

// row prints one field; a failed check of the named field adds [FAIL].
func (t table) row(name, value, m, field string) {
	if field != "" && t.failed[field] && m != "[FAIL]" {
		m = strings.TrimSpace(m + " [FAIL]")
	}
	fmt.Fprintln(t.w, strings.TrimRight(fmt.Sprintf("%-16s %-32s %s", name, value, m), " "))
}

// has reports whether the format has the field.
func (t table) has(name string) bool { _, _, _, ok := t.d.Position(mrz.FieldName(name)); return ok }

func country(code, name string) string {
	if name == "" {
		return code
	}
	return code + " (" + name + ")"
}

// fields prints a row for every field the format has.
func (t table) fields() {
	d := t.d
	t.row("Format", d.Format().String(), "", "")
	t.row("Document code", d.DocumentCode()+" ("+d.Kind().String()+")", "", "document_code")
	t.row("Issuing state", country(d.IssuingStateCode(), d.IssuingState().Name()), "", "issuing_state")
	t.row("Document number", d.DocumentNumber(), t.mark(mrz.CheckDocumentNumber), "document_number")
	t.row("Surname", d.Surname(), "", "name")
	t.row("Given names", strings.Join(d.GivenNames(), " "), "", "name")
	if t.has("nationality") {
		t.row("Nationality", country(d.NationalityCode(), d.Nationality().Name()), "", "nationality")
	}
	t.row("Birth date", d.BirthDate().String(), t.mark(mrz.CheckBirthDate), "birth_date")
	if t.has("sex") {
		t.row("Sex", d.Sex().String(), "", "sex")
	}
	if t.has("expiry_date") {
		t.row("Expiry date", d.ExpiryDate().String(), t.mark(mrz.CheckExpiryDate), "expiry_date")
	}
	if t.has("issue_date") {
		t.row("Issue date", d.IssueDate().String(), "", "issue_date")
	}
	if t.has("optional_data") {
		t.row("Optional data", d.OptionalData(), t.mark(mrz.CheckOptionalData), "")
	}
	if d.Format() == mrz.TD1 {
		t.row("Optional data 2", d.OptionalData2(), "", "")
	}
	t.national()
	if m := t.mark(mrz.CheckComposite); m != "" {
		t.row("Composite", "", m, "")
	}
}

// national prints the fields of national layouts that a document has.
func (t table) national() {
	d := t.d
	for _, x := range []struct{ name, value, field string }{
		{"Admin. code", d.AdministrativeCode(), ""}, {"Office code", d.OfficeCode(), ""},
		{"Language", d.Language(), "language"}, {"PIN", d.PIN(), "pin"}, {"Version", d.Version(), "version"},
	} {
		if x.value != "" {
			t.row(x.name, x.value, "", x.field)
		}
	}
	if d.BSN() != "" {
		t.row("BSN", d.BSN(), t.mark(mrz.CheckBSN), "bsn")
	}
}

// printFailures prints the MRZ with a caret under each failing column, and
// the errors.
func printFailures(w io.Writer, d mrz.Document) {
	for i, l := range d.Lines() {
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
