// affiche studio: the publish page: what changed since the last publication (before/after), the
// button that signs and writes the site folder, and the history with "Remettre cette version".
import * as api from "./api.js";
import { el, show, say } from "./dom.js";

// Width and height given: the page must not move while the pictures arrive, or the « Publier »
// button shifts under a click that then lands on a thumbnail.
function thumbs(id, before, stamp) {
  return el("li", { class: "change" },
    el("strong", { text: id }),
    before ? el("img", { src: `/api/published/slides/${encodeURIComponent(id)}/preview.png?v=${stamp}`, alt: "avant", width: 240, height: 135 }) : null,
    el("img", { src: api.previewUrl(id, "480x270", stamp), alt: "après", width: 240, height: 135 }));
}

export async function publishPage() {
  let diff, history;
  try {
    [diff, history] = await Promise.all([api.publishDiff(), api.history()]);
  } catch (e) {
    return say(e.message, "error");
  }
  const stamp = Date.now();
  const nothing = !diff.added.length && !diff.removed.length && !diff.changed.length;
  const result = el("p", { id: "publish-result" });
  const button = el("button", { type: "button", id: "publish-button", text: "Publier", disabled: !diff.valid });
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const r = await api.publish();
      result.textContent = `Publié : version ${r.sequence} (${r.revision}). Les écrans la prendront à leur prochaine mise à jour.`;
      say("Publié.", "ok");
    } catch (e) {
      result.textContent = e.message;
      say(e.message, "error");
    }
    button.disabled = false;
  });
  show(el("section", {},
    el("h2", { text: "Publier" }),
    el("p", { text: diff.published ? `Dernière publication : version ${diff.published.sequence}, ${diff.published.created}.` : "Rien n’est encore publié." }),
    nothing && diff.published ? el("p", { text: "Aucun changement depuis." }) : null,
    diff.changed.length ? el("div", {}, el("h3", { text: "Modifiées" }), el("ul", { class: "changes", id: "changed" }, diff.changed.map((id) => thumbs(id, true, stamp)))) : null,
    diff.added.length ? el("div", {}, el("h3", { text: "Ajoutées" }), el("ul", { class: "changes", id: "added" }, diff.added.map((id) => thumbs(id, false, stamp)))) : null,
    diff.removed.length ? el("div", {}, el("h3", { text: "Retirées" }), el("ul", { id: "removed" }, diff.removed.map((id) => el("li", { text: id })))) : null,
    diff.valid ? null : el("p", { class: "error", text: "Le diaporama contient des erreurs : corrigez-les avant de publier." }),
    button, result,
    el("h3", { text: "Historique" }),
    el("ul", { id: "history" }, history.history.map((h) => el("li", {},
      el("span", { text: `Version ${h.sequence}, ${h.created} (${h.revision})` }),
      h.available ? el("button", { type: "button", text: "Remettre cette version",
        onclick: async () => {
          try { const r = await api.restore(h.revision); say(`Version remise en ligne : ${r.sequence}.`, "ok"); publishPage(); }
          catch (e) { say(e.message, "error"); }
        } }) : null)))));
}
