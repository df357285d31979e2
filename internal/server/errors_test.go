package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	. "github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/internal/server/servertest"
	"github.com/mrzkit/mrzkit/passport"
)

// TestErrorPaths sends every kind of bad request to each API and checks the
// status and the error body of that API.
func TestErrorPaths(t *testing.T) {
	h := makeHolder(t, 4)
	small := Config{MindeeMaxBytes: 200, ScanMaxBytes: 300}
	big := strings.Repeat("A", 2000)
	mindee := []string{"Authorization", "Token " + testKey}
	scan := []string{"x-api-key", testKey}
	okMP, okCT := mp("document", "p.png", h.image)
	truncatedMP := okMP[:len(okMP)-10]
	cases := []struct {
		name    string
		cfg     Config
		method  string
		path    string
		body    string
		ct      string
		headers []string
		status  int
		want    []string // "key=value" pairs of the error body: Mindee's api_request.error, or the plain shape
	}{
		// Mindee: authentication.
		{"no token", Config{}, "POST", MindeePredictPath, okMP, okCT, nil, 401,
			[]string{"code=Unauthorized", "message=Authorization required", "details=No token provided"}},
		{"wrong token", Config{}, "POST", MindeePredictPath, okMP, okCT, []string{"Authorization", "Token nope"}, 401,
			[]string{"code=Unauthorized", "details=Invalid token provided"}},
		{"a key differing in its last byte", Config{}, "POST", MindeePredictPath, okMP, okCT, []string{"Authorization", "Token " + testKey[:len(testKey)-1] + "X"}, 401,
			[]string{"details=Invalid token provided"}},
		{"the Scan Document header on Mindee", Config{}, "POST", MindeePredictPath, okMP, okCT, scan, 401,
			[]string{"details=No token provided"}},
		// Mindee: the body.
		{"no file part", Config{}, "POST", MindeePredictPath, first(mp("other", "p.png", h.image)), okCT, mindee, 400,
			[]string{"code=BadRequest", "message=Missing input file"}},
		{"an empty file", Config{}, "POST", MindeePredictPath, first(mp("document", "p.png", nil)), okCT, mindee, 400,
			[]string{"message=Missing input file"}},
		{"JSON without document", Config{}, "POST", MindeePredictPath, `{"file":"abc"}`, "application/json", mindee, 400,
			[]string{"message=Missing input file"}},
		{"JSON document null", Config{}, "POST", MindeePredictPath, `{"document":null}`, "application/json", mindee, 400,
			[]string{"message=Missing input file"}},
		{"JSON document a number", Config{}, "POST", MindeePredictPath, `{"document":12}`, "application/json", mindee, 400,
			[]string{"code=BadRequest"}},
		{"JSON not an object", Config{}, "POST", MindeePredictPath, `["document"]`, "application/json", mindee, 400,
			[]string{"details=the JSON body must be an object"}},
		{"truncated JSON", Config{}, "POST", MindeePredictPath, `{"document":"iVBORw0KGgo`, "application/json", mindee, 400,
			[]string{"details=truncated JSON"}},
		{"malformed JSON", Config{}, "POST", MindeePredictPath, `{"document" "x"}`, "application/json", mindee, 400,
			[]string{"details=malformed JSON at byte 13"}},
		{"empty JSON", Config{}, "POST", MindeePredictPath, ``, "application/json", mindee, 400,
			[]string{"details=empty JSON body"}},
		{"not base64", Config{}, "POST", MindeePredictPath, `{"document":"not base64!"}`, "application/json", mindee, 400,
			[]string{"details=document: not base64 (at character 9)"}},
		{"mixed base64 alphabets", Config{}, "POST", MindeePredictPath, `{"document":"ab+c-d"}`, "application/json", mindee, 400,
			[]string{"code=BadRequest"}},
		{"a URL", Config{}, "POST", MindeePredictPath, `{"document":"https://example.com/p.jpg"}`, "application/json", mindee, 400,
			[]string{"message=URL inputs are not supported"}},
		{"a URL, urlencoded", Config{}, "POST", MindeePredictPath, `document=https%3A%2F%2Fexample.com%2Fp.jpg`, "application/x-www-form-urlencoded", mindee, 400,
			[]string{"message=URL inputs are not supported"}},
		{"a URL as a multipart text field", Config{}, "POST", MindeePredictPath, first(mp("document", "", []byte("https://example.com/p.jpg"))), okCT, mindee, 400,
			[]string{"message=URL inputs are not supported"}},
		{"malformed multipart", Config{}, "POST", MindeePredictPath, "this is not multipart", okCT, mindee, 400,
			[]string{"code=BadRequest"}},
		{"multipart without boundary", Config{}, "POST", MindeePredictPath, okMP, "multipart/form-data", mindee, 400,
			[]string{"details=multipart body without a boundary"}},
		{"multipart with another boundary", Config{}, "POST", MindeePredictPath, okMP, "multipart/form-data; boundary=zzz", mindee, 400,
			[]string{"code=BadRequest"}},
		{"truncated multipart", Config{}, "POST", MindeePredictPath, truncatedMP, okCT, mindee, 400,
			[]string{"details=malformed or truncated multipart body"}},
		{"unsupported content type", Config{}, "POST", MindeePredictPath, string(h.image), "image/png", mindee, 400,
			[]string{`details=unsupported Content-Type: want multipart/form-data, application/json or application/x-www-form-urlencoded`}},
		{"no content type", Config{}, "POST", MindeePredictPath, string(h.image), "", mindee, 400,
			[]string{"code=BadRequest"}},
		{"malformed content type", Config{}, "POST", MindeePredictPath, okMP, "multipart/form-data; boundary", mindee, 400,
			[]string{"code=BadRequest"}},
		{"unsupported file type", Config{}, "POST", MindeePredictPath, first(mp("document", "a.pdf", []byte("%PDF-1.7 ..."))), okCT, mindee, 400,
			[]string{"message=Invalid file type"}},
		{"a file over the limit", small, "POST", MindeePredictPath, first(mp("document", "p.png", []byte(big[:250]))), okCT, mindee, 400,
			[]string{"message=Max file size is 200 bytes", "details=the file is over 200 bytes"}},
		{"a body over the limit", small, "POST", MindeePredictPath, first(mp("document", "p.png", []byte(strings.Repeat(big, 100)))), okCT, mindee, 400,
			[]string{"message=Max file size is 200 bytes"}},
		{"a base64 file over the limit", small, "POST", MindeePredictPath, first(js(map[string]string{"document": big[:400]})), "application/json", mindee, 400,
			[]string{"message=Max file size is 200 bytes"}},
		{"a JSON body over the limit", small, "POST", MindeePredictPath, first(js(map[string]string{"document": strings.Repeat(big, 100)})), "application/json", mindee, 400,
			[]string{"message=Max file size is 200 bytes"}},
		{"an urlencoded body over the limit", small, "POST", MindeePredictPath, "document=" + strings.Repeat(big, 100), "application/x-www-form-urlencoded", mindee, 400,
			[]string{"message=Max file size is 200 bytes"}},
		// Mindee: the reader.
		{"the reader fails", Config{Reader: servertest.Failing}, "POST", MindeePredictPath, okMP, okCT, mindee, 500,
			[]string{"code=failure", "message=Inference failed", "details=Can not run prediction: internal error"}},
		{"the reader panics", Config{Reader: servertest.Panicking}, "POST", MindeePredictPath, okMP, okCT, mindee, 500,
			[]string{"code=failure", "message=Inference failed"}},
		{"the reader takes too long", Config{Reader: servertest.NewGate(1), ReaderTimeout: 20 * time.Millisecond}, "POST", MindeePredictPath, okMP, okCT, mindee, 500,
			[]string{"code=failure", "details=Can not run prediction: the image took longer than 20ms to read"}},
		// Mindee: routes.
		{"predict_async", Config{}, "POST", MindeePredictAsyncPath, okMP, okCT, mindee, 403,
			[]string{"code=Forbidden", "message=This product does not support asynchronous mode"}},
		{"GET predict", Config{}, "GET", MindeePredictPath, "", "", mindee, 405,
			[]string{"code=MethodNotAllowed", "details=method not allowed: use POST"}},
		{"another product", Config{}, "POST", "/v1/products/mindee/invoices/v4/predict", okMP, okCT, mindee, 404,
			[]string{"code=NotFound"}},

		// Scan Document.
		{"scan: no key", Config{}, "POST", ScanPath, first(mp("image", "p.png", h.image)), okCT, nil, 401,
			[]string{"error=Unauthorized", "message=Missing or invalid x-api-key"}},
		{"scan: wrong key", Config{}, "POST", ScanPath, first(mp("image", "p.png", h.image)), okCT, []string{"x-api-key", "nope"}, 401,
			[]string{"error=Unauthorized"}},
		{"scan: the Mindee header", Config{}, "POST", ScanPath, first(mp("image", "p.png", h.image)), okCT, mindee, 401,
			[]string{"error=Unauthorized"}},
		{"scan: no image", Config{}, "POST", ScanPath, `{"documentType":"passport"}`, "application/json", scan, 400,
			[]string{"error=Bad Request", `message=no "image" in the JSON body`}},
		{"scan: a file key", Config{}, "POST", ScanPath, `{"image":"uploads/fk_1234.jpg"}`, "application/json", scan, 400,
			[]string{"error=Bad Request"}},
		{"scan: bad documentType", Config{}, "POST", ScanPath, first(js(map[string]string{"image": b64(h.image), "documentType": "visa"})), "application/json", scan, 400,
			[]string{"message=documentType: want passport, drivers_license, national_id or auto"}},
		{"scan: documentType not a string", Config{}, "POST", ScanPath, `{"image":"iVBO","documentType":3}`, "application/json", scan, 400,
			[]string{"message=documentType: want a string"}},
		{"scan: bad documentType in multipart", Config{}, "POST", ScanPath, first(mp("image", "p.png", h.image, "documentType", "selfie")), okCT, scan, 400,
			[]string{"error=Bad Request"}},
		{"scan: unsupported format", Config{}, "POST", ScanPath, first(mp("image", "p.heic", []byte("\x00\x00\x00\x18ftypheic"))), okCT, scan, 400,
			[]string{"error=Bad Request", "message=unsupported image format: unsupported or unreadable image: not a JPEG, PNG, GIF, TIFF, BMP or WebP file"}},
		{"scan: over the limit", small, "POST", ScanPath, first(mp("image", "p.png", []byte(big[:301]))), okCT, scan, 400,
			[]string{"message=the file is over 300 bytes"}},
		{"scan: the reader fails", Config{Reader: servertest.Failing}, "POST", ScanPath, first(mp("image", "p.png", h.image)), okCT, scan, 500,
			[]string{"error=Internal Server Error", "message=internal error"}},
		{"scan: GET", Config{}, "GET", ScanPath, "", "", scan, 405, []string{"error=Method Not Allowed"}},

		// Other routes.
		{"unknown path", Config{}, "GET", "/nope", "", "", nil, 404, []string{"error=Not Found"}},
		{"PUT healthz", Config{}, "PUT", HealthPath, "", "", nil, 405, []string{"error=Method Not Allowed", "message=method not allowed: use GET or HEAD"}},
		{"read: no key", Config{}, "POST", ReadPath, okMP, okCT, nil, 401, []string{"error=Unauthorized"}},
	}
	for _, c := range cases {
		s, fake := newTestServer(t, c.cfg, h)
		w, m := call(t, s, c.method, c.path, strings.NewReader(c.body), c.ct, c.headers...)
		if w.Code != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.name, w.Code, c.status, w.Body)
			continue
		}
		errBody := m
		if strings.HasPrefix(c.path, "/v1/products/") {
			if dig(m, "api_request", "status") != "failure" || len(dig(m, "api_request", "resources").([]any)) != 0 {
				t.Errorf("%s: envelope %v", c.name, m)
			}
			errBody, _ = dig(m, "api_request", "error").(map[string]any)
		}
		for _, kv := range c.want {
			k, v, _ := strings.Cut(kv, "=")
			if errBody[k] != v {
				t.Errorf("%s: %s = %q, want %q", c.name, k, errBody[k], v)
			}
		}
		// Refused requests never reach the reader.
		if c.status == 400 || c.status == 401 || c.status == 403 || c.status == 404 || c.status == 405 {
			if fake.Calls() > 0 && !strings.Contains(c.name, "format") && !strings.Contains(c.name, "file type") {
				t.Errorf("%s: the reader was called", c.name)
			}
		}
		if c.status == 405 && w.Header().Get("Allow") == "" {
			t.Errorf("%s: no Allow header", c.name)
		}
	}
}

func first(a, _ string) string { return a }

// TestReaderHeedsNoContext: a reader that ignores its context still gets a
// 500 answer in time, and keeps its worker until it returns.
func TestReaderIgnoringContext(t *testing.T) {
	release := make(chan struct{})
	stubborn := ReaderFunc(func(context.Context, []byte) (passport.Passport, error) {
		<-release
		return passport.Passport{}, nil
	})
	h := makeHolder(t, 5)
	s, _ := newTestServer(t, Config{Reader: stubborn, Workers: 1, Queue: -1, ReaderTimeout: 20 * time.Millisecond}, h)
	body, ct := mp("document", "p.png", h.image)
	w, _ := call(t, s, "POST", MindeePredictPath, strings.NewReader(body), ct, "Authorization", testKey)
	if w.Code != 500 {
		t.Fatalf("%d", w.Code)
	}
	// The worker is still held by the stubborn reader, so the next request
	// waits for it and times out too.
	w, _ = call(t, s, "POST", MindeePredictPath, strings.NewReader(body), ct, "Authorization", testKey)
	if w.Code != 500 {
		t.Fatalf("second: %d", w.Code)
	}
	close(release)
}
