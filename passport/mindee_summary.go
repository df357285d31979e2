package passport

import (
	"fmt"
	"strings"
)

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
