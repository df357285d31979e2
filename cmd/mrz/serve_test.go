package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"image"
	"image/png"
	"io"
	"math/big"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/internal/server/servertest"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

// syncBuf collects the server's log lines.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) { s.mu.Lock(); defer s.mu.Unlock(); return s.b.Write(p) }
func (s *syncBuf) String() string              { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// running is a mrz serve started by a test.
type running struct {
	addr   string
	stop   context.CancelFunc
	done   chan int
	stderr *syncBuf
}

// startServe runs mrz serve with args and reader until the test ends; it
// fails the test when the command stops on its own.
func startServe(t *testing.T, reader server.Reader, vars map[string]string, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{stop: cancel, done: make(chan int, 1), stderr: &syncBuf{}}
	addrc := make(chan string, 1)
	go func() {
		r.done <- serve(ctx, &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: r.stderr}, args, serveHooks{
			reader: reader, getenv: func(k string) string { return vars[k] }, listening: func(a string) { addrc <- a },
		})
	}()
	select {
	case r.addr = <-addrc:
	case code := <-r.done:
		t.Fatalf("mrz serve stopped with %d: %s", code, r.stderr)
	case <-time.After(10 * time.Second):
		t.Fatal("mrz serve did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(10 * time.Second):
			t.Error("mrz serve did not stop")
		}
	})
	return r
}

// makeCert writes a self-signed certificate for 127.0.0.1 and localhost
// (its own CA) and its key into dir, and returns their paths.
func makeCert(t *testing.T, dir string) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: "mrzkit test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true,
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return certFile, keyFile
}

func TestServeRefusesToStart(t *testing.T) {
	dir := t.TempDir()
	badKeys := filepath.Join(dir, "keys")
	os.WriteFile(badKeys, []byte("good-key\nbad key with spaces\n"), 0o600)
	garbage := filepath.Join(dir, "garbage.pem")
	os.WriteFile(garbage, []byte("not a certificate"), 0o600)
	for _, c := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{nil, nil, "no API key: set MRZ_API_KEYS or --keys FILE"},
		{[]string{"--keys", badKeys}, nil, "line 2"},
		{[]string{"--keys", filepath.Join(dir, "absent")}, nil, "--keys"},
		{[]string{"--insecure-no-auth"}, map[string]string{"MRZ_API_KEYS": "k1"}, "choose one"},
		{[]string{"--tls-cert", garbage}, map[string]string{"MRZ_API_KEYS": "k1"}, "go together"},
		{[]string{"--tls-cert", garbage, "--tls-key", garbage}, map[string]string{"MRZ_API_KEYS": "k1"}, "TLS"},
		{[]string{"--workers", "-1"}, map[string]string{"MRZ_API_KEYS": "k1"}, "negative"},
		{[]string{"--bogus"}, nil, "flag provided but not defined"},
		{[]string{"extra"}, map[string]string{"MRZ_API_KEYS": "k1"}, "unexpected argument"},
		{[]string{"--addr", "256.0.0.1:1"}, map[string]string{"MRZ_API_KEYS": "k1"}, "serve:"},
	} {
		var errb bytes.Buffer
		code := serve(context.Background(), &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb}, c.args,
			serveHooks{reader: newReader(), getenv: func(k string) string { return c.env[k] }})
		if code != exitUsage || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%q: %d %q, want %q", c.args, code, errb.String(), c.want)
		}
		if strings.Contains(errb.String(), "bad key with spaces") || strings.Contains(errb.String(), "k1") {
			t.Errorf("%q: a key in the error: %s", c.args, errb.String())
		}
	}
}

// TestServeTLS runs the command with keys from the environment and a file,
// over TLS, and stops it as SIGTERM does.
func TestServeTLS(t *testing.T) {
	dir := t.TempDir()
	cert, key := makeCert(t, dir)
	keysFile := filepath.Join(dir, "keys")
	os.WriteFile(keysFile, []byte("# keys\nfile-key-1\n"), 0o600)
	d := mrz.MustParse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10")
	img := []byte("\x89PNG\r\n\x1a\nspecimen")
	fake := &servertest.Fake{}
	fake.Add(img, passport.FromMRZ(d))
	r := startServe(t, fake, map[string]string{"MRZ_API_KEYS": "env-key-1, env-key-2"},
		"--addr", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key, "--keys", keysFile, "--workers", "2")
	pool := x509.NewCertPool()
	pem, _ := os.ReadFile(cert)
	pool.AppendCertsFromPEM(pem)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}, Timeout: 10 * time.Second}
	for _, k := range []string{"env-key-2", "file-key-1", "nope"} {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		w, _ := mw.CreateFormFile("document", "p.png")
		w.Write(img)
		mw.Close()
		req, _ := http.NewRequest("POST", "https://"+r.addr+server.MindeePredictPath, &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Token "+k)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		json.NewDecoder(resp.Body).Decode(&m)
		resp.Body.Close()
		want := 201
		if k == "nope" {
			want = 401
		}
		if resp.StatusCode != want {
			t.Errorf("key %s: %d", k, resp.StatusCode)
		}
		if want == 201 && !strings.HasPrefix(m["api_request"].(map[string]any)["url"].(string), "https://") {
			t.Errorf("url %v", m["api_request"])
		}
	}
	r.stop()
	if code := <-r.done; code != exitValid {
		t.Errorf("exit %d", code)
	}
	r.done <- exitValid // for the cleanup
	logs := r.stderr.String()
	for _, want := range []string{`"msg":"mrz serve listening"`, `"scheme":"https"`, `"keys":3`, `"msg":"mrz serve stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %s", want)
		}
	}
	for _, secret := range []string{"env-key-1", "env-key-2", "file-key-1", "ERIKSSON"} {
		if strings.Contains(logs, secret) {
			t.Errorf("log holds %s", secret)
		}
	}
}

// TestServeReader: the command as built reads images with package ocr: it
// is ready, reads a page's MRZ, answers a page without one with every field
// empty, and a truncated image with 400.
func TestServeReader(t *testing.T) {
	r := startServe(t, newReader(), nil, "--addr", "127.0.0.1:0", "--insecure-no-auth")
	resp, err := http.Get("http://" + r.addr + server.ReadyPath)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("readyz %d", resp.StatusCode)
	}
	page, err := os.ReadFile("../../testdata/ocr/td3-turned.png")
	if err != nil {
		t.Fatal(err)
	}
	var blank bytes.Buffer
	g := image.NewGray(image.Rect(0, 0, 300, 200))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	png.Encode(&blank, g)
	for _, c := range []struct {
		name   string
		image  []byte
		status int
		want   string
	}{
		{"a page", page, 201, `"value":"ERIKSSON"`},
		{"no MRZ", blank.Bytes(), 201, `"surname":{"confidence":0`},
		{"truncated", page[:len(page)/3], 400, `"status_code":400`},
	} {
		body := `{"document":"` + base64.StdEncoding.EncodeToString(c.image) + `"}`
		resp, err := http.Post("http://"+r.addr+server.MindeePredictPath, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(strings.ReplaceAll(string(b), " ", ""), c.want) {
			t.Errorf("%s: %d %.300s", c.name, resp.StatusCode, b)
		}
	}
}
