package server_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/mrzkit/mrzkit/geometry"
	. "github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

// Test64Concurrent sends 64 different passports at once, over TCP, to
// both APIs in every form, and checks that each answer is its own.
func Test64Concurrent(t *testing.T) {
	const n = 64
	holders := make([]holder, n)
	for i := range holders {
		holders[i] = makeHolder(t, 100+i)
	}
	s, fake := newTestServer(t, Config{Workers: 4, Queue: n}, holders...)
	ts := httptest.NewServer(s)
	defer ts.Close()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	ids := make([]string, n)
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			h := holders[i]
			var body, ct, path string
			hdr := []string{"Authorization", "Token " + testKey}
			switch i % 4 {
			case 0:
				body, ct = mp("document", fmt.Sprintf("p%d.png", i), h.image)
				path = MindeePredictPath
			case 1:
				body, ct = js(map[string]string{"document": b64(h.image)})
				path = MindeePredictPath
			case 2:
				body, ct = mp("image", "p.png", h.image, "documentType", "passport")
				path, hdr = ScanPath, []string{"x-api-key", testKey}
			case 3:
				body, ct = js(map[string]string{"image": base64.RawURLEncoding.EncodeToString(h.image)})
				path, hdr = ScanPath, []string{"x-api-key", testKey}
			}
			<-start
			req, _ := http.NewRequest("POST", ts.URL+path, strings.NewReader(body))
			req.Header.Set("Content-Type", ct)
			req.Header.Set(hdr[0], hdr[1])
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			ids[i] = resp.Header.Get("X-Request-Id")
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				errs <- fmt.Errorf("%d: %v", i, err)
				return
			}
			var number, surname, line2 any
			if path == ScanPath {
				if resp.StatusCode != 200 {
					errs <- fmt.Errorf("%d: %d %s", i, resp.StatusCode, b)
					return
				}
				number, surname = m["documentNumber"], m["lastName"]
				line2 = strings.SplitN(fmt.Sprint(m["mrzData"]), "\n", 2)[1]
			} else {
				if resp.StatusCode != 201 {
					errs <- fmt.Errorf("%d: %d %s", i, resp.StatusCode, b)
					return
				}
				pred := dig(m, "document", "inference", "prediction")
				number, surname, line2 = dig(pred, "id_number", "value"), dig(pred, "surname", "value"), dig(pred, "mrz2", "value")
				if i%4 == 0 && dig(m, "document", "name") != fmt.Sprintf("p%d.png", i) {
					errs <- fmt.Errorf("%d: file name %v", i, dig(m, "document", "name"))
				}
			}
			if number != h.number || surname != h.surname || line2 != h.lines[1] {
				errs <- fmt.Errorf("request %d got %v %v %v, want %s %s %s", i, number, surname, line2, h.number, h.surname, h.lines[1])
			}
		}(i)
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if fake.Calls() != n {
		t.Errorf("reader calls %d, want %d", fake.Calls(), n)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if id == "" || seen[id] {
			t.Errorf("request id %q missing or repeated", id)
		}
		seen[id] = true
	}
}

