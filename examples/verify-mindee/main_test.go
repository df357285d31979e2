package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "../../testdata/passport/mindee_eriksson_mismatch.json", field.MustDate(2010, 1, 1)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"given_names  mismatch", "gender       mismatch", "id_number    missing"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %q in\n%s", want, b.String())
		}
	}
}
