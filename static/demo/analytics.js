// Stand-in for a publisher's analytics: listens to the widgets' documented events.
const log = document.getElementById("events");
function record(event) {
  const item = document.createElement("li");
  const source = event.target.id || "trd-explainer";
  item.textContent = `${event.type} from #${source} ${JSON.stringify(event.detail ?? {})}`;
  log.prepend(item);
}
document.addEventListener("trd-explainer:ready", record);
document.addEventListener("trd-explainer:toggle", record);