// TestMetrics checks the series after a few requests, and that every line
// is in the text format.
func TestMetrics(t *testing.T) {
	good := makeHolder(t, 12)
	// A passport whose document number check digit fails.
	bad := makeHolder(t, 13)
	lines := append([]string(nil), bad.lines...)
	l2 := []byte(lines[1])
	l2[9] = '0' + (l2[9]-'0'+1)%10
	lines[1] = string(l2)
	d, _ := mrz.Parse(strings.Join(lines, "\n"))
	bad.passport = passport.FromMRZ(d, geometry.Polygon{})
	s, _ := newTestServer(t, Config{}, good, bad)
	post := func(img []byte) {
		body, ct := mp("document", "p.png", img)
		call(t, s, "POST", MindeePredictPath, strings.NewReader(body), ct, "Authorization", testKey)
	}
	post(good.image)
	post(good.image)
	post(bad.image)
	post([]byte("\xff\xd8\xff no MRZ"))
	post([]byte("not an image"))
	call(t, s, "POST", MindeePredictPath, nil, "", "Authorization", "wrong")
	call(t, s, "GET", "/nope", nil, "")
	w, _ := call(t, s, "GET", MetricsPath, nil, "")
	if ct := w.Header().Get("Content-Type"); ct != "text/plain; version=0.0.4; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	text := w.Body.String()
	for _, want := range []string{
		`mrzkit_http_requests_total{route="/v1/products/mindee/passport/v1/predict",code="201"} 4`,
		`mrzkit_http_requests_total{route="/v1/products/mindee/passport/v1/predict",code="400"} 1`,
		`mrzkit_http_requests_total{route="/v1/products/mindee/passport/v1/predict",code="401"} 1`,
		`mrzkit_http_requests_total{route="other",code="404"} 1`,
		`mrzkit_http_request_duration_seconds_bucket{route="/v1/products/mindee/passport/v1/predict",le="+Inf"} 6`,
		`mrzkit_http_request_duration_seconds_count{route="/v1/products/mindee/passport/v1/predict"} 6`,
		`mrzkit_mrz_reads_total{result="found"} 3`,
		`mrzkit_mrz_reads_total{result="not_found"} 1`,
		`mrzkit_mrz_reads_total{result="bad_image"} 1`,
		`mrzkit_mrz_checks_failed_total{check="document_number"} 1`,
		`mrzkit_mrz_checks_failed_total{check="composite"} 1`,
		`mrzkit_rejected_total{reason="busy"} 0`,
		"# TYPE mrzkit_http_request_duration_seconds histogram",
		"mrzkit_ready 1",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("no line %s", want)
		}
	}
	var prev float64 = -1
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if strings.HasPrefix(line, "# HELP ") || strings.HasPrefix(line, "# TYPE ") {
			continue
		}
		if !seriesLine.MatchString(line) {
			t.Errorf("not a series line: %q", line)
		}
		// Histogram buckets are cumulative.
		if strings.HasPrefix(line, `mrzkit_http_request_duration_seconds_bucket{route="/v1/products`) {
			var v float64
			fmt.Sscan(line[strings.LastIndexByte(line, ' ')+1:], &v)
			if v < prev {
				t.Errorf("bucket decreases: %s", line)
			}
			prev = v
		}
	}
}

// TestLogs: one line per request with the route, status, duration, request
// id and key hash; never the key, the image or the holder's data.
func TestLogs(t *testing.T) {
	h := makeHolder(t, 14)
	var logs syncBuffer
	s, _ := newTestServer(t, Config{Logger: jsonLogger(&logs)}, h)
	body, ct := js(map[string]string{"document": b64(h.image)})
	w, _ := call(t, s, "POST", MindeePredictPath, strings.NewReader(body), ct, "Authorization", "Token "+testKey, "X-Request-Id", "req-42")
	if w.Header().Get("X-Request-Id") != "req-42" {
		t.Errorf("request id %q, want the client's", w.Header().Get("X-Request-Id"))
	}
	sb, sct := mp("image", "p.png", h.image)
	call(t, s, "POST", ScanPath, strings.NewReader(sb), sct, "x-api-key", "a-wrong-key-123", "X-Request-Id", "bad id with spaces")
	out := logs.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d log lines: %s", len(lines), out)
	}
	var first, second map[string]any
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[1]), &second)
	if first["route"] != MindeePredictPath || first["status"] != 201.0 || first["request_id"] != "req-42" ||
		first["key"] != KeyHash(testKey) || first["result"] != "found" || first["duration_ms"] == nil {
		t.Errorf("first line %v", first)
	}
	if second["status"] != 401.0 || second["key"] != KeyHash("a-wrong-key-123") || second["request_id"] == "bad id with spaces" {
		t.Errorf("second line %v", second)
	}
	for _, secret := range []string{testKey, "a-wrong-key-123", h.number, h.surname, h.lines[0][5:15], b64(h.image)[:12], "holder 14"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}

// TestPage: the page is served, self-contained, and forbidden to load
// anything from elsewhere.
func TestPage(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	w, _ := call(t, s, "GET", "/", nil, "")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("%d %s", w.Code, w.Header().Get("Content-Type"))
	}
	csp := w.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	page := w.Body.String()
	for _, bad := range []string{"http://", "https://", "//cdn", "<link", "src=\"/", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page refers to an outside asset: %q", bad)
		}
	}
	for _, want := range []string{`id="file"`, ReadPath, "polygon", "checks"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if w, _ := call(t, s, "HEAD", "/", nil, ""); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD: %d, %d bytes", w.Code, w.Body.Len())
	}
}
