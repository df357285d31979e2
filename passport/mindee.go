package passport

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/internal/jsonx"
	"github.com/mrzkit/mrzkit/mrz"
)

// MindeeResponse is a whole response of Mindee's passport v1 API
// (products/mindee/passport/v1/predict). Reading one and writing it back
// gives the same JSON, but for keys this type does not know.
type MindeeResponse struct {
	APIRequest MindeeAPIRequest `json:"api_request"`
	Document   *MindeeDocument  `json:"document,omitempty"`

	opts []mrz.Option // given to ReadMindee, for Passport
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
// predictions leave page_id out and carry an orientation. Each field is
// written in Mindee's shape, {"confidence", "page_id", "polygon", "value"};
// given_names is read as a list of fields (passport v1) or as one field
// (newer products), and written as a list.
type MindeePrediction struct {
	BirthDate    field.Field[field.Date]
	BirthPlace   field.Field[string]
	Country      field.Field[field.Country]
	ExpiryDate   field.Field[field.Date]
	Gender       field.Field[field.Sex]
	GivenNames   []field.Field[string]
	IDNumber     field.Field[string]
	IssuanceDate field.Field[field.Date]
	MRZ1         field.Field[string]
	MRZ2         field.Field[string]
	Orientation  *MindeeOrientation
	Surname      field.Field[string]
}

// mindeeIn is a Mindee response as read: plain types but for literals, so
// that encoding/json reads it in one pass.
type mindeeIn struct {
	APIRequest *MindeeAPIRequest `json:"api_request"`
	Document   *mindeeDocumentIn `json:"document"`
	otherKeys
}

type mindeeDocumentIn struct {
	Annotations json.RawMessage   `json:"annotations"`
	ID          string            `json:"id"`
	Inference   mindeeInferenceIn `json:"inference"`
	NPages      int               `json:"n_pages"`
	Name        string            `json:"name"`
	OCR         json.RawMessage   `json:"ocr"`
}

type mindeeInferenceIn struct {
	Extras            json.RawMessage `json:"extras"`
	FinishedAt        string          `json:"finished_at"`
	IsRotationApplied *bool           `json:"is_rotation_applied"`
	Pages             []mindeePageIn  `json:"pages"`
	Prediction        predictionIn    `json:"prediction"`
	ProcessingTime    float64         `json:"processing_time"`
	Product           MindeeProduct   `json:"product"`
	StartedAt         string          `json:"started_at"`
}

type mindeePageIn struct {
	Extras      json.RawMessage       `json:"extras"`
	ID          int                   `json:"id"`
	Orientation MindeePageOrientation `json:"orientation"`
	Prediction  predictionIn          `json:"prediction"`
}

// predictionIn is a prediction as read.
type predictionIn struct {
	BirthDate    mindeeField        `json:"birth_date"`
	BirthPlace   mindeeField        `json:"birth_place"`
	Country      mindeeField        `json:"country"`
	ExpiryDate   mindeeField        `json:"expiry_date"`
	Gender       mindeeField        `json:"gender"`
	GivenNames   mindeeNames        `json:"given_names"`
	IDNumber     mindeeField        `json:"id_number"`
	IssuanceDate mindeeField        `json:"issuance_date"`
	MRZ1         mindeeField        `json:"mrz1"`
	MRZ2         mindeeField        `json:"mrz2"`
	Orientation  *MindeeOrientation `json:"orientation"`
	Surname      mindeeField        `json:"surname"`
}

// predictionOut is a prediction as written.
type predictionOut struct {
	BirthDate    mindeeFieldOut     `json:"birth_date"`
	BirthPlace   mindeeFieldOut     `json:"birth_place"`
	Country      mindeeFieldOut     `json:"country"`
	ExpiryDate   mindeeFieldOut     `json:"expiry_date"`
	Gender       mindeeFieldOut     `json:"gender"`
	GivenNames   []mindeeFieldOut   `json:"given_names"`
	IDNumber     mindeeFieldOut     `json:"id_number"`
	IssuanceDate mindeeFieldOut     `json:"issuance_date"`
	MRZ1         mindeeFieldOut     `json:"mrz1"`
	MRZ2         mindeeFieldOut     `json:"mrz2"`
	Orientation  *MindeeOrientation `json:"orientation,omitempty"`
	Surname      mindeeFieldOut     `json:"surname"`
}

// ReadMindee reads a Mindee passport v1 response. The options are those of
// [mrz.Parse] (a reference date, say), used by [MindeeResponse.Passport] to parse the MRZ
// lines. A response that reports an API error (no document) gives an error
// wrapping [ErrInput] that names the status code; input that is not a Mindee
// response, an error that says so (and what it looks like instead, when it
// is another vendor's shape).
func ReadMindee(b []byte, opts ...mrz.Option) (*MindeeResponse, error) {
	if err := checkInput(b); err != nil {
		return nil, err
	}
	var in mindeeIn
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, jsonError(err)
	}
	if in.Document == nil {
		if in.APIRequest != nil {
			return nil, fmt.Errorf("%w: Mindee API error (%s)", ErrInput, statusText(in.APIRequest.StatusCode))
		}
		return nil, notShape("a Mindee response", "no document", in.otherKeys, SourceMindee)
	}
	r, err := in.response()
	if err != nil {
		return nil, err
	}
	r.opts = slices.Clone(opts)
	return r, nil
}

// statusText describes an HTTP status code of a response; a number that is
// not one is not repeated.
func statusText(code int) string {
	if code >= 100 && code <= 599 {
		return "status_code " + strconv.Itoa(code)
	}
	return "no valid status_code"
}

