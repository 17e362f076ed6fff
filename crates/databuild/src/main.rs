//! `cargo run -p poles-databuild -- [--reference DIR] [--src DIR] [--out DIR] [--check]`
//!
//! Rebuilds `public/data/` from `../shared/reference/` and `data-src/`, prints a report of what it
//! could not map, and exits non-zero when the output would not validate. `--check` writes nothing
//! and fails when the files on disk differ from what the converter produces.

use poles_databuild::{convert, Inputs};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut reference = std::env::var_os("POLES_REFERENCE").map(PathBuf::from).unwrap_or_else(|| root.join("../shared/reference"));
    let mut src = root.join("data-src");
    let mut out = root.join("public/data");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reference" => reference = args.next().map(PathBuf::from).unwrap_or(reference),
            "--src" => src = args.next().map(PathBuf::from).unwrap_or(src),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--check" => check = true,
            other => {
                eprintln!("unknown argument {other}\nusage: poles-databuild [--reference DIR] [--src DIR] [--out DIR] [--check]");
                return ExitCode::from(2);
            }
        }
    }
    let inputs = match Inputs::read(&reference, &src) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let output = match convert(&inputs) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", output.report.render());
    if !output.report.is_clean() {
        eprintln!("error: the converted data does not validate; nothing written");
        return ExitCode::FAILURE;
    }
    let mut stale = false;
    for (name, text) in &output.files {
        let path = out.join(name);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                eprintln!("stale: {} differs from the converter's output (run `make data`)", path.display());
                stale = true;
            }
        } else if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| std::fs::write(&path, text)) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote {} ({} bytes)", path.display(), text.len());
        }
    }
    if stale {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
