package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// upload is what a request carries: the image and the fields beside it.
type upload struct {
	image    []byte
	filename string // the multipart file name, "" otherwise
	docType  string // Scan Document's documentType, "" when absent
}

// form says how an endpoint's body is laid out.
type form struct {
	file     string // the name of the file part or JSON key: document, image
	docType  string // the name of the document type field, "" for none
	maxImage int64  // the largest image, in bytes
}

// bodyLimit is the most bytes read of a body that carries an image of at
// most maxImage bytes: room for base64's 4/3 and for multipart or JSON
// framing. http.MaxBytesReader enforces it before anything is parsed.
func bodyLimit(maxImage int64) int64 { return maxImage + maxImage/3 + 64<<10 }

// errKind classifies a request that cannot be read.
type errKind int

const (
	errMalformed   errKind = iota // not a body of the expected form
	errMissingFile                // no file part or field
	errTooLarge                   // the body or the image is over the limit
	errURL                        // a URL instead of the file
	errDocType                    // a documentType that is none of the known ones
)

// requestError is why a request's body cannot be read. Its text names what
// is wrong, never what the body holds.
type requestError struct {
	kind errKind
	msg  string
}

func (e *requestError) Error() string { return e.msg }

func reqErr(k errKind, format string, a ...any) *requestError {
	return &requestError{k, fmt.Sprintf(format, a...)}
}

// maxFieldLen bounds the text fields read beside the image.
const maxFieldLen = 256

// decode reads the body of r, which the caller has bounded with
// http.MaxBytesReader, as multipart/form-data (the image as a file part, or
// as a base64 text field), application/json ({"document": base64}) or
// application/x-www-form-urlencoded.
func decode(r *http.Request, f form) (upload, *requestError) {
	ct := r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if ct == "" {
		return upload{}, reqErr(errMalformed, "no Content-Type: want multipart/form-data or application/json")
	}
	if err != nil {
		return upload{}, reqErr(errMalformed, "malformed Content-Type: want multipart/form-data or application/json")
	}
	var up upload
	var rerr *requestError
	switch {
	case mt == "multipart/form-data":
		if params["boundary"] == "" {
			return upload{}, reqErr(errMalformed, "multipart body without a boundary")
		}
		up, rerr = decodeMultipart(r, f)
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		up, rerr = decodeJSON(r, f)
	case mt == "application/x-www-form-urlencoded":
		up, rerr = decodeURLEncoded(r, f)
	default:
		return upload{}, reqErr(errMalformed, "unsupported Content-Type: want multipart/form-data, application/json or application/x-www-form-urlencoded")
	}
	if rerr != nil {
		return upload{}, rerr
	}
	if len(up.image) == 0 {
		return upload{}, reqErr(errMissingFile, "the %q file is empty", f.file)
	}
	if int64(len(up.image)) > f.maxImage {
		return upload{}, tooLarge(f)
	}
	return up, nil
}

func tooLarge(f form) *requestError {
	return reqErr(errTooLarge, "the file is over %s", sizeText(f.maxImage))
}

// bodyError turns an error reading the body into a request error.
func bodyError(err error, f form) *requestError {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return tooLarge(f)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return reqErr(errMalformed, "truncated body")
	}
	return reqErr(errMalformed, "unreadable body")
}

func decodeMultipart(r *http.Request, f form) (upload, *requestError) {
	mr, err := r.MultipartReader()
	if err != nil {
		return upload{}, reqErr(errMalformed, "malformed multipart body")
	}
	var up upload
	found := false
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if re := bodyError(err, f); re.kind == errTooLarge {
				return upload{}, re
			}
			return upload{}, reqErr(errMalformed, "malformed multipart body")
		}
		name := part.FormName()
		switch {
		case name == f.file && !found:
			found = true
			b, err := readAll(part, r.ContentLength, f.maxImage+1)
			if err != nil {
				return upload{}, partError(err, f)
			}
			if int64(len(b)) > f.maxImage {
				return upload{}, tooLarge(f)
			}
			if part.FileName() != "" {
				up.image, up.filename = b, cleanFilename(part.FileName())
				break
			}
			// A text field: base64 (or a URL, which is refused).
			img, rerr := decodeString(string(b), f)
			if rerr != nil {
				return upload{}, rerr
			}
			up.image = img
		case name == f.docType && f.docType != "":
			b, err := io.ReadAll(io.LimitReader(part, maxFieldLen+1))
			if err != nil {
				return upload{}, partError(err, f)
			}
			if len(b) > maxFieldLen {
				return upload{}, reqErr(errDocType, "%s: too long", f.docType)
			}
			up.docType = strings.TrimSpace(string(b))
		default:
			if _, err := io.Copy(io.Discard, part); err != nil {
				return upload{}, partError(err, f)
			}
		}
		part.Close()
	}
	if !found {
		return upload{}, reqErr(errMissingFile, "no %q part in the multipart body", f.file)
	}
	return up, nil
}

