package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"runtime/debug"
	"sort"
	"strings"
)

// route is one path and the handlers of its methods.
type route struct {
	name    string // the metrics label
	methods map[string]http.HandlerFunc
}

// reqInfo is what the handlers tell the request's log line and metrics.
type reqInfo struct {
	route  string // the route's name, "other" for an unknown path
	key    string // the short hash of the API key, "-" for none
	result string // the read's result: found, not_found, bad_image, error
}

type infoKey struct{}

func info(r *http.Request) *reqInfo {
	if i, ok := r.Context().Value(infoKey{}).(*reqInfo); ok {
		return i
	}
	return &reqInfo{}
}

// recorder remembers the status code a handler wrote.
type recorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *recorder) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// ServeHTTP answers one request: it gives it a request id, routes it,
// turns a panic into a 500 JSON answer, and logs and counts it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := s.now()
	id := requestID(r)
	w.Header().Set("X-Request-Id", id)
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	in := &reqInfo{route: "other", key: "-"}
	r = r.WithContext(context.WithValue(r.Context(), infoKey{}, in))
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic while answering", "request_id", id, "route", in.route,
				"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			if !rec.wrote {
				writeError(rec, r, http.StatusInternalServerError, "internal error")
			}
		}
		d := s.now().Sub(start)
		s.metrics.observeRequest(in.route, rec.status, d)
		attrs := []any{"method", r.Method, "route", in.route, "status", rec.status,
			"duration_ms", float64(d.Microseconds()) / 1000, "request_id", id, "key", in.key, "remote", remoteIP(r)}
		if in.result != "" {
			attrs = append(attrs, "result", in.result)
		}
		s.log.Info("request", attrs...)
	}()
	s.dispatch(rec, r, in)
}

func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, in *reqInfo) {
	rt, ok := s.routes[r.URL.Path]
	if !ok {
		writeError(w, r, http.StatusNotFound, "no such route: see the documentation of mrz serve")
		return
	}
	in.route = rt.name
	method := r.Method
	if method == http.MethodHead && rt.methods[http.MethodGet] != nil {
		method = http.MethodGet
	}
	h := rt.methods[method]
	if h == nil {
		allow := make([]string, 0, len(rt.methods))
		for m := range rt.methods {
			allow = append(allow, m)
		}
		sort.Strings(allow)
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, r, http.StatusMethodNotAllowed, "method not allowed: use "+strings.Join(allow, " or "))
		return
	}
	h(w, r)
}

// requestID returns the client's X-Request-Id when it is a sane token (at
// most 64 letters, digits and ._:-), a new random one otherwise.
func requestID(r *http.Request) string {
	id := r.Header.Get("X-Request-Id")
	if id == "" || len(id) > 64 {
		return newUUID()
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == ':' || c == '-') {
			return newUUID()
		}
	}
	return id
}

// remoteIP returns the client's address without its port.
func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
