package main

import (
	"context"
	"crypto/tls"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/mrzkit/mrzkit/internal/server"
)

const serveUsage = "mrz serve [--addr ADDR] [--tls-cert FILE --tls-key FILE] [--keys FILE] [--rate-limit N] [--max-bytes N] [--workers N] [--queue N] [--insecure-no-auth]"

// newReader returns the image reader mrz serve answers with: package ocr.
func newReader() server.Reader { return server.OCRReader{} }

// serveHooks are what a test changes of mrz serve.
type serveHooks struct {
	reader    server.Reader
	getenv    func(string) string
	listening func(addr string) // called once the listener is open
}

func runServe(e *env, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	return serve(ctx, e, args, serveHooks{reader: newReader(), getenv: os.Getenv})
}

// serve runs mrz serve until ctx is done (SIGTERM or an interrupt), then
// finishes the requests in flight and returns 0.
func serve(ctx context.Context, e *env, args []string, hooks serveHooks) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", ":8080", "the address to listen on")
	certFile := fs.String("tls-cert", "", "the TLS certificate (PEM); serve HTTPS with --tls-key")
	keyFile := fs.String("tls-key", "", "the TLS private key (PEM)")
	keysFile := fs.String("keys", "", "a file of API keys, one a line (also MRZ_API_KEYS, comma-separated)")
	rate := fs.Float64("rate-limit", server.DefaultRateLimit, "requests a second per API key, burst of twice that; 0: no limit")
	maxBytes := fs.Int64("max-bytes", 0, "the largest image accepted, in bytes (default 10 MB Mindee, 15 MB Scan Document)")
	workers := fs.Int("workers", 0, "images read at once (default the number of CPUs)")
	queue := fs.Int("queue", 0, "requests that may wait for a worker beyond those (default 4 x workers)")
	noAuth := fs.Bool("insecure-no-auth", false, "accept requests without an API key (trusted networks only)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.flagError(fs, serveUsage, err)
	}
	if len(pos) > 0 {
		return e.fail("serve: unexpected argument (usage: %s)", serveUsage)
	}
	if (*certFile == "") != (*keyFile == "") {
		return e.fail("serve: --tls-cert and --tls-key go together")
	}
	if *rate < 0 || *maxBytes < 0 || *workers < 0 || *queue < 0 {
		return e.fail("serve: --rate-limit, --max-bytes, --workers and --queue must not be negative")
	}
	var list []string
	if hooks.getenv != nil {
		list = server.SplitKeys(hooks.getenv("MRZ_API_KEYS"))
	}
	if *keysFile != "" {
		f, err := os.Open(*keysFile)
		if err != nil {
			return e.fail("serve: --keys: %v", unwrapPath(err))
		}
		more, err := server.ParseKeys(f)
		f.Close()
		if err != nil {
			return e.fail("serve: --keys %s: %v", *keysFile, err)
		}
		list = append(list, more...)
	}
	keys, err := server.NewKeys(list...)
	if err != nil {
		return e.fail("serve: MRZ_API_KEYS: %v", err)
	}
	switch {
	case keys.Len() == 0 && !*noAuth:
		return e.fail("serve: no API key: set MRZ_API_KEYS or --keys FILE (or --insecure-no-auth on a trusted network)")
	case keys.Len() > 0 && *noAuth:
		return e.fail("serve: --insecure-no-auth with API keys configured: choose one")
	}
	if *certFile != "" {
		if _, err := tls.LoadX509KeyPair(*certFile, *keyFile); err != nil {
			return e.fail("serve: TLS: %v", err)
		}
	}
	cfg := server.Config{
		Reader: hooks.reader, Keys: keys, NoAuth: *noAuth, RateLimit: *rate,
		MindeeMaxBytes: *maxBytes, ScanMaxBytes: *maxBytes, Workers: *workers, Queue: *queue,
		Logger: slog.New(slog.NewJSONHandler(e.stderr, nil)),
	}
	if *rate == 0 {
		cfg.RateLimit = -1
	}
	s, err := server.New(cfg)
	if err != nil {
		return e.fail("serve: %v", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return e.fail("serve: %v", err)
	}
	c := s.Config()
	scheme := "http"
	if *certFile != "" {
		scheme = "https"
	}
	log := cfg.Logger
	log.Info("mrz serve listening", "addr", ln.Addr().String(), "scheme", scheme, "keys", keys.Len(),
		"auth", !*noAuth, "rate_limit", c.RateLimit, "workers", c.Workers, "queue", c.Queue,
		"mindee_max_bytes", c.MindeeMaxBytes, "scan_max_bytes", c.ScanMaxBytes)
	if rc, ok := hooks.reader.(server.ReadinessChecker); ok {
		if err := rc.Ready(); err != nil {
			log.Warn("the reader is not ready", "reason", err.Error())
		}
	}
	if *noAuth {
		log.Warn("--insecure-no-auth: every request is accepted without an API key")
	}
	if hooks.listening != nil {
		hooks.listening(ln.Addr().String())
	}
	if err := s.Serve(ctx, ln, *certFile, *keyFile); err != nil {
		fmt.Fprintf(e.stderr, "mrz: serve: %v\n", err)
		return exitInvalid
	}
	log.Info("mrz serve stopped")
	return exitValid
}
