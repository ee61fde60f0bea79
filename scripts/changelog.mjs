// Writes the current version's pinned snippet and integrity hashes, from the release
// build's dist/v<version>/release.json, into CHANGELOG.md (that version's section, which
// must exist: its heading, breaking or not, and notes are written by hand) and into the
// README's snippet. Run after `trunk build --release`, before publishing a version:
//
//   node scripts/changelog.mjs          # rewrite both files
//   node scripts/changelog.mjs --check  # exit 1 if either differs (what the test checks)
//
// A published version never changes (the build refuses to rewrite dist/v<version>/), so
// once a version is out, a changed bundle means a new version and a new section.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// Where publishers are told to host the bundle (the README's examples use it too).
export const CDN = "https://cdn.example/trd/";

export function crateVersion(text = readFileSync(join(root, "Cargo.toml"), "utf8")) {
  const version = text.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error("Cargo.toml: no package version");
  return version;
}

/** The pinned snippet of a release: exact version, integrity, crossorigin. */
export function pinnedSnippet(release) {
  const loader = release.files["trd-explainer.js"];
  if (!loader) throw new Error("release.json lists no trd-explainer.js");
  return [
    `<script type="module" src="${CDN}v${release.version}/trd-explainer.js"`,
    `        integrity="${loader.integrity}" crossorigin="anonymous"></script>`,
    `<trd-explainer></trd-explainer>`,
  ].join("\n");
}

const START = (version) => `<!-- release ${version}: written by scripts/changelog.mjs from release.json -->`;
const END = "<!-- /release -->";

/** The generated part of a version's section. */
export function releaseBlock(release) {
  const rows = Object.entries(release.files).map(([path, f]) => `| \`${path}\` | ${f.size} | \`${f.integrity}\` |`);
  return [
    START(release.version),
    "",
    "Pinned snippet (this exact version; the browser refuses the loader if it differs):",
    "",
    "```html",
    pinnedSnippet(release),
    "```",
    "",
    `Every file of \`v${release.version}/\` (as in its \`release.json\`):`,
    "",
    "| file | bytes | integrity |",
    "| --- | --- | --- |",
    ...rows,
    "",
    END,
  ].join("\n");
}

/** CHANGELOG.md with `release`'s block in its version's section. */
export function withBlock(changelog, release) {
  const heading = new RegExp(`^## ${release.version.replace(/\./g, "\\.")}\\b.*$`, "m");
  const found = changelog.match(heading);
  if (!found) throw new Error(`CHANGELOG.md has no section "## ${release.version} …": add it (breaking or not, what changed)`);
  const sectionStart = found.index + found[0].length;
  const next = changelog.slice(sectionStart).search(/^## /m);
  const sectionEnd = next === -1 ? changelog.length : sectionStart + next;
  let section = changelog.slice(sectionStart, sectionEnd);
  const block = releaseBlock(release);
  const from = section.indexOf(START(release.version));
  if (from !== -1) {
    const to = section.indexOf(END, from);
    if (to === -1) throw new Error(`CHANGELOG.md: the ${release.version} block has no ${END}`);
    section = section.slice(0, from) + block + section.slice(to + END.length);
  } else {
    section = `${section.trimEnd()}\n\n${block}\n\n`;
  }
  return changelog.slice(0, sectionStart) + section + changelog.slice(sectionEnd);
}

const README_START = "<!-- pinned snippet: written by scripts/changelog.mjs -->";
const README_END = "<!-- /pinned snippet -->";

/** The README with the current release's pinned snippet. */
export function readmeWithSnippet(readme, release) {
  const from = readme.indexOf(README_START);
  const to = readme.indexOf(README_END);
  if (from === -1 || to === -1) throw new Error(`README.md has no ${README_START} … ${README_END}`);
  const block = `${README_START}\n\`\`\`html\n${pinnedSnippet(release)}\n\`\`\`\n`;
  return readme.slice(0, from) + block + readme.slice(to);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = crateVersion();
  const dist = process.env.TRD_DIST || join(root, "dist");
  const release = JSON.parse(readFileSync(join(dist, `v${version}`, "release.json"), "utf8"));
  const files = [
    ["CHANGELOG.md", (text) => withBlock(text, release)],
    ["README.md", (text) => readmeWithSnippet(text, release)],
  ];
  let stale = [];
  for (const [name, update] of files) {
    const path = join(root, name);
    const text = readFileSync(path, "utf8");
    const next = update(text);
    if (next === text) continue;
    if (process.argv.includes("--check")) stale.push(name);
    else writeFileSync(path, next);
  }
  if (stale.length) {
    console.error(`changelog: ${stale.join(" and ")} do not match v${version}/release.json: run node scripts/changelog.mjs`);
    process.exit(1);
  }
  console.error(`changelog: v${version} ${process.argv.includes("--check") ? "matches" : "written"}`);
}
