package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/internal/server/servertest"
)

// sharedImages is ../shared/images seen from this package.
const sharedImages = "../../../shared/images"

// sdkMustRead says which shared images the real reader must read exactly
// through the SDK: issue 9's targets (every rendered sample, imagejs id2,
// docsaid test_mrz). The others (a dark 7-pixel MRZ, a national layout, a
// malformed print, random characters) are reported, not required.
func sdkMustRead(im servertest.Image) bool {
	return strings.HasPrefix(im.Name, "synthetic/") || im.Name == "imagejs/id2.jpg" || im.Name == "docsaid/test_mrz.jpg"
}

// sdkResult is what parse.mjs prints for one image.
type sdkResult struct {
	Path     string `json:"path"`
	OK       bool   `json:"ok"`
	Error    string `json:"error"`
	Kind     string `json:"kind"`
	ID       string `json:"id"`
	Filename string `json:"filename"`
	Product  string `json:"product"`
	Fields   struct {
		Country, IDNumber, Surname, BirthDate, Gender, ExpiryDate, IssuanceDate, BirthPlace, MRZ1, MRZ2 *string
		GivenNames                                                                                      []string
	} `json:"fields"`
	Confidences map[string]float64         `json:"confidences"`
	Polygons    map[string][][2]float64    `json:"polygons"`
	Orientation *int                       `json:"orientation"`
	PageSummary string                     `json:"pageSummary"`
	_           map[string]json.RawMessage // the rest is not read
}

// TestMindeeNodeSDK installs the Mindee Node SDK (npm package mindee
// 5.2.0), points it at mrz serve over TLS, parses the shared images with
// mindee.v1.product.PassportV1 and checks what the SDK returns against the
// truth. It needs node, npm and the npm registry; it skips under -short.
func TestMindeeNodeSDK(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the Mindee Node SDK test (npm install, about 10 s)")
	}
	node, errNode := exec.LookPath("node")
	npm, errNpm := exec.LookPath("npm")
	if errNode != nil || errNpm != nil {
		t.Skip("node or npm is not installed: skipping the Mindee Node SDK test (apt-get install nodejs npm)")
	}
	images, err := servertest.SharedImages(sharedImages)
	if errors.Is(err, servertest.ErrNoShared) {
		t.Skip("../shared/images is absent: skipping the Mindee Node SDK test")
	}
	if err != nil {
		t.Fatal(err)
	}

	// The SDK, installed from the committed lock file into a fresh folder.
	dir := t.TempDir()
	for _, f := range []string{"package.json", "package-lock.json", "parse.mjs"} {
		b, err := os.ReadFile(filepath.Join("testdata", "mindee-sdk", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o600)
	}
	install := exec.Command(npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save")
	install.Dir = dir
	start := time.Now()
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("npm install mindee@5.2.0: %v\n%s", err, out)
	}
	t.Logf("npm install: %s", time.Since(start).Round(time.Millisecond))

	cert, key := makeCert(t, dir)
	keysFile := filepath.Join(dir, "keys")
	os.WriteFile(keysFile, []byte("sdk-test-key\n"), 0o600)
	serveWith := func(reader server.Reader) *running {
		return startServe(t, reader, nil, "--addr", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key,
			"--keys", keysFile, "--rate-limit", "0")
	}
	parse := func(r *running, apiKey string, paths ...string) []sdkResult {
		t.Helper()
		abs := make([]string, len(paths))
		for i, p := range paths {
			abs[i], _ = filepath.Abs(p)
		}
		cmd := exec.Command(node, append([]string{"parse.mjs"}, abs...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "MINDEE_API_HOST="+r.addr, "MINDEE_API_KEY="+apiKey, "NODE_EXTRA_CA_CERTS="+cert)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("node parse.mjs: %v\n%s", err, stderr.String())
		}
		var res []sdkResult
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil || len(res) != len(paths) {
			t.Fatalf("parse.mjs printed %d results (%v): %.500s", len(res), err, stdout.String())
		}
		return res
	}

	paths := make([]string, len(images))
	for i, im := range images {
		paths[i] = filepath.Join(sharedImages, im.Name)
	}

	// The wire: served from the truth, every image's every field, the
	// SDK's page summary and the polygons arrive exactly as sent.
	r := serveWith(servertest.TruthReader(images))
	start = time.Now()
	results := parse(r, "sdk-test-key", paths...)
	t.Logf("the SDK parsed %d images in %s", len(results), time.Since(start).Round(time.Millisecond))
	exact := 0
	for i, res := range results {
		bad := sdkMismatches(images[i], res, true)
		if len(bad) == 0 {
			exact++
		}
		for _, b := range bad {
			t.Errorf("wire: %s: %s", images[i].Name, b)
		}
	}
	t.Logf("wire: %d of %d images: every field the SDK returned matches the truth", exact, len(images))

	// The reader: mrz serve as it ships, package ocr reading each image.
	real := serveWith(newReader())
	start = time.Now()
	results = parse(real, "sdk-test-key", paths...)
	t.Logf("the SDK parsed %d images read by package ocr in %s", len(results), time.Since(start).Round(time.Millisecond))
	exact = 0
	for i, res := range results {
		if !res.OK {
			t.Errorf("reader: %s: the SDK refused the answer: %s (%s)", images[i].Name, res.Error, res.Kind)
			continue
		}
		bad := sdkMismatches(images[i], res, false)
		switch {
		case len(bad) == 0:
			exact++
		case sdkMustRead(images[i]):
			for _, b := range bad {
				t.Errorf("reader: %s: %s", images[i].Name, b)
			}
		default:
			t.Logf("reader: %s (not required): %d fields differ from the truth", images[i].Name, len(bad))
		}
	}
	t.Logf("reader: %d of %d images: every field the SDK returned matches the truth", exact, len(images))

	// A wrong key: the SDK raises its 401 error, having read the envelope.
	res := parse(r, "wrong-key", paths[0])[0]
	if res.OK || !strings.Contains(res.Kind+res.Error, "401") && !strings.Contains(res.Error, "Authorization required") {
		t.Errorf("wrong key: the SDK said %+v", res)
	}
}

