# syntax=docker/dockerfile:1

# ---- build: all dependencies, compile, then drop the dev ones ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# argon2 compiles a native addon when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# ---- runtime: production dependencies and the compiled code, as a non-root user ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/var/lib/marshal
WORKDIR /app
RUN groupadd --system marshal \
 && useradd --system --gid marshal --home-dir /app --shell /usr/sbin/nologin marshal \
 && mkdir -p /var/lib/marshal && chown marshal:marshal /var/lib/marshal
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER marshal
# Only used when DATABASE_URL is unset: the embedded PostgreSQL keeps its data here.
VOLUME ["/var/lib/marshal"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Production requires JWT_PRIVATE_KEY and ENCRYPTION_KEY (see README); DATABASE_URL is recommended.
CMD ["node", "dist/src/main.js"]
