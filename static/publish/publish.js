// Starts the publisher's page (publish.html): its own wasm, built from the same crate with
// the `publisher` feature, so an embed never downloads the page's code. The preview's
// <trd-explainer> runs on the real loader, which the page loads itself.
// The page's data names the files, relative to the build's root.
const data = JSON.parse(document.getElementById("trd-publish-data").textContent);
const root = new URL(data.root || "./", location.href);
const glue = await import(new URL(data.app.glue, root).href);
await glue.default({ module_or_path: new URL(data.app.wasm, root) });
glue.startPublisher();
