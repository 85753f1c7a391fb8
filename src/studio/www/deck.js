// affiche studio: the deck page: every slide as the TV draws it, in play order; reorder (drag and
// drop, or the arrows), add, duplicate, delete with undo; the Annonce card above them.
import * as api from "./api.js";
import { el, show, say } from "./dom.js";
import { announcementCard } from "./announcement.js";

const thumbSize = "480x270";

async function act(work, done) {
  try {
    const result = await work();
    await deckPage();
    if (done) done(result);
  } catch (e) {
    say(e.message, "error");
  }
}

function card(slide, index, slides, stamp) {
  const up = index > 0 ? slides[index - 1].id : null;
  const down = index + 1 < slides.length ? slides[index + 1].id : null;
  const node = el("li", { class: "slide-card", draggable: "true", dataset: { id: slide.id } },
    el("a", { href: `#/diapositive/${encodeURIComponent(slide.id)}`, class: "thumb" },
      el("img", { src: api.previewUrl(slide.id, thumbSize, stamp), alt: `Aperçu : ${slide.title}`, width: 240, height: 135 })),
    el("div", { class: "about" },
      el("strong", { class: "title", text: slide.title || slide.id }),
      el("span", { class: "meta", text: `${slide.lang} · ${slide.duration} s` }),
      slide.schedule ? el("span", { class: "schedule", text: slide.schedule }) : null,
      slide.on_screen_now ? el("span", { class: "now", text: "à l’écran maintenant" }) : null),
    el("div", { class: "actions" },
      el("button", { type: "button", class: "up", title: "Avancer", disabled: !up, text: "↑",
        onclick: () => act(() => api.moveSlide(slide.id, { before: up })) }),
      el("button", { type: "button", class: "down", title: "Reculer", disabled: !down, text: "↓",
        onclick: () => act(() => api.moveSlide(slide.id, { after: down })) }),
      el("button", { type: "button", class: "duplicate", text: "Dupliquer",
        onclick: () => act(() => api.duplicateSlide(slide.id)) }),
      el("button", { type: "button", class: "delete", text: "Supprimer",
        onclick: () => remove(slide, up) })));
  node.addEventListener("dragstart", (e) => e.dataTransfer.setData("text/plain", slide.id));
  node.addEventListener("dragover", (e) => e.preventDefault());
  node.addEventListener("drop", (e) => {
    e.preventDefault();
    const moved = e.dataTransfer.getData("text/plain");
    if (moved && moved !== slide.id) act(() => api.moveSlide(moved, { before: slide.id }));
  });
  return node;
}

async function remove(slide, before) {
  let kept;
  try {
    kept = (await api.slide(slide.id)).values;
  } catch (e) {
    return say(e.message, "error");
  }
  await act(() => api.deleteSlide(slide.id), () => {
    say(`« ${slide.title} » supprimée.`);
    const undo = el("button", { type: "button", id: "undo", text: "Annuler",
      onclick: () => act(() => api.addSlideWith({ ...kept, after: before }), () => say("Suppression annulée.")) });
    document.getElementById("message").append(" ", undo);
  });
}

export async function deckPage() {
  let deck;
  try {
    deck = await api.deck();
  } catch (e) {
    return say(e.message, "error");
  }
  const stamp = Date.now();
  const list = el("ol", { id: "slides", class: "slides" },
    deck.slides.map((s, i) => card(s, i, deck.slides, stamp)));
  const hidden = deck.hidden.length
    ? el("details", {}, el("summary", { text: `${deck.hidden.length} diapositives non affichées (autre langue ou désactivées)` }),
      el("ul", {}, deck.hidden.map((s) => el("li", {},
        el("a", { href: `#/diapositive/${encodeURIComponent(s.id)}`, text: `${s.title || s.id} (${s.lang})` })))))
    : null;
  const errors = deck.errors.length
    ? el("ul", { class: "errors" }, deck.errors.map((e) => el("li", { text: e.message })))
    : null;
  const last = deck.slides.length ? deck.slides[deck.slides.length - 1].id : null;
  // The Annonce card stays as it is across redraws of the list (what is being typed in it).
  const annonce = document.getElementById("annonce") || announcementCard(deck.slides);
  show(annonce, el("section", {},
    el("h2", { text: "Diapositives" }),
    el("p", { class: "hint", text: "Dans l’ordre de passage. Glissez une diapositive pour la déplacer." }),
    errors, list,
    last ? el("button", { type: "button", id: "add", text: "Ajouter une diapositive",
      onclick: () => act(() => api.addSlide(last), (r) => { location.hash = `#/diapositive/${encodeURIComponent(r.id)}`; }) }) : null,
    hidden));
}
