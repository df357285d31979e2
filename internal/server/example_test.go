package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/passport"
)

// A server with a reader that reads every image as the ICAO specimen,
// answering a Scan Document request.
func Example() {
	specimen := mrz.MustParse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10")
	reader := server.ReaderFunc(func(ctx context.Context, image []byte) (passport.Passport, error) {
		return passport.FromMRZ(specimen), nil
	})
	keys, _ := server.NewKeys("my-key")
	s, err := server.New(server.Config{Reader: reader, Keys: keys})
	if err != nil {
		fmt.Println(err)
		return
	}
	req := httptest.NewRequest("POST", server.ScanPath, strings.NewReader(`{"image":"iVBORw0KGgo="}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-api-key", "my-key")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	var answer map[string]any
	json.Unmarshal(w.Body.Bytes(), &answer)
	fmt.Println(w.Code, answer["documentType"], answer["documentNumber"], answer["lastName"], answer["dateOfBirth"])
	// Output: 200 passport L898902C3 ERIKSSON 1974-08-12
}
