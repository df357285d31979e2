module github.com/mrzkit/mrzkit

go 1.24

require github.com/biter777/countries v1.7.5

require golang.org/x/text v0.28.0
