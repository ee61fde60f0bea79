// Trunk initializer for the standalone page: if the wasm cannot load or start, the
// prerendered content stays and is shown in full (no controls), never a broken page.
export default function standaloneInitializer() {
  return {
    onFailure(reason) {
      console.error("The treatment guide could not start; showing the full text instead.", reason);
      document.querySelector("[data-trd-standalone]")?.classList.add("trd-no-app");
    },
  };
}
