package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFindCommand(t *testing.T) {
	code, out, errs := runCmd(t, "", "find", "--today", "2010-01-01", "../../testdata/ocr-page.txt")
	if code != 0 || !strings.Contains(out, "MRZ on lines 8-9") || !strings.Contains(out, `"O" -> "0" (check digit)`) {
		t.Errorf("exit %d %s\n%s", code, errs, out)
	}
	code, out, _ = runCmd(t, "", "find", "--json", "--today", "2010-01-01", "../../testdata/ocr-page.txt")
	var c struct {
		Document struct {
			Valid          bool   `json:"valid"`
			DocumentNumber string `json:"document_number"`
		} `json:"document"`
		Score       float64 `json:"score"`
		Corrections []struct {
			Line, Column     int
			From, To, Reason string
		} `json:"corrections"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil || code != 0 || !c.Document.Valid || c.Document.DocumentNumber != "L898902C3" || len(c.Corrections) != 6 {
		t.Errorf("json: exit %d %v\n%s", code, err, out)
	}
	// --all gives an array; two MRZs in one text.
	two := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n\ntext\n\n" +
		"I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n"
	code, out, _ = runCmd(t, two, "find", "--json", "--all")
	var arr []any
	if err := json.Unmarshal([]byte(out), &arr); err != nil || code != 0 || len(arr) != 2 {
		t.Errorf("--all: exit %d %v", code, err)
	}
	// Found but invalid: exit 1, with the alternatives printed.
	code, out, _ = runCmd(t, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE1B4226B<<<<<10", "find")
	if code != 1 || !strings.Contains(out, "several repairs fit (optional_data at MRZ line 2, column 29); in the input:\n") ||
		!strings.Contains(out, `either line 2, column 32: "B" -> "8"`) || !strings.Contains(out, `or line 2, column 29: "Z" -> "2"`) {
		t.Errorf("ambiguous: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE1B4226B<<<<<10", "find", "--json")
	var amb struct {
		Alternatives [][]map[string]any `json:"alternatives"`
		Ambiguous    []map[string]any   `json:"ambiguous"`
	}
	if err := json.Unmarshal([]byte(out), &amb); err != nil || code != 1 || len(amb.Alternatives) != 2 ||
		len(amb.Ambiguous) != 1 || amb.Ambiguous[0]["field"] != "optional_data" || amb.Ambiguous[0]["line"] != 2.0 || amb.Ambiguous[0]["column"] != 29.0 {
		t.Errorf("ambiguous --json: exit %d %v\n%s", code, err, out)
	}
	// Nothing found, bad usage: exit 2.
	for _, c := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"hello\nworld\n", []string{"find"}, "no MRZ found"},
		{"", []string{"find", "--frob"}, "flag provided but not defined"},
		{strings.Repeat("x", 2<<20), []string{"find"}, "too long"},
	} {
		code, out, errs := runCmd(t, c.stdin, c.args...)
		if code != 2 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d %q", c.args, code, errs)
		}
	}
}
