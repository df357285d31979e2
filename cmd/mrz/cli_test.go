package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
)

// fullWriter fails every write, as /dev/full does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestFailedWrite: output that cannot be written is an error, in text mode
// too.
func TestFailedWrite(t *testing.T) {
	for _, args := range [][]string{
		{"parse", sample},
		{"parse", "--json", sample},
		{"find", "../../testdata/ocr-page.txt"},
		{"convert", "--from", "mrz", "--to", "json", sample},
		{"verify", "--from", "mindee", fixtures + "mindee_eriksson.json"},
		{"generate", "--format", "TD3", "--surname", "A", "--number", "X1", "--country", "UTO", "--nationality", "UTO",
			"--birth", "1990-01-01", "--sex", "F", "--expiry", "2030-01-01"},
		{"help"},
		{"parse", "--help"},
	} {
		var errb bytes.Buffer
		code := run(args, &env{stdin: strings.NewReader(""), stdout: fullWriter{}, stderr: &errb})
		if code != exitUsage || !strings.Contains(errb.String(), "cannot write the output: no space left on device") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

// vendorBirth2030 returns an MRZ whose birth date reads 300101, and the
// same document in every vendor shape.
func vendorBirth2030(t *testing.T) (lines string, inputs map[string]string) {
	enc, err := mrz.Encode(mrz.Fields{Format: mrz.TD3, IssuingState: "UTO", Nationality: "UTO", DocumentNumber: "L898902C3",
		Surname: "ERIKSSON", GivenNames: []string{"ANNA"}, BirthDate: field.MustDate(2030, 1, 1), Sex: field.SexFemale,
		ExpiryDate: field.MustDate(2040, 1, 1)}, mrz.WithReferenceDate(field.MustDate(2035, 1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(fixtures + "mindee_eriksson.json")
	mindee := strings.NewReplacer("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", enc.Lines[0],
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10", enc.Lines[1]).Replace(string(src))
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	return enc.String(), map[string]string{
		"mrz":           enc.String(),
		"mindee":        mindee,
		"scan-document": js(map[string]any{"documentType": "passport", "mrzData": enc.String()}),
		"textract": js(map[string]any{"IdentityDocuments": []any{map[string]any{"IdentityDocumentFields": []any{
			map[string]any{"Type": map[string]any{"Text": "MRZ_CODE"}, "ValueDetection": map[string]any{"Text": enc.String(), "Confidence": 99}}}}}}),
	}
}

// TestConvertToday: --today reaches the MRZ of vendor input: birth 300101
// is 2030 against 2035-01-01.
func TestConvertToday(t *testing.T) {
	_, inputs := vendorBirth2030(t)
	for from, in := range inputs {
		code, out, errs := runCmd(t, in, "convert", "--from", from, "--to", "json", "--today", "2035-01-01")
		var p struct {
			MRZ struct {
				BirthDate string `json:"birth_date"`
			} `json:"mrz"`
		}
		if err := json.Unmarshal([]byte(out), &p); err != nil || code != 0 || p.MRZ.BirthDate != "2030-01-01" {
			t.Errorf("--from %s: exit %d %s, birth %q %v", from, code, errs, p.MRZ.BirthDate, err)
		}
	}
}

// TestGenerateJSONErrors: errors for JSON input name the field and the
// right kind.
func TestGenerateJSONErrors(t *testing.T) {
	for _, c := range []struct {
		stdin, want string
	}{
		{`{"format":"XX"}`, "generate: format: unknown format (want TD1,"},
		{`{"format":3}`, "generate: format: wrong type (want a string)"},
		{`{"surname":"A"}`, "generate: format: missing"},
		{`{"format":"TD3","birth_date":"1990-02-30"}`, "generate: birth_date: invalid date (want YYYY-MM-DD)"},
		{`{"format":"TD3","expiry_date":"soon"}`, "generate: expiry_date: invalid date"},
		{`{"format":"TD3","issue_date":5}`, "generate: issue_date: wrong type"},
		{`{"format":"TD3","sex":"Q"}`, "generate: sex: want M, F, X or <"},
		{`{"format":"TD3","given_names":"ANNA"}`, "generate: reading the fields as JSON: given_names: wrong type (want []string)"},
		{``, "generate: no input: want the fields as a JSON object"},
		{"  \n", "generate: no input"},
		{`null`, "generate: want the fields as a JSON object"},
		{`[1]`, "generate: want the fields as a JSON object"},
	} {
		code, out, errs := runCmd(t, c.stdin, "generate")
		if code != 2 || out != "" || !strings.Contains(errs, c.want) || strings.Contains(errs, "EOF") || strings.Contains(errs, "number of lines") {
			t.Errorf("%q: exit %d, stderr %q, want %q", c.stdin, code, errs, c.want)
		}
	}
}

// TestDoubleDash: after "--" every argument is an input, even one that
// starts with "-"; a "--" that is a flag's value is that value.
func TestDoubleDash(t *testing.T) {
	dir := t.TempDir()
	dashed := filepath.Join(dir, "-specimen.mrz")
	src, _ := os.ReadFile(sample)
	os.WriteFile(dashed, src, 0o644)
	abs, _ := filepath.Abs(sample)
	t.Chdir(dir)
	for _, args := range [][]string{
		{"parse", "--", "-specimen.mrz"},
		{"parse", "--json", "--", "-specimen.mrz"},
		{"parse", "--today", "2026-01-01", "--", "-specimen.mrz"},
		{"parse", abs, "--"},
	} {
		if code, _, errs := runCmd(t, "", args...); code != 0 {
			t.Errorf("%v: exit %d %s", args, code, errs)
		}
	}
	if code, _, errs := runCmd(t, "", "parse", "--", "-specimen.mrz", "--json"); code != 2 || !strings.Contains(errs, "at most one input file") {
		t.Errorf("-- then a flag: exit %d %s", code, errs)
	}
	code, out, _ := runCmd(t, "", "generate", "--format", "TD3", "--surname", "A", "--given-names", "--", "--number", "X1",
		"--country", "UTO", "--nationality", "UTO", "--birth", "1990-01-01", "--sex", "F", "--expiry", "2030-01-01")
	if code != 0 || !strings.HasPrefix(out, "P<UTOA<<<<<<") {
		t.Errorf("-- as a value: exit %d %q", code, out)
	}
}

// commandFlags returns the flags of a command, by asking it for its help.
func commandFlags(t *testing.T, name string) (usage string, help string, flags []string) {
	t.Helper()
	code, out, errs := runCmd(t, "", name, "--help")
	if code != 0 || errs != "" {
		t.Fatalf("%s --help: exit %d %q", name, code, errs)
	}
	for _, m := range regexp.MustCompile(`(?m)^  -([a-z0-9-]+)`).FindAllStringSubmatch(out, -1) {
		flags = append(flags, m[1])
	}
	for _, c := range commands() {
		if c.name == name {
			usage = c.usage
		}
	}
	return usage, out, flags
}

// TestHelp: "mrz CMD --help", "mrz CMD -h" and "mrz help CMD" print the
// command's usage and every flag with its description, and exit 0; an
// unknown topic exits 2.
func TestHelp(t *testing.T) {
	for _, c := range commands() {
		usage, help, flags := commandFlags(t, c.name)
		if !strings.HasPrefix(help, "Usage: "+usage+"\n") || !strings.Contains(help, c.summary[1:]) {
			t.Errorf("%s --help:\n%s", c.name, help)
		}
		for _, args := range [][]string{{c.name, "-h"}, {"help", c.name}} {
			if code, out, _ := runCmd(t, "", args...); code != 0 || out != help {
				t.Errorf("%v: exit %d\n%s", args, code, out)
			}
		}
		for _, f := range flags {
			// Each flag has its description on the next line.
			_, after, _ := strings.Cut(help, "  -"+f)
			lines := strings.SplitN(after, "\n", 3)
			if len(lines) < 2 || len(strings.TrimSpace(lines[1])) < 10 {
				t.Errorf("%s --help: -%s has no description", c.name, f)
			}
		}
		if len(flags) == 0 {
			t.Errorf("%s: no flags listed", c.name)
		}
	}
	for _, args := range [][]string{{"help", "nosuch"}, {"help", "parse", "find"}} {
		if code, out, errs := runCmd(t, "", args...); code != 2 || out != "" || !strings.Contains(errs, "help:") {
			t.Errorf("%v: exit %d %q %q", args, code, out, errs)
		}
	}
}

// TestFlagsDocumented: every flag of every command is in its usage line
// and in the README.
func TestFlagsDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands() {
		usage, _, flags := commandFlags(t, c.name)
		for _, f := range flags {
			if !regexp.MustCompile(`--` + f + `\b`).MatchString(usage) {
				t.Errorf("%s: --%s is not in the usage %q", c.name, f, usage)
			}
			if !regexp.MustCompile(`--` + f + `\b`).Match(readme) {
				t.Errorf("%s: --%s is not in the README", c.name, f)
			}
		}
	}
}

// TestMinConfidence refuses what is not a number in 0..1.
func TestMinConfidence(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "+Inf", "-1", "1.5"} {
		code, _, errs := runCmd(t, "", "verify", "--from", "mindee", "--min-confidence", v, fixtures+"mindee_eriksson.json")
		if code != 2 || !strings.Contains(errs, "--min-confidence: want a number in 0..1") {
			t.Errorf("%s: exit %d %q", v, code, errs)
		}
	}
}

// TestEmptyVendorInput is called empty, not truncated.
func TestEmptyVendorInput(t *testing.T) {
	for _, from := range []string{"mindee", "scan-document", "textract"} {
		for _, cmd := range []string{"convert", "verify"} {
			args := []string{cmd, "--from", from}
			if cmd == "convert" {
				args = append(args, "--to", "json")
			}
			code, _, errs := runCmd(t, " \n", args...)
			if code != 2 || !strings.Contains(errs, "empty input") || strings.Contains(errs, "truncated") {
				t.Errorf("%v: exit %d %q", args, code, errs)
			}
		}
	}
}

// TestFlagErrorsDoNotRepeatValues: a bad flag value is named by its flag,
// not repeated.
func TestFlagErrorsDoNotRepeatValues(t *testing.T) {
	for _, args := range [][]string{
		{"parse", "--today", "QZXMARKERQZX"},
		{"verify", "--from", "mindee", "--min-confidence", "QZXMARKERQZX"},
		{"find", "--json=QZXMARKERQZX"},
		{"generate", "--today=QZXMARKERQZX"},
	} {
		code, _, errs := runCmd(t, "", args...)
		if code != 2 || strings.Contains(errs, "QZXMARKERQZX") || !strings.Contains(errs, "invalid") || !strings.Contains(errs, "flag -") {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
}
