package server_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	. "github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/internal/server/servertest"
)

// loadPhoto is the TD3 photo of the load benchmark: a hand-held passport,
// 2160×3840 pixels, 246 kB of JPEG.
const loadPhoto = "docsaid/test_mrz.jpg"

// loadReaders are the readers the load benchmark serves with. "fake"
// answers the photo's truth at once, so its figures are the cost of the
// HTTP layer alone; "ocr" is the reader mrz serve ships with (give it a
// smaller -benchtime: a photo costs it about 0.1 s on one worker).
func loadReaders(images []servertest.Image) []struct {
	name   string
	reader Reader
} {
	return []struct {
		name   string
		reader Reader
	}{
		{"fake", servertest.TruthReader(images)},
		{"ocr", OCRReader{}},
	}
}

// BenchmarkLoad sends the TD3 photo to the Mindee route of a server on
// 127.0.0.1 from 1, 4 and 16 concurrent clients, b.N requests in all, and
// reports requests a second, the median and 99th-percentile latency, and
// the peak heap and resident memory of the process (server and clients).
//
//	go test ./internal/server -run '^$' -bench BenchmarkLoad -benchtime 2000x
func BenchmarkLoad(b *testing.B) {
	images, err := servertest.SharedImages("../../../shared/images")
	if errors.Is(err, servertest.ErrNoShared) {
		b.Skip("../shared/images is absent: skipping the load benchmark")
	}
	if err != nil {
		b.Fatal(err)
	}
	var photo []byte
	for _, im := range images {
		if im.Name == loadPhoto {
			photo = im.Bytes
		}
	}
	if photo == nil {
		b.Fatalf("%s is not among the shared images", loadPhoto)
	}
	body, ct := mp("document", "passport.jpg", photo)
	for _, rd := range loadReaders(images) {
		for _, clients := range []int{1, 4, 16} {
			b.Run(fmt.Sprintf("reader=%s/clients=%d", rd.name, clients), func(b *testing.B) {
				s, _ := newTestServer(b, Config{Reader: rd.reader, Workers: runtime.NumCPU(), Queue: 64})
				ts := httptest.NewUnstartedServer(s)
				ts.Config = s.HTTPServer()
				ts.Start()
				defer ts.Close()
				client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: time.Minute}
				defer client.CloseIdleConnections()
				post := func() (time.Duration, error) {
					req, _ := http.NewRequest("POST", ts.URL+MindeePredictPath, strings.NewReader(body))
					req.Header.Set("Content-Type", ct)
					req.Header.Set("Authorization", "Token "+testKey)
					start := time.Now()
					resp, err := client.Do(req)
					if err != nil {
						return 0, err
					}
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 201 {
						return 0, fmt.Errorf("status %d", resp.StatusCode)
					}
					return time.Since(start), err
				}
				if _, err := post(); err != nil { // warm the connection up
					b.Fatal(err)
				}
				peak := startPeakHeap()
				lat := make([]time.Duration, b.N)
				var next atomic.Int64
				var failed atomic.Value
				var wg sync.WaitGroup
				b.ReportAllocs()
				b.ResetTimer()
				start := time.Now()
				for c := 0; c < clients; c++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for {
							i := next.Add(1) - 1
							if i >= int64(b.N) || failed.Load() != nil {
								return
							}
							d, err := post()
							if err != nil {
								failed.Store(err)
								return
							}
							lat[i] = d
						}
					}()
				}
				wg.Wait()
				elapsed := time.Since(start)
				b.StopTimer()
				heap := peak()
				if err, _ := failed.Load().(error); err != nil {
					b.Fatal(err)
				}
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "p99-ms")
				b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(peakRSS())/(1<<20), "peak-rss-MB")
			})
		}
	}
}

// startPeakHeap samples the bytes of live heap objects every millisecond
// until the returned function is called, which returns the highest.
func startPeakHeap() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(stop); <-done; return peak.Load() }
}

// peakRSS returns the process's peak resident memory (VmHWM), or 0 where
// /proc is absent.
func peakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		if f := strings.Fields(string(line)); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
