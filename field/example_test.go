package field_test

import (
	"fmt"

	"github.com/mrzkit/mrzkit/field"
)

func ExampleLookupCountry() {
	c, ok := field.LookupCountry("D<<")
	fmt.Println(ok, c.Code(), c.Alpha3(), c.Alpha2(), c.Name())
	u, _ := field.LookupCountry("XXA")
	fmt.Printf("%s %q %s\n", u.Code(), u.Alpha3(), u.Name())
	// Output:
	// true D DEU DE Germany
	// XXA "" Stateless person
}

func ExampleParseDate() {
	d, _ := field.ParseDate("1974-08-12")
	fmt.Println(d.Year(), d.Month(), d.Day())
	p, _ := field.ParseDate("1974-XX-XX")
	fmt.Println(p.IsPartial(), p.Month() == 0)
	// Output:
	// 1974 August 12
	// true true
}

func ExampleCountry_Code() {
	for _, code := range []string{"UTO", "D", "GBR"} {
		c := field.MustParseCountry(code)
		fmt.Printf("%s %q %s\n", c.Code(), c.Alpha3(), c.ISOCode())
	}
	// Output:
	// UTO "" UTO
	// D "DEU" DEU
	// GBR "GBR" GBR
}
