//! Turns each locale file `src/content/<locale>.toml` into compact JSON embedded in the
//! binary. Authors write readable TOML; the wasm never carries a TOML or JSON parser
//! (the browser's `JSON.parse` does the work) and adding a locale needs no code change.

use std::{env, fmt::Write as _, fs, path::Path};

fn main() {
    let dir = Path::new("src/content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/content exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();

    let mut table = String::from("/// (locale, content JSON) for every `src/content/*.toml`.\n");
    table.push_str("pub static LOCALES: &[(&str, &str)] = &[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let locale = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 file name");
        let text = fs::read_to_string(&path).expect("readable content file");
        let value: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: invalid TOML: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("TOML values map to JSON");
        let file = format!("{out}/content-{locale}.json");
        fs::write(&file, json).expect("OUT_DIR is writable");
        writeln!(table, "    ({locale:?}, include_str!({file:?})),").unwrap();
    }
    table.push_str("];\n");
    fs::write(format!("{out}/locales.rs"), table).expect("OUT_DIR is writable");
}
