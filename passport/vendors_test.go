package passport_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
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

func TestTextractSamples(t *testing.T) {
	tests := []struct {
		file  string
		n     int
		types []string
	}{
		{"textract/analyzeid-test-passport-response.json", 1, []string{"passport"}},
		{"textract/analyzeid-test-drivers-license-response.json", 1, []string{"drivers_license"}},
		{"textract/test-trp2-analyzeid_sample_multi_page.json", 2, []string{"drivers_license", "drivers_license"}},
		{"textract/test-trp2_analyzeid_sample1_with_OCR.json", 1, []string{"drivers_license"}},
	}
	for _, tt := range tests {
		ps, err := passport.ReadTextract(readVendor(t, tt.file))
		if err != nil || len(ps) != tt.n {
			t.Errorf("%s: %d documents, %v", tt.file, len(ps), err)
			continue
		}
		for i, p := range ps {
			if p.DocumentType.Value != tt.types[i] || p.Surname.IsZero() || p.BirthDate.IsZero() || p.Source != passport.SourceTextract {
				t.Errorf("%s[%d]: %+v", tt.file, i, p)
			}
			if c := p.Surname.Confidence; c <= 0 || c > 1 {
				t.Errorf("%s: confidence %v not scaled to 0..1", tt.file, c)
			}
		}
	}
	ps, _ := passport.ReadTextract(readVendor(t, "textract/analyzeid-test-passport-response.json"))
	p := ps[0]
	if p.GivenNamesText() != "LI" || p.Surname.Value != "JUAN" || p.IDNumber.Value != "0002028373" ||
		p.BirthDate.Value.String() != "1982-05-01" || p.ExpiryDate.Value.String() != "2029-05-09" ||
		p.RawFields["DATE_OF_BIRTH"] != "01 MAY 1982" || p.BirthPlace.Value != "NEW YORK CITY" {
		t.Errorf("passport sample: %+v", p)
	}
	s := p.ScanDocument()
	if *s.DocumentType != "passport" || *s.FullName != "LI JUAN" || s.Address != nil || s.MRZData != nil {
		t.Errorf("scan document: %+v", s)
	}
	ds, _ := passport.ReadTextract(readVendor(t, "textract/analyzeid-test-drivers-license-response.json"))
	if ds[0].Address.Value == "" || ds[0].ScanDocument().Address == nil {
		t.Errorf("driver's licence address: %q", ds[0].Address.Value)
	}
}

func TestMindeeSamples(t *testing.T) {
	r, err := passport.ReadMindee(readVendor(t, "mindee/complete.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := r.Passport()
	if !p.HasMRZ() || p.MRZ.Format().String() != "TD3" || p.Orientation.Degrees != 0 || !p.Orientation.Known || p.Country.Value.Alpha3() != "GBR" {
		t.Errorf("complete: %+v", p)
	}
	// The sample's printed expiry (2057) disagrees with its MRZ (2017).
	f := passport.Verify(p, passport.VerifyOptions{Today: field.MustDate(2016, 1, 1)})
	if len(f) != 1 || f[0].Field != "expiry_date" || f[0].Kind != passport.FindingMismatch {
		t.Errorf("verify complete.json: %+v", f)
	}
	// The empty response reads, and verifying it says the MRZ is missing.
	r, err = passport.ReadMindee(readVendor(t, "mindee/empty.json"))
	if err != nil {
		t.Fatal(err)
	}
	f = passport.Verify(r.Passport(), passport.VerifyOptions{})
	if len(f) != 1 || f[0].Kind != passport.FindingMissing || f[0].Field != "mrz1" {
		t.Errorf("verify empty.json: %+v", f)
	}
	// The newer envelope of another product reads too (given_names as one field).
	r, err = passport.ReadMindee(readVendor(t, "mindee/ind_passport/default_sample.json"))
	if err != nil || r.Passport().GivenNamesText() == "" {
		t.Errorf("ind_passport: %v", err)
	}
	// API errors are errors, naming the status code.
	for _, name := range []string{"error_400_no_details", "error_400_with_object_in_detail", "error_401_invalid_token", "error_500_inference_fail"} {
		_, err := passport.ReadMindee(readVendor(t, "mindee/errors/"+name+".json"))
		if !errors.Is(err, passport.ErrInput) || !strings.Contains(err.Error(), "status_code") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