// UnmarshalJSON reads a Mindee response (see [ReadMindee], which also
// refuses input that is not one).
func (r *MindeeResponse) UnmarshalJSON(b []byte) error {
	var in mindeeIn
	if err := json.Unmarshal(b, &in); err != nil {
		return jsonError(err)
	}
	out, err := in.response()
	if err != nil {
		return err
	}
	*r = *out
	return nil
}

// response converts the response as read.
func (in *mindeeIn) response() (*MindeeResponse, error) {
	r := &MindeeResponse{}
	if in.APIRequest != nil {
		r.APIRequest = *in.APIRequest
	}
	if in.Document == nil {
		return r, nil
	}
	d, inf := in.Document, &in.Document.Inference
	doc := &MindeeDocument{Annotations: d.Annotations, ID: d.ID, NPages: d.NPages, Name: d.Name, OCR: d.OCR,
		Inference: MindeeInference{Extras: inf.Extras, FinishedAt: inf.FinishedAt, IsRotationApplied: inf.IsRotationApplied,
			ProcessingTime: inf.ProcessingTime, Product: inf.Product, StartedAt: inf.StartedAt}}
	var err error
	if doc.Inference.Prediction, err = inf.Prediction.prediction("document.inference.prediction"); err != nil {
		return nil, err
	}
	if inf.Pages != nil {
		doc.Inference.Pages = make([]MindeePage, len(inf.Pages))
	}
	for i := range inf.Pages {
		pg := &inf.Pages[i]
		out := &doc.Inference.Pages[i]
		out.Extras, out.ID, out.Orientation = pg.Extras, pg.ID, pg.Orientation
		if out.Prediction, err = pg.Prediction.prediction("document.inference.pages[" + strconv.Itoa(i) + "].prediction"); err != nil {
			return nil, err
		}
	}
	r.Document = doc
	return r, nil
}

// prediction converts a prediction as read; where is its JSON path.
func (in *predictionIn) prediction(where string) (MindeePrediction, error) {
	c := converter{where: where}
	p := MindeePrediction{
		BirthDate:    convert[field.Date](&c, &in.BirthDate, "birth_date"),
		BirthPlace:   convert[string](&c, &in.BirthPlace, "birth_place"),
		Country:      convert[field.Country](&c, &in.Country, "country"),
		ExpiryDate:   convert[field.Date](&c, &in.ExpiryDate, "expiry_date"),
		Gender:       convert[field.Sex](&c, &in.Gender, "gender"),
		IDNumber:     convert[string](&c, &in.IDNumber, "id_number"),
		IssuanceDate: convert[field.Date](&c, &in.IssuanceDate, "issuance_date"),
		MRZ1:         convert[string](&c, &in.MRZ1, "mrz1"),
		MRZ2:         convert[string](&c, &in.MRZ2, "mrz2"),
		Orientation:  in.Orientation,
		Surname:      convert[string](&c, &in.Surname, "surname"),
	}
	if c.err != nil {
		return MindeePrediction{}, c.err
	}
	names, err := namesOf(in.GivenNames, where, "given_names")
	if err != nil {
		return MindeePrediction{}, err
	}
	p.GivenNames = names
	return p, nil
}

// converter converts fields as read and keeps the first error.
type converter struct {
	where string
	err   error
}

func convert[T field.Value](c *converter, m *mindeeField, name string) field.Field[T] {
	if c.err != nil {
		return field.Field[T]{}
	}
	f, err := fieldOf[T](m, c.where, name)
	c.err = err
	return f
}

// out returns the prediction as written.
func (m MindeePrediction) out() predictionOut {
	return predictionOut{
		BirthDate: outField(m.BirthDate), BirthPlace: outField(m.BirthPlace), Country: outField(m.Country),
		ExpiryDate: outField(m.ExpiryDate), Gender: outField(m.Gender), GivenNames: outNames(m.GivenNames),
		IDNumber: outField(m.IDNumber), IssuanceDate: outField(m.IssuanceDate), MRZ1: outField(m.MRZ1),
		MRZ2: outField(m.MRZ2), Orientation: m.Orientation, Surname: outField(m.Surname),
	}
}

// MarshalJSON writes the prediction in Mindee's shape.
func (m MindeePrediction) MarshalJSON() ([]byte, error) { return jsonx.Marshal(m.out()) }

// UnmarshalJSON reads a prediction in Mindee's shape.
func (m *MindeePrediction) UnmarshalJSON(b []byte) error {
	var in predictionIn
	if err := json.Unmarshal(b, &in); err != nil {
		return jsonError(err)
	}
	p, err := in.prediction("prediction")
	if err != nil {
		return err
	}
	*m = p
	return nil
}

// MarshalJSON writes the response without HTML escaping.
func (r *MindeeResponse) MarshalJSON() ([]byte, error) {
	type plain MindeeResponse
	return jsonx.Marshal((*plain)(r))
}

// Passport returns the document-level prediction as a Passport, with the
// orientation of the first page and the MRZ parsed from mrz1 and mrz2 with
// the options given to [ReadMindee].
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
	p.GivenNames = slices.Clone(pr.GivenNames)
	if len(inf.Pages) > 0 {
		pg := inf.Pages[0]
		if o := pg.Prediction.Orientation; o != nil && o.Degrees != nil {
			p.Orientation, _ = field.NewOrientation(*o.Degrees, o.Confidence)
		} else if pg.Orientation.Value != nil {
			p.Orientation, _ = field.NewOrientation(*pg.Orientation.Value, 0)
		}
	}
	p.parseMRZ(r.opts...)
	if p.HasMRZ() {
		if t := documentType(p.MRZ.Kind()); t != "" {
			p.DocumentType = field.Field[string]{Value: t, Confidence: p.MRZ1.Confidence}
		}
	}
	return p
}
