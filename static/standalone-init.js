// Trunk initializer for the standalone page: if the wasm cannot load or start, the
// prerendered content stays, every card open with working buttons (trd-accordion.js)
// and the controls that need the app hidden, never a broken page.
export default function standaloneInitializer() {
  return {
    onFailure(reason) {
      console.error("The treatment guide could not start; showing the full text instead.", reason);
      const host = document.querySelector("[data-trd-standalone]");
      if (host && !window.trdAccordion?.failed(host)) host.classList.add("trd-no-app");
    },
  };
}
