#!/usr/bin/env python3
"""Trunk post_build hook (runs in the staging folder before it becomes dist/):

0. optimises the WASM module (wasm-streams' unused exports removed first) and minifies the glue;

1. moves trunk's inline `<script type="module">` loader into a file (`start-<hash>.js`), so that the
   page runs under a Content-Security-Policy without 'unsafe-inline'; the one inline script left
   (the first paint's, in index.html's head) must be named by its hash in deploy/csp.txt;
2. writes the service worker's precache list and version into sw.js: every file of the build
   (hashed app files, data, icons, manifest), version = hash of all their contents, so that any
   change installs a new cache and removes the old ones.
"""
import base64
import hashlib
import json
import subprocess
import os
import re
import sys

import wasm_shrink

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
if not staging or not os.path.isdir(staging):
    sys.exit("post_build.py: TRUNK_STAGING_DIR is not set")

# 0a. The WASM module: unused exports removed, optimised, short import and export names
#     (scripts/wasm_shrink.py).
if os.environ.get("TRUNK_PROFILE", "release") == "release":
    wasm_shrink.shrink(staging)

# 0. The wasm-bindgen glue is minified with terser (trunk's own minifier fails on it), and its
#    subresource-integrity hash in index.html is updated.
index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()
terser = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node_modules", ".bin", "terser")
#    The service worker's registration script (a classic script, loaded by every page) too.
for n in sorted(os.listdir(staging)):
    module = re.fullmatch(r"poles-explorer-[0-9a-f]+\.js", n) is not None
    if not module and n != "sw-register.js":
        continue
    if not os.path.isfile(terser):
        print("post_build.py: terser not installed (npm ci), %s left unminified" % n)
        break
    path = os.path.join(staging, n)
    before = os.path.getsize(path)
    subprocess.run([terser, path] + (["--module"] if module else []) + ["--compress", "--mangle", "-o", path], check=True)
    with open(path, "rb") as f:
        sri = "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()
    html = re.sub(r'(<link[^>]*%s[^>]*integrity=)("?)sha384-[A-Za-z0-9+/=]+' % re.escape(n), lambda m: m.group(1) + m.group(2) + sri, html)
    print("post_build.py: %s minified (%d -> %d bytes)" % (n, before, os.path.getsize(path)))

# 1. The inline loader becomes a file.
pattern = re.compile(r'<script type=["\']?module["\']?>(.*?)</script>', re.S)
m = pattern.search(html)
if m:
    code = m.group(1).strip() + "\n"
    name = "start-%s.js" % hashlib.sha256(code.encode()).hexdigest()[:16]
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(code)
    prefix = public_url if public_url.endswith("/") else public_url + "/"
    html = html[: m.start()] + '<script type="module" src="%s%s"></script>' % (prefix, name) + html[m.end():]
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)
    print("post_build.py: loader moved to %s" % name)
# 1a. An inline script runs only if the Content-Security-Policy names it by its hash: the first
#     paint's (index.html's head) does. Any other, or a changed one, stops the build.
csp_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy", "csp.txt")
with open(csp_path, encoding="utf-8") as f:
    csp = f.read()
for inline in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
    digest = "'sha256-%s'" % base64.b64encode(hashlib.sha256(inline.group(1).encode()).digest()).decode()
    if digest not in csp:
        sys.exit("post_build.py: index.html has an inline script that deploy/csp.txt does not allow: "
                 "add %s to its script-src (then python3 scripts/deploy_config.py) if it is the first "
                 "paint's, else move it to a file" % digest)

# 1b. Static pages (accessibility statements, "À propos des données") link the hashed stylesheet.
css = sorted(n for n in os.listdir(staging) if re.fullmatch(r"main-[0-9a-f]+\.css", n))
for page in ("accessibilite.html", "accessibility.html", "a-propos.html", "about.html", "comprendre.html", "understand.html"):
    path = os.path.join(staging, page)
    if os.path.isfile(path) and css:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("{{CSS}}", css[0]))

# 2. The service worker's precache list.
sw_path = os.path.join(staging, "sw.js")
if not os.path.isfile(sw_path):
    sys.exit("post_build.py: sw.js missing from the build (index.html must copy public/sw.js)")
files = []
for root, _, names in os.walk(staging):
    for n in names:
        rel = os.path.relpath(os.path.join(root, n), staging).replace(os.sep, "/")
        if rel != "sw.js" and not rel.startswith("."):
            files.append(rel)
files.sort()
digest = hashlib.sha256()
for rel in files:
    digest.update(rel.encode())
    with open(os.path.join(staging, rel), "rb") as f:
        digest.update(f.read())
version = digest.hexdigest()[:16]
with open(sw_path, encoding="utf-8") as f:
    sw = f.read()
if "__PRECACHE__" not in sw:
    sys.exit("post_build.py: sw.js has no __PRECACHE__ placeholder")
sw = sw.replace("__VERSION__", version).replace("__PRECACHE__", json.dumps(files, indent=2))
with open(sw_path, "w", encoding="utf-8") as f:
    f.write(sw)
print("post_build.py: precache of %d files, version %s" % (len(files), version))
