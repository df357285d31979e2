package server

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// metrics holds the counters /metrics shows, in the Prometheus text
// exposition format (version 0.0.4). It is written with the standard
// library: a handful of counters and one histogram do not need the official
// client and its dependencies (see docs/serve.md).
type metrics struct {
	mu       sync.Mutex
	requests map[[2]string]uint64 // route, code
	latency  map[string]*histogram
	reads    map[string]uint64 // found, not_found, bad_image, error
	checks   map[string]uint64 // check name
	rejected map[string]uint64 // rate_limit, busy
}

// latencyBuckets are the upper bounds, in seconds, of the latency
// histogram: from a fast refusal to a slow photo.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; one more for +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{requests: map[[2]string]uint64{}, latency: map[string]*histogram{},
		reads: map[string]uint64{}, checks: map[string]uint64{}, rejected: map[string]uint64{}}
}

func (m *metrics) observeRequest(route string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[2]string{route, strconv.Itoa(code)}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latency[route] = h
	}
	s := d.Seconds()
	i := sort.SearchFloat64s(latencyBuckets, s)
	h.counts[i]++
	h.sum += s
	h.n++
}

func (m *metrics) observeRead(result string, failedChecks []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reads[result]++
	for _, c := range failedChecks {
		m.checks[c]++
	}
}

func (m *metrics) observeRejected(reason string) {
	m.mu.Lock()
	m.rejected[reason]++
	m.mu.Unlock()
}

// gauges are the values read at scrape time.
type gauges struct {
	busyWorkers, heldTickets, workers, tickets int64
	ready                                      bool
}

// write writes every metric in the text format, sorted so that two scrapes
// list the same series in the same order.
func (m *metrics) write(w io.Writer, g gauges) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder
	head := func(name, typ, help string) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
	}

	head("mrzkit_http_requests_total", "counter", "HTTP requests answered, by route and status code.")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "mrzkit_http_requests_total{route=%s,code=%s} %d\n", quote(k[0]), quote(k[1]), m.requests[k])
	}

	head("mrzkit_http_request_duration_seconds", "histogram", "Time from the request's arrival to its answer, by route.")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		h := m.latency[r]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "mrzkit_http_request_duration_seconds_bucket{route=%s,le=%s} %d\n", quote(r), quote(formatFloat(le)), cum)
		}
		cum += h.counts[len(latencyBuckets)]
		fmt.Fprintf(&b, "mrzkit_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", quote(r), cum)
		fmt.Fprintf(&b, "mrzkit_http_request_duration_seconds_sum{route=%s} %s\n", quote(r), formatFloat(h.sum))
		fmt.Fprintf(&b, "mrzkit_http_request_duration_seconds_count{route=%s} %d\n", quote(r), h.n)
	}

	labelled := func(name, help, label string, vals map[string]uint64, always ...string) {
		head(name, "counter", help)
		for _, a := range always {
			if _, ok := vals[a]; !ok {
				fmt.Fprintf(&b, "%s{%s=%s} 0\n", name, label, quote(a))
			}
		}
		ks := make([]string, 0, len(vals))
		for k := range vals {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			fmt.Fprintf(&b, "%s{%s=%s} %d\n", name, label, quote(k), vals[k])
		}
	}
	labelled("mrzkit_mrz_reads_total", "Images read, by result: found (an MRZ), not_found, bad_image, error.", "result",
		m.reads, "found", "not_found")
	labelled("mrzkit_mrz_checks_failed_total", "MRZ check digits that failed in the images read, by check.", "check", m.checks)
	labelled("mrzkit_rejected_total", "Requests refused with 429, by reason: rate_limit (per-key token bucket) or busy (worker pool and queue full).",
		"reason", m.rejected, "rate_limit", "busy")

	gauge := func(name, help string, v int64) {
		head(name, "gauge", help)
		fmt.Fprintf(&b, "%s %d\n", name, v)
	}
	gauge("mrzkit_workers", "Reader workers (--workers).", g.workers)
	gauge("mrzkit_workers_busy", "Reader workers running a reader now.", g.busyWorkers)
	gauge("mrzkit_admitted", "Requests admitted now (reading their body, queued or being read).", g.heldTickets)
	gauge("mrzkit_admission_capacity", "Requests that can be admitted at once (workers plus queue).", g.tickets)
	ready := int64(0)
	if g.ready {
		ready = 1
	}
	gauge("mrzkit_ready", "1 when the server is ready to read, 0 while it starts or shuts down.", ready)
	io.WriteString(w, b.String())
}

// quote writes a label value with the escapes the text format wants.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func formatFloat(f float64) string {
	if math.IsInf(f, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
