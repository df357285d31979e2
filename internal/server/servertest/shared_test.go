package servertest

import (
	"errors"
	"testing"
)

func TestSharedImages(t *testing.T) {
	ims, err := SharedImages("../../../../shared/images")
	if errors.Is(err, ErrNoShared) {
		t.Skip("../shared/images is absent: skipping")
	}
	if err != nil {
		t.Fatal(err)
	}
	boxed := 0
	for _, im := range ims {
		if im.Polygons != nil {
			boxed++
			// A clean synthetic page: the boxes are ordered, inside the page,
			// and as many as the lines.
			for i, p := range im.Polygons {
				b := p.Bounds()
				if b.Left < 0 || b.Top < 0 || b.Left+b.Width > 1 || b.Top+b.Height > 1 || b.Width < 0.3 {
					t.Errorf("%s line %d: box %+v", im.Name, i+1, b)
				}
				if i > 0 && b.Top <= im.Polygons[i-1].Bounds().Top {
					t.Errorf("%s: lines out of order", im.Name)
				}
			}
		}
		p := im.Passport()
		if got := p.MRZLines(); len(got) != len(im.Lines) || got[0] != im.Lines[0] {
			t.Errorf("%s: passport lines %q, truth %q", im.Name, got, im.Lines)
		}
	}
	if len(ims) < 10 || boxed < 3 {
		t.Errorf("%d images, %d with boxes", len(ims), boxed)
	}
	f := TruthReader(ims)
	for _, im := range ims {
		p, err := f.Read(t.Context(), im.Bytes)
		if err != nil || p.MRZ1.Value != im.Lines[0] {
			t.Errorf("%s: %v %q", im.Name, err, p.MRZ1.Value)
		}
	}
}
