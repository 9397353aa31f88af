import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  url: (name: string) => string;
  /** Body bytes the server has sent, and the requests it answered. */
  served: { bytes: number; requests: { method: string; range: string | null; status: number }[] };
  close: () => Promise<void>;
}

/**
 * A static file server on 127.0.0.1 and a random port, answering HEAD and single byte-range GETs (206 with
 * Content-Range), as S3, Azure Blob, GCS and any ordinary web server do. `ranges: false` makes it ignore Range
 * and send the whole file, as some servers do. `port` fixes the port (else random); `cors` lets other origins read.
 */
export async function startStaticServer(
  files: Record<string, Uint8Array>,
  opts: { ranges?: boolean; port?: number; cors?: boolean } = {},
): Promise<StaticServer> {
  const served: StaticServer['served'] = { bytes: 0, requests: [] };
  const server: Server = createServer((req, res) => {
    // As ONS's ArcGIS services do: any site may read the files (needed for a page on another origin).
    if (opts.cors) res.setHeader('Access-Control-Allow-Origin', '*');
    const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? '');
    const body = files[name];
    const range = req.headers.range ?? null;
    const log = (status: number) => served.requests.push({ method: req.method ?? 'GET', range, status });
    if (!body) {
      log(404);
      res.writeHead(404).end();
      return;
    }
    const size = body.byteLength;
    if (req.method === 'HEAD') {
      log(200);
      res.writeHead(200, { 'Content-Length': size, 'Accept-Ranges': opts.ranges === false ? 'none' : 'bytes' }).end();
      return;
    }
    const m = opts.ranges === false ? null : /^bytes=(\d*)-(\d*)$/.exec(range ?? '');
    if (m && (m[1] || m[2])) {
      let start = m[1] ? Number(m[1]) : size - Number(m[2]);
      let end = m[1] && m[2] ? Number(m[2]) : size - 1;
      start = Math.max(0, start);
      end = Math.min(size - 1, end);
      if (start > end) {
        log(416);
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      const part = body.subarray(start, end + 1);
      served.bytes += part.byteLength;
      log(206);
      res
        .writeHead(206, {
          'Content-Length': part.byteLength,
          'Content-Range': `bytes ${start}-${end}/${size}`,
          'Accept-Ranges': 'bytes',
        })
        .end(part);
      return;
    }
    served.bytes += size;
    log(200);
    res.writeHead(200, { 'Content-Length': size }).end(body);
  });
  // Longer than any test step, so the client never reuses a keep-alive socket the server has just closed.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    served,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
