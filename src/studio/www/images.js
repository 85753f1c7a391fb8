// affiche studio: the picture library: where each picture is used; add by drop or picker; delete
// one nobody uses.
import * as api from "./api.js";
import { el, show, say } from "./dom.js";

export async function imagesPage() {
  let list;
  try {
    list = (await api.images()).images;
  } catch (e) {
    return say(e.message, "error");
  }
  const file = el("input", { type: "file", id: "library-file", accept: ".png,.jpg,.jpeg,.webp,.svg" });
  file.addEventListener("change", async () => {
    try {
      const r = await api.uploadImage(file.files[0]);
      say(`Image « ${r.name} » ajoutée.`, "ok");
      imagesPage();
    } catch (e) {
      say(e.message, "error");
    }
  });
  show(el("section", {},
    el("h2", { text: "Images" }),
    el("label", { for: "library-file", text: "Ajouter une image : " }), file,
    el("ul", { class: "library" }, list.map((image) => el("li", {},
      image.name.endsWith(".svg") ? el("span", { class: "svg", text: "SVG" })
        : el("img", { src: `/api/images/${encodeURIComponent(image.name)}`, alt: "", width: 120 }),
      el("strong", { text: image.name }),
      el("span", { text: image.used_by.length ? `utilisée par : ${image.used_by.join(", ")}` : "inutilisée" }),
      el("button", { type: "button", text: "Supprimer", disabled: image.used_by.length > 0,
        onclick: async () => {
          try { await api.deleteImage(image.name); imagesPage(); } catch (e) { say(e.message, "error"); }
        } }))))));
}
