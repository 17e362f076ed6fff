#!/usr/bin/env python3
"""HTTP checks of a deployed Pôles Explorer (sub-path build under /explorateur/), used by
scripts/test-deploy.sh against Debian's nginx and Apache serving the shipped configurations.
  check_deploy.py BASE_URL EXPECTED_CSP   (BASE_URL ends with /explorateur/)"""
import gzip
import re
import sys
import urllib.error
import urllib.request

base, csp = sys.argv[1], sys.argv[2]
failures = []


def get(path, encoding=None):
    req = urllib.request.Request(base + path, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


status, headers, body = get("")
check(status == 200, f"GET {base} answers 200 ({status})")
html = body.decode("utf-8", "replace")
# The hashed file names of the build (minified HTML: attributes may be unquoted).
wasm = re.search(r"poles-explorer-[0-9a-f]+_bg\.wasm", html)
js = re.search(r"poles-explorer-[0-9a-f]+\.js", html)
css = re.search(r"main-[0-9a-f]+\.css", html)
check(bool(wasm and js and css), "index.html names the wasm, js and css files")

# Every HTML answer: the page itself, index.html, deep links, unknown addresses.
for path in ["", "index.html", "poles/vitagora", "projets/damav", "organisations/cnrs", "a-propos", "une/adresse/inconnue"]:
    status, headers, body = get(path)
    check(status == 200 and b"<html" in body[:400].lower(), f"/{path}: the app's page (200)")
    check(headers.get("Content-Security-Policy") == csp, f"/{path}: Content-Security-Policy is the one of deploy/csp.txt ({headers.get('Content-Security-Policy')!r})")
    check(headers.get("X-Content-Type-Options") == "nosniff", f"/{path}: X-Content-Type-Options nosniff")
    check("no-cache" in (headers.get("Cache-Control") or ""), f"/{path}: Cache-Control no-cache ({headers.get('Cache-Control')!r})")

status, headers, _ = get("sw.js")
check(status == 200 and "no-cache" in (headers.get("Cache-Control") or ""), f"/sw.js: 200 and no-cache ({status}, {headers.get('Cache-Control')!r})")

def name(m):
    return m.group(0) if m else "missing-file"


files = {
    "wasm": (name(wasm), "application/wasm"),
    "js": (name(js), "javascript"),
    "css": (name(css), "text/css"),
    "json": ("data/projects.json", "application/json"),
}
for kind, (path, ctype) in files.items():
    status, headers, body = get(path, "gzip")
    check(status == 200, f"/{path}: 200 ({status})")
    check(ctype in (headers.get("Content-Type") or ""), f"/{path}: Content-Type {ctype} ({headers.get('Content-Type')!r})")
    enc = headers.get("Content-Encoding")
    check(enc == "gzip", f"/{path}: compressed (Content-Encoding {enc!r})")
    if enc == "gzip":
        check(len(gzip.decompress(body)) > len(body), f"/{path}: the gzip body is smaller than the file")
    check(headers.get("X-Content-Type-Options") == "nosniff", f"/{path}: X-Content-Type-Options nosniff")

status, headers, body = get("data/nope.json")
check(status == 404, f"/data/nope.json: a missing data file is a real 404 ({status})")
status, _, _ = get("data/projects.json")
check(status == 200, "/data/projects.json: 200")

if failures:
    print(f"{len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
