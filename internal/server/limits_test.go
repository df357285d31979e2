package server_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	. "github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/internal/server/servertest"
)

// clock is a settable clock for the rate limiter.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// TestRateLimit: a key gets a burst of twice its rate, then 429 with
// Retry-After, in each API's shape; other keys are not affected; tokens come
// back with time.
func TestRateLimit(t *testing.T) {
	h := makeHolder(t, 6)
	c := &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	s, _ := newTestServer(t, Config{RateLimit: 2, Now: c.now}, h)
	body, ct := mp("document", "p.png", h.image)
	post := func(key string) *httptest.ResponseRecorder {
		w, _ := call(t, s, "POST", MindeePredictPath, strings.NewReader(body), ct, "Authorization", "Token "+key)
		return w
	}
	for i := 0; i < 4; i++ { // the burst: 2 × 2
		if w := post(testKey); w.Code != 201 {
			t.Fatalf("request %d: %d", i+1, w.Code)
		}
	}
	w := post(testKey)
	if w.Code != 429 || w.Header().Get("Retry-After") != "1" {
		t.Fatalf("over the burst: %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
	}
	_, m := call(t, s, "POST", MindeePredictPath, strings.NewReader(body), ct, "Authorization", "Token "+testKey)
	if e := dig(m, "api_request", "error"); dig(e, "code") != "TooManyRequests" || dig(e, "message") != "Too many requests" {
		t.Errorf("429 body %v", e)
	}
	if w := post("other-key-abcdef"); w.Code != 201 {
		t.Errorf("another key: %d", w.Code)
	}
	// Scan Document shares the key's bucket, and says so in its shape.
	sb, sct := mp("image", "p.png", h.image)
	w, m = call(t, s, "POST", ScanPath, strings.NewReader(sb), sct, "x-api-key", testKey)
	if w.Code != 429 || m["message"] != "Rate limit exceeded" || w.Header().Get("Retry-After") == "" {
		t.Errorf("scan: %d %v", w.Code, m)
	}
	c.add(500 * time.Millisecond) // one token back
	if w := post(testKey); w.Code != 201 {
		t.Errorf("after 0.5 s: %d", w.Code)
	}
	if w := post(testKey); w.Code != 429 {
		t.Errorf("a second one after 0.5 s: %d", w.Code)
	}
	c.add(10 * time.Second) // the bucket is full again, no more
	for i := 0; i < 4; i++ {
		if w := post(testKey); w.Code != 201 {
			t.Fatalf("after 10 s, request %d: %d", i+1, w.Code)
		}
	}
	if w := post(testKey); w.Code != 429 {
		t.Errorf("over the burst again: %d", w.Code)
	}
	// Unauthenticated requests take no token.
	for i := 0; i < 10; i++ {
		if w := post("wrong"); w.Code != 401 {
			t.Fatalf("%d", w.Code)
		}
	}
}

// TestRateLimitRetryAfter: Retry-After rounds the wait up to seconds.
func TestRateLimitRetryAfter(t *testing.T) {
	h := makeHolder(t, 7)
	c := &clock{t: time.Unix(1e9, 0)}
	s, _ := newTestServer(t, Config{RateLimit: 0.2, Now: c.now}, h) // a burst of 0.4: no full token
	body, ct := mp("image", "p.png", h.image)
	w, _ := call(t, s, "POST", ScanPath, strings.NewReader(body), ct, "x-api-key", testKey)
	if w.Code != 429 || w.Header().Get("Retry-After") != "3" { // (1 - 0.4) / 0.2 = 3 s
		t.Errorf("%d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
	}
}

// TestBusy: with every worker and queue place taken, a request is refused
// at once with 429, before its body is read.
func TestBusy(t *testing.T) {
	h := makeHolder(t, 8)
	gate := servertest.NewGate(4)
	gate.Passport = h.passport
	s, _ := newTestServer(t, Config{Reader: gate, Workers: 1, Queue: 1}, h)
	ts := httptest.NewServer(s)
	defer ts.Close()
	body, ct := mp("document", "p.png", h.image)
	post := func() (*http.Response, error) {
		req, _ := http.NewRequest("POST", ts.URL+MindeePredictPath, strings.NewReader(body))
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Authorization", "Token "+testKey)
		return http.DefaultClient.Do(req)
	}
	results := make(chan int, 2)
	for i := 0; i < 2; i++ { // one reading, one queued
		go func() {
			resp, err := post()
			if err != nil {
				results <- 0
				return
			}
			resp.Body.Close()
			results <- resp.StatusCode
		}()
	}
	<-gate.Entered
	waitMetric(t, ts.URL, "mrzkit_admitted", 2)
	// The third finds no place: refused even though its body is never sent.
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nAuthorization: Token %s\r\nContent-Type: %s\r\nContent-Length: 1000000\r\n\r\n", MindeePredictPath, testKey, ct)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	m := checkAnswer(t, MindeePredictPath, resp.StatusCode, resp.Header, b)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "1" || !strings.Contains(fmt.Sprint(dig(m, "api_request", "error", "details")), "busy") {
		t.Errorf("busy: %d %s", resp.StatusCode, b)
	}
	gate.Open()
	for i := 0; i < 2; i++ {
		if code := <-results; code != 201 {
			t.Errorf("held request: %d", code)
		}
	}
	waitMetric(t, ts.URL, "mrzkit_admitted", 0)
	if v := metric(t, ts.URL, `mrzkit_rejected_total{reason="busy"}`); v != 1 {
		t.Errorf("busy rejections %v", v)
	}
}

// metric returns the value of one series of /metrics (-1 when absent).
func metric(t testing.TB, base, series string) float64 {
	t.Helper()
	resp, err := http.Get(base + MetricsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(b), "\n") {
		if name, val, ok := strings.Cut(line, " "); ok && name == series {
			v, _ := strconv.ParseFloat(val, 64)
			return v
		}
	}
	return -1
}

// waitMetric waits (at most 5 s) for a series to reach a value.
func waitMetric(t testing.TB, base, series string, want float64) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for metric(t, base, series) != want {
		if time.Now().After(deadline) {
			t.Fatalf("%s never reached %v (now %v)", series, want, metric(t, base, series))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestClientStopsMidBody: a client that sends half its body and goes away
// gets its request dropped: the reader is never called and its admission
// is given back.
func TestClientStopsMidBody(t *testing.T) {
	h := makeHolder(t, 9)
	var logs syncBuffer
	s, fake := newTestServer(t, Config{Logger: jsonLogger(&logs)}, h)
	ts := httptest.NewServer(s)
	defer ts.Close()
	body, ct := mp("document", "p.png", h.image)
	for _, cut := range []int{0, 10, len(body) / 2, len(body) - 1} {
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nAuthorization: Token %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s",
			MindeePredictPath, testKey, ct, len(body), body[:cut])
		conn.Close()
	}
	waitFor(t, func() bool { return strings.Count(logs.String(), `"status":400`) == 4 })
	waitMetric(t, ts.URL, "mrzkit_admitted", 0)
	if fake.Calls() != 0 {
		t.Errorf("the reader was called %d times", fake.Calls())
	}
}

// TestSlowClient: a client that trickles its body is cut off by the read
// timeout, and its place is given back.
func TestSlowClient(t *testing.T) {
	h := makeHolder(t, 10)
	s, fake := newTestServer(t, Config{ReadTimeout: 150 * time.Millisecond, Workers: 1, Queue: -1}, h)
	ts := httptest.NewUnstartedServer(s)
	ts.Config = s.HTTPServer()
	ts.Start()
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body, ct := mp("document", "p.png", h.image)
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nAuthorization: Token %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s",
		MindeePredictPath, testKey, ct, len(body), body[:20])
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err == nil { // the server may answer 400 (truncated) before closing
		if resp.StatusCode != 400 {
			t.Errorf("%d", resp.StatusCode)
		}
	}
	if time.Since(start) > 4*time.Second {
		t.Error("the slow client was not cut off")
	}
	waitMetric(t, ts.URL, "mrzkit_admitted", 0)
	// The one worker is free again.
	req, _ := http.NewRequest("POST", ts.URL+MindeePredictPath, strings.NewReader(body))
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Authorization", testKey)
	r2, err := http.DefaultClient.Do(req)
	if err != nil || r2.StatusCode != 201 {
		t.Fatalf("after the slow client: %v %v", err, r2)
	}
	r2.Body.Close()
	if fake.Calls() != 1 {
		t.Errorf("reader calls %d", fake.Calls())
	}
}

func waitFor(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestShutdownFinishesInFlight: when Serve's context ends, /readyz turns
// 503, new connections are refused, and the request in flight is answered.
func TestShutdownFinishesInFlight(t *testing.T) {
	h := makeHolder(t, 11)
	gate := servertest.NewGate(1)
	gate.Passport = h.passport
	s, _ := newTestServer(t, Config{Reader: gate}, h)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln, "", "") }()

	body, ct := mp("document", "p.png", h.image)
	type answer struct {
		code int
		body string
		err  error
	}
	done := make(chan answer, 1)
	go func() {
		req, _ := http.NewRequest("POST", base+MindeePredictPath, strings.NewReader(body))
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Authorization", "Token "+testKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- answer{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- answer{code: resp.StatusCode, body: string(b)}
	}()
	<-gate.Entered
	cancel()
	// The listener closes: a new connection is refused.
	waitFor(t, func() bool {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 100*time.Millisecond)
		if err == nil {
			c.Close()
		}
		return err != nil
	})
	select {
	case err := <-served:
		t.Fatalf("Serve returned before the request in flight was answered: %v", err)
	default:
	}
	gate.Open()
	a := <-done
	if a.err != nil || a.code != 201 || !strings.Contains(a.body, h.number) {
		t.Fatalf("in flight: %v %d %.100s", a.err, a.code, a.body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestReadyz: ready while serving, 503 once draining or while the reader
// is not ready.
func TestReadyz(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	if w, m := call(t, s, "GET", ReadyPath, nil, ""); w.Code != 200 || m["status"] != "ready" {
		t.Errorf("%d %v", w.Code, m)
	}
	if w, _ := call(t, s, "GET", HealthPath, nil, ""); w.Code != 200 {
		t.Errorf("healthz %d", w.Code)
	}
	s.Drain()
	if w, m := call(t, s, "GET", ReadyPath, nil, ""); w.Code != 503 || m["message"] != "shutting down" {
		t.Errorf("draining: %d %v", w.Code, m)
	}
	if w, _ := call(t, s, "GET", HealthPath, nil, ""); w.Code != 200 {
		t.Errorf("healthz while draining %d", w.Code)
	}
	s2, _ := newTestServer(t, Config{Reader: &notReady{}})
	if w, m := call(t, s2, "GET", ReadyPath, nil, ""); w.Code != 503 || m["message"] != "reader not ready: warming up" {
		t.Errorf("reader not ready: %d %v", w.Code, m)
	}
}

type notReady struct{ servertest.Fake }

func (*notReady) Ready() error { return fmt.Errorf("warming up") }

var seriesLine = regexp.MustCompile(`^[a-z_]+(\{[a-z_]+="[^"\\]*"(,[a-z_]+="[^"\\]*")*\})? [0-9.e+-]+$|^[a-z_]+\{[^}]*le="\+Inf"\} [0-9]+$`)

// TestDeclaredTooLarge: a body whose Content-Length is over the limit is
// refused at once with 400, before it takes a worker's place: a client that
// declares gigabytes and sends two bytes neither holds a worker nor makes
// the server reserve the memory it claims.
func TestDeclaredTooLarge(t *testing.T) {
	h := makeHolder(t, 8)
	gate := servertest.NewGate(4)
	gate.Passport = h.passport
	s, _ := newTestServer(t, Config{Reader: gate, Workers: 1, Queue: 0}, h)
	ts := httptest.NewServer(s)
	defer ts.Close()
	addr := strings.TrimPrefix(ts.URL, "http://")
	for i := 0; i < 3; i++ { // more than the pool holds
		conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nx-api-key: %s\r\nContent-Type: application/json\r\nContent-Length: 8000000000\r\n\r\n{}", ScanPath, testKey)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		conn.Close()
		if resp.StatusCode != 400 || !strings.Contains(string(b), "over") {
			t.Errorf("request %d: %d %s, want 400 naming the limit", i, resp.StatusCode, b)
		}
	}
}
