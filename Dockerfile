# tollgate's container image: a static binary on an empty base, running as
# a non-root user. Build: docker build -t tollgate .
# Run:   docker run --rm -v "$PWD:/src:ro" tollgate scan /src
#
# The build stage is pinned by digest (golang:1.26.8-bookworm); update the tag
# and digest together.
FROM golang:1.26.8-bookworm@sha256:dc9ad6c05acc7a88e5b71bde60a5fe3bd4b9f0db209011711b464107438a8107 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# tollgate-render (Helm and Kustomize rendering) sits beside tollgate,
# where tollgate looks for it.
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/ ./cmd/tollgate ./cmd/tollgate-render \
 && mkdir -p /out/tmp /out/home \
 && chown 65532:65532 /out/tmp /out/home

# The final image holds the two binaries, CA certificates (for the OSV API and
# `tollgate db update`) and writable /tmp and $HOME for the database cache.
FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/tollgate /tollgate
COPY --from=build /out/tollgate-render /tollgate-render
COPY --from=build /out/tmp /tmp
COPY --from=build /out/home /home/tollgate
ENV HOME=/home/tollgate
USER 65532:65532
WORKDIR /src
# A CLI, not a service: there is nothing to probe between runs.
HEALTHCHECK NONE
ENTRYPOINT ["/tollgate"]
CMD ["scan", "."]
