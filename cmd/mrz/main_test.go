package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the command line with stdin and returns the exit code, stdout
// and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

const sample = "../../testdata/td3-specimen.mrz"

func TestParseCommand(t *testing.T) {
	code, out, _ := runCmd(t, "", "parse", sample)
	if code != 0 || !strings.Contains(out, "ERIKSSON") || !strings.Contains(out, "valid") {
		t.Errorf("parse sample: %d\n%s", code, out)
	}
	// --json after the file, and the key contract.
	code, out, _ = runCmd(t, "", "parse", sample, "--json", "--today", "2026-01-01")
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 {
		t.Fatalf("json: %v %d\n%s", err, code, out)
	}
	for _, k := range []string{"format", "valid", "document_code", "document_kind", "issuing_state", "issuing_state_name",
		"document_number", "nationality", "nationality_name", "surname", "given_names", "birth_date", "sex",
		"expiry_date", "optional_data", "checks", "errors"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("key %s missing", k)
		}
	}
	if doc["birth_date"] != "1974-08-12" || doc["valid"] != true || strings.Contains(out, `\u003c`) {
		t.Errorf("json values: %s", out)
	}
	// Standard input, "-".
	src, _ := os.ReadFile(sample)
	if code, _, _ := runCmd(t, string(src), "parse", "-"); code != 0 {
		t.Errorf("stdin: exit %d", code)
	}
}

func TestParseCommandFailures(t *testing.T) {
	bad := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F1204159ZE184226B<<<<<10\n"
	code, out, _ := runCmd(t, bad, "parse")
	if code != 1 || !strings.Contains(out, "         ^") || !strings.Contains(out, "line 2, column 10: document_number") {
		t.Errorf("check failure: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, bad, "parse", "--json")
	if code != 1 || !strings.Contains(out, `"kind": "check_digit"`) {
		t.Errorf("check failure json: exit %d\n%s", code, out)
	}
	big := strings.Repeat("P", 5000)
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	os.WriteFile(bin, []byte{0, 1, 2, 0xff, 0xfe}, 0o644)
	for _, c := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"abc", []string{"parse"}, "invalid character"},
		{big, []string{"parse"}, "input too long"},
		{"", []string{"parse"}, "wrong number of lines"},
		{"", []string{"parse", "--nope"}, "flag provided but not defined"},
		{"", []string{"parse", "--today", "2026-13-01"}, "YYYY-MM-DD"},
		{"", []string{"parse", "a", "b"}, "at most one input file"},
		{"", []string{"parse", filepath.Join(dir, "missing")}, "cannot open input"},
		{"", []string{"parse", bin}, "invalid character"},
		{"", []string{"frobnicate"}, "unknown command"},
		{"", nil, "Usage"},
	} {
		code, out, errs := runCmd(t, c.stdin, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q", c.args, code, errs, out)
		}
		if c.args != nil && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%v: error is not one line: %q", c.args, errs)
		}
	}
	if code, out, _ := runCmd(t, "", "help"); code != 0 || !strings.Contains(out, "mrz parse") {
		t.Errorf("help: %d %s", code, out)
	}
}
