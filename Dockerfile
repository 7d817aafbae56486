# One image for the API and the worker; docker-compose.yml picks the entry point.
#
# TypeScript runs in place through tsx's CommonJS hook (`node --require tsx/cjs …`), not
# from a `npm run build` output: the worker bundles the workflows from their sources, the
# migrations are found relative to the sources (store/migrate.ts), and `npm start`
# runs the code the same way — one layout in development and production, no dist/ to keep
# in step with the sources. tsx only strips types; it adds no measurable cost after start.
#
# Debian (glibc), not Alpine: Temporal's native core bridge ships glibc binaries only.

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
COPY . .
# The staff web application (web/dist), which the API serves at its own port. Built here, not
# copied: .dockerignore keeps a local web/dist out, so the image never ships a stale build.
RUN bash scripts/build-web.sh && rm -rf .cache
USER node
EXPOSE 3000
CMD ["node", "--require", "tsx/cjs", "api/main.ts"]
