package server_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/geometry"
	. "github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/internal/server/servertest"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

const testKey = "test-key-0123456789"

// holder is one made-up passport holder, different for each i.
type holder struct {
	image    []byte // bytes that look like a PNG file, unique to i
	lines    []string
	number   string
	surname  string
	passport passport.Passport
}

// makeHolder encodes a TD3 MRZ for holder i and the image bytes the fake
// reader answers it for.
func makeHolder(t testing.TB, i int) holder {
	t.Helper()
	letters := func(n int) string {
		var b strings.Builder
		for k := 0; k < 6; k++ {
			b.WriteByte(byte('A' + n%26))
			n /= 26
		}
		return b.String()
	}
	enc, err := mrz.Encode(mrz.Fields{Format: mrz.TD3, IssuingState: "UTO", DocumentNumber: fmt.Sprintf("X%07d", i),
		Nationality: "UTO", Surname: "SUR" + letters(i), GivenNames: []string{"GIV" + letters(i*7+3)},
		BirthDate: field.MustParseDate(fmt.Sprintf("19%02d-%02d-%02d", 50+i%40, 1+i%12, 1+i%28)), Sex: field.SexFemale,
		ExpiryDate: field.MustParseDate("2031-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	d := mrz.MustParse(enc.String())
	p := passport.FromMRZ(d, geometry.Box{Left: 0.05, Top: 0.8, Width: 0.9, Height: 0.05}.Polygon(),
		geometry.Box{Left: 0.05, Top: 0.88, Width: 0.9, Height: 0.05}.Polygon())
	img := append([]byte("\x89PNG\r\n\x1a\n\xfb\xef\xbe\xfb\xef\xbe\xff\xff\xff"), fmt.Sprintf("holder %d", i)...)
	return holder{image: img, lines: enc.Lines, number: d.DocumentNumber(), surname: d.Surname(), passport: p}
}

// newTestServer returns a server with testKey and a fake reader that knows
// the holders, with cfg's other settings.
func newTestServer(t testing.TB, cfg Config, holders ...holder) (*Server, *servertest.Fake) {
	t.Helper()
	fake := &servertest.Fake{}
	for _, h := range holders {
		fake.Add(h.image, h.passport)
	}
	if cfg.Reader == nil {
		cfg.Reader = fake
	}
	if cfg.Keys.Len() == 0 && !cfg.NoAuth {
		k, err := NewKeys(testKey, "other-key-abcdef")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Keys = k
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = -1
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, fake
}

// multipartBody writes a multipart body with a file part (filename set) or
// a text field (filename empty) named name, and the extra text fields.
func multipartBody(name, filename string, data []byte, extra ...string) (io.Reader, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.SetBoundary("mrzkit-test-boundary-7f3a")
	for i := 0; i+1 < len(extra); i += 2 {
		mw.WriteField(extra[i], extra[i+1])
	}
	if filename != "" {
		w, _ := mw.CreateFormFile(name, filename)
		w.Write(data)
	} else if name != "" {
		mw.WriteField(name, string(data))
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func jsonBody(v any) (io.Reader, string) {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b), "application/json"
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// call sends a request to the handler and checks what every answer must
// be: an X-Request-Id, a JSON body (but the page and the metrics), and on
// the Mindee routes an api_request.status_code equal to the status.
func call(t testing.TB, s http.Handler, method, path string, body io.Reader, ctype string, headers ...string) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	return w, checkAnswer(t, path, w.Code, w.Header(), w.Body.Bytes())
}

func checkAnswer(t testing.TB, path string, code int, h http.Header, body []byte) map[string]any {
	t.Helper()
	if h.Get("X-Request-Id") == "" {
		t.Errorf("%s: %d without X-Request-Id", path, code)
	}
	if path == "/" || path == MetricsPath {
		return nil
	}
	if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("%s: %d with Content-Type %q", path, code, ct)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Errorf("%s: %d, not JSON: %v: %.200q", path, code, err, body)
		return nil
	}
	if strings.HasPrefix(path, "/v1/products/") {
		ar, _ := m["api_request"].(map[string]any)
		if sc, _ := ar["status_code"].(float64); int(sc) != code {
			t.Errorf("%s: HTTP %d but api_request.status_code %v", path, code, ar["status_code"])
		}
	}
	return m
}

// dig returns the value at a path of keys (and indexes) in a decoded JSON value.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func mustRead(r io.Reader) string {
	b, _ := io.ReadAll(r)
	return string(b)
}

// syncBuffer is a bytes.Buffer safe for concurrent use, for logs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func jsonLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewJSONHandler(w, nil)) }
