package mrz_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

// TestImageTruths reads the MRZ text of the shared image set
// (../shared/images/MANIFEST.tsv) and checks that every check digit comes
// out as the manifest says it was found on the document, that Find reads
// each valid text back without a correction, and that it never turns a
// malformed one into a valid one.
func TestImageTruths(t *testing.T) {
	dir := sharedDir + "/images"
	f, err := os.Open(dir + "/MANIFEST.tsv")
	if err != nil {
		t.Skipf("shared images not available (%v): run from a checkout with ../shared beside it", err)
	}
	defer f.Close()
	checks := map[string]mrz.Check{"num": mrz.CheckDocumentNumber, "dob": mrz.CheckBirthDate, "exp": mrz.CheckExpiryDate,
		"pn": mrz.CheckOptionalData, "comp": mrz.CheckComposite}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	n := 0
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 8 || col[4] == "line" {
			continue
		}
		n++
		b, err := os.ReadFile(filepath.Join(dir, filepath.Dir(col[0]), col[5]))
		if err != nil {
			t.Fatal(err)
		}
		d, perr := mrz.Parse(string(b), ref2026)
		if d.Format() == mrz.FormatUnknown {
			t.Errorf("%s: %v", col[0], perr)
			continue
		}
		national := strings.Contains(col[7], "national layout")
		if national {
			// The manifest judges it by the ICAO TD2 scheme; it is read
			// by its own layout.
			if d.Format().IsICAO() || !d.IsValid() {
				t.Errorf("%s: want a valid national layout, got %v %v", col[0], d.Format(), perr)
			}
		} else {
			for _, kv := range strings.Fields(col[6]) {
				k, v, _ := strings.Cut(kv, "=")
				want := mrz.CheckPassed
				if v == "BAD" {
					want = mrz.CheckFailed
				}
				if got := d.Check(checks[k]); got != want {
					t.Errorf("%s: %s check %v, manifest says %s", col[0], k, got, v)
				}
			}
		}
		cs, _ := mrz.Find(string(b), ref2026)
		switch {
		case d.IsValid() && (len(cs) == 0 || cs[0].Document.String() != d.String() || len(cs[0].Corrections) != 0):
			t.Errorf("%s: Find does not read the valid text back as it is", col[0])
		case !d.IsValid() && len(cs) > 0 && cs[0].IsValid():
			t.Errorf("%s: Find repaired a malformed MRZ into a valid one", col[0])
		}
	}
	if n < 10 {
		t.Errorf("only %d images read from the manifest", n)
	}
}
