// affiche studio: the slide editor: fields, the checker's messages beside them while typing, the
// live preview from the player's renderer, picture drop, save with conflict detection.
import * as api from "./api.js";
import { el, show, say } from "./dom.js";

const pause = 400; // ms of no typing before checking and redrawing
const days = [["mon", "lun."], ["tue", "mar."], ["wed", "mer."], ["thu", "jeu."], ["fri", "ven."], ["sat", "sam."], ["sun", "dim."]];
const positions = [["right", "à droite"], ["left", "à gauche"], ["top", "en haut"], ["full", "seule, plein écran"], ["background", "en fond"]];

function field(key, label, input, help) {
  input.id = `field-${key}`;
  input.dataset.key = key;
  return el("div", { class: "field", id: `box-${key}` },
    el("label", { for: input.id, text: label }), input,
    help ? el("p", { class: "help", id: `help-${key}`, text: help }) : null,
    el("p", { class: "field-error", id: `error-${key}`, role: "alert" }),
    el("p", { class: "field-warning", id: `warning-${key}` }));
}

export async function editorPage(id) {
  let loaded, library;
  try {
    [loaded, library] = await Promise.all([api.slide(id), api.images()]);
  } catch (e) {
    return say(e.message, "error");
  }
  const original = loaded.values;
  let tag = loaded.tag;
  const dirty = new Set();
  const v = (key) => original[key];

  const inputs = {
    title: el("input", { type: "text", value: v("title") || "" }),
    subtitle: el("input", { type: "text", value: v("subtitle") || "" }),
    body: el("textarea", { rows: 7 }),
    bullets: el("textarea", { rows: 4 }),
    image: el("select", {}, el("option", { value: "", text: "(aucune)" }),
      library.images.map((i) => el("option", { value: i.name, text: i.name, selected: i.name === v("image") }))),
    image_alt: el("input", { type: "text", value: v("image_alt") || "" }),
    image_position: el("select", {}, positions.map(([p, t]) => el("option", { value: p, text: t, selected: p === (v("image_position") || "right") }))),
    duration: el("input", { type: "number", min: 1, max: 3600, step: 1, value: v("duration") ?? "" }),
    from: el("input", { type: "text", placeholder: "2026-12-20 ou 2026-12-20 08:00", value: v("from") || "" }),
    until: el("input", { type: "text", placeholder: "2026-12-27", value: v("until") || "" }),
    hours: el("input", { type: "text", placeholder: "08:00-12:30, 14:00-18:00",
      value: Array.isArray(v("hours")) ? v("hours").join(", ") : v("hours") || "" }),
    enabled: el("input", { type: "checkbox", checked: v("enabled") !== false }),
    fallback: el("input", { type: "checkbox", checked: v("fallback") === true }),
  };
  inputs.body.value = v("body") || "";
  inputs.bullets.value = (v("bullets") || []).join("\n");
  const dayBoxes = days.map(([d, t]) => el("label", { class: "day" },
    el("input", { type: "checkbox", value: d, checked: (v("days") || []).includes(d), dataset: { key: "days" } }), t));

  // The values of the touched fields, as the API takes them.
  function values() {
    const out = {};
    const text = (k) => inputs[k].value.trim() === "" ? null : inputs[k].value;
    for (const k of dirty) {
      if (["title", "subtitle", "body", "image", "image_alt", "image_position", "from", "until"].includes(k)) out[k] = text(k);
      else if (k === "bullets") out.bullets = inputs.bullets.value.split("\n").map((s) => s.trim()).filter(Boolean);
      else if (k === "duration") out.duration = inputs.duration.value === "" ? null : Number(inputs.duration.value);
      else if (k === "hours") {
        const list = inputs.hours.value.split(",").map((s) => s.trim()).filter(Boolean);
        out.hours = list.length ? list : null;
      } else if (k === "days") {
        const list = dayBoxes.map((b) => b.firstChild).filter((c) => c.checked).map((c) => c.value);
        out.days = list.length ? list : null;
      } else if (k === "enabled" || k === "fallback") out[k] = inputs[k].checked;
    }
    return out;
  }

  const preview = el("img", { id: "preview-image", alt: "Aperçu de la diapositive" });
  const size = el("select", { id: "preview-size" },
    el("option", { value: "1920x1080", text: "Écran horizontal 1920×1080" }),
    el("option", { value: "1080x1920", text: "Écran vertical 1080×1920" }));
  const suggestion = el("p", { class: "help", id: "reading-time" });
  const conflict = el("div", { id: "conflict", class: "conflict", hidden: true });
  const save = el("button", { type: "submit", id: "save", text: "Enregistrer" });
  let shownUrl = null;
  let generation = 0;

  function showMessages(kind, list) {
    for (const node of document.querySelectorAll(`.field-${kind}`)) node.textContent = "";
    const general = document.getElementById(`general-${kind}`);
    general.textContent = "";
    for (const m of list) {
      const spot = m.key && document.getElementById(`${kind}-${m.key}`);
      if (spot) spot.textContent = spot.textContent ? `${spot.textContent} ${m.message}` : m.message;
      else general.append(el("li", { text: m.message }));
    }
  }

  // The reading-time rule (docs/content.md) is the studio's: it sends the shortest duration for
  // the text with the slide and with each check, and refuses a shorter one.
  function showReadingTime(seconds) {
    suggestion.textContent = typeof seconds === "number" ? `Au moins ${seconds} s pour lire ce texte.` : "";
  }

  async function refresh() {
    const mine = ++generation;
    const draft = values();
    try {
      const found = await api.checkDraft(id, draft);
      if (mine !== generation) return;
      showReadingTime(found.min_duration);
      showMessages("error", found.errors);
      showMessages("warning", found.warnings);
      save.disabled = found.errors.length > 0;
      if (found.errors.length) return;
      const blob = await api.previewDraft(id, draft, size.value);
      if (mine !== generation) return;
      if (shownUrl) URL.revokeObjectURL(shownUrl);
      shownUrl = URL.createObjectURL(blob);
      preview.src = shownUrl;
      preview.dataset.generation = String(mine);
    } catch (e) {
      if (mine === generation) say(e.message, "error");
    } finally {
      // The messages, the save button and the preview's address now match the fields.
      if (mine === generation && timer === null) form.setAttribute("aria-busy", "false");
    }
  }
  let timer = null;
  function changed(event) {
    const key = event.target.dataset.key;
    if (key) dirty.add(key);
    // Busy from the first key until the check of the last one is shown (also what the browser
    // test waits for, instead of reading messages that may be one check behind).
    form.setAttribute("aria-busy", "true");
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; refresh(); }, pause);
  }

  const drop = el("div", { id: "drop", class: "drop", text: "Déposez une image ici, ou " });
  const file = el("input", { type: "file", id: "file", accept: ".png,.jpg,.jpeg,.webp,.svg" });
  drop.append(file);
  async function upload(f) {
    try {
      say(`Envoi de « ${f.name} »…`);
      const r = await api.uploadImage(f);
      if (![...inputs.image.options].some((o) => o.value === r.name))
        inputs.image.append(el("option", { value: r.name, text: r.name }));
      inputs.image.value = r.name;
      dirty.add("image");
      say(`Image « ${r.name} » ajoutée : décrivez-la dans « Description de l’image ».`);
      refresh();
    } catch (e) {
      document.getElementById("error-image").textContent = e.message;
      say(e.message, "error");
    }
  }
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
  file.addEventListener("change", () => { if (file.files.length) upload(file.files[0]); });

  const form = el("form", { id: "editor", class: "editor", dataset: { slide: id } },
    el("div", { class: "fields" },
      field("title", "Titre", inputs.title),
      field("subtitle", "Sous-titre", inputs.subtitle),
      field("body", "Texte", inputs.body, "Une ligne vide sépare deux paragraphes."),
      field("bullets", "Liste à puces", inputs.bullets, "Un élément par ligne."),
      field("image", "Image", inputs.image), drop,
      field("image_alt", "Description de l’image", inputs.image_alt, "Pour qui ne la voit pas : obligatoire avec une image."),
      field("image_position", "Place de l’image", inputs.image_position),
      field("duration", "Durée (secondes)", inputs.duration), suggestion,
      el("fieldset", {}, el("legend", { text: "Quand l’afficher (vide : toujours)" }),
        field("from", "À partir du", inputs.from),
        field("until", "Jusqu’au", inputs.until),
        el("div", { class: "field", id: "box-days" }, el("span", { text: "Jours" }), ...dayBoxes,
          el("p", { class: "field-error", id: "error-days" }), el("p", { class: "field-warning", id: "warning-days" })),
        field("hours", "Heures", inputs.hours)),
      field("enabled", "Affichée", inputs.enabled),
      field("fallback", "Seulement quand rien d’autre n’est à afficher", inputs.fallback),
      el("ul", { id: "general-error", class: "errors" }),
      el("ul", { id: "general-warning", class: "warnings" }),
      conflict,
      el("div", { class: "buttons" }, save, el("a", { href: "#/diapositives", text: "Retour aux diapositives" }))),
    el("div", { class: "preview" }, size, preview));
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  size.addEventListener("change", refresh);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // Say it at once: « Enregistré. » from an earlier save must not stand for this one.
    say("Enregistrement…");
    // What was sent: a field typed into while the save travels stays unsaved (dirty).
    const sent = values();
    try {
      tag = await api.saveSlide(id, sent, tag);
      Object.assign(original, sent);
      const now = values();
      for (const k of Object.keys(sent)) if (JSON.stringify(now[k]) === JSON.stringify(sent[k])) dirty.delete(k);
      say("Enregistré.", "ok");
    } catch (e) {
      if (e.status === 412) {
        conflict.hidden = false;
        conflict.replaceChildren(el("p", { text: e.message }),
          el("button", { type: "button", text: "Recharger la diapositive", onclick: () => editorPage(id) }));
      } else if (e.status === 422) {
        showMessages("error", e.errors);
      } else {
        say(e.message, "error");
      }
    }
  });

  show(el("h2", {}, "Modifier : ", el("span", { text: original.title || id })), form);
  showReadingTime(original.min_duration);
  preview.src = api.previewUrl(id, size.value, Date.now());
}
