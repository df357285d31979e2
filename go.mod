module github.com/mrzkit/mrzkit

go 1.24.0

require github.com/biter777/countries v1.7.5

require golang.org/x/text v0.34.0

require golang.org/x/image v0.36.0
