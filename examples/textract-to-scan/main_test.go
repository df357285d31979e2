package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "../../testdata/passport/textract_eriksson.json"); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&b)
	var names []string
	for dec.More() {
		var s struct{ LastName, IssuingCountry string }
		if err := dec.Decode(&s); err != nil {
			t.Fatal(err)
		}
		names = append(names, s.LastName+"/"+s.IssuingCountry)
	}
	if len(names) != 2 || names[0] != "ERIKSSON/UTO" || names[1] != "STEVENSON/UTO" {
		t.Errorf("%v", names)
	}
}
