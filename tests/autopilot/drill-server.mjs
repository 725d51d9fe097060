// The drill's loopback status pages, in their own process: a Statuspage v2 summary.json for
// Instagram that goes down for requests DOWN_FROM..DOWN_TO (1-based) and is up otherwise, and a
// slow one (down, answering after SLOW_MS) that keeps a cycle
// busy long enough to be stopped in the middle. GET /hits says how many each has had.
// Shape: https://developer.statuspage.io/ (summary.json: status.indicator, components[].status).
import { createServer } from "node:http";
const [downFrom, downTo] = process.argv.slice(2).map(Number);
const SLOW_MS = 1500;
const hits = { ig: 0, slow: 0 };
const summary = (down) => JSON.stringify({
  page: { id: "drill", name: "Instagram", url: "http://127.0.0.1/", updated_at: "2026-07-14T00:00:00Z" },
  status: down ? { indicator: "critical", description: "Major System Outage" } : { indicator: "none", description: "All Systems Operational" },
  components: [{ id: "feed", name: "Feed", status: down ? "major_outage" : "operational" }],
  incidents: [], scheduled_maintenances: [],
});
const json = (res, body) => res.writeHead(200, { "content-type": "application/json" }).end(body);
const server = createServer((req, res) => {
  if (req.url === "/ig/api/v2/summary.json") {
    hits.ig += 1;
    json(res, summary(hits.ig >= downFrom && hits.ig <= downTo));
  } else if (req.url === "/slow/api/v2/summary.json") {
    hits.slow += 1;
    setTimeout(() => json(res, summary(true)), SLOW_MS);
  } else if (req.url === "/hits") {
    json(res, JSON.stringify(hits));
  } else res.writeHead(404).end();
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
