# Patchbay: built with dev dependencies, run with production dependencies only, as a non-root user,
# under tini (PID 1 reaps the grandchildren of stdio MCP servers and forwards SIGTERM).
# The image expects DATABASE_URL (docker-compose.yml wires a postgres container); the embedded
# PostgreSQL used by `npm start` on a laptop is left out (--omit=optional).
#
# The runtime stage is a distroless-style file system (FROM scratch) holding only what runs:
# a stripped node, the C libraries it needs, sh and env (npx runs package binaries through them),
# npm for `npx` stdio servers, tini, CA certificates, the app: about 155 MB, where a Debian base
# under the same app came to over 400 MB. There is no apt in the image; for other stdio commands
# (uvx, python) build an image FROM a Debian one.

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY console ./console
RUN npm run build && find dist -name '*.map' -delete

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies, then what Node never loads: type declarations, source maps, sources,
# docs and tests, and builds for browsers (typeorm/browser, UMD bundles, Swagger UI's ES bundles;
# /docs serves swagger-ui-bundle.js).
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts \
 && npm cache clean --force \
 && cd node_modules \
 && find . -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.ts' \
      -o -name '*.mts' -o -name '*.cts' -o -name '*.md' -o -name '*.markdown' -o -name '*.tsbuildinfo' \
      -o -name 'tsconfig*.json' -o -name '.eslintrc*' -o -name '.prettierrc*' -o -name '*.flow' \) -delete \
 && find . -type d \( -name test -o -name tests -o -name __tests__ -o -name docs -o -name example -o -name examples \
      -o -name .github -o -name benchmark -o -name benchmarks -o -name coverage \) -prune -exec rm -rf {} + \
 && rm -rf typeorm/browser libphonenumber-js/bundle es-toolkit/dist/browser.global.js \
      swagger-ui-dist/swagger-ui-es-bundle*.js swagger-ui-dist/swagger-ui.js swagger-ui-dist/log.*

FROM ${NODE_IMAGE} AS rootfs
# tini (static), CA certificates (with any local CA the base image trusts), strip (binutils).
# npm's global npmrc points at those certificates: stdio servers get no NODE_EXTRA_CA_CERTS (their
# environment is only what they declare), and `npx` behind a TLS-inspecting proxy needs them.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tini ca-certificates binutils \
 && rm -rf /var/lib/apt/lists/*
RUN set -eu; R=/rootfs; mkdir -p $R/usr/local/bin $R/usr/bin $R/bin $R/etc/ssl/certs $R/tmp $R/home $R/app /owned/home-node /owned/data \
 && cp /usr/local/bin/node $R/usr/local/bin/node && strip $R/usr/local/bin/node \
 && cp /usr/bin/tini-static $R/usr/bin/tini \
 && cp /bin/dash $R/bin/sh && cp /usr/bin/env $R/usr/bin/env \
 && for lib in $(ldd /usr/local/bin/node /bin/dash /usr/bin/env | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do \
      mkdir -p "$R$(dirname "$lib")" && cp -L "$lib" "$R$lib"; done \
 && cp /etc/ssl/certs/ca-certificates.crt $R/etc/ssl/certs/ \
 && cp -r /usr/local/lib/node_modules/npm $R/npm-tmp && mkdir -p $R/usr/local/lib/node_modules \
 && mv $R/npm-tmp $R/usr/local/lib/node_modules/npm \
 && rm -rf $R/usr/local/lib/node_modules/npm/docs $R/usr/local/lib/node_modules/npm/man \
 && find $R/usr/local/lib/node_modules/npm \( -name '*.md' -o -name '*.map' -o -name '*.d.ts' \) -type f -delete \
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js $R/usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js $R/usr/local/bin/npx \
 && mkdir -p $R/usr/local/etc \
 && printf 'cafile=/etc/ssl/certs/ca-certificates.crt\nupdate-notifier=false\n' > $R/usr/local/etc/npmrc \
 && printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n' > $R/etc/passwd \
 && printf 'root:x:0:\nnode:x:1000:\n' > $R/etc/group \
 && chmod 1777 $R/tmp

FROM scratch AS runtime
COPY --from=rootfs /rootfs/ /
# COPY makes files root's: the two directories `node` (uid 1000) writes are created by these
# (--chown applies to the directories a COPY creates, not to ones that exist already)
COPY --from=rootfs --chown=1000:1000 /owned/home-node /home/node
COPY --from=rootfs --chown=1000:1000 /owned/data /app/data
ENV PATH=/usr/local/bin:/usr/bin:/bin \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
    NODE_ENV=production \
    PORT=8080 \
    PATCHBAY_DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
