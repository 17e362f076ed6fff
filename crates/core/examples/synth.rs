//! Writes a synthetic dataset (benchmarks only, never bundled):
//! `cargo run --release -p poles-core --features synthetic --example synth -- N OUT_DIR [SEED]`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: synth N OUT_DIR [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(2026);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
    let refs_text = std::fs::read_to_string(format!("{root}referentiels.json")).expect("bundled referentiels.json");
    let (refs, _) = poles_core::validate::load_referentiels(&refs_text, &mut Vec::new()).expect("valid referentiels");
    let files = poles_core::synthetic::files(&refs, n, seed);
    std::fs::create_dir_all(out).expect("output folder");
    for (name, text) in poles_core::DATA_FILES.iter().zip(files.iter()) {
        std::fs::write(format!("{out}/{name}"), text).expect("write");
    }
    println!("{n} synthetic projects written to {out}");
}
