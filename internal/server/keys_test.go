package server

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestKeys(t *testing.T) {
	k, err := NewKeys(" alpha ", "beta", "", "alpha")
	if err != nil || k.Len() != 2 {
		t.Fatalf("%v %d", err, k.Len())
	}
	for key, want := range map[string]bool{"alpha": true, "beta": true, "": false, "alph": false, "alphaa": false, "Alpha": false, " alpha": false} {
		if k.Has(key) != want {
			t.Errorf("Has(%q) = %v", key, !want)
		}
	}
	if (Keys{}).Has("alpha") {
		t.Error("the zero Keys holds a key")
	}
	for _, bad := range []string{"with space", "tab\there", strings.Repeat("k", 513)} {
		_, err := NewKeys("ok", bad)
		if !errors.Is(err, ErrKey) || !strings.Contains(err.Error(), "key 2") || strings.Contains(err.Error(), bad) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestParseKeys(t *testing.T) {
	got, err := ParseKeys(strings.NewReader("# the keys\n\nk1\n  k2  \r\n#k3\n"))
	if err != nil || strings.Join(got, ",") != "k1,k2" {
		t.Errorf("%q %v", got, err)
	}
	_, err = ParseKeys(strings.NewReader("k1\nsecret value\n"))
	if !errors.Is(err, ErrKey) || !strings.Contains(err.Error(), "line 2") || strings.Contains(err.Error(), "secret") {
		t.Errorf("%v", err)
	}
	if got := SplitKeys(" a, b,,c ,"); strings.Join(got, "|") != "a|b|c" {
		t.Errorf("SplitKeys %q", got)
	}
}

func TestKeyHash(t *testing.T) {
	h := KeyHash("alpha")
	if len(h) != 12 || h == KeyHash("beta") || h != KeyHash("alpha") || strings.Contains(h, "alpha") || KeyHash("") != "-" {
		t.Errorf("%q", h)
	}
}

// TestRateLimiterSweep: buckets full again are forgotten, so that many
// clients (unauthenticated, by address) do not grow the map without bound.
func TestRateLimiterSweep(t *testing.T) {
	now := time.Unix(1e9, 0)
	l := newRateLimiter(1, func() time.Time { return now })
	for i := 0; i < 3*maxBuckets; i++ {
		l.allow(strings.Repeat("x", i%7) + string(rune('a'+i%26)) + time.Duration(i).String())
		if i%maxBuckets == 0 {
			now = now.Add(3 * time.Second) // every bucket is full again
		}
	}
	if len(l.buckets) > maxBuckets+1 {
		t.Errorf("%d buckets", len(l.buckets))
	}
	if ok, _ := (*rateLimiter)(nil).allow("x"); !ok {
		t.Error("no limiter refused")
	}
	if ok, _ := newRateLimiter(-1, nil).allow("x"); !ok {
		t.Error("no limit refused")
	}
}

func TestDecodeString(t *testing.T) {
	f := form{file: "document", maxImage: 10}
	for in, want := range map[string]string{
		"aGVsbG8=": "hello", "aGVsbG8": "hello", " aGVs\nbG8= ": "hello", "data:image/png;base64,aGVsbG8=": "hello",
		"-_8": "\xfb\xff", "+/8=": "\xfb\xff",
	} {
		got, err := decodeString(in, f)
		if err != nil || string(got) != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	for in, kind := range map[string]errKind{
		"": errMissingFile, "https://x/y.jpg": errURL, "HTTP://x": errURL, "data:image/png,abc": errMalformed,
		"a": errMalformed, "aGVsbG8gd29ybGQgaGVsbG8=": errTooLarge, "+-": errMalformed,
	} {
		if _, err := decodeString(in, f); err == nil || err.kind != kind {
			t.Errorf("%q: %v, want kind %d", in, err, kind)
		}
	}
}

func TestCleanFilename(t *testing.T) {
	for in, want := range map[string]string{
		"a.png": "a.png", "../../etc/passwd": "passwd", `C:\x\y.jpg`: "y.jpg", "a\x00b\nc.png": "abc.png",
		strings.Repeat("é", 200): strings.Repeat("é", 127), "bad\xffutf8": "bad\uFFFDutf8",
	} {
		if got := cleanFilename(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
