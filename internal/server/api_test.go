package server_test

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/internal/server/servertest"
	"github.com/mrzkit/mrzkit/passport"
)

// TestMindeeRequestForms sends one passport in every form the Mindee API
// and its SDKs use, with every form of the key, and checks the fields.
func TestMindeeRequestForms(t *testing.T) {
	h := makeHolder(t, 1)
	s, _ := newTestServer(t, Config{}, h)
	forms := []struct {
		name     string
		body     func() (string, string) // body, content type
		filename string
	}{
		{"multipart file part", func() (string, string) { return mp("document", "passport.png", h.image) }, "passport.png"},
		{"multipart file part, path in the name", func() (string, string) { return mp("document", `C:\scans\passport.png`, h.image) }, "passport.png"},
		{"multipart file part beside other fields", func() (string, string) {
			return mp("document", "p.jpg", h.image, "include_mvision", "true")
		}, "p.jpg"},
		{"multipart base64 text field", func() (string, string) { return mp("document", "", []byte(b64(h.image))) }, "document"},
		{"JSON base64", func() (string, string) { return js(map[string]string{"document": b64(h.image)}) }, "document"},
		{"JSON base64 without padding", func() (string, string) {
			return js(map[string]string{"document": base64.RawStdEncoding.EncodeToString(h.image)})
		}, "document"},
		{"JSON base64url", func() (string, string) {
			e := base64.RawURLEncoding.EncodeToString(h.image)
			if !strings.ContainsAny(e, "-_") {
				t.Fatal("the image does not test the URL alphabet")
			}
			return js(map[string]string{"document": e})
		}, "document"},
		{"JSON data URL in lines", func() (string, string) {
			e := b64(h.image)
			return js(map[string]string{"document": "data:image/png;base64," + e[:8] + "\r\n" + e[8:]})
		}, "document"},
		{"urlencoded base64", func() (string, string) {
			return "document=" + url.QueryEscape(b64(h.image)), "application/x-www-form-urlencoded"
		}, "document"},
	}
	auths := [][]string{
		{"Authorization", "Token " + testKey}, {"Authorization", testKey}, {"Authorization", "Bearer " + testKey},
	}
	for _, f := range forms {
		for _, a := range auths {
			body, ct := f.body()
			w, m := call(t, s, "POST", MindeePredictPath+"?cropper=true", strings.NewReader(body), ct, a...)
			if w.Code != 201 {
				t.Fatalf("%s, %s: %d %s", f.name, a[1][:5], w.Code, w.Body)
			}
			pred := dig(m, "document", "inference", "prediction")
			if dig(pred, "id_number", "value") != h.number || dig(pred, "surname", "value") != h.surname ||
				dig(pred, "mrz1", "value") != h.lines[0] || dig(pred, "mrz2", "value") != h.lines[1] ||
				dig(pred, "id_number", "page_id") != 0.0 {
				t.Errorf("%s: prediction %v", f.name, pred)
			}
			if got := dig(m, "document", "name"); got != f.filename {
				t.Errorf("%s: name %v, want %s", f.name, got, f.filename)
			}
			if got := dig(m, "api_request", "url"); got != "http://example.com"+MindeePredictPath+"?cropper=true" {
				t.Errorf("%s: url %v", f.name, got)
			}
			if dig(m, "api_request", "status") != "success" || dig(m, "document", "n_pages") != 1.0 ||
				dig(m, "document", "inference", "product", "name") != "mindee/passport" {
				t.Errorf("%s: envelope %v", f.name, m["api_request"])
			}
			if st := dig(m, "document", "inference", "started_at").(string); len(st) != 25 || !strings.HasSuffix(st, "+00:00") {
				t.Errorf("%s: started_at %q", f.name, st)
			}
		}
	}
}

// mp and js return a body as a string with its content type.
func mp(name, filename string, data []byte, extra ...string) (string, string) {
	r, ct := multipartBody(name, filename, data, extra...)
	var b strings.Builder
	bb := make([]byte, 4096)
	for {
		n, err := r.Read(bb)
		b.Write(bb[:n])
		if err != nil {
			break
		}
	}
	return b.String(), ct
}

func js(v any) (string, string) {
	r, ct := jsonBody(v)
	return mustRead(r), ct
}

// TestMindeeNoMRZ: an image without an MRZ is a success with every field
// empty, as Mindee answers.
func TestMindeeNoMRZ(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	body, ct := mp("document", "blank.png", []byte("\x89PNG\r\n\x1a\nnothing here"))
	w, m := call(t, s, "POST", MindeePredictPath, strings.NewReader(body), ct, "Authorization", "Token "+testKey)
	if w.Code != 201 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	pred := dig(m, "document", "inference", "prediction").(map[string]any)
	for _, k := range []string{"birth_date", "birth_place", "country", "expiry_date", "gender", "id_number",
		"issuance_date", "mrz1", "mrz2", "surname"} {
		f := pred[k].(map[string]any)
		if f["value"] != nil || f["confidence"] != 0.0 || f["page_id"] != nil || len(f["polygon"].([]any)) != 0 {
			t.Errorf("%s: %v", k, f)
		}
	}
	if g := pred["given_names"].([]any); len(g) != 0 {
		t.Errorf("given_names %v", g)
	}
	if len(dig(m, "document", "inference", "pages").([]any)) != 1 {
		t.Error("no page")
	}
}

