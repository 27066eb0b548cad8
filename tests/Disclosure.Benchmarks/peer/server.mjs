// PostGraphile 5 over one Disclosure dataset schema, for the benchmark project's `peer` verb. Configured by the
// environment (the verb sets it): PEER_DATABASE_URL (a postgres:// URL), PEER_SCHEMA (the dataset schema that
// disclosure.current names), PEER_PORT (on 127.0.0.1 only) and PEER_POOL_SIZE (pg's pool: connections to PostgreSQL).
// Amber preset (PostGraphile's default) with postgraphile-plugin-connection-filter; no GraphiQL, no watch mode.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const required = (name) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
const port = Number(required("PEER_PORT"));

const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [
    makePgService({
      connectionString: required("PEER_DATABASE_URL"),
      schemas: [required("PEER_SCHEMA")],
      // Idle connections live 300 s, as in Npgsql's pool (ConnectionIdleLifetime); pg's default closes them after 10 s.
      poolConfig: { max: Number(required("PEER_POOL_SIZE")), idleTimeoutMillis: 300_000 },
    }),
  ],
  grafserv: { host: "127.0.0.1", port, graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (e) => { console.error(e); process.exit(1); });
await serv.addTo(server);
server.listen(port, "127.0.0.1", () => console.log(`postgraphile listening on http://127.0.0.1:${port}/graphql`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => { server.close(); pgl.release().finally(() => process.exit(0)); });
}
