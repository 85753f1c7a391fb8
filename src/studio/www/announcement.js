// affiche studio: the « Annonce » card of the first page: a short message shown over every slide
// until a time, with quick choices, a preview on a real slide, publish and withdraw at once.
import * as api from "./api.js";
import { el, say } from "./dom.js";

const maxLength = 140; // code points, as the player counts
const pause = 500; // ms of no typing before the preview redraws
const two = (n) => String(n).padStart(2, "0");
// A Date as <input type="datetime-local">'s value, in the browser's (the practice's) time.
const localValue = (d) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
const atToday = (hhmm) => { const [h, m] = hhmm.split(":").map(Number); const d = new Date(); d.setHours(h, m, 0, 0); return d; };
const frenchTime = (s) => { // "2026-12-08T12:00:00" → "mardi 8 décembre à 12 h 00"
  const d = new Date(s);
  return `${d.toLocaleDateString("fr-FR", { weekday: "long", day: "numeric", month: "long" })} à ${d.getHours()} h ${two(d.getMinutes())}`;
};

function activeBlock(current, onWithdraw) {
  if (!current) return el("p", { id: "annonce-none", class: "hint", text: "Aucune annonce en ce moment." });
  const state = current.active ? "En ce moment à l’écran" : current.past ? "Terminée" : "Programmée";
  return el("div", { id: "annonce-active", class: current.active ? "annonce-now" : "annonce-later" },
    el("strong", { text: `${state} : ` }), el("q", { id: "annonce-active-text", text: current.text }),
    el("span", { id: "annonce-active-until", text: ` jusqu’au ${frenchTime(current.until)}` +
      (current.from ? ` (à partir du ${frenchTime(current.from)})` : "") }),
    el("button", { type: "button", id: "annonce-retirer", text: "Retirer", onclick: onWithdraw }));
}

// slides: the deck page's list, for the preview's slide (the one on screen now, else the first).
export function announcementCard(slides) {
  const text = el("textarea", { id: "annonce-text", rows: 2, placeholder: "Le Dr X a environ 30 minutes de retard" });
  const count = el("span", { id: "annonce-count", class: "hint" });
  const until = el("input", { type: "datetime-local", id: "annonce-until" });
  const chosen = el("p", { id: "annonce-until-hint", class: "hint" });
  const errors = { text: el("p", { class: "field-error", id: "annonce-error-text", role: "alert" }),
    until: el("p", { class: "field-error", id: "annonce-error-until", role: "alert" }),
    "": el("p", { class: "field-error", id: "annonce-error", role: "alert" }) };
  const image = el("img", { id: "annonce-preview", alt: "Aperçu de l’annonce sur une diapositive", width: 480, height: 270, hidden: true });
  const publish = el("button", { type: "button", id: "annonce-publier", text: "Publier l’annonce" });
  const status = el("div", { id: "annonce-status" });
  const quick = el("div", { class: "actions", id: "annonce-choix" });
  const slide = (slides.find((s) => s.on_screen_now) || slides[0] || {}).id;
  let dayEnd = { time: "18:00", from_schedule: false };
  let timer = null, drawn = "";

  const body = () => ({ text: text.value.trim(), until: until.value });
  function showErrors(list) {
    for (const p of Object.values(errors)) p.textContent = "";
    for (const e of list) (errors[e.key] || errors[""]).textContent += (errors[e.key]?.textContent ? " " : "") + e.message;
  }
  function counted() {
    const n = [...text.value.trim()].length;
    count.textContent = `${n} / ${maxLength} caractères`;
    count.className = n > maxLength ? "field-error" : "hint";
  }
  async function preview() {
    const b = body();
    if (!slide || !b.text || !b.until || JSON.stringify(b) === drawn) return;
    drawn = JSON.stringify(b);
    try {
      const blob = await api.announcementPreview(b, slide, "960x540");
      if (drawn !== JSON.stringify(b)) return;
      if (image.src.startsWith("blob:")) URL.revokeObjectURL(image.src);
      image.src = URL.createObjectURL(blob);
      image.hidden = false;
      showErrors([]);
    } catch (e) {
      drawn = "";
      showErrors(e.errors || [{ key: "", message: e.message }]);
    }
  }
  const later = () => { clearTimeout(timer); timer = setTimeout(preview, pause); };
  function choose(date, why) {
    until.value = localValue(date);
    chosen.textContent = why;
    later();
  }
  async function refresh() {
    try {
      const got = await api.announcement();
      dayEnd = got.day_end;
      status.replaceChildren(activeBlock(got.announcement, withdraw));
      quick.replaceChildren(...[
        el("button", { type: "button", id: "annonce-1h", text: "dans 1 heure",
          onclick: () => { const d = new Date(Date.now() + 3600e3); d.setSeconds(0, 0); choose(d, `Jusqu’à ${d.getHours()} h ${two(d.getMinutes())}, dans une heure.`); } }),
        new Date().getHours() < 12 ? el("button", { type: "button", id: "annonce-midi", text: "jusqu’à 12 h",
          onclick: () => choose(atToday("12:00"), "Jusqu’à midi aujourd’hui.") }) : null,
        el("button", { type: "button", id: "annonce-soir", text: "fin de la journée",
          onclick: () => choose(atToday(dayEnd.time), dayEnd.from_schedule
            ? `Jusqu’à ${dayEnd.time.replace(":", " h ")}, l’heure de fermeture d’aujourd’hui selon les horaires du diaporama.`
            : `Jusqu’à ${dayEnd.time.replace(":", " h ")} : le diaporama ne donne pas d’heure de fermeture pour aujourd’hui.`) }),
      ].filter(Boolean));
    } catch (e) {
      say(e.message, "error");
    }
  }
  async function withdraw() {
    try {
      const r = await api.withdrawAnnouncement();
      say(`Annonce retirée : version ${r.sequence} publiée, les écrans la prendront à leur prochaine mise à jour.`, "ok");
      await refresh();
    } catch (e) {
      say(e.message, "error");
    }
  }
  publish.addEventListener("click", async () => {
    publish.disabled = true;
    try {
      const r = await api.publishAnnouncement(body());
      showErrors([]);
      say(`Annonce publiée : version ${r.sequence}, les écrans la prendront à leur prochaine mise à jour (une minute environ).`, "ok");
      text.value = ""; until.value = ""; chosen.textContent = ""; image.hidden = true; drawn = ""; counted();
      await refresh();
    } catch (e) {
      showErrors(e.errors || [{ key: "", message: e.message }]);
    } finally {
      publish.disabled = false;
    }
  });
  text.addEventListener("input", () => { counted(); later(); });
  until.addEventListener("input", () => { chosen.textContent = ""; later(); });
  counted();
  refresh();
  return el("section", { id: "annonce", class: "card annonce" },
    el("h2", { text: "Annonce" }),
    el("p", { class: "hint", text: "Un message court, affiché en bandeau sur toutes les diapositives de tous les écrans, qui disparaît tout seul à l’heure choisie." }),
    status,
    el("div", { class: "annonce-form" },
      el("div", { class: "fields" },
        el("div", { class: "field" }, el("label", { for: "annonce-text", text: "Texte" }), text, count, errors.text),
        el("div", { class: "field" }, el("label", { for: "annonce-until", text: "Jusqu’à" }), quick, until, chosen, errors.until),
        errors[""],
        el("div", { class: "buttons" }, publish)),
      el("div", { class: "preview" }, image)));
}
