package server

import (
	"math"
	"net/http"

	"github.com/mrzkit/mrzkit/passport"
)

// The Mindee passport v1 paths.
const (
	MindeePredictPath      = "/v1/products/mindee/passport/v1/predict"
	MindeePredictAsyncPath = "/v1/products/mindee/passport/v1/predict_async"
)

func (s *Server) mindeeEndpoint() *endpoint {
	return &endpoint{
		route:  MindeePredictPath,
		key:    mindeeToken,
		form:   form{file: "document", maxImage: s.cfg.MindeeMaxBytes},
		fail:   s.mindeeFail,
		answer: mindeeAnswer,
	}
}

// mindeeFail answers with Mindee's envelope: the codes and messages of
// Mindee's own fixtures where there is one (401, 429, 500), BadRequest with
// the message the SDKs know otherwise.
func (s *Server) mindeeFail(w http.ResponseWriter, r *http.Request, f failure, rerr *requestError, details string) {
	switch f {
	case failNoKey:
		writeMindeeError(w, r, http.StatusUnauthorized, "Unauthorized", "Authorization required", "No token provided")
	case failBadKey:
		writeMindeeError(w, r, http.StatusUnauthorized, "Unauthorized", "Authorization required", "Invalid token provided")
	case failRateLimit:
		writeMindeeError(w, r, http.StatusTooManyRequests, "TooManyRequests", "Too many requests", "Too Many Requests.")
	case failBusy:
		writeMindeeError(w, r, http.StatusTooManyRequests, "TooManyRequests", "Too many requests",
			"Too Many Requests. Every reader is busy: retry later.")
	case failRequest:
		msg := "Invalid request"
		switch rerr.kind {
		case errMissingFile:
			msg = "Missing input file"
		case errTooLarge:
			msg = "Max file size is " + sizeText(s.cfg.MindeeMaxBytes)
		case errURL:
			msg = "URL inputs are not supported"
		}
		writeMindeeError(w, r, http.StatusBadRequest, "BadRequest", msg, details)
	case failBadImage:
		writeMindeeError(w, r, http.StatusBadRequest, "BadRequest", "Invalid file type", details)
	default:
		writeMindeeError(w, r, http.StatusInternalServerError, "failure", "Inference failed", "Can not run prediction: "+details)
	}
}

// mindeeTime is the timestamp format of Mindee's responses.
const mindeeTime = "2006-01-02T15:04:05+00:00"

// mindeeAnswer answers 201 with the whole Mindee response of p: the
// request's URL, a fresh document id, the file name, the timestamps.
func mindeeAnswer(w http.ResponseWriter, r *http.Request, up upload, p passport.Passport, t timing) {
	resp := p.Mindee()
	resp.APIRequest.URL = requestURL(r)
	d := resp.Document
	d.ID = newUUID()
	d.Name = up.filename
	if d.Name == "" {
		d.Name = "document"
	}
	d.Inference.StartedAt = t.start.UTC().Format(mindeeTime)
	d.Inference.FinishedAt = t.end.UTC().Format(mindeeTime)
	d.Inference.ProcessingTime = math.Round(t.end.Sub(t.start).Seconds()*1000) / 1000
	rotated := p.Orientation.Known && p.Orientation.Degrees != 0
	d.Inference.IsRotationApplied = &rotated
	writeJSON(w, http.StatusCreated, resp)
}

// mindeeAsync answers predict_async as Mindee does for a sync-only product.
func mindeeAsync(w http.ResponseWriter, r *http.Request) {
	writeMindeeError(w, r, http.StatusForbidden, "Forbidden", "This product does not support asynchronous mode",
		"mindee/passport does not support async mode")
}
