package main

import (
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// markers are strings a malformed input carries that no error of the
// command may repeat.
var markers = []string{"QZXMARKERQZX", "qzxmarkerqzx", "86753090"}

// TestErrorsNeverQuoteInput runs every command on thousands of malformed
// inputs carrying a marker (MRZ text, OCR pages, vendor JSON, generate's
// JSON) and checks that standard error never repeats it. This covers the
// errors of mrz.Parse, mrz.Find and mrz.Encode as the command prints them.
func TestErrorsNeverQuoteInput(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	spec, _ := os.ReadFile(sample)
	files, _ := filepath.Glob(fixtures + "*.json")
	var vendor []string
	for _, f := range files {
		b, _ := os.ReadFile(f)
		vendor = append(vendor, string(b))
	}
	// A Mindee API error, whose status text the command once repeated.
	vendor = append(vendor, `{"api_request":{"error":{"code":"x","message":"y"},"status":"failure","status_code":400}}`)
	parseJSON := func() string {
		_, out, _ := runCmd(t, "", "parse", "--json", "--today", "2026-01-01", sample)
		return out
	}()
	commands := [][]string{
		{"parse"}, {"parse", "--json"}, {"find"}, {"find", "--json", "--all"}, {"generate"},
		{"convert", "--from", "mrz", "--to", "json"},
		{"convert", "--from", "mindee", "--to", "scan-document"}, {"convert", "--from", "scan-document", "--to", "mindee"},
		{"convert", "--from", "textract", "--to", "json"},
		{"verify", "--from", "mindee"}, {"verify", "--from", "scan-document", "--json"}, {"verify", "--from", "textract"},
	}
	runs := 4000
	if raceEnabled || testing.Short() {
		runs = 500
	}
	n := 0
	for i := 0; i < runs; i++ {
		m := markers[rng.Intn(len(markers))]
		var in string
		switch rng.Intn(4) {
		case 0: // an MRZ with the marker in it
			in = insert(rng, string(spec), m)
		case 1: // vendor JSON with the marker in its text
			in = insert(rng, vendor[rng.Intn(len(vendor))], m)
		case 2: // generate's JSON with the marker as a value or key
			in = strings.Replace(parseJSON, []string{`"TD3"`, `"1974-08-12"`, `"F"`, `"ERIKSSON"`, `"surname"`, `"UTO"`}[rng.Intn(6)],
				[]string{`"` + m + `"`, m, `["` + m + `"]`, `{"` + m + `": 1}`}[rng.Intn(4)], 1)
		default: // vendor JSON with a value replaced by the marker
			in = replaceValue(rng, vendor[rng.Intn(len(vendor))], m)
		}
		args := commands[rng.Intn(len(commands))]
		_, _, errs := runCmd(t, in, args...)
		for _, mk := range markers {
			if strings.Contains(strings.ToLower(errs), strings.ToLower(mk)) {
				t.Fatalf("%v repeats %q from its input: %s\ninput: %.300q", args, mk, errs, in)
			}
		}
		if errs != "" {
			n++
		}
	}
	if n < runs/4 {
		t.Errorf("only %d errors checked", n)
	}
}

// insert puts m into s at a random place, and may cut s short after it.
func insert(rng *rand.Rand, s, m string) string {
	i := rng.Intn(len(s) + 1)
	out := s[:i] + m + s[i:]
	if rng.Intn(3) == 0 {
		out = out[:i+len(m)+rng.Intn(len(out)-i-len(m)+1)]
	}
	return out
}

// replaceValue replaces one string or number of a JSON text by m, as a
// string or bare.
func replaceValue(rng *rand.Rand, s, m string) string {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return s
	}
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k := range x {
				if rng.Intn(8) == 0 {
					delete(x, k) // a document without its prediction, a response without its document
					continue
				}
				if rng.Intn(3) == 0 {
					x[k] = walk(x[k])
					return x
				}
			}
			x[m] = m
			return x
		case []any:
			if len(x) > 0 {
				i := rng.Intn(len(x))
				x[i] = walk(x[i])
			}
			return x
		}
		if rng.Intn(2) == 0 {
			return 86753090
		}
		return m
	}
	b, _ := json.Marshal(walk(v))
	return string(b)
}
