package ocr_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr"
)

// ExampleReadBytes reads the MRZ of a photo of a passport data page lying
// on its side.
func ExampleReadBytes() {
	data, err := os.ReadFile("../testdata/ocr/td3-turned.png")
	if err != nil {
		log.Fatal(err)
	}
	ref, _ := field.NewDate(2010, 1, 1)
	res, err := ocr.ReadBytes(context.Background(), data, ocr.WithMRZOptions(mrz.WithReferenceDate(ref)))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Join(res.Lines, "\n"))
	fmt.Println("valid:", res.IsValid())
	fmt.Println("format:", res.Document.Format(), "surname:", res.Document.Surname())
	fmt.Printf("turn %d° clockwise to read it\n", res.Orientation.Degrees)
	// Output:
	// P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
	// L898902C36UTO7408122F1204159ZE184226B<<<<<10
	// valid: true
	// format: TD3 surname: ERIKSSON
	// turn 270° clockwise to read it
}

// ExampleResult_chars prints where the document number stands on the image,
// in normalized coordinates, and how sure each of its characters is.
func ExampleResult_chars() {
	data, err := os.ReadFile("../testdata/ocr/td3-turned.png")
	if err != nil {
		log.Fatal(err)
	}
	res, err := ocr.ReadBytes(context.Background(), data)
	if err != nil {
		log.Fatal(err)
	}
	line, col, n, _ := res.Document.Position("document_number")
	var number []byte
	sure := true
	for _, c := range res.Chars[line-1][col-1 : col-1+n] {
		number = append(number, c.Value)
		sure = sure && c.Confidence > 0.9
	}
	fmt.Printf("document number %s, every character above 0.9: %v\n", number, sure)
	// The page is turned: the top left corner of the first character, as
	// it reads, lies at its top right on the image.
	p := res.Chars[line-1][col-1].Polygon
	fmt.Printf("top left (%.2f, %.2f), top right (%.2f, %.2f)\n", p[0].X, p[0].Y, p[1].X, p[1].Y)
	// Output:
	// document number L898902C3, every character above 0.9: true
	// top left (0.12, 0.11), top right (0.12, 0.13)
}

// ExampleRead_notFound shows the answer for an image without an MRZ.
func ExampleRead_notFound() {
	_, err := ocr.ReadBytes(context.Background(), blankPNG())
	fmt.Println(err)
	// Output:
	// ocr: no MRZ found
}

// ExampleResult_Passport turns a reading into the Mindee passport v1 shape,
// with the polygons and confidences the image gives.
func ExampleResult_Passport() {
	data, err := os.ReadFile("../testdata/ocr/td3-turned.png")
	if err != nil {
		log.Fatal(err)
	}
	ref, _ := field.NewDate(2010, 1, 1)
	res, err := ocr.ReadBytes(context.Background(), data, ocr.WithMRZOptions(mrz.WithReferenceDate(ref)))
	if err != nil {
		log.Fatal(err)
	}
	p := res.Passport()
	fmt.Println(p.Surname.Value, p.BirthDate.Value, p.Orientation.Degrees)
	fmt.Println("birth date confidence above 0.99:", p.BirthDate.Confidence > 0.99)
	fmt.Println("document number polygon corners:", len(p.IDNumber.Polygon))
	// Output:
	// ERIKSSON 1974-08-12 270
	// birth date confidence above 0.99: true
	// document number polygon corners: 4
}
