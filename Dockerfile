# One image for both processes of the production stack: the api (the default command) and the
# projector (`node dist/apps/projector/src/main.js`). Configuration comes from the environment
# (.env.example lists it); docker-compose.yml runs both.

# Lifecycle scripts are skipped in every install: the root `prepare` script builds the project,
# which cannot work before the sources are copied (the build runs explicitly below), and no
# dependency needs its own install script (protobufjs only checks versions, @swc/core is dev only).

# Node 24 LTS (Krypton); every stage uses the same base.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
# package.json holds the `imports` map (#config, #database…) that resolves into dist.
COPY package.json ./
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# DATA_DIR (./data) for the embedded PGlite store, writable by the unprivileged user.
RUN mkdir data && chown node:node data
USER node
EXPOSE 3000 3001
# Readiness of whichever process runs: the api on PORT or the projector on PROJECTOR_HEALTH_PORT
# (no curl in the slim image; node has fetch).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const e=process.env;Promise.any([e.PORT||3000,e.PROJECTOR_HEALTH_PORT||3001].map(p=>fetch('http://127.0.0.1:'+p+'/health/ready').then(r=>{if(!r.ok)throw r.status}))).then(()=>process.exit(0),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
