// Optional, for host pages that allow one script: every iframe showing the TRD guide
// (embed.html) takes the height its page reports, so it never scrolls inside.
//   <script src="https://cdn.example/trd/v0.1.0/trd-embed-resize.js" async></script>
// It sets the iframe's `height` attribute (no inline style, so strict policies allow it)
// of the frame the message came from, and only that one.
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "trd-explainer:height" || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source) frame.height = String(Math.max(100, Math.ceil(data.height)));
  }
});
