package server_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/url"
	"strings"
	"sync"
	"testing"

	. "github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/passport"
)

// recording is a Reader that remembers the bytes it was given and finds no
// MRZ in them.
type recording struct {
	mu  sync.Mutex
	got [][]byte
}

func (r *recording) Read(_ context.Context, image []byte) (passport.Passport, error) {
	r.mu.Lock()
	r.got = append(r.got, bytes.Clone(image))
	r.mu.Unlock()
	return passport.Passport{}, ErrNoMRZ
}

var fuzzTypes = []string{
	"multipart/form-data; boundary=mrzkit-test-boundary-7f3a", "application/json", "application/x-www-form-urlencoded",
	"multipart/form-data", "text/plain", "",
}

// FuzzRequestBody sends arbitrary bodies to both APIs: never a panic, always
// a JSON answer (the checks of call), and a 4xx unless the body held an
// image that reached the reader (then a success, the reader finding no
// MRZ).
func FuzzRequestBody(f *testing.F) {
	img := []byte("\x89PNG\r\n\x1a\nfuzz")
	mpBody, _ := mp("document", "p.png", img)
	scanBody, _ := mp("image", "p.png", img, "documentType", "auto")
	f.Add(uint8(0), false, []byte(mpBody))
	f.Add(uint8(0), true, []byte(scanBody))
	f.Add(uint8(0), false, []byte(mpBody[:len(mpBody)/2]))
	f.Add(uint8(1), false, []byte(`{"document":"`+b64(img)+`"}`))
	f.Add(uint8(1), true, []byte(`{"image":"`+base64.RawURLEncoding.EncodeToString(img)+`","documentType":"passport"}`))
	f.Add(uint8(1), false, []byte(`{"document":"`))
	f.Add(uint8(1), false, []byte(`{"document":"data:image/png;base64,`+b64(img)+`"}`))
	f.Add(uint8(2), false, []byte("document="+url.QueryEscape(b64(img))))
	f.Add(uint8(3), false, []byte(mpBody))
	f.Add(uint8(4), true, img)
	rec := &recording{}
	s, _ := newTestServer(f, Config{Reader: rec, MindeeMaxBytes: 4096, ScanMaxBytes: 4096})
	f.Fuzz(func(t *testing.T, typ uint8, scan bool, body []byte) {
		path, hdr := MindeePredictPath, []string{"Authorization", "Token " + testKey}
		if scan {
			path, hdr = ScanPath, []string{"x-api-key", testKey}
		}
		rec.mu.Lock()
		before := len(rec.got)
		rec.mu.Unlock()
		w, _ := call(t, s, "POST", path, bytes.NewReader(body), fuzzTypes[int(typ)%len(fuzzTypes)], hdr...)
		rec.mu.Lock()
		read := len(rec.got) > before
		rec.mu.Unlock()
		switch {
		case read && (w.Code == 200 || w.Code == 201):
		case !read && w.Code == 400:
		default:
			t.Fatalf("status %d (reader called: %v): %s", w.Code, read, w.Body)
		}
	})
}

// FuzzRequestRoundTrip sends one image in every form and checks that the
// reader gets exactly its bytes, or that the request is refused with 400
// when the image is empty or over the limit.
func FuzzRequestRoundTrip(f *testing.F) {
	f.Add([]byte("\x89PNG\r\n\x1a\nhello"))
	f.Add([]byte{0xfb, 0xff, 0xbf, 0x00})
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0xff}, 5000))
	f.Add([]byte("\r\n--mrzkit-test-boundary-7f3a--\r\n"))
	const limit = 4096
	rec := &recording{}
	s, _ := newTestServer(f, Config{Reader: rec, MindeeMaxBytes: limit, ScanMaxBytes: limit})
	f.Fuzz(func(t *testing.T, img []byte) {
		mpd, mpct := mp("document", "p.png", img)
		mpi, _ := mp("image", "p.png", img, "documentType", "passport")
		forms := []struct{ path, body, ct, hk, hv string }{
			{MindeePredictPath, mpd, mpct, "Authorization", testKey},
			{MindeePredictPath, `{"document":"` + b64(img) + `"}`, "application/json", "Authorization", testKey},
			{MindeePredictPath, "document=" + url.QueryEscape(base64.RawURLEncoding.EncodeToString(img)), "application/x-www-form-urlencoded", "Authorization", testKey},
			{ScanPath, mpi, mpct, "x-api-key", testKey},
			{ScanPath, `{"image":"` + base64.RawURLEncoding.EncodeToString(img) + `"}`, "application/json", "x-api-key", testKey},
		}
		for i, fm := range forms {
			if strings.HasPrefix(fm.ct, "multipart/") && bytes.Contains(img, []byte("mrzkit-test-boundary-7f3a")) {
				continue // the image holds the boundary: no multipart body can carry it
			}
			rec.mu.Lock()
			rec.got = rec.got[:0]
			rec.mu.Unlock()
			w, _ := call(t, s, "POST", fm.path, strings.NewReader(fm.body), fm.ct, fm.hk, fm.hv)
			rec.mu.Lock()
			got := rec.got
			rec.mu.Unlock()
			if len(img) == 0 || len(img) > limit {
				if w.Code != 400 || len(got) != 0 {
					t.Fatalf("form %d, %d bytes: %d, reader called %d times", i, len(img), w.Code, len(got))
				}
				continue
			}
			if w.Code/100 != 2 || len(got) != 1 || !bytes.Equal(got[0], img) {
				t.Fatalf("form %d: %d, reader got %d images (first equal: %v)", i, w.Code, len(got), len(got) == 1 && bytes.Equal(got[0], img))
			}
		}
	})
}
