#!/usr/bin/env python3
"""Fault-injecting HTTP server for affiche-sync's tests: the faults nginx cannot produce.

Written for the tests (python3's http.server), never for production. Serves files below --root;
the first path segment picks the fault, applied to archives (*.tar.*) only, so the manifest and
its signature arrive intact and the pull reaches the download:
  /ok/...        served normally
  /truncate/...  announces the full Content-Length, sends half the body, closes the connection
  /stall/...     sends the headers and 16 bytes, then nothing (until the client gives up)
  /drip/...      one byte per second (never stalls, never finishes in time: a timeout)
and, to any file (the manifest included), validators nginx never sends:
  /etag-star/... an `ETag: *`
  /etag-long/... an ETag of 4 KiB
  /etag-bad/...  an unquoted ETag with a space
  /always-304/... 304 Not Modified whether or not the request sent If-None-Match
  /validating/... an ETag of the file's bytes, and 304 to an If-None-Match holding it, as nginx
                 does (for the unit tests, which start this server rather than nginx)
  /slow-redirect/N/... waits 1.5 s, then redirects to /slow-redirect/N-1/... (N = 0: the file):
                 every hop well within a per-request timeout, the chain not
Each request's path and If-None-Match (or "-") is appended to --log when given.
Writes the port it listens on to --port-file once ready (port 0 = any free port).
"""
import argparse
import hashlib
import http.server
import os
import time


ETAGS = {
    "etag-star": "*",
    "etag-long": '"' + "a" * 4096 + '"',
    "etag-bad": "abc def",
}


class Handler(http.server.BaseHTTPRequestHandler):
    root = "."
    log = None

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.split("?")[0].lstrip("/").split("/", 1)
        fault, rel = (parts[0], parts[1]) if len(parts) == 2 else ("ok", parts[0])
        if self.log:
            with open(self.log, "a") as f:
                f.write("%s %s\n" % (self.path, self.headers.get("If-None-Match", "-")))
        if fault == "slow-redirect":
            hops, rel = rel.split("/", 1)
            time.sleep(1.5)
            if int(hops) > 0:
                self.send_response(302)
                self.send_header("Location", "/slow-redirect/%d/%s" % (int(hops) - 1, rel))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            fault = "ok"
        if fault == "always-304":
            self.send_response(304)
            self.send_header("ETag", '"fault-304"')
            self.end_headers()
            return
        path = os.path.realpath(os.path.join(self.root, rel))
        if not path.startswith(os.path.realpath(self.root) + os.sep) or not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as f:
            body = f.read()
        etag = ETAGS.get(fault)
        if fault == "validating":
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
        if ".tar." not in path:
            fault = "ok"
        self.send_response(200)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.send_body(fault, body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send_body(self, fault, body):
        if fault == "truncate":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif fault == "stall":
            self.wfile.write(body[:16])
            self.wfile.flush()
            time.sleep(3600)
        elif fault == "drip":
            for i in range(len(body)):
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
                time.sleep(1)
        else:
            self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log")
    args = parser.parse_args()
    Handler.root = args.root
    Handler.log = args.log
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
