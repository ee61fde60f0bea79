//! The README's module map ("How it is built") matches `src/`: every module is in it, and
//! everything it names exists.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// The module map: the first code block after "## How it is built".
fn module_map() -> String {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## How it is built").expect("the section")..];
    let start = section.find("```\n").expect("a code block") + 4;
    let end = start + section[start..].find("```").expect("closed");
    section[start..end].to_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().into_string().unwrap();
            if e.file_type().unwrap().is_dir() {
                format!("{name}/")
            } else {
                name
            }
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_module_of_src_is_in_the_readmes_map() {
    let map = module_map();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in names(&root.join("src")) {
        assert!(
            map.contains(&format!("src/{name}")),
            "the README's module map leaves out src/{name}"
        );
    }
    // The directories split by job name each of their files.
    for dir in [
        "mount",
        "prerender",
        "config",
        "data",
        "content",
        "content/validate",
    ] {
        for name in names(&root.join("src").join(dir)) {
            assert!(
                map.contains(&name),
                "the README's module map leaves out src/{dir}/{name}"
            );
        }
    }
}

#[test]
fn everything_the_readmes_map_names_exists() {
    let map = module_map();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for line in map.lines() {
        // The first column: one path, or several separated by commas.
        let column = line.get(..24).unwrap_or(line);
        for path in column.split([',', ' ']).filter(|p| !p.is_empty()) {
            if path.starts_with("src/")
                || path.starts_with("scripts/")
                || path.starts_with("static/")
            {
                assert!(
                    root.join(path).exists(),
                    "the README's module map names {path}"
                );
            }
        }
    }
}
