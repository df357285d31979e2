package passport_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/passport"
)

// markers are strings a malformed input carries that no error may repeat:
// letters as names are printed, lower case, and digits as numbers and
// dates are.
var markers = []string{"QZXMARKERQZX", "qzxmarkerqzx", "86753090", "2999-01-31"}

// leaks returns the marker err repeats, or "".
func leaks(err error) string {
	if err == nil {
		return ""
	}
	msg := strings.ToLower(err.Error())
	for _, m := range markers {
		if strings.Contains(msg, strings.ToLower(m)) {
			return m
		}
	}
	return ""
}

// readers are every entry point that reads vendor JSON.
var readers = map[string]func([]byte) error{
	"ReadMindee":       func(b []byte) error { _, err := passport.ReadMindee(b); return err },
	"ReadScanDocument": func(b []byte) error { _, err := passport.ReadScanDocument(b); return err },
	"ReadTextract":     func(b []byte) error { _, err := passport.ReadTextract(b); return err },
	"Passport.UnmarshalJSON": func(b []byte) error {
		var p passport.Passport
		return p.UnmarshalJSON(b)
	},
	"MindeeResponse.UnmarshalJSON": func(b []byte) error {
		var r passport.MindeeResponse
		return r.UnmarshalJSON(b)
	},
	"MindeePrediction.UnmarshalJSON": func(b []byte) error {
		var m passport.MindeePrediction
		return m.UnmarshalJSON(b)
	},
}

// TestErrorsNeverQuoteInput builds thousands of malformed inputs from the
// fixtures, each carrying a marker where a value, a key or a piece of text
// stood, and checks that no reader's error repeats it.
func TestErrorsNeverQuoteInput(t *testing.T) {
	var seeds []any
	files, _ := filepath.Glob("../testdata/passport/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, v)
	}
	// The issue's own example, and the other places a reader names a
	// value: a Textract field name, a date, a rawFields key.
	fixed := []string{
		`{"api_request":{"status":"ERIKSSON L898902C3 QZXMARKERQZX 1974-08-12","status_code":400}}`,
		`{"api_request":{"status":"failure","status_code":86753090}}`,
		`{"IdentityDocuments":[{"IdentityDocumentFields":[{"Type":{"Text":"QZXMARKERQZX"},"ValueDetection":{"Text":"x","NormalizedValue":{"Value":"2999-01-31x","ValueType":"Date"}}}]}]}`,
		`{"IdentityDocuments":[{"IdentityDocumentFields":[{"Type":{"Text":"DATE_OF_BIRTH"},"ValueDetection":{"Text":"QZXMARKERQZX","NormalizedValue":{"Value":"QZXMARKERQZX","ValueType":"Date"}}}]}]}`,
		`{"rawFields":{"QZXMARKERQZX":86753090}}`,
		`{"dateOfBirth":"2999-01-31 QZXMARKERQZX"}`,
		`{"document":{"inference":{"prediction":{"birth_date":{"value":"2999-01-31x"}}}}}`,
		`{"document":{"inference":{"prediction":{"id_number":{"value":86753090}}}}}`,
		`{"document":{"inference":{"prediction":{"birth_date":{"page_id":86753090}}}}}`,
		`{"document":{"inference":{"prediction":{"birth_date":{"page_id":"QZXMARKERQZX"}}}}}`,
		`{"QZXMARKERQZX":{"QZXMARKERQZX":[1,2,"qzxmarkerqzx"]}}`,
		`"QZXMARKERQZX`, `QZXMARKERQZX`, `86753090`, `{"qzxmarkerqzx"`,
	}
	rng := rand.New(rand.NewSource(11))
	var inputs [][]byte
	for _, s := range fixed {
		inputs = append(inputs, []byte(s))
	}
	n := 3000
	if raceEnabled || testing.Short() {
		n = 400
	}
	for len(inputs) < n {
		seed := seeds[rng.Intn(len(seeds))]
		v := mutate(rng, deepCopy(seed), 1+rng.Intn(3))
		b, _ := json.Marshal(v)
		inputs = append(inputs, b)
		inputs = append(inputs, byteMutation(rng, b))
	}
	checked := 0
	for _, in := range inputs {
		for name, read := range readers {
			err := read(in)
			if m := leaks(err); m != "" {
				t.Fatalf("%s repeats %q from its input:\n%v\ninput: %.300s", name, m, err, in)
			}
			if err != nil {
				checked++
				if !errors.Is(err, passport.ErrInput) {
					t.Fatalf("%s: error %v does not wrap ErrInput", name, err)
				}
			}
		}
	}
	if checked < n {
		t.Errorf("only %d errors checked", checked)
	}
}

// replacements are what a mutation puts in a value's place.
var replacements = []func() any{
	func() any { return "QZXMARKERQZX" },
	func() any { return "ERIKSSON qzxmarkerqzx" },
	func() any { return 86753090 },
	func() any { return -86753090 },
	func() any { return "2999-01-31" },
	func() any { return "2999-01-31T00:00:00 QZXMARKERQZX" },
	func() any { return []any{"QZXMARKERQZX", 86753090} },
	func() any { return map[string]any{"QZXMARKERQZX": "qzxmarkerqzx"} },
	func() any { return map[string]any{"value": "QZXMARKERQZX", "page_id": "QZXMARKERQZX"} },
	func() any { return [][]any{{"QZXMARKERQZX", 1}} },
	func() any { return true },
	func() any { return nil },
}

// mutate replaces n values of v, or renames keys, with marker-carrying
// values.
func mutate(rng *rand.Rand, v any, n int) any {
	for i := 0; i < n; i++ {
		v = mutateOne(rng, v)
	}
	return v
}

func mutateOne(rng *rand.Rand, v any) any {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 || rng.Intn(6) == 0 {
			x["QZXMARKERQZX"] = replacements[rng.Intn(len(replacements))]()
			return x
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		k := keys[rng.Intn(len(keys))]
		if rng.Intn(4) == 0 {
			x[k] = replacements[rng.Intn(len(replacements))]()
		} else {
			x[k] = mutateOne(rng, x[k])
		}
		return x
	case []any:
		if len(x) == 0 || rng.Intn(5) == 0 {
			return append(x, replacements[rng.Intn(len(replacements))]())
		}
		i := rng.Intn(len(x))
		x[i] = mutateOne(rng, x[i])
		return x
	}
	return replacements[rng.Intn(len(replacements))]()
}

// byteMutation puts a marker into the text of b at a random place, and may
// cut the text short after it.
func byteMutation(rng *rand.Rand, b []byte) []byte {
	m := markers[rng.Intn(len(markers))]
	i := rng.Intn(len(b) + 1)
	out := append(append(append([]byte{}, b[:i]...), m...), b[i:]...)
	if rng.Intn(3) == 0 {
		out = out[:i+len(m)+rng.Intn(len(out)-i-len(m)+1)]
	}
	return out
}

func deepCopy(v any) any {
	b, _ := json.Marshal(v)
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		panic(fmt.Sprint(err))
	}
	return out
}
