package server

import (
	"net/http"

	"github.com/mrzkit/mrzkit/passport"
)

// ScanPath is the Scan Document path.
const ScanPath = "/v1/document/scan"

// scanTypes are the documentType values a Scan Document request may give.
var scanTypes = map[string]bool{"passport": true, "drivers_license": true, "national_id": true, "auto": true}

func (s *Server) scanEndpoint() *endpoint {
	return &endpoint{
		route: ScanPath,
		key:   scanKey,
		form:  form{file: "image", docType: "documentType", maxImage: s.cfg.ScanMaxBytes},
		check: func(up upload) *requestError {
			if up.docType != "" && !scanTypes[up.docType] {
				return reqErr(errDocType, "documentType: want passport, drivers_license, national_id or auto")
			}
			return nil
		},
		fail:   scanFail,
		answer: scanAnswer,
	}
}

// scanFail answers with the shape the deepidv SDKs read: {"error",
// "message"}.
func scanFail(w http.ResponseWriter, r *http.Request, f failure, rerr *requestError, details string) {
	switch f {
	case failNoKey, failBadKey:
		writePlainError(w, http.StatusUnauthorized, "Missing or invalid x-api-key")
	case failRateLimit:
		writePlainError(w, http.StatusTooManyRequests, "Rate limit exceeded")
	case failBusy:
		writePlainError(w, http.StatusTooManyRequests, "Every reader is busy: retry later")
	case failRequest:
		writePlainError(w, http.StatusBadRequest, details)
	case failBadImage:
		writePlainError(w, http.StatusBadRequest, "unsupported image format: "+details)
	default:
		writePlainError(w, http.StatusInternalServerError, details)
	}
}

// scanResponse is the flat Scan Document answer: every required string
// present, empty when unknown (the SDKs refuse null).
type scanResponse struct {
	DocumentType   string            `json:"documentType"`
	FullName       string            `json:"fullName"`
	FirstName      string            `json:"firstName"`
	LastName       string            `json:"lastName"`
	DateOfBirth    string            `json:"dateOfBirth"`
	Gender         string            `json:"gender"`
	Nationality    string            `json:"nationality"`
	DocumentNumber string            `json:"documentNumber"`
	ExpirationDate string            `json:"expirationDate"`
	IssuingCountry string            `json:"issuingCountry"`
	Address        string            `json:"address,omitempty"`
	MRZData        string            `json:"mrzData"`
	RawFields      map[string]string `json:"rawFields"`
	Confidence     float64           `json:"confidence"`
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// scanAnswer answers 200 with p's Scan Document shape. The document type is
// the MRZ's; without one, the type the request named (but auto).
func scanAnswer(w http.ResponseWriter, r *http.Request, up upload, p passport.Passport, _ timing) {
	sd := p.ScanDocument()
	out := scanResponse{
		DocumentType: str(sd.DocumentType), FullName: str(sd.FullName), FirstName: str(sd.FirstName),
		LastName: str(sd.LastName), DateOfBirth: str(sd.DateOfBirth), Gender: str(sd.Gender),
		Nationality: str(sd.Nationality), DocumentNumber: str(sd.DocumentNumber),
		ExpirationDate: str(sd.ExpirationDate), IssuingCountry: str(sd.IssuingCountry),
		Address: str(sd.Address), MRZData: str(sd.MRZData), RawFields: sd.RawFields, Confidence: sd.Confidence,
	}
	if out.DocumentType == "" && up.docType != "auto" {
		out.DocumentType = up.docType
	}
	if out.RawFields == nil {
		out.RawFields = map[string]string{}
	}
	writeJSON(w, http.StatusOK, out)
}
