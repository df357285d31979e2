package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

// failure says why a read request failed, for the API to answer in its own
// error shape.
type failure int

const (
	failNoKey     failure = iota // 401: no key
	failBadKey                   // 401: an unknown key
	failRateLimit                // 429: the key's bucket is empty
	failBusy                     // 429: every worker and queue place is taken
	failRequest                  // 400: the body (see the requestError)
	failBadImage                 // 400: the reader cannot decode the image
	failInternal                 // 500: the reader failed
	failTimeout                  // 500: the reader took too long
)

// endpoint is one of the APIs that read an image: how it finds the key,
// how its body is laid out, and how it answers.
type endpoint struct {
	route string
	key   func(*http.Request) string
	form  form
	// check validates the fields beside the image.
	check func(up upload) *requestError
	// fail answers an error; rerr is set for failRequest, details is a
	// safe description of the cause.
	fail func(w http.ResponseWriter, r *http.Request, f failure, rerr *requestError, details string)
	// answer answers a passport read from up (the zero Passport when the
	// image holds no MRZ).
	answer func(w http.ResponseWriter, r *http.Request, up upload, p passport.Passport, t timing)
}

// timing is when a read request started and ended.
type timing struct{ start, end time.Time }

// serveRead answers a request to read an image: authenticate, rate limit,
// admit (before the body is read), read the bounded body, wait for a
// worker, read, answer.
func (s *Server) serveRead(ep *endpoint) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		start := s.now()
		in := info(r)
		client, ok, given := s.authenticate(r, ep.key(r))
		if !ok {
			f := failNoKey
			if given {
				f = failBadKey
			}
			ep.fail(w, r, f, nil, "")
			return
		}
		if allowed, wait := s.limiter.allow(client); !allowed {
			s.metrics.observeRejected("rate_limit")
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter(wait)))
			ep.fail(w, r, failRateLimit, nil, "")
			return
		}
		if r.ContentLength > bodyLimit(ep.form.maxImage) {
			// A body declared over the limit is refused before it takes
			// a worker's place or any memory.
			w.Header().Set("Connection", "close")
			rerr := tooLarge(ep.form)
			ep.fail(w, r, failRequest, rerr, rerr.msg)
			return
		}
		release, err := s.pool.admit()
		if err != nil {
			s.metrics.observeRejected("busy")
			w.Header().Set("Retry-After", "1")
			ep.fail(w, r, failBusy, nil, "")
			return
		}
		defer release()

		r.Body = http.MaxBytesReader(w, r.Body, bodyLimit(ep.form.maxImage))
		up, rerr := decode(r, ep.form)
		if rerr == nil && ep.check != nil {
			rerr = ep.check(up)
		}
		if rerr != nil {
			if rerr.kind == errTooLarge {
				// The rest of the body is not worth reading: close the
				// connection after the answer.
				w.Header().Set("Connection", "close")
			}
			ep.fail(w, r, failRequest, rerr, rerr.msg)
			return
		}

		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.ReaderTimeout)
		defer cancel()
		p, err := s.pool.read(ctx, s.cfg.Reader, up.image)
		switch {
		case err == nil:
			in.result = "not_found"
			if p.HasMRZ() || len(p.MRZLines()) > 0 {
				in.result = "found"
			}
			s.metrics.observeRead(in.result, failedChecks(p.MRZ))
		case errors.Is(err, ErrNoMRZ):
			in.result = "not_found"
			s.metrics.observeRead(in.result, nil)
			p = passport.Passport{}
		case errors.Is(err, ErrBadImage):
			in.result = "bad_image"
			s.metrics.observeRead(in.result, nil)
			ep.fail(w, r, failBadImage, nil, err.Error())
			return
		case errors.Is(err, context.DeadlineExceeded) && r.Context().Err() == nil:
			in.result = "error"
			s.metrics.observeRead(in.result, nil)
			s.log.Warn("reader timed out", "request_id", w.Header().Get("X-Request-Id"), "timeout", s.cfg.ReaderTimeout.String())
			ep.fail(w, r, failTimeout, nil, "the image took longer than "+s.cfg.ReaderTimeout.String()+" to read")
			return
		default:
			in.result = "error"
			s.metrics.observeRead(in.result, nil)
			if r.Context().Err() == nil {
				s.log.Error("reader failed", "request_id", w.Header().Get("X-Request-Id"), "error", err.Error())
			}
			ep.fail(w, r, failInternal, nil, "internal error")
			return
		}
		ep.answer(w, r, up, p, timing{start, s.now()})
	}
}

// failedChecks names the check digits of d that fail.
func failedChecks(d mrz.Document) []string {
	var out []string
	for _, c := range d.Format().Checks() {
		if d.Check(c) == mrz.CheckFailed {
			out = append(out, c.String())
		}
	}
	return out
}
