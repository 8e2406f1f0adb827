// The demo portal's web server: a few static files, oidc-client-ts's browser bundle from node_modules,
// and /config.js made from the environment. No dependencies beyond Node itself; nothing from the internet.
//
//   ISSUER            the identity service (default http://127.0.0.1:5080)
//   PORTAL_CLIENT_ID  the client registered for the portal (default portal)
//   PORTAL_URL        this portal's own origin, as registered in the client's redirect URIs
//                     (default http://127.0.0.1:5173); the server listens on its host and port
//   LISTEN_HOST       the address to listen on instead of PORTAL_URL's host (0.0.0.0 in a container)
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const here = fileURLToPath(new URL(".", import.meta.url));
const issuer = trimSlash(process.env.ISSUER || "http://127.0.0.1:5080");
const clientId = process.env.PORTAL_CLIENT_ID || "portal";
const portal = new URL(process.env.PORTAL_URL || "http://127.0.0.1:5173");
const portalOrigin = portal.origin;

const files = {
  "/": ["public/index.html", "text/html; charset=utf-8"],
  "/callback": ["public/index.html", "text/html; charset=utf-8"],
  "/silent-renew": ["public/silent-renew.html", "text/html; charset=utf-8"],
  "/app.js": ["public/app.js", "text/javascript; charset=utf-8"],
  "/i18n.js": ["public/i18n.js", "text/javascript; charset=utf-8"],
  "/silent-renew.js": ["public/silent-renew.js", "text/javascript; charset=utf-8"],
  "/style.css": ["public/style.css", "text/css; charset=utf-8"],
  "/oidc-client-ts.js": ["node_modules/oidc-client-ts/dist/browser/oidc-client-ts.min.js", "text/javascript; charset=utf-8"],
};

// What the pages may load and talk to: their own origin, and the identity service (token, userinfo, the
// silent-renew frame's redirects). The silent-renew page is framed by the portal itself, never by others.
const securityHeaders = {
  "Content-Security-Policy": [
    "default-src 'self'",
    `connect-src 'self' ${new URL(issuer).origin}`,
    `frame-src 'self' ${new URL(issuer).origin}`,
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-cache",
};

const config = `window.portalConfig = ${JSON.stringify({ issuer, clientId, portalUrl: portalOrigin })};\n`;

const server = createServer(async (request, response) => {
  let url;
  try {
    url = new URL(request.url || "/", portalOrigin);
  } catch {
    // A request target no URL parser accepts (such as "//["): refused, never a crash.
    return send(response, 400, "text/plain; charset=utf-8", "Bad request\n");
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    return send(response, 405, "text/plain; charset=utf-8", "Method not allowed\n", { Allow: "GET, HEAD" });
  }
  // One origin only (the registered redirect URIs name it): http://localhost:5173 goes to http://127.0.0.1:5173.
  if (request.headers.host !== portal.host) {
    response.writeHead(308, { Location: portalOrigin + url.pathname + url.search });
    return response.end();
  }
  if (url.pathname === "/favicon.ico") {
    return send(response, 204, "image/x-icon", "");
  }
  if (url.pathname === "/health") {
    return send(response, 200, "text/plain; charset=utf-8", "ok\n");
  }
  if (url.pathname === "/config.js") {
    return send(response, 200, "text/javascript; charset=utf-8", config);
  }
  const file = files[url.pathname];
  if (!file) {
    return send(response, 404, "text/plain; charset=utf-8", "Not found\n");
  }
  try {
    send(response, 200, file[1], await readFile(join(here, file[0])));
  } catch (error) {
    console.error(`portal: cannot read ${file[0]}: ${error.message}`);
    send(response, 500, "text/plain; charset=utf-8", "The portal is missing a file; run npm ci in services/portal-demo.\n");
  }

  function send(res, status, type, body, extra = {}) {
    res.writeHead(status, { "Content-Type": type, ...securityHeaders, ...extra });
    res.end(request.method === "HEAD" ? undefined : body);
  }
});

server.on("error", (error) => {
  console.error(`portal: ${error.message}`);
  process.exit(1);
});
server.listen(Number(portal.port || 80), process.env.LISTEN_HOST || portal.hostname, () => {
  console.log(`Portal on ${portalOrigin} (issuer ${issuer}, client ${clientId})`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

function trimSlash(value) {
  return value.endsWith("/") ? value.slice(0, -1) : value;
}
