// affiche studio: the JSON API as functions; keeps the CSRF token for state-changing calls.
let csrf = "";

export class ApiError extends Error {
  constructor(status, errors) {
    super(errors.map((e) => e.message).join(" "));
    this.status = status;
    this.errors = errors;
  }
}

async function call(method, path, { body, headers = {}, raw = false } = {}) {
  const h = { ...headers };
  if (method !== "GET") h["X-CSRF-Token"] = csrf;
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    h["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers: h, body: payload, credentials: "same-origin" });
  if (!res.ok) {
    let errors = [{ key: null, message: `Erreur ${res.status}` }];
    try {
      errors = (await res.json()).errors || errors;
    } catch (_) { /* not JSON */ }
    throw new ApiError(res.status, errors);
  }
  if (raw) return res;
  return res.json();
}

export async function login(password) {
  csrf = (await call("POST", "/api/login", { body: { password } })).csrf;
}
export async function resume() {
  csrf = (await call("GET", "/api/session")).csrf;
}
export const logout = () => call("POST", "/api/logout");
export const deck = () => call("GET", "/api/deck");
export async function slide(id) {
  const res = await call("GET", `/api/slides/${encodeURIComponent(id)}`, { raw: true });
  return { values: await res.json(), tag: res.headers.get("ETag") };
}
export async function saveSlide(id, values, tag) {
  const res = await call("PUT", `/api/slides/${encodeURIComponent(id)}`,
    { body: values, headers: { "If-Match": tag }, raw: true });
  return res.headers.get("ETag");
}
export const checkDraft = (id, values) =>
  call("POST", `/api/slides/${encodeURIComponent(id)}/check`, { body: values });
export async function previewDraft(id, values, size) {
  const res = await call("POST", `/api/slides/${encodeURIComponent(id)}/preview.png?size=${size}`,
    { body: values, raw: true });
  return res.blob();
}
export const previewUrl = (id, size, stamp) =>
  `/api/slides/${encodeURIComponent(id)}/preview.png?size=${size}&v=${stamp}`;
export const addSlide = (after) => call("POST", "/api/slides", { body: { after } });
export const addSlideWith = (values) => call("POST", "/api/slides", { body: values });
export const duplicateSlide = (id) =>
  call("POST", `/api/slides/${encodeURIComponent(id)}/duplicate`, { body: {} });
export const deleteSlide = (id) => call("DELETE", `/api/slides/${encodeURIComponent(id)}`);
export const moveSlide = (id, where) =>
  call("POST", `/api/slides/${encodeURIComponent(id)}/move`, { body: where });
export const images = () => call("GET", "/api/images");
export function uploadImage(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  return call("POST", "/api/images", { body: form });
}
export const deleteImage = (name) => call("DELETE", `/api/images/${encodeURIComponent(name)}`);
export const publishDiff = () => call("GET", "/api/publish/diff");
export const publish = () => call("POST", "/api/publish", { body: {} });
export const history = () => call("GET", "/api/history");
export const restore = (revision) => call("POST", `/api/history/${revision}/restore`, { body: {} });
export const screens = () => call("GET", "/api/screens");
export const approveScreen = (name, fingerprint) =>
  call("POST", `/api/screens/${encodeURIComponent(name)}/approve`, { body: { fingerprint } });
export const forgetScreen = (name) => call("DELETE", `/api/screens/${encodeURIComponent(name)}`);
export const announcement = () => call("GET", "/api/announcement");
export const publishAnnouncement = (values) => call("PUT", "/api/announcement", { body: values });
export const withdrawAnnouncement = () => call("DELETE", "/api/announcement");
export async function announcementPreview(values, slide, size) {
  const res = await call("POST", `/api/announcement/preview.png?size=${size}&slide=${encodeURIComponent(slide)}`,
    { body: values, raw: true });
  return res.blob();
}
