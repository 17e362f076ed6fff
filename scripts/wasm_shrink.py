#!/usr/bin/env python3
"""The WASM module and its wasm-bindgen glue after wasm-bindgen, in the staging folder of a
release build (called by post_build.py; index.html sets data-wasm-opt="0" so that this comes
between wasm-bindgen and wasm-opt):

1. leptos links server_fn with its "browser" feature whatever the app, and with it wasm-streams,
   whose three classes (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource) are
   exported to JavaScript: a client-side app never calls them. They are removed from the glue and
   from the module's exports (wasm-metadce removes what only they reach). All or nothing: if the
   glue does not read as expected (another wasm-bindgen), both stay as built.
2. wasm-opt optimises the module (WASM_OPT_FLAGS).
3. The imports and exports get short names (`rename_in_glue`), in the module and the glue.

Measured in docs/size-costs.md.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys

WASM_OPT_FLAGS = ["-O2", "--converge", "--strip-producers", "--low-memory-unused"]
#     -O2 is smaller than -Oz once compressed; --low-memory-unused: the first 1 KB of the linear
#     memory is never addressed (the stack takes the first megabyte and grows down, data starts at
#     1 MB), so address offsets fold. (--flatten --rereloop -O2 saved 2.6 KB more but likely slowed
#     the loading of 100,000 projects: dropped, docs/size-costs.md.)
UNUSED_CLASSES = ("IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource")


def wasm_sections(data):
    """The export names of a WASM module and its imports (module, name)."""

    def leb(i):
        r = shift = 0
        while True:
            b = data[i]
            i += 1
            r |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return r, i

    def name(j):
        n, j = leb(j)
        return data[j : j + n].decode(), j + n

    i, exports, imports = 8, [], []
    while i < len(data):
        section, i = data[i], i + 1
        size, i = leb(i)
        j = i
        if section == 7:
            count, j = leb(j)
            for _ in range(count):
                e, j = name(j)
                exports.append(e)
                _, j = leb(j + 1)  # its kind, its index
        elif section == 2:
            count, j = leb(j)
            for _ in range(count):
                module, j = name(j)
                field, j = name(j)
                imports.append((module, field))
                kind, j = data[j], j + 1
                if kind != 0:  # wasm-bindgen imports functions only
                    sys.exit("wasm_shrink.py: the module imports something else than a function (%s %s)" % (module, field))
                _, j = leb(j)
        i += size
    return exports, imports


def strip_unused_classes(glue):
    """The glue without the unused classes, or None when it does not read as expected."""
    out = glue
    for c in UNUSED_CLASSES:
        block = re.compile(
            r"export class %s \{\n.*?\n\}\nif \(Symbol\.dispose\) %s\.prototype\[Symbol\.dispose\] = %s\.prototype\.free;\n" % (c, c, c), re.S
        )
        registry = re.compile(r"const %sFinalization = \(typeof FinalizationRegistry === 'undefined'\)\n[^\n]*\n[^\n]*\n" % c)
        out, n1 = block.subn("", out, count=1)
        out, n2 = registry.subn("", out, count=1)
        if (n1, n2) != (1, 1):
            return None
    return None if re.search("intounderlying", out, re.I) else out


def rename_in_glue(glue, names, modules):
    """The glue with the module's new import and export names (`names`: wasm-opt's
    --minify-imports-and-exports map). wasm-bindgen names imports after their function with a hash
    (`__wbg_append_child_6fcf8c4a1a2b3c4d`), written twice (glue, module) and incompressible: short
    names take about 3 KB off the compressed shell. Imports are the keys of the glue's import object
    (itself under the module's new name),
    exports are read as `wasm.<name>`; a name not found where expected stops the build."""
    if len(modules) != 1:
        sys.exit("wasm_shrink.py: the module imports from %s, one module expected" % modules)
    glue, n = re.subn(r'"\./poles-explorer_bg\.js": import0,', lambda m: '"%s": import0,' % modules[0], glue)
    if n != 1:
        sys.exit("wasm_shrink.py: the glue's import object does not read as expected")
    for _, old, new in names["imports"]:
        glue, n = re.subn(r"(?m)^( +)%s: " % re.escape(old), lambda m: m.group(1) + new + ": ", glue)
        if n != 1:
            sys.exit("wasm_shrink.py: the import %s is written %d times in the glue" % (old, n))
    for old, new in names["exports"]:
        glue = re.sub(r"\bwasm\.%s\b" % re.escape(old), lambda m: "wasm." + new, glue)
    left = re.findall(r"\bwasm\.(\w+)", glue)
    exported = {new for _, new in names["exports"]}
    if any(x not in exported for x in left):
        sys.exit("wasm_shrink.py: the glue reads exports the module no longer has: %s" % sorted(set(left) - exported))
    return glue


BIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node_modules", ".bin")


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def remove_unused_classes(wasm_path, glue_path):
    """Step 1."""
    stripped = strip_unused_classes(read(glue_path))
    if stripped is None:
        print("wasm_shrink.py: the wasm-bindgen glue does not read as expected: wasm-streams' classes kept")
        return
    # (The marker of leptos' lazy-route splitting goes too: nothing splits this module.)
    exports = wasm_sections(read(wasm_path, "rb"))[0]
    roots = [e for e in exports if "intounderlying" not in e and not e.startswith("_WASM_SPLIT_MARKER")]
    graph = wasm_path + ".graph.json"
    write(graph, json.dumps([{"name": e, "export": e, "root": True} for e in roots]))
    subprocess.run([os.path.join(BIN, "wasm-metadce"), wasm_path, "--graph-file", graph, "-o", wasm_path], check=True, capture_output=True)
    os.remove(graph)
    left = wasm_sections(read(wasm_path, "rb"))[0]
    if sorted(left) != sorted(roots) or "_WASM_SPLIT_MARKER" in stripped:
        sys.exit("wasm_shrink.py: wasm-metadce left the exports %s, expected %s" % (left, roots))
    write(glue_path, stripped)
    print("wasm_shrink.py: wasm-streams' classes removed (%d exports left)" % len(left))


def shrink(staging):
    """Steps 1-3 on the build in `staging`; the module's integrity hash in index.html follows."""
    names = os.listdir(staging)
    glue = [n for n in names if re.fullmatch(r"poles-explorer-[0-9a-f]+\.js", n)]
    wasm = [n for n in names if re.fullmatch(r"poles-explorer-[0-9a-f]+_bg\.wasm", n)]
    if len(glue) != 1 or len(wasm) != 1:
        sys.exit("wasm_shrink.py: one module and one glue expected in %s" % staging)
    glue_path, wasm_path = os.path.join(staging, glue[0]), os.path.join(staging, wasm[0])
    before = os.path.getsize(wasm_path)
    remove_unused_classes(wasm_path, glue_path)
    subprocess.run([os.path.join(BIN, "wasm-opt")] + WASM_OPT_FLAGS + [wasm_path, "-o", wasm_path], check=True)
    # Apart (--converge would run it again): it prints the names it gave, for the glue. The
    # features are those of the module's target_features section, read then dropped (browsers
    # ignore it); no -all: it would allow encodings browsers do not read yet.
    run = subprocess.run(
        [os.path.join(BIN, "wasm-opt"), "--minify-imports-and-exports-and-modules", "--strip-target-features", wasm_path, "-o", wasm_path],
        check=True,
        capture_output=True,
        text=True,
    )
    modules = sorted({m for m, _ in wasm_sections(read(wasm_path, "rb"))[1]})
    write(glue_path, rename_in_glue(read(glue_path), json.loads(run.stdout), modules))
    sri = "sha384-" + base64.b64encode(hashlib.sha384(read(wasm_path, "rb")).digest()).decode()
    index_path = os.path.join(staging, "index.html")
    pattern = r'(<link[^>]*%s[^>]*integrity=)("?)sha384-[A-Za-z0-9+/=]+' % re.escape(wasm[0])
    write(index_path, re.sub(pattern, lambda m: m.group(1) + m.group(2) + sri, read(index_path)))
    print("wasm_shrink.py: %s optimised (%d -> %d bytes)" % (wasm[0], before, os.path.getsize(wasm_path)))