// sdkMismatches lists what the SDK returned for an image that differs from
// the truth: the MRZ lines as printed, and the fields of the truth's MRZ.
// wire also compares the page summary and the polygons the truth reader
// sends; otherwise (the image reader) every MRZ line and the document
// number must have a polygon of four points inside the page.
func sdkMismatches(im servertest.Image, res sdkResult, wire bool) []string {
	if !res.OK {
		return []string{fmt.Sprintf("the SDK failed: %s (%s)", res.Error, res.Kind)}
	}
	var bad []string
	check := func(name string, got *string, want string) {
		g := ""
		if got != nil {
			g = *got
		}
		if g != want {
			bad = append(bad, fmt.Sprintf("%s: the SDK returned %q, the truth is %q", name, g, want))
		}
	}
	d := im.Document
	check("mrz1", res.Fields.MRZ1, im.Lines[0])
	check("mrz2", res.Fields.MRZ2, im.Lines[1])
	check("id_number", res.Fields.IDNumber, d.DocumentNumber())
	check("surname", res.Fields.Surname, d.Surname())
	if got, want := strings.Join(res.Fields.GivenNames, " "), strings.Join(d.GivenNames(), " "); got != want {
		bad = append(bad, fmt.Sprintf("given_names: the SDK returned %q, the truth is %q", got, want))
	}
	date := func(name string, got *string, want interface {
		IsFull() bool
		String() string
	}) {
		w := ""
		if want.IsFull() {
			w = want.String()
		}
		check(name, got, w)
	}
	date("birth_date", res.Fields.BirthDate, d.BirthDate())
	date("expiry_date", res.Fields.ExpiryDate, d.ExpiryDate())
	sex := d.Sex().String()
	if sex != "M" && sex != "F" && sex != "X" {
		sex = ""
	}
	check("gender", res.Fields.Gender, sex)
	check("country", res.Fields.Country, d.IssuingState().ISOCode())
	check("birth_place", res.Fields.BirthPlace, "")
	check("issuance_date", res.Fields.IssuanceDate, "")
	if !wire {
		for _, name := range []string{"mrz1", "mrz2", "idNumber"} {
			pts := res.Polygons[name]
			ok := len(pts) == 4
			for _, p := range pts {
				ok = ok && p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1
			}
			if !ok {
				bad = append(bad, fmt.Sprintf("%s polygon: %v, want four points inside the page", name, pts))
			}
		}
		return bad
	}
	// The SDK's own summary of the page is the one mrzkit writes.
	if want := im.Passport().Mindee().PageSummary(0); strings.TrimRight(res.PageSummary, "\n") != strings.TrimRight(want, "\n") {
		bad = append(bad, fmt.Sprintf("page summary:\n%s\nwant:\n%s", res.PageSummary, want))
	}
	if res.Filename != filepath.Base(im.Name) || res.Product != "mindee/passport" || len(res.ID) != 36 {
		bad = append(bad, fmt.Sprintf("document: filename %q, product %q, id %q", res.Filename, res.Product, res.ID))
	}
	// The MRZ lines' polygons, where the fixture has them, arrive as sent.
	if len(im.Polygons) >= 2 {
		for i, name := range []string{"mrz1", "mrz2"} {
			got, want := res.Polygons[name], im.Polygons[i]
			if len(got) != len(want) {
				bad = append(bad, fmt.Sprintf("%s polygon: %d points, want %d", name, len(got), len(want)))
				continue
			}
			for k := range got {
				if math.Abs(got[k][0]-want[k].X) > 1e-9 || math.Abs(got[k][1]-want[k].Y) > 1e-9 {
					bad = append(bad, fmt.Sprintf("%s polygon point %d: %v, want %v", name, k, got[k], want[k]))
				}
			}
		}
		if len(res.Polygons["idNumber"]) != 4 {
			bad = append(bad, "id_number: no polygon")
		}
	}
	return bad
}
