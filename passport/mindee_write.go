package passport

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mrzkit/mrzkit/field"
)

// mindeeFeatures returns the features of passport v1, in Mindee's order: a
// new slice each time, since every response owns its own.
func mindeeFeatures() []string {
	return []string{"country", "id_number", "given_names", "surname", "birth_date", "birth_place",
		"gender", "issuance_date", "expiry_date", "orientation", "mrz1", "mrz2"}
}

// Mindee returns p as a whole Mindee passport v1 response of one page (a
// new one each call, sharing nothing with any other): the
// document-level prediction with page_id 0 for the fields that have a value
// (null otherwise), and the page prediction without page_id. The document
// id is derived from the content, so that the same passport always gives
// the same response; timestamps are left empty.
func (p Passport) Mindee() *MindeeResponse {
	docPred := MindeePrediction{
		BirthDate: pageOf(p.BirthDate), BirthPlace: pageOf(p.BirthPlace), Country: pageOf(p.Country),
		ExpiryDate: pageOf(p.ExpiryDate), Gender: pageOf(p.Gender), IDNumber: pageOf(p.IDNumber),
		IssuanceDate: pageOf(p.IssuanceDate), MRZ1: pageOf(p.MRZ1), MRZ2: pageOf(p.MRZ2), Surname: pageOf(p.Surname),
	}
	for _, g := range p.GivenNames {
		docPred.GivenNames = append(docPred.GivenNames, pageOf(g))
	}
	pagePred := MindeePrediction{
		BirthDate: noPage(p.BirthDate), BirthPlace: noPage(p.BirthPlace), Country: noPage(p.Country),
		ExpiryDate: noPage(p.ExpiryDate), Gender: noPage(p.Gender), IDNumber: noPage(p.IDNumber),
		IssuanceDate: noPage(p.IssuanceDate), MRZ1: noPage(p.MRZ1), MRZ2: noPage(p.MRZ2), Surname: noPage(p.Surname),
	}
	for _, g := range p.GivenNames {
		pagePred.GivenNames = append(pagePred.GivenNames, noPage(g))
	}
	page := MindeePage{Extras: json.RawMessage("{}"), ID: 0, Prediction: pagePred}
	if p.Orientation.Known {
		d := p.Orientation.Degrees
		page.Orientation.Value = &d
		page.Prediction.Orientation = &MindeeOrientation{Confidence: p.Orientation.Confidence, Degrees: &d}
	}
	sum := sha1.Sum([]byte(p.mindeeKey()))
	sum[6] = sum[6]&0x0f | 0x50 // version 5 (name-based, SHA-1)
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	id := fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
	return &MindeeResponse{
		APIRequest: MindeeAPIRequest{Error: json.RawMessage("{}"), Resources: []string{"document"}, Status: "success",
			StatusCode: 201, URL: "https://api.mindee.net/v1/products/mindee/passport/v1/predict"},
		Document: &MindeeDocument{
			Annotations: json.RawMessage(`{"labels":[]}`),
			ID:          id,
			NPages:      1,
			Name:        "document",
			OCR:         json.RawMessage("{}"),
			Inference: MindeeInference{
				Extras:     json.RawMessage("{}"),
				Pages:      []MindeePage{page},
				Prediction: docPred,
				Product:    MindeeProduct{Features: mindeeFeatures(), Name: "mindee/passport", Type: "standard", Version: "1.0"},
			},
		},
	}
}

// mindeeKey is the text the Mindee document id is derived from: the MRZ
// lines and the main printed fields.
func (p Passport) mindeeKey() string {
	return strings.Join([]string{p.MRZ1.Value, p.MRZ2.Value, p.IDNumber.Value, p.Surname.Value, p.GivenNamesText(),
		p.BirthDate.Value.String(), p.ExpiryDate.Value.String()}, "\n")
}

func noPage[T field.Value](f field.Field[T]) field.Field[T] { f.Page = field.Page{}; return f }

func pageOf[T field.Value](f field.Field[T]) field.Field[T] {
	f.Page = field.NullPage()
	if !f.IsZero() {
		f.Page = field.PageNumber(0)
	}
	return f
}
