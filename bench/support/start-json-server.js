// The loopback HTTP server the benches run against: every request body is read, then answered with
// `200 application/json` and the body bodyFor(url) gives. One copy for compare-run, durable, http,
// run and scale-run, so each measures the same server.
import http from 'node:http';

/**
 * Starts the server on 127.0.0.1 (a free port) and resolves to it and its base URL.
 * @param {(url: string) => string} bodyFor the JSON text answering a request to url
 * @returns {Promise<{ server: http.Server, base: string }>}
 */
export async function startJsonServer(bodyFor) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(bodyFor(req.url ?? '/'));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}
