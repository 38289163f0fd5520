# Hamkor's image: the `make dist` bundle on Debian slim, run as a non-root user.
#
#   docker build -t registry.example/hamkor:0.1.0 .
#   docker run --rm -v "$PWD/reports:/reports" registry.example/hamkor:0.1.0 \
#     batch /opt/hamkor/share/hamkor/Reports/jobs.yaml --out /reports
#
# The build stage runs `make dist` exactly as a developer does; the runtime stage copies the
# unpacked bundle and installs only what the bundle's binary links dynamically (libxlsxwriter
# and, through it, zlib, minizip and libcrypto). This image is not built by `make test`: the
# machines that run the tests have no container engine. `make test-dist` tests the same bundle
# by unpacking it into an empty folder and running the sample job there.

FROM swift:6.3.1-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxlsxwriter-dev gettext pkg-config make \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make dist DIST_DIR=/dist \
 && mkdir -p /opt/hamkor \
 && tar -xzf /dist/hamkor-*.tar.gz -C /opt/hamkor --strip-components=1

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxlsxwriter4 tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /nonexistent --shell /usr/sbin/nologin hamkor \
 && mkdir -p /reports && chown 10001:10001 /reports
COPY --from=build /opt/hamkor /opt/hamkor
RUN ln -s /opt/hamkor/bin/hamkor /usr/local/bin/hamkor \
 && hamkor --version
USER 10001:10001
WORKDIR /reports
ENTRYPOINT ["hamkor"]
CMD ["--help"]
