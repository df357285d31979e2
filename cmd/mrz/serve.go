package main

import (
	"context"
	"crypto/tls"
	"errors"
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
	fs, f := newServeFlags()
	pos, err := parseFlags(fs, args)
	if err != nil {
		return e.flagError(fs, serveUsage, err)
	}
	if len(pos) > 0 {
		return e.fail("serve: unexpected argument (usage: %s)", serveUsage)
	}
	if err := f.check(); err != nil {
		return e.fail("serve: %v", err)
	}
	keys, err := f.apiKeys(hooks.getenv)
	if err != nil {
		return e.fail("serve: %v", err)
	}
	if f.certFile != "" {
		if _, err := tls.LoadX509KeyPair(f.certFile, f.keyFile); err != nil {
			return e.fail("serve: TLS: %v", err)
		}
	}
	cfg := f.config(hooks.reader, keys, slog.New(slog.NewJSONHandler(e.stderr, nil)))
	s, err := server.New(cfg)
	if err != nil {
		return e.fail("serve: %v", err)
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return e.fail("serve: %v", err)
	}
	log := cfg.Logger
	f.logStart(log, ln.Addr().String(), s.Config(), keys, hooks.reader)
	if hooks.listening != nil {
		hooks.listening(ln.Addr().String())
	}
	if err := s.Serve(ctx, ln, f.certFile, f.keyFile); err != nil {
		fmt.Fprintf(e.stderr, "mrz: serve: %v\n", err)
		return exitInvalid
	}
	log.Info("mrz serve stopped")
	return exitValid
}

// serveFlags are the flags of mrz serve.
type serveFlags struct {
	addr, certFile, keyFile, keysFile string
	rate                              float64
	maxBytes                          int64
	workers, queue                    int
	noAuth                            bool
}

// newServeFlags returns the flag set of mrz serve and the values it sets.
func newServeFlags() (*flag.FlagSet, *serveFlags) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	f := &serveFlags{}
	fs.StringVar(&f.addr, "addr", ":8080", "the address to listen on")
	fs.StringVar(&f.certFile, "tls-cert", "", "the TLS certificate (PEM); serve HTTPS with --tls-key")
	fs.StringVar(&f.keyFile, "tls-key", "", "the TLS private key (PEM)")
	fs.StringVar(&f.keysFile, "keys", "", "a file of API keys, one a line (also MRZ_API_KEYS, comma-separated)")
	fs.Float64Var(&f.rate, "rate-limit", server.DefaultRateLimit, "requests a second per API key, burst of twice that; 0: no limit")
	fs.Int64Var(&f.maxBytes, "max-bytes", 0, "the largest image accepted, in bytes (default 10 MB Mindee, 15 MB Scan Document)")
	fs.IntVar(&f.workers, "workers", 0, "images read at once (default the number of CPUs)")
	fs.IntVar(&f.queue, "queue", 0, "requests that may wait for a worker beyond those (default 4 x workers)")
	fs.BoolVar(&f.noAuth, "insecure-no-auth", false, "accept requests without an API key (trusted networks only)")
	return fs, f
}

// check reports flags that cannot go together or out of range: a TLS
// certificate without its key (or the reverse), a negative number.
func (f *serveFlags) check() error {
	if (f.certFile == "") != (f.keyFile == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	if f.rate < 0 || f.maxBytes < 0 || f.workers < 0 || f.queue < 0 {
		return errors.New("--rate-limit, --max-bytes, --workers and --queue must not be negative")
	}
	return nil
}

// apiKeys returns the API keys of MRZ_API_KEYS (read with getenv, when not
// nil) and of the --keys file, and checks them against --insecure-no-auth:
// one or the other.
func (f *serveFlags) apiKeys(getenv func(string) string) (server.Keys, error) {
	var list []string
	if getenv != nil {
		list = server.SplitKeys(getenv("MRZ_API_KEYS"))
	}
	if f.keysFile != "" {
		more, err := readKeysFile(f.keysFile)
		if err != nil {
			return server.Keys{}, err
		}
		list = append(list, more...)
	}
	keys, err := server.NewKeys(list...)
	if err != nil {
		return keys, fmt.Errorf("MRZ_API_KEYS: %v", err)
	}
	switch {
	case keys.Len() == 0 && !f.noAuth:
		return keys, errors.New("no API key: set MRZ_API_KEYS or --keys FILE (or --insecure-no-auth on a trusted network)")
	case keys.Len() > 0 && f.noAuth:
		return keys, errors.New("--insecure-no-auth with API keys configured: choose one")
	}
	return keys, nil
}

// readKeysFile reads the API keys of the file of --keys.
func readKeysFile(name string) ([]string, error) {
	file, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("--keys: %v", unwrapPath(err))
	}
	keys, err := server.ParseKeys(file)
	file.Close()
	if err != nil {
		return nil, fmt.Errorf("--keys %s: %v", name, err)
	}
	return keys, nil
}

// config returns the server's configuration the flags ask for.
func (f *serveFlags) config(reader server.Reader, keys server.Keys, log *slog.Logger) server.Config {
	cfg := server.Config{
		Reader: reader, Keys: keys, NoAuth: f.noAuth, RateLimit: f.rate,
		MindeeMaxBytes: f.maxBytes, ScanMaxBytes: f.maxBytes, Workers: f.workers, Queue: f.queue,
		Logger: log,
	}
	if f.rate == 0 {
		cfg.RateLimit = -1
	}
	return cfg
}

// logStart logs that the server listens at addr with configuration c, and
// warns of a reader not ready and of --insecure-no-auth.
func (f *serveFlags) logStart(log *slog.Logger, addr string, c server.Config, keys server.Keys, reader server.Reader) {
	scheme := "http"
	if f.certFile != "" {
		scheme = "https"
	}
	log.Info("mrz serve listening", "addr", addr, "scheme", scheme, "keys", keys.Len(),
		"auth", !f.noAuth, "rate_limit", c.RateLimit, "workers", c.Workers, "queue", c.Queue,
		"mindee_max_bytes", c.MindeeMaxBytes, "scan_max_bytes", c.ScanMaxBytes)
	if rc, ok := reader.(server.ReadinessChecker); ok {
		if err := rc.Ready(); err != nil {
			log.Warn("the reader is not ready", "reason", err.Error())
		}
	}
	if f.noAuth {
		log.Warn("--insecure-no-auth: every request is accepted without an API key")
	}
}
