package mrz_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

// knownFields are every FieldName a CheckError of Parse may carry.
var knownFields = map[mrz.FieldName]bool{
	mrz.FieldDocumentCode: true, mrz.FieldIssuingState: true, mrz.FieldDocumentNumber: true,
	mrz.FieldNationality: true, mrz.FieldBirthDate: true, mrz.FieldSex: true, mrz.FieldExpiryDate: true,
	mrz.FieldOptionalData: true, mrz.FieldOptionalData2: true, mrz.FieldHolderName: true,
	mrz.FieldIssueDate: true, mrz.FieldLanguage: true, mrz.FieldPIN: true, mrz.FieldVersion: true,
	mrz.FieldBSN: true, mrz.FieldComposite: true, mrz.FieldFiller: true,
}

// TestFieldNames checks that the errors of every golden name their field
// with one of the FieldName constants, whose strings are those of the JSON.
func TestFieldNames(t *testing.T) {
	files, _ := filepath.Glob("../testdata/mrz/*.mrz")
	n := 0
	for _, in := range files {
		src, _ := os.ReadFile(in)
		d, _ := mrz.Parse(string(src), goldenRef)
		for _, e := range d.Errors() {
			n++
			if !knownFields[e.Field] {
				t.Errorf("%s: field %q is not a FieldName constant", filepath.Base(in), e.Field)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d errors in the goldens", n)
	}
	for name, want := range map[mrz.FieldName]string{
		mrz.FieldBirthDate: "birth_date", mrz.FieldHolderName: "name", mrz.FieldComposite: "composite",
		mrz.FieldOptionalData2: "optional_data_2", mrz.FieldBSN: "bsn",
	} {
		if name.String() != want {
			t.Errorf("%s: %q", want, name)
		}
	}
	d := mrz.MustParse(td3, ref2026)
	for _, tt := range []struct {
		name         mrz.FieldName
		line, col, n int
	}{
		{mrz.FieldDocumentCode, 1, 1, 2}, {mrz.FieldIssuingState, 1, 3, 3}, {mrz.FieldHolderName, 1, 6, 39},
		{mrz.FieldDocumentNumber, 2, 1, 9}, {mrz.FieldNationality, 2, 11, 3}, {mrz.FieldBirthDate, 2, 14, 6},
		{mrz.FieldSex, 2, 21, 1}, {mrz.FieldExpiryDate, 2, 22, 6}, {mrz.FieldOptionalData, 2, 29, 14},
	} {
		if l, c, n, ok := d.Position(tt.name); !ok || l != tt.line || c != tt.col || n != tt.n {
			t.Errorf("Position(%s) = %d, %d, %d, %v", tt.name, l, c, n, ok)
		}
	}
	for _, name := range []mrz.FieldName{mrz.FieldGivenNames, mrz.FieldOptionalData2, mrz.FieldIssueDate, "no_such_field"} {
		if _, _, _, ok := d.Position(name); ok {
			t.Errorf("TD3 has a position for %s", name)
		}
	}
}

func ExampleFieldName() {
	d, err := mrz.Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10")
	fmt.Println(err)
	line, col, n, _ := d.Position(mrz.FieldBirthDate)
	fmt.Println(line, col, n)

	_, err = mrz.Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204158ZE184226B<<<<<10")
	var ce *mrz.CheckError
	if errors.As(err, &ce) && ce.Field == mrz.FieldExpiryDate {
		fmt.Println("expiry date check digit at column", ce.Column)
	}
	// Output:
	// <nil>
	// 2 14 6
	// expiry date check digit at column 28
}
