package ocr_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"

	"github.com/mrzkit/mrzkit/ocr"
)

func ExampleDecode() {
	// Any image file's bytes: here a PNG made on the spot.
	src := image.NewNRGBA(image.Rect(0, 0, 300, 200))
	draw.Draw(src, src.Bounds(), image.NewUniform(color.NRGBA{240, 240, 230, 255}), image.Point{}, draw.Src)
	src.Set(10, 20, color.NRGBA{200, 30, 30, 255})
	var file bytes.Buffer
	if err := png.Encode(&file, src); err != nil {
		log.Fatal(err)
	}

	img, format, err := ocr.Decode(file.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(format, img.Bounds())

	// Its luminance, for reading.
	g := ocr.Gray(img)
	fmt.Println(g.GrayAt(10, 20).Y, g.GrayAt(0, 0).Y)
	// Output:
	// png (0,0)-(300,200)
	// 81 239
}

func ExampleDecode_errors() {
	for _, data := range [][]byte{
		[]byte("%PDF-1.7\n..."),
		[]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"),
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x02\x00\x00\x00\x00\x00\x00\x00"),
		[]byte("P<UTOERIKSSON<<ANNA<MARIA"),
	} {
		_, _, err := ocr.Decode(data)
		var fe *ocr.FormatError
		if errors.As(err, &fe) {
			fmt.Printf("%q: %v (too large: %v)\n", fe.Format, err, errors.Is(err, ocr.ErrTooLarge))
		}
	}
	// Output:
	// "pdf": ocr: PDF documents are not supported: send an image of the page (JPEG, PNG, ...) (too large: false)
	// "heic": ocr: HEIC images are not supported (too large: false)
	// "png": ocr: PNG image of 100000x100000 pixels exceeds 50 megapixels (too large: true)
	// "": ocr: not an image in a supported format (JPEG, PNG, GIF, TIFF, BMP, WebP) (too large: false)
}

func ExampleGray() {
	// A translucent black pixel on a transparent image: Gray lays the image
	// on white, as on paper.
	m := image.NewNRGBA(image.Rect(0, 0, 2, 1))
	m.Set(0, 0, color.NRGBA{0, 0, 0, 128})
	g := ocr.Gray(m)
	fmt.Println(g.Pix)
	// Output: [127 255]
}
