// Package server is the HTTP layer of `mrz serve`: it answers the Mindee
// passport v1 API and the Scan Document API (deepidv) with the passports a
// Reader reads from uploaded images, so that a team can point its existing
// client at its own server and keep the images inside its network.
//
// Routes:
//
//	POST /v1/products/mindee/passport/v1/predict        Mindee passport v1 (201)
//	POST /v1/products/mindee/passport/v1/predict_async  403: passport v1 is sync only
//	POST /v1/document/scan                              Scan Document (200)
//	POST /v1/mrzkit/read                                mrzkit's own passport JSON (200), used by the page
//	GET  /                                              a self-contained page: drop a photo, see the MRZ
//	GET  /healthz, /readyz, /metrics                    liveness, readiness, Prometheus text format
//
// Every answer is JSON (but the page and the metrics), carries an
// X-Request-Id header, and errors use the envelope of the API they belong
// to. Requests are authenticated by API key (compared in constant time and
// logged only as a short hash), rate limited per key with a token bucket,
// bounded in size before they are parsed, and admitted to a bounded pool of
// reader workers with a short queue: a flood gets 429s, not an
// out-of-memory. The server keeps no state between requests, so it scales
// out behind a load balancer (rate limits are then per replica).
//
// The server does not read images itself: it calls a Reader, so that the
// HTTP layer is tested apart from the image reader (see package servertest
// for readers made for tests).
package server
