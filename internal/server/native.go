package server

import (
	"math"
	"net/http"

	"github.com/mrzkit/mrzkit/passport"
)

// ReadPath is mrzkit's own read route, which the page uses: the same
// request forms as Mindee's (a multipart file part "document" or JSON
// {"document": base64}), either key header, and the passport's own JSON in
// the answer, with the parsed MRZ and its check results.
const ReadPath = "/v1/mrzkit/read"

func (s *Server) nativeEndpoint() *endpoint {
	return &endpoint{
		route: ReadPath,
		key:   anyKey,
		form:  form{file: "document", maxImage: max(s.cfg.MindeeMaxBytes, s.cfg.ScanMaxBytes)},
		fail: func(w http.ResponseWriter, r *http.Request, f failure, rerr *requestError, details string) {
			switch f {
			case failNoKey, failBadKey:
				writePlainError(w, http.StatusUnauthorized, "missing or invalid API key: send x-api-key or Authorization: Token KEY")
			case failRateLimit:
				writePlainError(w, http.StatusTooManyRequests, "rate limit exceeded")
			case failBusy:
				writePlainError(w, http.StatusTooManyRequests, "every reader is busy: retry later")
			case failRequest:
				writePlainError(w, http.StatusBadRequest, details)
			case failBadImage:
				writePlainError(w, http.StatusBadRequest, "unsupported or unreadable image: "+details)
			default:
				writePlainError(w, http.StatusInternalServerError, details)
			}
		},
		answer: nativeAnswer,
	}
}

// nativeResponse is the answer of ReadPath.
type nativeResponse struct {
	// Found is false when the image holds no MRZ.
	Found bool `json:"found"`
	// Passport is the passport's own JSON (see passport.Passport.MarshalJSON):
	// every field with its confidence and polygon, and under "mrz" the
	// parsed MRZ with its checks and errors.
	Passport passport.Passport `json:"passport"`
	// ProcessingTime is the seconds the request took.
	ProcessingTime float64 `json:"processing_time"`
}

func nativeAnswer(w http.ResponseWriter, r *http.Request, up upload, p passport.Passport, t timing) {
	writeJSON(w, http.StatusOK, nativeResponse{
		Found:          len(p.MRZLines()) > 0,
		Passport:       p,
		ProcessingTime: math.Round(t.end.Sub(t.start).Seconds()*1000) / 1000,
	})
}
