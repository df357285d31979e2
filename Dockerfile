# mrz serve in a container: the Mindee passport v1 and Scan Document APIs.
#
#   docker build -t mrzkit .
#   docker run -p 8080:8080 -e MRZ_API_KEYS=change-me mrzkit
#
# Two stages: a static binary built with the Go toolchain (no cgo), then a
# distroless image with nothing but that binary, CA certificates and a
# non-root user. CI does not build it (no Docker engine runs there); see
# docs/serve.md.

FROM golang:1.24-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/mrz ./cmd/mrz

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/mrz /usr/local/bin/mrz
USER nonroot:nonroot
EXPOSE 8080
# Liveness: GET /healthz. Readiness (for a load balancer): GET /readyz.
ENTRYPOINT ["/usr/local/bin/mrz", "serve"]
CMD ["--addr", ":8080"]
