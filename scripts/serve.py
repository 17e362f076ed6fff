#!/usr/bin/env python3
"""Small static server for the built app (tests, previews, `make serve-dist`).

Serves one or more built folders at URL prefixes, with the single-page-app fallback a real host
needs for deep links: a path with no file extension that matches no file gets the mount's
index.html. A missing *file* (e.g. data/poles.json) is a real 404, so the app's error handling
is tested honestly.

    python3 scripts/serve.py --port 8080 --mount /=dist --mount /explorateur/=dist-subpath
"""
import argparse
import gzip
import http.server
import os
import posixpath
import sys
import urllib.parse

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}


COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".wasm", ".svg", ".txt"}
_gz_cache = {}


def make_handler(mounts, csp, csp_prefixes, compress=False):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            if os.environ.get("SERVE_VERBOSE"):
                sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

        def resolve(self):
            path = urllib.parse.urlsplit(self.path).path
            path = urllib.parse.unquote(path)
            for prefix, root in mounts:
                if path == prefix.rstrip("/") and prefix != "/":
                    return None, prefix  # redirect /explorateur -> /explorateur/
                if path.startswith(prefix):
                    rel = posixpath.normpath(path[len(prefix):]).lstrip("/")
                    if rel.startswith(".."):
                        return False, None
                    full = os.path.join(root, rel) if rel not in ("", ".") else os.path.join(root, "index.html")
                    if os.path.isdir(full):
                        full = os.path.join(full, "index.html")
                    if os.path.isfile(full):
                        return full, None
                    last = rel.rsplit("/", 1)[-1]
                    if "." not in last:
                        return os.path.join(root, "index.html"), None
                    return False, None
            return False, None

        def send(self, head_only):
            full, redirect = self.resolve()
            if redirect:
                self.send_response(301)
                self.send_header("Location", redirect)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if not full:
                body = b"Not found\n"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head_only:
                    self.wfile.write(body)
                return
            with open(full, "rb") as f:
                body = f.read()
            ext = os.path.splitext(full)[1]
            self.send_response(200)
            self.send_header("Content-Type", TYPES.get(ext, "application/octet-stream"))
            path = urllib.parse.urlsplit(self.path).path
            if csp and ext == ".html" and not any(path.startswith(p) for p in csp_prefixes):
                self.send_header("Content-Security-Policy", csp)
            if compress and ext in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
                key = (full, os.path.getmtime(full))
                if key not in _gz_cache:
                    _gz_cache[key] = gzip.compress(body, 9)
                body = _gz_cache[key]
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def do_GET(self):
            try:
                self.send(False)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went away (navigation, test end)

        def do_HEAD(self):
            try:
                self.send(True)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--mount", action="append", default=[], help="PREFIX=DIR, e.g. /explorateur/=dist-subpath")
    ap.add_argument("--csp", default="", help="Content-Security-Policy header sent with the HTML pages")
    ap.add_argument("--no-csp", action="append", default=[], help="URL prefix whose pages get no CSP (repeatable)")
    ap.add_argument("--gzip", action="store_true", help="gzip text and wasm answers, as a production host does")
    args = ap.parse_args()
    mounts = []
    for m in args.mount or ["/=dist"]:
        prefix, _, root = m.partition("=")
        if not prefix.endswith("/"):
            prefix += "/"
        mounts.append((prefix, os.path.abspath(root)))
    mounts.sort(key=lambda m: -len(m[0]))  # longest prefix first
    server = http.server.ThreadingHTTPServer((args.host, args.port), make_handler(mounts, args.csp, args.no_csp, args.gzip))
    print("serving %s on http://%s:%d/" % (", ".join("%s -> %s" % m for m in mounts), args.host, args.port), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
