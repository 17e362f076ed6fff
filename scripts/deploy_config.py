#!/usr/bin/env python3
"""Writes the one Content-Security-Policy (deploy/csp.txt, frame-ancestors from
deploy/embedders.txt) into every shipped configuration: deploy/nginx.conf, deploy/htaccess,
deploy/_headers. `--check` changes nothing and fails when a file differs (run by `make test`).
`--print [EMBEDDERS]` prints the policy (the test servers use it with their own embedders)."""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def lines(name):
    text = (DEPLOY / name).read_text(encoding="utf-8")
    return [l.strip() for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#")]


def policy(embedders=None):
    if embedders is None:
        embedders = " ".join(lines("embedders.txt"))
    (template,) = lines("csp.txt")
    return template.replace("{EMBEDDERS}", embedders).strip()


# In each file, the header line and how the policy sits in it.
PATTERNS = {
    "nginx.conf": (re.compile(r'(add_header Content-Security-Policy ")[^"]*(" always;)'), r"\g<1>{}\g<2>"),
    "htaccess": (re.compile(r'(Header always set Content-Security-Policy ")[^"]*(")'), r"\g<1>{}\g<2>"),
    "_headers": (re.compile(r"(Content-Security-Policy: ).*"), r"\g<1>{}"),
}


def main(argv):
    if argv[:1] == ["--print"]:
        print(policy(argv[1] if len(argv) > 1 else None))
        return 0
    check = argv[:1] == ["--check"]
    csp = policy()
    bad = []
    for name, (pattern, repl) in PATTERNS.items():
        path = DEPLOY / name
        text = path.read_text(encoding="utf-8")
        if not pattern.search(text):
            bad.append(f"{name}: no Content-Security-Policy line")
            continue
        new = pattern.sub(lambda m: m.expand(repl.format(csp.replace("\\", "\\\\"))), text)
        if new != text:
            if check:
                bad.append(f"{name}: its Content-Security-Policy differs from deploy/csp.txt (run python3 scripts/deploy_config.py)")
            else:
                path.write_text(new, encoding="utf-8")
                print(f"wrote {path}")
    for b in bad:
        print(f"error: {b}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
