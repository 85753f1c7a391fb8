// affiche studio: the Écrans page: each screen's last report, its picture, its revision against
// the published one, on/off and why, its last error; screens waiting for approval. Refreshes
// itself every 10 s while shown.
import * as api from "./api.js";
import { el, show, say } from "./dom.js";

const REFRESH_MS = 10000;
let timer = null;

// "40 s", "12 min", "3 h 05", "2 jours"
function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor(s % 3600 / 60)).padStart(2, "0")}`;
  return `${Math.floor(s / 86400)} jours`;
}

const since = (now, iso) => (now - Date.parse(iso)) / 1000;

const RESULTS = {
  unchanged: "à jour, rien de nouveau",
  installed: "nouvelle version installée",
  stale: "publication expirée (personne n’a publié depuis 30 jours)",
  failed: "échec",
  installed_unrecorded: "installée, mais son état n’a pas pu être enregistré",
};

// The player's reasons, in English on the screen's side, said in French here.
const DAYS = { Monday: "lundi", Tuesday: "mardi", Wednesday: "mercredi", Thursday: "jeudi",
  Friday: "vendredi", Saturday: "samedi", Sunday: "dimanche" };
function reason(text) {
  if (!text) return "";
  return text
    .replace(/^no opening hours set$/, "pas d’horaires d’ouverture")
    .replace(/^open until (.+)$/, "ouvert jusqu’à $1")
    .replace(/^open$/, "ouvert")
    .replace(/^closed: (\w+)$/, (_, d) => `fermé le ${DAYS[d] || d}`)
    .replace(/^closed date (.+)$/, "jour de fermeture ($1)")
    .replace(/^closed until (.+)$/, "fermé jusqu’à $1")
    .replace(/^closed$/, "fermé")
    .replace(/\(clock not synchronised yet\)/, "(horloge pas encore à l’heure)");
}

const REFUSALS = { malformed: "mal formés", oversized: "trop gros", signature: "signature fausse",
  other_key: "signés d’une autre clé", replayed: "rejoués", stale: "heure décalée" };
function refusals(refused) {
  const parts = Object.entries(refused || {}).map(([kind, n]) => `${n} ${REFUSALS[kind] || kind}`);
  return parts.length ? `Rapports refusés : ${parts.join(", ")}.` : null;
}

function pendingCard(s, now) {
  const button = el("button", { type: "button", class: "approve", text: "Approuver" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await api.approveScreen(s.name, s.fingerprint);
      say(`Écran « ${s.name} » approuvé.`, "ok");
    } catch (e) {
      say(e.message, "error");
    }
    refresh();
  });
  return el("li", { class: "screen-card pending", dataset: { name: s.name } },
    el("h3", { text: s.name }),
    el("p", {}, "Empreinte de sa clé : ", el("code", { class: "fingerprint", text: s.fingerprint })),
    el("p", { class: "meta", text: `Vu il y a ${duration(since(now, s.last_seen))}.` }),
    el("p", { class: "help", text: "Approuvez-le si cette empreinte est celle que donne « affiche-sync id » sur l’écran." }),
    button);
}

function screenCard(s, now) {
  const silent = s.silent;
  const lines = [];
  lines.push(el("p", { class: silent ? "last-report error" : "last-report",
    text: s.last_report ? `Dernier rapport il y a ${duration(since(now, s.last_report))}` +
      (silent ? " : silencieux pendant les heures d’ouverture." : ".")
      : "Aucun rapport depuis l’approbation." }));
  if (s.last_report) {
    const short = (r) => (r ? r.slice(0, 8) : "aucune");
    lines.push(s.late_since
      ? el("p", { class: "revision late", text: `En retard depuis ${duration(since(now, s.late_since))} : version ${short(s.revision)} à l’écran, ${short(s.published_revision)} publiée.` })
      : el("p", { class: "revision ok", text: s.published_revision ? `À jour (version ${short(s.revision)}).` : `Version ${short(s.revision)} à l’écran.` }));
    const on = s.screen_on === null ? "Écran : état inconnu" : s.screen_on ? "Écran allumé" : "Écran éteint";
    lines.push(el("p", { class: "power", text: on + (s.screen_reason ? ` (${reason(s.screen_reason)}).` : ".") }));
    if (s.announcement) lines.push(el("p", { class: "announcement", text: `Annonce affichée : « ${s.announcement} »` }));
    if (s.sync_error) {
      lines.push(el("p", { class: "sync error", text: `Dernière mise à jour : ${RESULTS[s.sync_result] || s.sync_result}. Erreur : ${s.sync_error}` }));
    } else if (s.sync_result) {
      lines.push(el("p", { class: "sync", text: `Dernière mise à jour : ${RESULTS[s.sync_result] || s.sync_result}.` }));
    }
  }
  const refused = refusals(s.refused);
  if (refused) lines.push(el("p", { class: "refused warnings", text: refused }));
  const picture = s.thumbnail_time
    ? el("img", { src: `/api/screens/${encodeURIComponent(s.name)}/thumbnail?v=${encodeURIComponent(s.thumbnail_time)}`,
      alt: `Ce qu’affiche ${s.name}`, width: 320, height: 180 })
    : el("div", { class: "no-picture", text: "Pas encore d’image" });
  const forget = el("button", { type: "button", class: "forget", text: "Oublier" });
  forget.addEventListener("click", async () => {
    if (!confirm(`Oublier l’écran « ${s.name} » ? Il devra être approuvé de nouveau.`)) return;
    try { await api.forgetScreen(s.name); } catch (e) { say(e.message, "error"); }
    refresh();
  });
  return el("li", { class: silent ? "screen-card approved silent" : "screen-card approved", dataset: { name: s.name } },
    el("h3", { text: s.name }), picture, ...lines, el("div", { class: "actions" }, forget));
}

async function refresh() {
  if (!location.hash.startsWith("#/ecrans")) return stop();
  let list;
  try {
    list = await api.screens();
  } catch (e) {
    return say(e.message, "error");
  }
  if (!location.hash.startsWith("#/ecrans")) return stop(); // left while the answer came
  const now = Date.parse(list.now);
  const pending = list.screens.filter((s) => s.state === "pending");
  const approved = list.screens.filter((s) => s.state === "approved");
  show(el("section", { id: "screens" },
    el("h2", { text: "Écrans" }),
    approved.length ? el("ul", { class: "screens", id: "approved-screens" }, approved.map((s) => screenCard(s, now)))
      : el("p", { text: "Aucun écran approuvé. Un écran apparaît ici dès son premier rapport (« report_url » dans son sync.toml)." }),
    pending.length ? el("div", {},
      el("h3", { text: "En attente d’approbation" }),
      el("ul", { class: "screens", id: "pending-screens" }, pending.map((s) => pendingCard(s, now)))) : null,
    refusals(list.refused_unknown) ? el("p", { class: "warnings", text: "Sans écran connu : " + refusals(list.refused_unknown) }) : null,
    el("p", { class: "meta", text: `Mis à jour toutes les 10 secondes ; heure du studio : ${new Date(now).toLocaleTimeString("fr-FR")}.` })));
}

function stop() {
  clearInterval(timer);
  timer = null;
}

export function screensPage() {
  stop();
  timer = setInterval(refresh, REFRESH_MS);
  return refresh();
}
