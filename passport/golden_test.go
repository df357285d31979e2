package passport_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/passport/golden instead of comparing")

// goldenToday is the reference date of the golden files: before the
// specimens expire.
var goldenToday = field.MustDate(2010, 1, 1)

func encode(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("../testdata/passport/golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./passport -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

// readFixture reads a project fixture by its name prefix.
func readFixture(t *testing.T, path string) []passport.Passport {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Base(path)
	switch {
	case strings.HasPrefix(base, "mindee_"):
		r, err := passport.ReadMindee(b)
		if err != nil {
			t.Fatal(err)
		}
		return []passport.Passport{r.Passport()}
	case strings.HasPrefix(base, "scan_document_"):
		p, err := passport.ReadScanDocument(b)
		if err != nil {
			t.Fatal(err)
		}
		return []passport.Passport{p}
	case strings.HasPrefix(base, "textract_"):
		ps, err := passport.ReadTextract(b)
		if err != nil {
			t.Fatal(err)
		}
		return ps
	case strings.HasSuffix(base, ".mrz"):
		d, _ := mrz.Parse(string(b), mrz.WithReferenceDate(goldenToday))
		return []passport.Passport{passport.FromMRZ(d)}
	}
	t.Fatalf("unknown fixture %s", base)
	return nil
}

// TestGoldenConversions converts every fixture to every shape and verifies
// it, comparing with testdata/passport/golden.
func TestGoldenConversions(t *testing.T) {
	files, _ := filepath.Glob("../testdata/passport/*.json")
	files = append(files, "../testdata/td3-specimen.mrz")
	for _, in := range files {
		base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(in), ".json"), ".mrz")
		t.Run(base, func(t *testing.T) {
			ps := readFixture(t, in)
			var mindee, scan, own, verify []any
			for _, p := range ps {
				mindee = append(mindee, p.Mindee())
				scan = append(scan, p.ScanDocument())
				own = append(own, p)
				f := passport.Verify(p, passport.VerifyOptions{Today: goldenToday, MinConfidence: 0.5})
				verify = append(verify, f)
			}
			golden(t, base+".mindee.json", encode(t, mindee))
			golden(t, base+".scan-document.json", encode(t, scan))
			golden(t, base+".json.json", encode(t, own))
			golden(t, base+".verify.json", encode(t, verify))
		})
	}
}

// TestFixtureRoundTrips: a Mindee response writes back identically; the
// Scan Document shape and the Passport's own JSON are stable.
func TestFixtureRoundTrips(t *testing.T) {
	files, _ := filepath.Glob("../testdata/passport/mindee_*.json")
	for _, in := range files {
		src, _ := os.ReadFile(in)
		r, err := passport.ReadMindee(src)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(r)
		if !reflect.DeepEqual(jsonValue(t, src), jsonValue(t, out)) {
			t.Errorf("%s: Mindee round trip differs", in)
		}
	}
	all, _ := filepath.Glob("../testdata/passport/*.json")
	for _, in := range all {
		for _, p := range readFixture(t, in) {
			// Passport JSON.
			b, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			var back passport.Passport
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			if !reflect.DeepEqual(p, back) {
				t.Errorf("%s: Passport JSON round trip differs\n%+v\n%+v", in, p, back)
			}
			// Scan Document: every field the passport had comes back.
			s1, _ := json.Marshal(p.ScanDocument())
			p2, err := passport.ReadScanDocument(s1)
			if err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			s2, _ := json.Marshal(p2.ScanDocument())
			if !bytes.Equal(s1, s2) {
				t.Errorf("%s: Scan Document not stable\n%s\n%s", in, s1, s2)
			}
			if p.IDNumber.Value != p2.IDNumber.Value || p.Surname.Value != p2.Surname.Value ||
				p.GivenNamesText() != p2.GivenNamesText() || p.BirthDate.Value != p2.BirthDate.Value ||
				p.ExpiryDate.Value != p2.ExpiryDate.Value || strings.Join(p.MRZLines(), "|") != strings.Join(p2.MRZLines(), "|") {
				t.Errorf("%s: Scan Document lost a field", in)
			}
		}
	}
}
