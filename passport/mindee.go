package passport

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/internal/jsonx"
)

// MindeeResponse is a whole response of Mindee's passport v1 API
// (products/mindee/passport/v1/predict). Reading one and writing it back
// gives the same JSON, but for keys this type does not know.
type MindeeResponse struct {
	APIRequest MindeeAPIRequest `json:"api_request"`
	Document   *MindeeDocument  `json:"document,omitempty"`
}

// MindeeAPIRequest is the api_request object.
type MindeeAPIRequest struct {
	Error      json.RawMessage `json:"error"`
	Resources  []string        `json:"resources"`
	Status     string          `json:"status"`
	StatusCode int             `json:"status_code"`
	URL        string          `json:"url"`
}

// MindeeDocument is the document object.
type MindeeDocument struct {
	Annotations json.RawMessage `json:"annotations,omitempty"`
	ID          string          `json:"id"`
	Inference   MindeeInference `json:"inference"`
	NPages      int             `json:"n_pages"`
	Name        string          `json:"name"`
	OCR         json.RawMessage `json:"ocr,omitempty"`
}

// MindeeInference is the inference object.
type MindeeInference struct {
	Extras            json.RawMessage  `json:"extras,omitempty"`
	FinishedAt        string           `json:"finished_at"`
	IsRotationApplied *bool            `json:"is_rotation_applied,omitempty"`
	Pages             []MindeePage     `json:"pages"`
	Prediction        MindeePrediction `json:"prediction"`
	ProcessingTime    float64          `json:"processing_time"`
	Product           MindeeProduct    `json:"product"`
	StartedAt         string           `json:"started_at"`
}

// MindeeProduct names the product that made the inference.
type MindeeProduct struct {
	Features []string `json:"features,omitempty"`
	Name     string   `json:"name"`
	Type     string   `json:"type,omitempty"`
	Version  string   `json:"version"`
}

// MindeePage is one page of the inference.
type MindeePage struct {
	Extras      json.RawMessage       `json:"extras,omitempty"`
	ID          int                   `json:"id"`
	Orientation MindeePageOrientation `json:"orientation"`
	Prediction  MindeePrediction      `json:"prediction"`
}

// MindeePageOrientation is a page's {"value": degrees or null}.
type MindeePageOrientation struct {
	Value *int `json:"value"`
}

// MindeeOrientation is the orientation field of a page prediction.
type MindeeOrientation struct {
	Confidence field.Confidence `json:"confidence"`
	Degrees    *int             `json:"degrees"`
}

// MindeePrediction holds the fields of a passport v1 prediction. Page
// predictions leave page_id out and carry an orientation.
type MindeePrediction struct {
	BirthDate    field.Field[field.Date]    `json:"birth_date"`
	BirthPlace   field.Field[string]        `json:"birth_place"`
	Country      field.Field[field.Country] `json:"country"`
	ExpiryDate   field.Field[field.Date]    `json:"expiry_date"`
	Gender       field.Field[field.Sex]     `json:"gender"`
	GivenNames   mindeeNames                `json:"given_names"`
	IDNumber     field.Field[string]        `json:"id_number"`
	IssuanceDate field.Field[field.Date]    `json:"issuance_date"`
	MRZ1         field.Field[string]        `json:"mrz1"`
	MRZ2         field.Field[string]        `json:"mrz2"`
	Orientation  *MindeeOrientation         `json:"orientation,omitempty"`
	Surname      field.Field[string]        `json:"surname"`
}

// mindeeNames reads given_names as a list of fields (passport v1) or as one
// field (newer products), and writes a list.
type mindeeNames []field.Field[string]

func (n *mindeeNames) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) {
		var one field.Field[string]
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*n = mindeeNames{one}
		return nil
	}
	var list []field.Field[string]
	if err := json.Unmarshal(b, &list); err != nil {
		return err
	}
	*n = list
	return nil
}

func (n mindeeNames) MarshalJSON() ([]byte, error) {
	if n == nil {
		return []byte("[]"), nil
	}
	return jsonx.Marshal([]field.Field[string](n))
}

// ReadMindee reads a Mindee passport v1 response. A response that reports
// an API error (no document) gives an error wrapping ErrInput that names the
// status code.
func ReadMindee(b []byte) (*MindeeResponse, error) {
	if err := checkSize(b); err != nil {
		return nil, err
	}
	var r MindeeResponse
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, jsonError(err)
	}
	if r.Document == nil {
		if r.APIRequest.Status != "" || r.APIRequest.StatusCode != 0 {
			return nil, fmt.Errorf("%w: Mindee API error (status %q, status_code %d)", ErrInput, r.APIRequest.Status, r.APIRequest.StatusCode)
		}
		return nil, fmt.Errorf("%w: not a Mindee response (no document)", ErrInput)
	}
	return &r, nil
}

