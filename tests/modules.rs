//! The module graph has no circles: no module uses one that (directly or through others)
//! uses it back, so each can be read, tested and changed from the bottom up.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every module of the library (`content::model`) with its source text.
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "bin" {
                let mut inner = prefix.to_vec();
                inner.push(name);
                modules(&path, &inner, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut parts = prefix.to_vec();
            if name != "mod" && name != "lib" {
                parts.push(name);
            }
            out.insert(parts.join("::"), fs::read_to_string(&path).unwrap());
        }
    }
}

/// The modules `source` (module `of`) names through `crate::…` and `super::…` paths,
/// `{a, b}` groups included; naming an ancestor module is not an edge (a child is part of it).
fn uses(of: &str, source: &str, known: &BTreeMap<String, String>) -> Vec<String> {
    let code: String = source
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let parent = of.rsplit_once("::").map_or("", |(p, _)| p);
    let mut out = Vec::new();
    for (root, base) in [("crate::", String::new()), ("super::", parent.to_owned())] {
        for (at, _) in code.match_indices(root) {
            let rest = &code[at + root.len()..];
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path = path.trim_end_matches(':');
            let mut targets = vec![path.to_owned()];
            if let Some(group) = rest[path.len()..].strip_prefix("::{") {
                let group = group.split('}').next().unwrap_or("");
                targets = group
                    .split(',')
                    .map(|t| format!("{path}::{}", t.trim().split(' ').next().unwrap_or("")))
                    .collect();
            }
            for target in targets {
                let full = if base.is_empty() {
                    target
                } else {
                    format!("{base}::{target}")
                };
                // The longest module the path starts with.
                let segments: Vec<&str> = full.split("::").collect();
                let module = (1..=segments.len())
                    .rev()
                    .map(|n| segments[..n].join("::"))
                    .find(|m| known.contains_key(m));
                if let Some(m) = module {
                    let ancestor = of == m || of.starts_with(&format!("{m}::"));
                    if !ancestor && !out.contains(&m) {
                        out.push(m);
                    }
                }
            }
        }
    }
    out
}

#[test]
fn no_module_uses_one_that_uses_it_back() {
    let mut known = BTreeMap::new();
    modules(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &[],
        &mut known,
    );
    assert!(known.contains_key("content::model") && known.contains_key("state"));
    let graph: BTreeMap<&str, Vec<String>> = known
        .iter()
        .map(|(m, source)| (m.as_str(), uses(m, source, &known)))
        .collect();
    // Depth-first search; a module met again while it is on the path closes a circle.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<&str, Vec<String>>,
        path: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
    ) {
        if let Some(at) = path.iter().position(|p| *p == m) {
            panic!("import circle: {} -> {m}", path[at..].join(" -> "));
        }
        if done.contains(&m) {
            return;
        }
        path.push(m);
        for next in &graph[m] {
            visit(next, graph, path, done);
        }
        path.pop();
        done.push(m);
    }
    let mut done = Vec::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done);
    }
}

/// Each source file does one job and fits in a reader's head: none is over 500 lines
/// (issue 26). A file that grows past it is split by job, not cut anywhere.
#[test]
fn no_source_file_is_over_500_lines() {
    fn files(dir: &Path, out: &mut Vec<(String, usize)>) {
        for entry in fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let lines = fs::read_to_string(&path).unwrap().lines().count();
                let name = path
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&path);
                out.push((name.display().to_string(), lines));
            }
        }
    }
    let mut all = Vec::new();
    files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut all,
    );
    assert!(all.len() > 50, "the source files are found");
    let long: Vec<String> = all
        .into_iter()
        .filter(|(_, lines)| *lines > 500)
        .map(|(path, lines)| format!("{path}: {lines} lines"))
        .collect();
    assert!(long.is_empty(), "split by job:\n  {}", long.join("\n  "));
}
