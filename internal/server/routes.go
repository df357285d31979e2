package server

import (
	"bytes"
	"net/http"
)

// The operations paths.
const (
	HealthPath  = "/healthz"
	ReadyPath   = "/readyz"
	MetricsPath = "/metrics"
)

func (s *Server) routeTable() map[string]*route {
	post := func(h http.HandlerFunc) map[string]http.HandlerFunc {
		return map[string]http.HandlerFunc{http.MethodPost: h}
	}
	get := func(h http.HandlerFunc) map[string]http.HandlerFunc {
		return map[string]http.HandlerFunc{http.MethodGet: h, http.MethodHead: h}
	}
	return map[string]*route{
		MindeePredictPath:      {MindeePredictPath, post(s.serveRead(s.mindeeEndpoint()))},
		MindeePredictAsyncPath: {MindeePredictAsyncPath, post(mindeeAsync)},
		ScanPath:               {ScanPath, post(s.serveRead(s.scanEndpoint()))},
		ReadPath:               {ReadPath, post(s.serveRead(s.nativeEndpoint()))},
		"/":                    {"/", get(servePage)},
		HealthPath:             {HealthPath, get(s.health)},
		ReadyPath:              {ReadyPath, get(s.ready)},
		MetricsPath:            {MetricsPath, get(s.serveMetrics)},
	}
}

// health answers 200 while the process serves at all.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// ready answers 200 when the server can read images: not while it shuts
// down, and not before the reader says it is ready.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	if err := s.readiness(); err != "" {
		writePlainError(w, http.StatusServiceUnavailable, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (s *Server) readiness() string {
	if s.draining.Load() {
		return "shutting down"
	}
	if rc, ok := s.cfg.Reader.(ReadinessChecker); ok {
		if err := rc.Ready(); err != nil {
			return "reader not ready: " + err.Error()
		}
	}
	return ""
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	s.metrics.write(&b, gauges{
		busyWorkers: s.pool.busy.Load(), heldTickets: s.pool.held.Load(),
		workers: int64(s.cfg.Workers), tickets: int64(s.cfg.Workers + s.cfg.Queue),
		ready: s.readiness() == "",
	})
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(b.Bytes())
}
