# One image for the API and the worker; docker-compose.yml picks the entry point
# (node dist/api/main.js or node dist/worker/main.js).
#
# Built in one stage, run from another: the build stage has every dependency and runs
# `npm run build` — the compiled JavaScript (dist/), the workflow bundle the worker loads
# instead of running webpack at each start (dist/workflow-bundle.js), the web application
# (web/dist). The runtime stage has the production dependencies only, that output and the
# SQL migrations: no TypeScript, no tsx, no vite.
#
# Debian (glibc), not Alpine: Temporal's native core bridge ships glibc binaries only.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# .dockerignore keeps a local dist/ and web/dist out: the image never ships a stale build.
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
# package.json marks the application's root, where the compiled code finds migrations/ and web/dist.
COPY package.json ./
COPY migrations ./migrations
# The default .docx templates of statutory documents, read by the worker when it renders one.
COPY documents/templates ./documents/templates
# `duban migrate`, `duban audit verify` …: bin/duban.js runs the compiled CLI in a production install.
COPY bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
USER node
EXPOSE 3000
CMD ["node", "dist/api/main.js"]
