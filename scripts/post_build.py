#!/usr/bin/env python3
"""Trunk post_build hook (runs in the staging folder before it becomes dist/):

1. moves trunk's inline `<script type="module">` loader into a file (`start-<hash>.js`), so that the
   page runs under a Content-Security-Policy without 'unsafe-inline';
2. writes the service worker's precache list and version into sw.js: every file of the build
   (hashed app files, data, icons, manifest), version = hash of all their contents, so that any
   change installs a new cache and removes the old ones.
"""
import hashlib
import json
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
if not staging or not os.path.isdir(staging):
    sys.exit("post_build.py: TRUNK_STAGING_DIR is not set")

# 1. The inline loader becomes a file.
index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()
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
if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("post_build.py: index.html still has an inline script (the CSP forbids it)")

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
