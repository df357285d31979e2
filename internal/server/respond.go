package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/mrzkit/mrzkit/internal/jsonx"
)

// writeJSON writes v as the answer, with its status code.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := jsonx.Marshal(v)
	if err != nil { // the types written here always marshal
		status = http.StatusInternalServerError
		b = []byte(`{"error":"Internal Server Error","message":"the answer could not be encoded"}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
}

// mindeeError is Mindee's error envelope.
type mindeeError struct {
	APIRequest mindeeErrorRequest `json:"api_request"`
}

type mindeeErrorRequest struct {
	Error      mindeeErrorBody `json:"error"`
	Resources  []string        `json:"resources"`
	Status     string          `json:"status"`
	StatusCode int             `json:"status_code"`
	URL        string          `json:"url"`
}

type mindeeErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Details string `json:"details"`
}

// writeMindeeError answers with Mindee's error envelope, whose status_code
// is the HTTP status (every Mindee SDK reads one or the other).
func writeMindeeError(w http.ResponseWriter, r *http.Request, status int, code, message, details string) {
	writeJSON(w, status, mindeeError{mindeeErrorRequest{
		Error:     mindeeErrorBody{Code: code, Message: message, Details: details},
		Resources: []string{}, Status: "failure", StatusCode: status, URL: requestURL(r),
	}})
}

// plainError is the error shape of the Scan Document API, and of every
// other route: {"error": status text, "message": why}. The deepidv SDKs read
// message first, then error.
type plainError struct {
	Error   string `json:"error"`
	Message string `json:"message"`
}

func writePlainError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, plainError{Error: http.StatusText(status), Message: message})
}

// isMindeePath reports whether a path belongs to the Mindee API, whose
// errors use its envelope.
func isMindeePath(p string) bool { return strings.HasPrefix(p, "/v1/products/") }

// writeError answers with the error shape of the API the path belongs to.
func writeError(w http.ResponseWriter, r *http.Request, status int, message string) {
	if isMindeePath(r.URL.Path) {
		code := strings.ReplaceAll(http.StatusText(status), " ", "")
		if status == http.StatusInternalServerError {
			code = "failure"
		}
		writeMindeeError(w, r, status, code, http.StatusText(status), message)
		return
	}
	writePlainError(w, status, message)
}

// requestURL is the URL the client asked for, as Mindee echoes it in
// api_request.url. Behind a proxy that sets X-Forwarded-Proto, its scheme.
func requestURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	host := r.Host
	if host == "" || strings.ContainsAny(host, " \t\r\n\"\\") {
		host = "localhost"
	}
	return scheme + "://" + host + r.URL.RequestURI()
}
