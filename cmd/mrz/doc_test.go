package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/field"
	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr"
	"github.com/mrzkit/mrzkit/passport"
)

// TestReadmeCommands keeps the first two commands of the README true: they
// name the shipped sample and the test command.
func TestReadmeCommands(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var cmds []string
	for _, l := range lines[:10] {
		if strings.HasPrefix(l, "go ") {
			cmds = append(cmds, l)
		}
	}
	if len(cmds) != 2 || !strings.HasPrefix(cmds[0], "go run ./cmd/mrz read testdata/ocr/td3-turned.png") || !strings.HasPrefix(cmds[1], "go test ./...") {
		t.Fatalf("README's first commands changed: %q", cmds)
	}
	if code, _, errs := runCmd(t, "", "read", "../../testdata/ocr/td3-turned.png"); code != 0 {
		t.Fatalf("the README's sample is not read: %d %s", code, errs)
	}
}

// readmeBlocks returns the fenced blocks of the README in a language.
func readmeBlocks(t *testing.T, lang string) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, part := range strings.Split(string(b), "```"+lang+"\n")[1:] {
		block, _, _ := strings.Cut(part, "```")
		out = append(out, block)
	}
	return out
}

// TestReadmeRunsCommands runs every mrz command of the README's shell
// blocks (pipes and placeholders aside) from the module root: each names
// files that exist and exits 0 or 1.
func TestReadmeRunsCommands(t *testing.T) {
	var cmds [][]string
	for _, block := range readmeBlocks(t, "sh") {
		block = strings.ReplaceAll(block, "\\\n", " ")
		for _, line := range strings.Split(block, "\n") {
			line, _, _ = strings.Cut(line, " #")
			if !strings.HasPrefix(line, "mrz ") || strings.Contains(line, "|") {
				continue
			}
			var args []string
			for _, f := range strings.Fields(line)[1:] {
				args = append(args, strings.Trim(f, `"`))
			}
			cmds = append(cmds, args)
		}
	}
	if len(cmds) < 6 {
		t.Fatalf("only %d commands in the README", len(cmds))
	}
	t.Chdir("../..")
	for _, args := range cmds {
		if code, _, errs := runCmd(t, "", args...); code > exitInvalid {
			t.Errorf("README: mrz %s: exit %d %s", strings.Join(args, " "), code, errs)
		}
	}
}

// TestReadmeGoExamples: the README's first Go blocks are the bodies of
// Example_readmeParse and Example_readmeEncode below, which run and check
// their output, and of readmeRead, which TestReadmeRead runs.
func TestReadmeGoExamples(t *testing.T) {
	src, err := os.ReadFile("doc_test.go")
	if err != nil {
		t.Fatal(err)
	}
	blocks := readmeBlocks(t, "go")
	for i, name := range []string{"Example_readmeParse", "Example_readmeEncode", "readmeRead"} {
		_, body, _ := strings.Cut(string(src), "func "+name+"(")
		_, body, _ = strings.Cut(body, "{\n")
		body, _, _ = strings.Cut(body, "\n}\n")
		body = strings.ReplaceAll(body, "\n\t", "\n")
		body = strings.TrimPrefix(body, "\t")
		body = strings.ReplaceAll(body, "// Output:\n// ", "// ")
		if i >= len(blocks) || strings.TrimSpace(blocks[i]) != strings.TrimSpace(body) {
			t.Errorf("README's Go block %d is not %s's body:\n%s\nwant:\n%s", i+1, name, blocks[min(i, len(blocks)-1)], body)
		}
	}
}

func Example_readmeParse() {
	d, err := mrz.Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" +
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10")
	var ve mrz.ValidationError
	switch {
	case errors.As(err, &ve): // well formed, but checks failed: d is the best-effort read
		for _, e := range ve {
			log.Printf("%s at %d:%d: %v", e.Field, e.Line, e.Column, e.Kind) // no holder data
		}
	case err != nil: // *mrz.SyntaxError: not an MRZ at all
		log.Fatal(err)
	}
	fmt.Println(d.Surname(), d.GivenNames(), d.BirthDate(), d.Nationality().Code())
	// Output:
	// ERIKSSON [ANNA MARIA] 1974-08-12 UTO
}

func Example_readmeEncode() {
	e, err := mrz.Encode(mrz.Fields{Format: mrz.TD3, IssuingState: "D", DocumentNumber: "C01X00T47",
		Nationality: "D", Surname: "Müller-Lüdenscheidt", GivenNames: []string{"Jürgen"},
		BirthDate: field.MustDate(1964, 8, 12), Sex: field.SexMale, ExpiryDate: field.MustDate(2027, 2, 28)})
	if err != nil {
		log.Fatal(err) // a *mrz.FieldError naming the field
	}
	fmt.Println(e)
	// Output:
	// P<D<<MUELLER<LUEDENSCHEIDT<<JUERGEN<<<<<<<<<
	// C01X00T478D<<6408125M2702283<<<<<<<<<<<<<<<4
}

// readmeRead is the README's example of reading an image.
func readmeRead(ctx context.Context, data []byte) (lines []string, valid bool, degrees int, p passport.Passport) {
	res, err := ocr.ReadBytes(ctx, data) // JPEG (EXIF orientation applied), PNG, GIF, TIFF, BMP, WebP
	if errors.Is(err, ocr.ErrNotFound) {
		return // no MRZ on the page: never a document
	} else if err != nil {
		log.Fatal(err) // not an image, unsupported (HEIC, PDF), truncated, over 15 MB or 50 megapixels
	}
	fmt.Println(res.Lines, res.IsValid(), res.Orientation.Degrees) // and a polygon and a confidence per character
	p = res.Passport()                                             // Mindee() and ScanDocument() with the image's polygons
	return res.Lines, res.IsValid(), res.Orientation.Degrees, p
}

func TestReadmeRead(t *testing.T) {
	data, err := os.ReadFile("../../testdata/ocr/td3-turned.png")
	if err != nil {
		t.Fatal(err)
	}
	lines, valid, degrees, p := readmeRead(context.Background(), data)
	if len(lines) != 2 || !valid || degrees != 270 || p.Surname.Value != "ERIKSSON" || len(p.Surname.Polygon) != 4 {
		t.Errorf("%q %v %d %+v", lines, valid, degrees, p.Surname)
	}
}
