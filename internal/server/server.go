package server

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync/atomic"
	"time"
)

// Default limits, as the vendors document theirs.
const (
	DefaultMindeeMaxBytes = 10 << 20 // Mindee's sync limit: 10 MB
	DefaultScanMaxBytes   = 15 << 20 // Scan Document's: 15 MB
	DefaultRateLimit      = 10       // requests a second per key, burst of twice that
	DefaultReaderTimeout  = 30 * time.Second
	DefaultShutdownGrace  = 30 * time.Second
)

// Config configures a Server. Reader is required, and so are Keys unless
// NoAuth is set; every other field has a default.
type Config struct {
	// Reader reads the images.
	Reader Reader
	// Keys are the API keys the server accepts. NoAuth accepts every
	// request without one (for a trusted network only): rate limits are
	// then per client address.
	Keys   Keys
	NoAuth bool
	// RateLimit is the requests a second each key may make, with a burst of
	// twice that; 0 takes DefaultRateLimit, a negative value sets no limit.
	RateLimit float64
	// MindeeMaxBytes and ScanMaxBytes are the largest images each API
	// accepts (0: DefaultMindeeMaxBytes, DefaultScanMaxBytes). The body may
	// be a third larger, for base64, plus 64 KiB of framing.
	MindeeMaxBytes, ScanMaxBytes int64
	// Workers is how many images are read at once (0: the number of CPUs);
	// Queue how many more requests may wait for a worker (0: four times
	// Workers, a negative value: none). A request that finds every worker
	// and queue place taken is refused with 429 before its body is read.
	Workers, Queue int
	// ReaderTimeout bounds the reading of one image, its wait for a worker
	// included (0: DefaultReaderTimeout).
	ReaderTimeout time.Duration
	// ReadTimeout bounds the reading of a whole request, body included
	// (0: one minute); WriteTimeout, the time from the end of the request
	// headers to the end of the answer (0: ReadTimeout + ReaderTimeout + 10s);
	// IdleTimeout, a kept-alive connection's wait for its next request
	// (0: two minutes); ShutdownGrace, how long Serve waits for requests in
	// flight when it stops (0: DefaultShutdownGrace).
	ReadTimeout, WriteTimeout, IdleTimeout, ShutdownGrace time.Duration
	// Logger gets one line per request (nil: no logging).
	Logger *slog.Logger
	// Now is the clock (nil: time.Now); tests set it.
	Now func() time.Time
}

// Server serves the APIs. Create one with New; it is safe for concurrent
// use.
type Server struct {
	cfg      Config
	log      *slog.Logger
	now      func() time.Time
	limiter  *rateLimiter
	pool     *pool
	metrics  *metrics
	routes   map[string]*route
	draining atomic.Bool
}

// ErrConfig is wrapped by the errors of New.
var ErrConfig = errors.New("server: invalid configuration")

// New returns a server for cfg, with the defaults filled in.
func New(cfg Config) (*Server, error) {
	if cfg.Reader == nil {
		return nil, fmt.Errorf("%w: no Reader", ErrConfig)
	}
	if cfg.Keys.Len() == 0 && !cfg.NoAuth {
		return nil, fmt.Errorf("%w: no API key configured (and NoAuth not set)", ErrConfig)
	}
	if cfg.Keys.Len() > 0 && cfg.NoAuth {
		return nil, fmt.Errorf("%w: API keys configured together with NoAuth", ErrConfig)
	}
	if cfg.MindeeMaxBytes < 0 || cfg.ScanMaxBytes < 0 || cfg.Workers < 0 {
		return nil, fmt.Errorf("%w: negative size limit or worker count", ErrConfig)
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = DefaultRateLimit
	}
	if cfg.MindeeMaxBytes == 0 {
		cfg.MindeeMaxBytes = DefaultMindeeMaxBytes
	}
	if cfg.ScanMaxBytes == 0 {
		cfg.ScanMaxBytes = DefaultScanMaxBytes
	}
	if cfg.Workers == 0 {
		cfg.Workers = runtime.NumCPU()
	}
	switch {
	case cfg.Queue == 0:
		cfg.Queue = 4 * cfg.Workers
	case cfg.Queue < 0:
		cfg.Queue = 0
	}
	if cfg.ReaderTimeout <= 0 {
		cfg.ReaderTimeout = DefaultReaderTimeout
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = time.Minute
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = cfg.ReadTimeout + cfg.ReaderTimeout + 10*time.Second
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 2 * time.Minute
	}
	if cfg.ShutdownGrace <= 0 {
		cfg.ShutdownGrace = DefaultShutdownGrace
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: log, now: cfg.Now, metrics: newMetrics(),
		limiter: newRateLimiter(cfg.RateLimit, cfg.Now), pool: newPool(cfg.Workers, cfg.Queue)}
	s.routes = s.routeTable()
	return s, nil
}

// Config returns the configuration in force, defaults filled in.
func (s *Server) Config() Config { return s.cfg }

// HTTPServer returns an http.Server for the handler with the configured
// timeouts. Serve uses it; it is exported for callers that manage their own
// listeners.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: min(10*time.Second, s.cfg.ReadTimeout),
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Serve answers requests on ln (over TLS when certFile and keyFile are
// given) until ctx is done. Then it stops gracefully: /readyz turns 503,
// the listener closes, and the requests in flight are finished, for at most
// ShutdownGrace. It returns nil after a graceful stop.
func (s *Server) Serve(ctx context.Context, ln net.Listener, certFile, keyFile string) error {
	srv := s.HTTPServer()
	errc := make(chan error, 1)
	go func() {
		if certFile != "" || keyFile != "" {
			errc <- srv.ServeTLS(ln, certFile, keyFile)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.log.Info("shutting down: finishing requests in flight", "grace", s.cfg.ShutdownGrace.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: requests still in flight after %s: %w", s.cfg.ShutdownGrace, err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Drain marks the server as shutting down: /readyz answers 503 from then
// on, so that a load balancer stops sending requests. Serve calls it.
func (s *Server) Drain() { s.draining.Store(true) }

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
