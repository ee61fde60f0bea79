//! Versioned, immutable releases (native only; run by the build after minification, see
//! `prerender release` in src/bin/prerender.rs).
//!
//! - Every file of the bundle gets a Subresource Integrity hash (`sha384-…`), computed on
//!   the bytes as shipped, so after `scripts/minify.mjs` has rewritten the scripts.
//! - The loader carries the hashes of the files it loads (`__TRD_INTEGRITY__`) and passes
//!   them to `fetch` and to `modulepreload` links, so a tampered file is refused.
//! - `dist/v<version>/` holds a copy of the bundle with `release.json` (every file, its
//!   size and hash). A build that would change an existing release fails: a published
//!   version never changes under the publishers who pinned it.
//! - `dist/v<major>/` holds the latest release of each major, for hosts that accept
//!   updates (without hashes: they would break at every release).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::{json, Value};
use sha2::{Digest, Sha384};

/// The placeholder in the loader that the release step fills with the hashes of the files
/// it loads, once they are final (after minification).
pub const INTEGRITY_PLACEHOLDER: &str = "__TRD_INTEGRITY__";
/// The name of the file listing a release's files.
pub const RELEASE_MANIFEST: &str = "release.json";

/// A Subresource Integrity value: `sha384-` and the base64 of the digest.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// One file of a release: its path inside the release folder, size and hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseFile {
    pub size: u64,
    pub integrity: String,
}

/// A release: the crate's version and every file under its folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub version: String,
    /// Path (with `/`) → size and hash, sorted.
    pub files: BTreeMap<String, ReleaseFile>,
}

/// Whether a top-level name is a release folder (`v0.1.0`, `v1.2.3-rc.1`) or a major
/// channel (`v0`): never part of another release's bundle.
pub fn is_release_dir(name: &str) -> bool {
    name.strip_prefix('v')
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_digit())
}

/// `v<version>`, the folder of an exact version.
pub fn version_dir(version: &str) -> String {
    format!("v{version}")
}

/// `v<major>`, the channel that follows the latest release of `version`'s major.
pub fn major_dir(version: &str) -> String {
    format!("v{}", version.split('.').next().unwrap_or(version))
}

/// Orders versions numerically (`0.10.0` after `0.9.0`); a pre-release sorts before its
/// release.
pub fn version_key(version: &str) -> (Vec<u64>, bool) {
    let (core, pre) = match version.split_once('-') {
        Some((core, _)) => (core, true),
        None => (version, false),
    };
    let numbers = core.split('.').map(|n| n.parse().unwrap_or(0)).collect();
    (numbers, !pre)
}

/// Every file under `dir` (recursively) as paths relative to it, with `/`, sorted; at
/// the top level, release folders are left out.
pub fn bundle_files(dir: &Path) -> Result<Vec<String>, String> {
    fn walk(base: &Path, dir: &Path, top: bool, out: &mut Vec<String>) -> Result<(), String> {
        let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if path.is_dir() {
                // Trunk's own staging folder and earlier releases are not this bundle.
                if top && (is_release_dir(&name) || name.starts_with('.')) {
                    continue;
                }
                walk(base, &path, false, out)?;
            } else if let Ok(rel) = path.strip_prefix(base) {
                let rel: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(rel.join("/"));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, true, &mut out)?;
    out.sort();
    Ok(out)
}

impl Release {
    /// Hashes every file under `dir` (a release folder).
    pub fn of_dir(dir: &Path, version: &str) -> Result<Release, String> {
        let mut files = BTreeMap::new();
        for path in bundle_files(dir)? {
            let bytes = fs::read(dir.join(&path)).map_err(|e| format!("{path}: {e}"))?;
            files.insert(
                path,
                ReleaseFile {
                    size: bytes.len() as u64,
                    integrity: integrity(&bytes),
                },
            );
        }
        Ok(Release {
            version: version.to_owned(),
            files,
        })
    }

    /// `release.json`.
    pub fn to_json(&self) -> String {
        let files: serde_json::Map<String, Value> = self
            .files
            .iter()
            .map(|(path, f)| {
                (
                    path.clone(),
                    json!({ "size": f.size, "integrity": f.integrity }),
                )
            })
            .collect();
        let v = json!({
            "name": "trd-explainer",
            "version": self.version,
            "files": files,
        });
        format!("{v:#}\n")
    }

    /// Reads a `release.json` back (an earlier build's).
    pub fn from_json(text: &str) -> Result<Release, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let version = v["version"].as_str().ok_or("no version")?.to_owned();
        let mut files = BTreeMap::new();
        for (path, f) in v["files"].as_object().ok_or("no files")? {
            files.insert(
                path.clone(),
                ReleaseFile {
                    size: f["size"].as_u64().ok_or("no size")?,
                    integrity: f["integrity"].as_str().ok_or("no integrity")?.to_owned(),
                },
            );
        }
        Ok(Release { version, files })
    }

    /// What differs from `other` (files added, removed or changed), for the message that
    /// stops a build from rewriting a published version.
    pub fn differences(&self, other: &Release) -> Vec<String> {
        let mut out = Vec::new();
        for (path, f) in &self.files {
            match other.files.get(path) {
                None => out.push(format!("new file {path}")),
                Some(o) if o != f => out.push(format!("changed {path}")),
                _ => {}
            }
        }
        for path in other.files.keys() {
            if !self.files.contains_key(path) {
                out.push(format!("missing {path}"));
            }
        }
        out
    }
}