// MarshalJSON writes the response without HTML escaping.
func (r *MindeeResponse) MarshalJSON() ([]byte, error) {
	type plain MindeeResponse
	return jsonx.Marshal((*plain)(r))
}

// Passport returns the document-level prediction as a Passport, with the
// orientation of the first page and the MRZ parsed from mrz1 and mrz2.
func (r *MindeeResponse) Passport() Passport {
	p := Passport{Source: SourceMindee}
	if r == nil || r.Document == nil {
		return p
	}
	inf := r.Document.Inference
	pr := inf.Prediction
	p.BirthDate, p.BirthPlace, p.Country, p.ExpiryDate = pr.BirthDate, pr.BirthPlace, pr.Country, pr.ExpiryDate
	p.Gender, p.IDNumber, p.IssuanceDate = pr.Gender, pr.IDNumber, pr.IssuanceDate
	p.MRZ1, p.MRZ2, p.Surname = pr.MRZ1, pr.MRZ2, pr.Surname
	p.GivenNames = append([]field.Field[string](nil), pr.GivenNames...)
	if len(inf.Pages) > 0 {
		pg := inf.Pages[0]
		if o := pg.Prediction.Orientation; o != nil && o.Degrees != nil {
			p.Orientation, _ = field.NewOrientation(*o.Degrees, o.Confidence)
		} else if pg.Orientation.Value != nil {
			p.Orientation, _ = field.NewOrientation(*pg.Orientation.Value, 0)
		}
	}
	p.parseMRZ()
	if p.HasMRZ() {
		if t := documentType(p.MRZ.Kind()); t != "" {
			p.DocumentType = field.Field[string]{Value: t, Confidence: p.MRZ1.Confidence}
		}
	}
	return p
}

// mindeeFeatures are the features of passport v1, in Mindee's order.
var mindeeFeatures = []string{"country", "id_number", "given_names", "surname", "birth_date", "birth_place",
	"gender", "issuance_date", "expiry_date", "orientation", "mrz1", "mrz2"}

// Mindee returns p as a whole Mindee passport v1 response of one page: the
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
				Product:    MindeeProduct{Features: mindeeFeatures, Name: "mindee/passport", Type: "standard", Version: "1.0"},
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

// String returns the text summary the Mindee SDK prints for the document
// (reStructuredText), ending with a newline.
func (r *MindeeResponse) String() string {
	if r == nil || r.Document == nil {
		return ""
	}
	d := r.Document
	rot := "No"
	if d.Inference.IsRotationApplied != nil && *d.Inference.IsRotationApplied {
		rot = "Yes"
	}
	var b strings.Builder
	b.WriteString("########\nDocument\n########\n")
	fmt.Fprintf(&b, ":Mindee ID: %s\n:Filename: %s\n\n", d.ID, d.Name)
	b.WriteString("Inference\n#########\n")
	fmt.Fprintf(&b, ":Product: %s v%s\n:Rotation applied: %s\n\n", d.Inference.Product.Name, d.Inference.Product.Version, rot)
	b.WriteString("Prediction\n==========\n")
	b.WriteString(d.Inference.Prediction.summary())
	if len(d.Inference.Pages) > 0 {
		b.WriteString("\nPage Predictions\n================\n\n")
		for i := range d.Inference.Pages {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(r.PageSummary(i))
		}
	}
	return b.String()
}

// PageSummary returns the SDK's text summary of page i, ending with a
// newline, or "" when there is no such page.
func (r *MindeeResponse) PageSummary(i int) string {
	if r == nil || r.Document == nil || i < 0 || i >= len(r.Document.Inference.Pages) {
		return ""
	}
	pg := r.Document.Inference.Pages[i]
	title := fmt.Sprintf("Page %d", pg.ID)
	return title + "\n" + strings.Repeat("-", len(title)) + "\n" + pg.Prediction.summary()
}

// summary writes the field lines of a prediction as the SDK does.
func (m MindeePrediction) summary() string {
	var names []string
	for _, g := range m.GivenNames {
		names = append(names, g.Value)
	}
	lines := [][2]string{
		{"Country Code", m.Country.Value.Code()},
		{"ID Number", m.IDNumber.Value},
		{"Given Name(s)", strings.Join(names, "\n"+strings.Repeat(" ", 16))},
		{"Surname", m.Surname.Value},
		{"Date of Birth", m.BirthDate.Value.String()},
		{"Place of Birth", m.BirthPlace.Value},
		{"Gender", m.Gender.Value.String()},
		{"Date of Issue", m.IssuanceDate.Value.String()},
		{"Expiry Date", m.ExpiryDate.Value.String()},
		{"MRZ Line 1", m.MRZ1.Value},
		{"MRZ Line 2", m.MRZ2.Value},
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimRight(":"+l[0]+": "+l[1], " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// String returns the Mindee SDK's text summary of p, as its Mindee response
// prints it (see MindeeResponse.String).
func (p Passport) String() string { return p.Mindee().String() }
