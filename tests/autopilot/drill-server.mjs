// The drill's loopback servers, in their own process: a Statuspage v2 summary.json for Instagram
// that goes down for requests DOWN_FROM..DOWN_TO (1-based) and is up otherwise, one that is always
// up for the backups, and a fake Slack incoming webhook that records each POST's JSON body.
// Shapes: https://developer.statuspage.io/ (summary.json: status.indicator, components[].status);
// Slack incoming webhooks: https://api.slack.com/messaging/webhooks (POST {"text": ...}, answers "ok").
import { createServer } from "node:http";
const [downFrom, downTo] = process.argv.slice(2).map(Number);
let igHits = 0;
const alerts = [];
const summary = (down) => JSON.stringify({
  page: { id: "drill", name: "Instagram", url: "http://127.0.0.1/", updated_at: "2026-07-14T00:00:00Z" },
  status: down ? { indicator: "critical", description: "Major System Outage" } : { indicator: "none", description: "All Systems Operational" },
  components: [{ id: "feed", name: "Feed", status: down ? "major_outage" : "operational" }],
  incidents: [], scheduled_maintenances: [],
});
const server = createServer((req, res) => {
  if (req.url === "/ig/api/v2/summary.json") {
    igHits += 1;
    res.writeHead(200, { "content-type": "application/json" }).end(summary(igHits >= downFrom && igHits <= downTo));
  } else if (req.url === "/up/api/v2/summary.json") {
    res.writeHead(200, { "content-type": "application/json" }).end(summary(false));
  } else if (req.url === "/slack" && req.method === "POST") {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => { alerts.push(JSON.parse(body)); res.writeHead(200, { "content-type": "text/plain" }).end("ok"); });
  } else if (req.url === "/alerts") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ igHits, alerts }));
  } else res.writeHead(404).end();
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