/// The loader with [`INTEGRITY_PLACEHOLDER`] replaced by `{ "<name>": "sha384-…" }` for
/// each of `names` (files in `dir` that the loader fetches or imports).
pub fn fill_integrity(loader: &str, dir: &Path, names: &[String]) -> Result<String, String> {
    if !loader.contains(INTEGRITY_PLACEHOLDER) {
        return Err(format!("the loader has no {INTEGRITY_PLACEHOLDER}"));
    }
    let mut map = serde_json::Map::new();
    for name in names {
        let bytes = fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        map.insert(name.clone(), Value::String(integrity(&bytes)));
    }
    Ok(loader.replace(INTEGRITY_PLACEHOLDER, &Value::Object(map).to_string()))
}

/// The names the loader loads, from `assets.json` (the build's manifest).
pub fn loaded_names(manifest: &str) -> Result<Vec<String>, String> {
    let v: Value = serde_json::from_str(manifest).map_err(|e| format!("assets.json: {e}"))?;
    let mut names = Vec::new();
    for key in ["glue", "wasm", "wasmModule", "css", "accordion"] {
        names.push(
            v[key]
                .as_str()
                .ok_or_else(|| format!("assets.json has no {key}"))?
                .to_owned(),
        );
    }
    for group in ["content", "body"] {
        for files in v[group].as_object().into_iter().flat_map(|m| m.values()) {
            for name in files.as_object().into_iter().flat_map(|m| m.values()) {
                if let Some(name) = name.as_str() {
                    names.push(name.trim_start_matches("./").to_owned());
                }
            }
        }
    }
    Ok(names)
}

/// A fragment for a release folder: asset URLs under `base` point into the folder
/// (`base` + `folder/`), and, for an exact version (`pin`), its stylesheet and scripts carry
/// their `integrity` (and `crossorigin`, which integrity needs across origins).
pub fn release_fragment(
    html: &str,
    base: &str,
    folder: &str,
    pin: Option<&BTreeMap<String, ReleaseFile>>,
) -> String {
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    // Rewrites each `src="<base>name"` / `href="<base>name"`.
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        out.push_str(&retarget_tag(tag, &base, folder, pin));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn retarget_tag(
    tag: &str,
    base: &str,
    folder: &str,
    pin: Option<&BTreeMap<String, ReleaseFile>>,
) -> String {
    for attr in ["src=\"", "href=\""] {
        let Some(start) = tag.find(&format!("{attr}{base}")) else {
            continue;
        };
        let value_start = start + attr.len() + base.len();
        let Some(len) = tag[value_start..].find('"') else {
            continue;
        };
        let name = &tag[value_start..value_start + len];
        let mut out = format!("{}{folder}/{}", &tag[..value_start], &tag[value_start..]);
        let pinned = pin.and_then(|files| files.get(name));
        let loads = tag.starts_with("<script") || tag.contains("rel=\"stylesheet\"");
        if let (Some(file), true) = (pinned, loads) {
            if !tag.contains("integrity=") {
                let close = if out.ends_with("/>") { 2 } else { 1 };
                let at = out.len() - close;
                out.insert_str(
                    at,
                    &format!(
                        " integrity=\"{}\" crossorigin=\"anonymous\"",
                        file.integrity
                    ),
                );
            }
        }
        return out;
    }
    tag.to_owned()
}

/// Copies `from` (a file or folder) to `to`, creating folders as needed.
pub fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    if from.is_dir() {
        fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
        for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::copy(from, to)
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", from.display()))
    }
}

