package server

import (
	"net/http"
	"strings"
)

// mindeeToken returns the key of a Mindee request: "Authorization: Token
// KEY" as the Python and Node SDKs send it, the bare key as the Java SDK
// does, or "Bearer KEY".
func mindeeToken(r *http.Request) string {
	a := strings.TrimSpace(r.Header.Get("Authorization"))
	if i := strings.IndexByte(a, ' '); i > 0 {
		scheme := a[:i]
		if strings.EqualFold(scheme, "Token") || strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(a[i+1:])
		}
	}
	return a
}

// scanKey returns the key of a Scan Document request: x-api-key.
func scanKey(r *http.Request) string { return strings.TrimSpace(r.Header.Get("X-Api-Key")) }

// anyKey returns the key of a request to mrzkit's own route: x-api-key, or
// the Authorization header in any of the Mindee forms.
func anyKey(r *http.Request) string {
	if k := scanKey(r); k != "" {
		return k
	}
	return mindeeToken(r)
}

// authenticate checks the key of a request. It returns the client the rate
// limit counts (the key, or the client's address without auth) and whether
// the request may go on; when it may not, the key was missing (given
// false) or unknown (given true).
func (s *Server) authenticate(r *http.Request, key string) (client string, ok, given bool) {
	info(r).key = KeyHash(key)
	if s.cfg.NoAuth {
		return "ip:" + remoteIP(r), true, key != ""
	}
	if key == "" {
		return "", false, false
	}
	if !s.cfg.Keys.Has(key) {
		return "", false, true
	}
	return "key:" + key, true, true
}
