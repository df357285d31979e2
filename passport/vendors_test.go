package passport_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mrzkit/mrzkit/passport"
)

// vendorsDir holds the real vendor samples, beside the clone.
const vendorsDir = "../../shared/vendors"

func readVendor(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(vendorsDir, name))
	if err != nil {
		t.Skipf("vendor samples not available (%v): run from a checkout with ../shared beside it", err)
	}
	return b
}

// jsonValue decodes JSON into generic values (numbers as float64, compared
// as numbers).
func jsonValue(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return v
}

// sdkKeys are keys of the samples that the Mindee API does not send (the
// SDK's test data adds them), which a round trip may drop.
var sdkKeys = map[string]bool{
	"document_type": true, "input_type": true, "filename": true, "filepath": true, "file_extension": true,
}

// dropUnknown deletes from want the object keys that got lacks, and returns
// their paths.
func dropUnknown(want, got any, path string) []string {
	var out []string
	switch w := want.(type) {
	case map[string]any:
		g, _ := got.(map[string]any)
		for k, v := range w {
			p := k
			if path != "" {
				p = path + "." + k
			}
			gv, ok := g[k]
			if !ok {
				delete(w, k)
				out = append(out, p)
				continue
			}
			out = append(out, dropUnknown(v, gv, p)...)
		}
	case []any:
		g, _ := got.([]any)
		for i := range w {
			if i < len(g) {
				out = append(out, dropUnknown(w[i], g[i], path+"[]")...)
			}
		}
	}
	return out
}

func TestMindeeRoundTrip(t *testing.T) {
	for _, name := range []string{"mindee/complete.json", "mindee/empty.json"} {
		t.Run(name, func(t *testing.T) {
			src := readVendor(t, name)
			r, err := passport.ReadMindee(src)
			if err != nil {
				t.Fatal(err)
			}
			out, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			want, got := jsonValue(t, src), jsonValue(t, out)
			dropped := dropUnknown(want, got, "")
			for _, k := range dropped {
				if !sdkKeys[k] {
					t.Errorf("key %s dropped", k)
				}
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("round trip differs\nwant %s\ngot  %s", src, out)
			}
		})
	}
}

func TestMindeeSummary(t *testing.T) {
	src := readVendor(t, "mindee/complete.json")
	r, err := passport.ReadMindee(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := string(readVendor(t, "mindee/summary_full.rst")); r.String() != want {
		t.Errorf("summary differs\ngot:\n%q\nwant:\n%q", r.String(), want)
	}
	if want := string(readVendor(t, "mindee/summary_page0.rst")); r.PageSummary(0) != want {
		t.Errorf("page summary differs\ngot:\n%q\nwant:\n%q", r.PageSummary(0), want)
	}
}
