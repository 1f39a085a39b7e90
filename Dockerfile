# syntax=docker/dockerfile:1
# The ECGrid GraphQL server. Build: docker build -t ecgrid-graphql .
# Run:   docker run --rm -p 4000:4000 ecgrid-graphql          (embedded simulator)
#        docker run --rm -p 4000:4000 -e ECGRID_BASE_URL=https://rest.ecgrid.io ecgrid-graphql
# Node 24, the LTS line that CI also runs the suite on (.ci/run); dependencies ask for Node >= 22.15.
ARG NODE_VERSION=24-bookworm-slim

# 1. Compile TypeScript to dist/ (needs the dev dependencies).
FROM node:${NODE_VERSION} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. Production dependencies only.
FROM node:${NODE_VERSION} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. The runtime: node, tini as PID 1 (forwards SIGTERM, reaps zombies), files owned by root
#    and read-only to the unprivileged `node` user that runs the server.
FROM node:${NODE_VERSION} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
# The heap cap: by default V8 sizes the heap from the host's memory and lets it grow well past the
# ~31 MB of live objects (RSS 147–189 MB in the bench's soak); capped, 140–147 MB, at no CPU cost
# the bench could see (bench/README.md, item 23). Lower it in a container with under 2 GB; with
# the TTL cache on, size ECGRID_CACHE_MAX_ENTRIES to fit.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    NODE_OPTIONS=--max-old-space-size=512
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Kubernetes: give terminationGracePeriodSeconds more than SHUTDOWN_TIMEOUT_MS (default 10 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
