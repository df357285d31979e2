package passport

import "fmt"

// otherKeys records top-level keys of the shapes a reader does not read,
// so that it can say what its input looks like when it is not what it
// reads. Only presence is kept; the values are skipped.
type otherKeys struct {
	MindeeAPIRequest  seen `json:"api_request"`
	MindeeDocument    seen `json:"document"`
	IdentityDocuments seen `json:"IdentityDocuments"`
	DocumentMetadata  seen `json:"DocumentMetadata"`
	ScanDocumentType  seen `json:"documentType"`
	ScanMRZData       seen `json:"mrzData"`
	ScanRawFields     seen `json:"rawFields"`
	ScanFullName      seen `json:"fullName"`
}

// seen is a key that was present; its value is not read.
type seen bool

// UnmarshalJSON records the key and ignores its value.
func (s *seen) UnmarshalJSON([]byte) error { *s = true; return nil }

// looksLike names the shape the keys belong to, other than skip's, or "".
func (k otherKeys) looksLike(skip Source) string {
	switch {
	case skip != SourceMindee && bool(k.MindeeAPIRequest || k.MindeeDocument):
		return "a Mindee response (read it as mindee)"
	case skip != SourceTextract && bool(k.IdentityDocuments || k.DocumentMetadata):
		return "an AWS Textract AnalyzeID response (read it as textract)"
	case skip != SourceScanDocument && bool(k.ScanDocumentType || k.ScanMRZData || k.ScanRawFields || k.ScanFullName):
		return "a Scan Document (read it as scan-document)"
	}
	return ""
}

// notShape is the error for input that is not the shape a reader reads:
// what is missing, and what the input looks like when it is another known
// shape.
func notShape(shape, missing string, k otherKeys, reader Source) error {
	if like := k.looksLike(reader); like != "" {
		return fmt.Errorf("%w: not %s: it looks like %s", ErrInput, shape, like)
	}
	return fmt.Errorf("%w: not %s (%s)", ErrInput, shape, missing)
}