// partError turns an error reading a part into a request error: over the
// limit, or a multipart body that stops before its closing boundary.
func partError(err error, f form) *requestError {
	if re := bodyError(err, f); re.kind == errTooLarge {
		return re
	}
	return reqErr(errMalformed, "malformed or truncated multipart body")
}

// cleanFilename keeps the base name of a file name, in valid UTF-8, without
// control characters, at most 255 bytes: it is echoed in the Mindee
// response.
func cleanFilename(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if len(s) > 255 {
		s = s[:255]
	}
	return strings.ToValidUTF8(s, "")
}

// readAll reads at most limit bytes of r into a buffer sized once from the
// request's Content-Length (when known), instead of growing it by doubling.
// initialGrow is the most readAll reserves before any byte arrives.
const initialGrow = 1 << 20

func readAll(r io.Reader, contentLength, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if contentLength > 0 {
		// Trust the declared length only up to initialGrow: the buffer
		// grows from the bytes that actually arrive.
		buf.Grow(int(min(contentLength, limit, initialGrow)) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, limit))
	return buf.Bytes(), err
}

func decodeJSON(r *http.Request, f form) (upload, *requestError) {
	body, err := readAll(r.Body, r.ContentLength, bodyLimit(f.maxImage)+1)
	if err != nil {
		return upload{}, bodyError(err, f)
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return upload{}, reqErr(errMalformed, "empty JSON body")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			if se.Offset >= int64(len(body)) {
				return upload{}, reqErr(errMalformed, "truncated JSON")
			}
			return upload{}, reqErr(errMalformed, "malformed JSON at byte %d", se.Offset)
		case errors.As(err, &te):
			return upload{}, reqErr(errMalformed, "the JSON body must be an object")
		}
		return upload{}, reqErr(errMalformed, "truncated JSON")
	}
	var up upload
	if raw, ok := fields[f.docType]; ok && f.docType != "" {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return upload{}, reqErr(errDocType, "%s: want a string", f.docType)
		}
		up.docType = strings.TrimSpace(s)
	}
	raw, ok := fields[f.file]
	if !ok || string(raw) == "null" {
		return upload{}, reqErr(errMissingFile, "no %q in the JSON body", f.file)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return upload{}, reqErr(errMalformed, "%s: want a base64 string", f.file)
	}
	img, rerr := decodeString(s, f)
	if rerr != nil {
		return upload{}, rerr
	}
	up.image = img
	return up, nil
}

func decodeURLEncoded(r *http.Request, f form) (upload, *requestError) {
	if err := r.ParseForm(); err != nil {
		if re := bodyError(err, f); re.kind == errTooLarge {
			return upload{}, re
		}
		return upload{}, reqErr(errMalformed, "malformed form body")
	}
	var up upload
	if f.docType != "" {
		up.docType = strings.TrimSpace(r.PostForm.Get(f.docType))
	}
	if !r.PostForm.Has(f.file) {
		return upload{}, reqErr(errMissingFile, "no %q field in the form body", f.file)
	}
	img, rerr := decodeString(r.PostForm.Get(f.file), f)
	if rerr != nil {
		return upload{}, rerr
	}
	up.image = img
	return up, nil
}

// decodeString decodes an image sent as text: base64 in the standard or the
// URL alphabet, padded or not, possibly wrapped in lines or behind a
// "data:...;base64," prefix. A URL is refused: this server fetches nothing.
func decodeString(s string, f form) ([]byte, *requestError) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, reqErr(errMissingFile, "the %q field is empty", f.file)
	}
	lower := strings.ToLower(s[:min(len(s), 8)])
	if strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://") {
		return nil, reqErr(errURL, "%s: a URL; this server does not fetch URLs: send the file itself", f.file)
	}
	if strings.HasPrefix(lower, "data:") {
		i := strings.IndexByte(s, ',')
		if i < 0 || !strings.HasSuffix(strings.ToLower(s[:i]), ";base64") {
			return nil, reqErr(errMalformed, "%s: a data URL that is not base64", f.file)
		}
		s = s[i+1:]
	}
	if strings.ContainsAny(s, " \t\r\n") {
		s = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
				return -1
			}
			return r
		}, s)
	}
	s = strings.TrimRight(s, "=")
	enc := base64.RawStdEncoding
	if strings.ContainsAny(s, "-_") {
		enc = base64.RawURLEncoding
	}
	if int64(enc.DecodedLen(len(s))) > f.maxImage {
		return nil, tooLarge(f)
	}
	b, err := enc.DecodeString(s)
	if err != nil {
		var ce base64.CorruptInputError
		if errors.As(err, &ce) {
			return nil, reqErr(errMalformed, "%s: not base64 (at character %d)", f.file, int64(ce))
		}
		return nil, reqErr(errMalformed, "%s: not base64", f.file)
	}
	return b, nil
}

// sizeText writes a size as the vendors do: "10MB" for whole mebibytes,
// bytes otherwise.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%dMB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
