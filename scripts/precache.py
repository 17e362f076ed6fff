#!/usr/bin/env python3
"""Trunk post_build hook: writes the precache list and version into the built sw.js.

Trunk gives the staging folder in TRUNK_STAGING_DIR. Every file of the build (hashed app files,
data, icons, manifest) is listed relative to the service worker's scope; the version is a hash of
all their contents, so any change installs a new cache and removes the old ones.
"""
import hashlib
import json
import os
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
if not staging or not os.path.isdir(staging):
    sys.exit("precache.py: TRUNK_STAGING_DIR is not set")
sw_path = os.path.join(staging, "sw.js")
if not os.path.isfile(sw_path):
    sys.exit("precache.py: sw.js missing from the build (index.html must copy public/sw.js)")

files = []
digest = hashlib.sha256()
for root, _, names in os.walk(staging):
    for name in sorted(names):
        full = os.path.join(root, name)
        rel = os.path.relpath(full, staging).replace(os.sep, "/")
        if rel in ("sw.js",) or rel.startswith("."):
            continue
        files.append(rel)
files.sort()
for rel in files:
    digest.update(rel.encode())
    with open(os.path.join(staging, rel), "rb") as f:
        digest.update(f.read())
version = digest.hexdigest()[:16]
with open(sw_path, encoding="utf-8") as f:
    sw = f.read()
if "__PRECACHE__" not in sw:
    sys.exit("precache.py: sw.js has no __PRECACHE__ placeholder")
sw = sw.replace("__VERSION__", version).replace("__PRECACHE__", json.dumps(files, indent=2))
with open(sw_path, "w", encoding="utf-8") as f:
    f.write(sw)
print(f"precache.py: {len(files)} files, version {version}")
