package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "../../testdata/td3-specimen.mrz"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"api_request"`, `"name": "mindee/passport"`, `"documentType": "passport"`, `"lastName": "ERIKSSON"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %s", want)
		}
	}
}