/// Writes the bundle in `staging` as `v<version>/` (with `release.json`) and as the
/// `v<major>/` channel; keeps the releases of an earlier build in `previous` (Trunk's
/// final dist folder, still the last build's while the hooks run). Fails, naming the
/// changed files, if `previous` holds this version with different files, unless
/// `replace` (a local development server, which publishes nothing). `not_released` names
/// files and folders of the build that are no part of a release (the publisher's page).
pub fn write_release(
    staging: &Path,
    previous: Option<&Path>,
    version: &str,
    public_url: &str,
    replace: bool,
    not_released: &[String],
) -> Result<String, String> {
    let left_out = |path: &str| {
        not_released.iter().any(|name| {
            path == name
                || path
                    .strip_prefix(name.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    };
    let files: Vec<String> = bundle_files(staging)?
        .into_iter()
        .filter(|path| !left_out(path))
        .collect();
    let exact = version_dir(version);
    let major = major_dir(version);
    let is_fragment =
        |path: &str| path.starts_with("trd-explainer.fragment") && path.ends_with(".html");
    // The exact version: fragments point into it, pinned; then hashed.
    let folder = staging.join(&exact);
    for path in files.iter().filter(|p| !is_fragment(p)) {
        copy_tree(&staging.join(path), &folder.join(path))?;
    }
    let pinned = Release::of_dir(&folder, version)?;
    for path in files.iter().filter(|p| is_fragment(p)) {
        let html = fs::read_to_string(staging.join(path)).map_err(|e| format!("{path}: {e}"))?;
        let out = release_fragment(&html, public_url, &exact, Some(&pinned.files));
        fs::write(folder.join(path), out).map_err(|e| format!("{path}: {e}"))?;
    }
    let release = Release::of_dir(&folder, version)?;

    // A published version never changes.
    let mut kept = Vec::new();
    if let Some(previous) = previous.filter(|p| p.is_dir()) {
        let old = previous.join(&exact).join(RELEASE_MANIFEST);
        if let Ok(text) = fs::read_to_string(&old) {
            let earlier =
                Release::from_json(&text).map_err(|e| format!("{}: {e}", old.display()))?;
            let changes = release.differences(&earlier);
            if !changes.is_empty() && !replace {
                return Err(format!(
                    "\n\n  RELEASE {version} ALREADY EXISTS WITH DIFFERENT FILES ({}).\n  \
                     A published version must never change under the publishers who pinned its hashes.\n  \
                     Bump `version` in Cargo.toml and add its section to CHANGELOG.md (scripts/changelog.mjs\n  \
                     writes the hashes). For a local build that is never published, delete dist/ instead.\n  \
                     Changes: {}\n",
                    old.display(),
                    changes.join(", ")
                ));
            }
        }
        // Earlier releases and other majors' channels stay.
        for entry in fs::read_dir(previous).map_err(|e| format!("{}: {e}", previous.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name == exact || name == major;
            if is_release_dir(&name) && !ours && !staging.join(&name).exists() {
                copy_tree(&entry.path(), &staging.join(&name))?;
                kept.push(name);
            }
        }
    }
    fs::write(folder.join(RELEASE_MANIFEST), release.to_json())
        .map_err(|e| format!("{exact}/{RELEASE_MANIFEST}: {e}"))?;

    // The major channel follows the newest release of its major.
    let newest = kept
        .iter()
        .filter(|name| major_dir(name.trim_start_matches('v')) == major && name.contains('.'))
        .map(|name| name.trim_start_matches('v'))
        .all(|other| version_key(other) <= version_key(version));
    if newest {
        let channel = staging.join(&major);
        if channel.exists() {
            fs::remove_dir_all(&channel).map_err(|e| format!("{major}: {e}"))?;
        }
        for path in &files {
            if is_fragment(path) {
                let html =
                    fs::read_to_string(staging.join(path)).map_err(|e| format!("{path}: {e}"))?;
                let out = release_fragment(&html, public_url, &major, None);
                copy_text(&channel.join(path), &out)?;
            } else {
                copy_tree(&staging.join(path), &channel.join(path))?;
            }
        }
    }
    Ok(format!(
        "{exact}/ ({} files, {RELEASE_MANIFEST}){}{}",
        release.files.len(),
        if newest {
            format!(", {major}/")
        } else {
            String::new()
        },
        if kept.is_empty() {
            String::new()
        } else {
            format!(", kept {}", kept.join(", "))
        }
    ))
}

fn copy_text(to: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(to, text).map_err(|e| format!("{}: {e}", to.display()))
}

/// Trunk's final dist folder (the previous build's output while the hooks run).
pub fn previous_dist() -> Option<PathBuf> {
    std::env::var_os("TRUNK_DIST_DIR").map(PathBuf::from)
}
