package jsonx

import "testing"

func TestMarshalKeepsFillers(t *testing.T) {
	b, err := Marshal(map[string]string{"mrz": "P<UTO<<A&B"})
	if err != nil || string(b) != `{"mrz":"P<UTO<<A&B"}` {
		t.Errorf("%s %v", b, err)
	}
	if _, err := Marshal(func() {}); err == nil {
		t.Error("a func marshaled")
	}
}
