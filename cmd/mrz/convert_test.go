package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixtures = "../../testdata/passport/"

func TestConvertCommand(t *testing.T) {
	tests := []struct {
		from, to, file string
		check          func(map[string]any) bool
	}{
		{"mrz", "mindee", "../../testdata/td3-specimen.mrz", func(m map[string]any) bool { _, ok := m["api_request"]; return ok }},
		{"mrz", "scan-document", "../../testdata/td3-specimen.mrz", func(m map[string]any) bool { return m["lastName"] == "ERIKSSON" }},
		{"mrz", "json", "../../testdata/td3-specimen.mrz", func(m map[string]any) bool { return m["mrz"] != nil }},
		{"mindee", "scan-document", fixtures + "mindee_eriksson.json", func(m map[string]any) bool { return m["documentNumber"] == "L898902C3" }},
		{"scan-document", "mindee", fixtures + "scan_document_mustermann.json", func(m map[string]any) bool { return m["document"] != nil }},
		{"textract", "json", fixtures + "textract_eriksson.json", nil}, // two documents: an array
	}
	for _, tt := range tests {
		code, out, errs := runCmd(t, "", "convert", "--from", tt.from, "--to", tt.to, tt.file)
		if code != 0 {
			t.Errorf("%s->%s: exit %d %s", tt.from, tt.to, code, errs)
			continue
		}
		if tt.check == nil {
			var arr []any
			if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) != 2 {
				t.Errorf("%s->%s: want an array of 2: %v", tt.from, tt.to, err)
			}
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil || !tt.check(m) {
			t.Errorf("%s->%s: %v\n%s", tt.from, tt.to, err, out)
		}
		if strings.Contains(out, `\u003c`) {
			t.Errorf("%s->%s: fillers escaped", tt.from, tt.to)
		}
	}
}

func TestVerifyCommand(t *testing.T) {
	code, out, _ := runCmd(t, "", "verify", "--from", "mindee", "--today", "2010-01-01", fixtures+"mindee_eriksson.json")
	if code != 0 || !strings.Contains(out, "no findings") {
		t.Errorf("consistent: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "verify", "--from", "mindee", "--json", "--today", "2010-01-01", "--min-confidence", "0.5", fixtures+"mindee_eriksson_mismatch.json")
	var res struct {
		Valid    bool `json:"valid"`
		Findings []struct{ Field, Kind, Message string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 1 || res.Valid || len(res.Findings) != 6 {
		t.Errorf("mismatch: exit %d %v\n%s", code, err, out)
	}
	src, _ := os.ReadFile(fixtures + "scan_document_mustermann.json")
	if code, out, _ := runCmd(t, string(src), "verify", "--from", "scan-document", "--today", "2026-01-01"); code != 0 {
		t.Errorf("scan document from stdin: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "verify", "--from", "textract", "--today", "2010-01-01", fixtures+"textract_eriksson.json")
	if code != 1 || !strings.Contains(out, "Document 2") || !strings.Contains(out, "expired") {
		t.Errorf("textract: exit %d\n%s", code, out)
	}
}

func TestConvertVerifyBadInput(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.json")
	f, _ := os.Create(huge)
	f.Truncate(20 << 20)
	f.Close()
	bin := filepath.Join(dir, "bin")
	os.WriteFile(bin, []byte{0xff, 0x00, 0x13}, 0o644)
	for _, c := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{`{"api_request": {"sta`, []string{"verify", "--from", "mindee"}, "truncated JSON"},
		{`{"document": {"inference": {"prediction": {"surname": {"value": 3}}}}}`, []string{"verify", "--from", "mindee"}, "surname"},
		{`{"IdentityDocuments": 3}`, []string{"convert", "--from", "textract", "--to", "json"}, "wrong type"},
		{"", []string{"verify", "--from", "mindee", huge}, "too long"},
		{"", []string{"convert", "--from", "scan-document", "--to", "json", bin}, "malformed JSON"},
		{"", []string{"convert", "--from", "mindee"}, "--to is required"},
		{"", []string{"convert", "--to", "json"}, "--from is required"},
		{"", []string{"convert", "--from", "pdf", "--to", "json"}, "unknown shape"},
		{"", []string{"convert", "--from", "mrz", "--to", "xml"}, "unknown shape"},
		{"abc", []string{"convert", "--from", "mrz", "--to", "json"}, "invalid character"},
		{"", []string{"verify", "--from", "mrz"}, "nothing to compare"},
		{"", []string{"verify", "--from", "mindee", "--min-confidence", "7"}, "0..1"},
		{`{"IdentityDocuments": []}`, []string{"verify", "--from", "textract"}, "no identity document"},
		{`{"api_request":{"status":"failure","status_code":401}}`, []string{"verify", "--from", "mindee"}, "401"},
	} {
		code, out, errs := runCmd(t, c.stdin, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) || out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%v: exit %d stderr %q", c.args, code, errs)
		}
	}
}