// TestScanRequestForms sends one passport to Scan Document in each form.
func TestScanRequestForms(t *testing.T) {
	h := makeHolder(t, 2)
	s, _ := newTestServer(t, Config{}, h)
	for _, f := range []struct {
		name string
		body func() (string, string)
	}{
		{"multipart", func() (string, string) { return mp("image", "id.png", h.image, "documentType", "passport") }},
		{"multipart, type after the image", func() (string, string) { return mp("image", "id.png", h.image) }},
		{"JSON base64", func() (string, string) { return js(map[string]string{"image": b64(h.image), "documentType": "auto"}) }},
		{"JSON base64url", func() (string, string) {
			return js(map[string]string{"image": base64.RawURLEncoding.EncodeToString(h.image)})
		}},
	} {
		body, ct := f.body()
		w, m := call(t, s, "POST", ScanPath, strings.NewReader(body), ct, "x-api-key", testKey)
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", f.name, w.Code, w.Body)
		}
		checkScanShape(t, f.name, m)
		if m["documentNumber"] != h.number || m["lastName"] != h.surname || m["documentType"] != "passport" ||
			m["issuingCountry"] != "UTO" || m["mrzData"] != h.lines[0]+"\n"+h.lines[1] {
			t.Errorf("%s: %v", f.name, m)
		}
		if raw := m["rawFields"].(map[string]any); raw["DOCUMENT_NUMBER"] != h.number || raw["LAST_NAME"] != h.surname {
			t.Errorf("%s: rawFields %v", f.name, raw)
		}
	}
}

// checkScanShape checks what the deepidv SDKs require of a success: every
// required key a string, rawFields a map of strings, confidence a number.
func checkScanShape(t *testing.T, name string, m map[string]any) {
	t.Helper()
	for _, k := range []string{"documentType", "fullName", "firstName", "lastName", "dateOfBirth", "gender",
		"nationality", "documentNumber", "expirationDate", "issuingCountry"} {
		if _, ok := m[k].(string); !ok {
			t.Errorf("%s: %s is %T, want a string", name, k, m[k])
		}
	}
	raw, ok := m["rawFields"].(map[string]any)
	if !ok {
		t.Errorf("%s: rawFields %T", name, m["rawFields"])
	}
	for k, v := range raw {
		if _, ok := v.(string); !ok {
			t.Errorf("%s: rawFields[%s] is %T", name, k, v)
		}
	}
	if c, ok := m["confidence"].(float64); !ok || c < 0 || c > 1 {
		t.Errorf("%s: confidence %v", name, m["confidence"])
	}
}

func TestScanNoMRZ(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	for _, typ := range []string{"auto", "national_id"} {
		body, ct := js(map[string]string{"image": b64([]byte("\xff\xd8\xff\xe0 a photo of a cat")), "documentType": typ})
		w, m := call(t, s, "POST", ScanPath, strings.NewReader(body), ct, "x-api-key", testKey)
		if w.Code != 200 {
			t.Fatalf("%d %s", w.Code, w.Body)
		}
		checkScanShape(t, typ, m)
		want := typ
		if typ == "auto" {
			want = ""
		}
		if m["documentNumber"] != "" || m["fullName"] != "" || m["documentType"] != want || m["confidence"] != 0.0 ||
			len(m["rawFields"].(map[string]any)) != 0 {
			t.Errorf("%s: %v", typ, m)
		}
	}
}

// TestReadRoute: mrzkit's own route answers the passport's JSON with the
// parsed MRZ and its checks.
func TestReadRoute(t *testing.T) {
	h := makeHolder(t, 3)
	s, _ := newTestServer(t, Config{}, h)
	body, ct := mp("document", "p.png", h.image)
	for _, auth := range [][]string{{"x-api-key", testKey}, {"Authorization", "Token " + testKey}} {
		w, m := call(t, s, "POST", ReadPath, strings.NewReader(body), ct, auth...)
		if w.Code != 200 || m["found"] != true || dig(m, "passport", "mrz", "valid") != true ||
			dig(m, "passport", "mrz", "checks", "composite") != true || dig(m, "passport", "id_number", "value") != h.number ||
			len(dig(m, "passport", "mrz1", "polygon").([]any)) != 4 {
			t.Errorf("%d %v", w.Code, m)
		}
	}
}

var _ passport.Passport
var _ = servertest.LooksLikeImage
var _ http.Handler
