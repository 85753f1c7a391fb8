// affiche studio: start-up and the page router (#/diapositives, #/diapositive/ID, #/images,
// #/publier, #/ecrans). A new page adds one entry to `pages`.
import * as api from "./api.js";
import { el, show, say } from "./dom.js";
import { deckPage } from "./deck.js";
import { editorPage } from "./editor.js";
import { imagesPage } from "./images.js";
import { publishPage } from "./publish.js";
import { screensPage } from "./screens.js";

const pages = [
  [/^#\/diapositive\/(.+)$/, (m) => editorPage(decodeURIComponent(m[1]))],
  [/^#\/images$/, () => imagesPage()],
  [/^#\/publier$/, () => publishPage()],
  [/^#\/ecrans$/, () => screensPage()],
  [/^.*$/, () => deckPage()],
];

function loginPage() {
  document.getElementById("nav").hidden = true;
  const password = el("input", { type: "password", id: "password", autocomplete: "current-password", required: true });
  const form = el("form", { id: "login", class: "card narrow" },
    el("h2", { text: "Connexion" }),
    el("label", { for: "password", text: "Mot de passe" }), password,
    el("button", { type: "submit", id: "login-button", text: "Se connecter" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api.login(password.value);
      say("");
      route();
    } catch (e) {
      say(e.message, "error");
    }
  });
  show(form);
  password.focus();
}

async function route() {
  try {
    await api.resume();
  } catch (_) {
    return loginPage();
  }
  document.getElementById("nav").hidden = false;
  for (const [pattern, page] of pages) {
    const m = location.hash.match(pattern);
    if (m) return page(m);
  }
}

document.getElementById("logout").addEventListener("click", async () => {
  try { await api.logout(); } catch (_) { /* already out */ }
  location.hash = "";
  loginPage();
});
window.addEventListener("hashchange", () => { say(""); route(); });
route();
