#!/usr/bin/python3
# affiche-studio in a real browser (headless Chromium + Selenium): log in, edit a title and see
# the preview change, an error beside its field, a picture added, two slides reordered, a
# conflict between two sessions, an XSS title shown as text, publish, an announcement published
# and withdrawn from the Annonce card, then a real `affiche-sync pull` from the studio's /site/ and
# `affiche --render` drawing the new title; the Écrans page: a screen's signed report waits for
# approval, is approved, then shows its state.
# Usage: browser_test.py STUDIO SYNC AFFICHE SOURCE_DIR. Exit 77 when Chromium, chromedriver,
# Selenium, python3-cryptography or minisign is missing. AFFICHE_SCREENSHOTS=DIR saves the
# interface's screenshots.
import base64, json, os, shutil, socket, subprocess, sys, time, urllib.request

STUDIO, SYNC, AFFICHE, SOURCE = sys.argv[1:5]
from browser_support import check, cleanup, request, browser, wait, login, cookie_jar, drivers
import browser_support
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoAlertPresentException
try: # a screen's Ed25519 key, as affiche-sync makes one
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization
except ImportError:
    print("skipped: python3-cryptography missing"); sys.exit(77)

SLIDE = "chimio-definition"
NEW_TITLE = "Chimiothérapie expliquée" # two words, as before: the reading time stays enough
started = time.monotonic()
shots = os.environ.get("AFFICHE_SCREENSHOTS")

# --- the studio on a free loopback port, over a copy of the shipped deck --------------------
BASE = browser_support.start_studio(STUDIO, SOURCE, "affiche-studio-browser-")
work, content = browser_support.work, browser_support.content


def open_editor(d, slide):
    d.get(f"{BASE}/#/diapositive/{slide}")
    wait(d, lambda: d.find_elements(By.CSS_SELECTOR, f'#editor[data-slide="{slide}"] #field-title'), f"editor of {slide} open")


def preview_bytes(d):
    # The preview <img> as the page holds it (a blob: URL after a redraw; a newer redraw may
    # revoke it while we read: read again).
    for _ in range(20):
        got = d.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch(document.getElementById('preview-image').src).then(r => r.arrayBuffer())
              .then(b => { let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); })
              .catch(() => done(null));
        """)
        if got: return got
        time.sleep(0.1)
    raise AssertionError("cannot read the preview")


def write_png(path, w=64, h=48):
    # A small RGB PNG from zlib alone: the tests keep no binary fixture.
    import struct, zlib
    rows = b"".join(b"\x00" + b"".join(bytes([x * 4 % 256, 120, y * 5 % 256]) for x in range(w))
                    for y in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def replace_text(element, text):
    element.clear()
    element.send_keys(text)


def settled(d):
    # The editor marks itself busy from a key until the check of the last key is shown.
    return d.find_element(By.ID, "editor").get_attribute("aria-busy") != "true"


def can_save(d):
    return settled(d) and not d.find_element(By.ID, "save").get_property("disabled")


def saved(d):
    return d.find_element(By.ID, "message").text == "Enregistré."


def save(d, what):
    # The page says « Enregistrement… » as the click submits, so « Enregistré. » from an
    # earlier save cannot pass for this one.
    d.find_element(By.ID, "save").click()
    wait(d, lambda: saved(d), what)


def draft_png(d, slide, draft):
    # The server's PNG of a draft, as the editor asks for it (the session's CSRF token).
    jar = cookie_jar(d)
    status, body, _ = request("GET", "/api/session", headers=jar)
    check(status == 200, "session token read")
    status, png, _ = request("POST", f"/api/slides/{slide}/preview.png?size=1920x1080", draft,
                             {**jar, "X-CSRF-Token": json.loads(body)["csrf"], "Content-Type": "application/json"})
    check(status == 200, f"server's preview of the draft {draft}")
    return base64.b64encode(png).decode()


try:
    a = browser()
    login(a)
    if shots: a.save_screenshot(os.path.join(shots, "studio-diapositives.png"))

    # Change a title: the preview redraws with it; save.
    open_editor(a, SLIDE)
    wait(a, lambda: a.execute_script("const i = document.getElementById('preview-image'); return i.complete && i.naturalWidth > 0;"), "first preview drawn")
    before = preview_bytes(a)
    replace_text(a.find_element(By.ID, "field-title"), NEW_TITLE)
    # Selenium types key by key: under load the pause can pass mid-word and draw a part of the
    # title first. Wait for the preview of the whole title, loaded in the <img>.
    expected = draft_png(a, SLIDE, {"title": NEW_TITLE})
    drawn = lambda: a.execute_script("const i = document.getElementById('preview-image'); return i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0;")
    wait(a, lambda: drawn() and preview_bytes(a) == expected, "preview redrawn with the whole new title")
    after = preview_bytes(a)
    check(after != before, "the preview changed with the title")
    save(a, "title saved")
    if shots: a.save_screenshot(os.path.join(shots, "studio-edition.png"))

    # The same pixels as the server's PNG of the saved slide at 1920x1080 (the player's renderer).
    status, cookie_png, _ = request("GET", f"/api/slides/{SLIDE}/preview.png?size=1920x1080", headers=cookie_jar(a))
    check(status == 200 and base64.b64decode(after) == cookie_png, "the live preview is the saved slide's PNG")

    # An error beside its field, in French; saving is refused.
    replace_text(a.find_element(By.ID, "field-from"), "2026-13-45")
    wait(a, lambda: settled(a) and a.find_element(By.ID, "error-from").text != "", "error shown beside 'À partir du'")
    print("   ", a.find_element(By.ID, "error-from").text)
    check(a.find_element(By.ID, "save").get_property("disabled"), "save disabled while invalid")
    replace_text(a.find_element(By.ID, "field-from"), "")
    wait(a, lambda: settled(a) and a.find_element(By.ID, "error-from").text == "", "error gone once fixed")

    # The reading-time rule, from the studio: suggested under the duration, a shorter one refused.
    check(a.find_element(By.ID, "reading-time").text == "Au moins 18 s pour lire ce texte.", "reading time suggested")
    replace_text(a.find_element(By.ID, "field-duration"), "12")
    wait(a, lambda: settled(a) and "au moins 18 s" in a.find_element(By.ID, "error-duration").text, "too short a duration shown beside 'Durée'")
    check(a.find_element(By.ID, "save").get_property("disabled"), "save disabled while too short")
    replace_text(a.find_element(By.ID, "field-duration"), "18")
    wait(a, lambda: settled(a) and a.find_element(By.ID, "error-duration").text == "", "duration error gone once long enough")

    # An XSS title shows as its characters; no script runs.
    xss = "<img src=x onerror=alert(1)>"
    replace_text(a.find_element(By.ID, "field-title"), "Titre " + xss)
    replace_text(a.find_element(By.ID, "field-duration"), "40")
    wait(a, lambda: can_save(a), "XSS title accepted as text")
    save(a, "XSS title saved")
    a.get(BASE + "/#/diapositives")
    wait(a, lambda: not a.find_elements(By.ID, "editor"), "deck page again")
    wait(a, lambda: any(xss in e.text for e in a.find_elements(By.CSS_SELECTOR, ".slide-card .title")), "deck page shows the title's characters")
    check(not a.find_elements(By.CSS_SELECTOR, ".slide-card .title img"), "no element made from the title")
    try:
        a.switch_to.alert; raise AssertionError("an alert ran")
    except NoAlertPresentException:
        print("ok: no script ran")
    open_editor(a, SLIDE)
    replace_text(a.find_element(By.ID, "field-title"), NEW_TITLE)
    replace_text(a.find_element(By.ID, "field-duration"), "22")
    wait(a, lambda: can_save(a), "title back")
    save(a, "title saved again")

    # A picture through the editor's file picker (the drop zone's input), then its description.
    png = os.path.join(work, "photo accueil.png")
    write_png(png)
    open_editor(a, "chimio-curatif")
    a.find_element(By.ID, "file").send_keys(png)
    wait(a, lambda: a.find_element(By.ID, "field-image").get_property("value") == "photo-accueil.png", "picture uploaded and chosen")
    wait(a, lambda: settled(a) and "obligatoire" in a.find_element(By.ID, "error-image_alt").text, "description asked for")
    replace_text(a.find_element(By.ID, "field-image_alt"), "Une photo de l’accueil")
    wait(a, lambda: can_save(a), "picture slide valid")
    save(a, "picture slide saved")
    check(os.path.exists(os.path.join(content, "images/photo-accueil.png")), "picture stored under a safe name")

    # Reorder two slides with the arrows.
    a.get(BASE + "/#/diapositives")
    wait(a, lambda: not a.find_elements(By.ID, "editor") and len(a.find_elements(By.CSS_SELECTOR, ".slide-card")) > 10, "deck page again")
    card_ids = lambda: a.execute_script("return [...document.querySelectorAll('.slide-card')].map(e => e.dataset.id)")
    ids = card_ids()
    a.find_element(By.CSS_SELECTOR, f'.slide-card[data-id="{ids[2]}"] .up').click()
    wait(a, lambda: card_ids()[1:3] == [ids[2], ids[1]], "two slides swapped")

    # Two sessions on one slide: the second to save gets the conflict message.
    b = browser()
    login(b)
    open_editor(a, "chimio-adjuvant")
    open_editor(b, "chimio-adjuvant")
    # Two words, as the subtitle they replace: three would need 21 s to read, over the slide's 20 s,
    # and the editor would rightly refuse to save.
    replace_text(a.find_element(By.ID, "field-subtitle"), "Version A")
    replace_text(b.find_element(By.ID, "field-subtitle"), "Version B")
    wait(a, lambda: can_save(a), "A ready")
    save(a, "A saved first")
    b.find_element(By.ID, "save").click()
    wait(b, lambda: b.find_element(By.ID, "conflict").is_displayed(), "B told the slide changed meanwhile")
    check("modifiée entre-temps" in b.find_element(By.ID, "conflict").text, "conflict message in French")
    check("Version A" in open(os.path.join(content, "slides/20-chimio.toml"), encoding="utf-8").read(), "A's work kept")
    b.quit(); drivers.remove(b)

    # Publish.
    a.get(BASE + "/#/publier")
    wait(a, lambda: a.find_elements(By.ID, "publish-button") and a.find_element(By.ID, "publish-button").is_enabled(), "publish page, deck valid")
    if shots: a.save_screenshot(os.path.join(shots, "studio-publier.png"))
    a.find_element(By.ID, "publish-button").click()
    wait(a, lambda: "Publié" in a.find_element(By.ID, "publish-result").text, "published")

    # The Annonce card of the first page: type, pick a quick choice, see the preview, publish,
    # see it listed as showing now, withdraw it.
    a.get(BASE + "/#/diapositives")
    wait(a, lambda: a.find_elements(By.ID, "annonce-1h") and a.find_elements(By.ID, "annonce-none"), "Annonce card shown, no announcement yet")
    ANNOUNCEMENT = "Le Dr X a environ 30 minutes de retard"
    a.find_element(By.ID, "annonce-text").send_keys(ANNOUNCEMENT)
    wait(a, lambda: a.find_element(By.ID, "annonce-count").text.startswith(f"{len(ANNOUNCEMENT)} / 140"), "character counter follows the text")
    a.find_element(By.ID, "annonce-1h").click()
    wait(a, lambda: a.find_element(By.ID, "annonce-until").get_property("value") != "" and "dans une heure" in a.find_element(By.ID, "annonce-until-hint").text, "quick choice « dans 1 heure » fills the time and says it")
    wait(a, lambda: a.execute_script("const i = document.getElementById('annonce-preview'); return !i.hidden && i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0;"), "preview of the announcement on a slide", timeout=60)
    if shots: a.save_screenshot(os.path.join(shots, "studio-annonce.png"))
    a.find_element(By.ID, "annonce-publier").click()
    wait(a, lambda: a.find_elements(By.ID, "annonce-active-text") and a.find_element(By.ID, "annonce-active-text").text == ANNOUNCEMENT, "announcement listed as showing", timeout=60)
    check("En ce moment" in a.find_element(By.ID, "annonce-active").text, "said to be on screen now")
    check("Annonce publiée" in a.find_element(By.ID, "message").text, "publication said in French")
    check(os.path.exists(os.path.join(content, "slides/announcement.toml")), "announcement.toml written")
    a.find_element(By.ID, "annonce-retirer").click()
    wait(a, lambda: a.find_elements(By.ID, "annonce-none"), "announcement withdrawn", timeout=60)
    check(not os.path.exists(os.path.join(content, "slides/announcement.toml")), "announcement.toml removed")

    # Security from outside the page: no cookie, no CSRF token, a login flood.
    check(request("GET", "/api/deck")[0] == 401, "no cookie: 401")
    jar = cookie_jar(a)
    check(request("POST", "/api/publish", {}, jar)[0] == 403, "no CSRF token: 403")
    # The limiter counts in whole seconds: its first 1 s wait may end at once; each refused
    # password doubles it, so a 429 comes within a few more tries however slow the machine.
    codes = [request("POST", "/api/login", {"password": "faux"})[0] for _ in range(4)]
    while codes[-1] != 429 and len(codes) < 10:
        codes.append(request("POST", "/api/login", {"password": "faux"})[0])
    check(codes[:4] == [401] * 4 and codes[-1] == 429 and set(codes[4:]) <= {401, 429}, f"login flood slowed down: {codes}")

    # A real pull from the studio's /site/, then the player draws the new title.
    screen = os.path.join(work, "screen")
    pull = subprocess.run([SYNC, "pull", BASE + "/site/", "--key", f"{work}/test.pub", "--into", screen],
                          capture_output=True, text=True)
    check(pull.returncode == 0, "affiche-sync pull from /site/: " + pull.stdout.strip() + pull.stderr.strip())
    render = os.path.join(work, "render")
    subprocess.run([AFFICHE, "--render", render, "--size", "1920x1080", os.path.join(screen, "current")],
                   check=True, capture_output=True, env={**os.environ, "SDL_VIDEODRIVER": "offscreen"})
    drawn = [f for f in os.listdir(render) if f.endswith(f"-{SLIDE}.png")]
    check(len(drawn) == 1, "the pulled deck renders the edited slide")
    status, published_png, _ = request("GET", f"/api/slides/{SLIDE}/preview.png?size=1920x1080", headers=jar)
    with open(os.path.join(render, drawn[0]), "rb") as f:
        check(status == 200 and f.read() == published_png, "affiche --render on the pulled deck draws the new title (same PNG as the studio's)")
    if shots: shutil.copy(os.path.join(render, drawn[0]), os.path.join(shots, "studio-ecran-apres-pull.png"))

    # The Écrans page: a screen reports (signed as /work/spec19.md says), waits for approval, is
    # approved in the page, then its next report shows its revision and its picture.
    device = Ed25519PrivateKey.generate()
    raw_key = device.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    import hashlib
    digest = hashlib.sha256(raw_key).hexdigest()[:16]
    fingerprint = "-".join(digest[i:i + 4] for i in range(0, 16, 4))
    small = os.path.join(work, "small")
    subprocess.run([AFFICHE, "--render", small, "--size", "480x270", os.path.join(screen, "current")],
                   check=True, capture_output=True, env={**os.environ, "SDL_VIDEODRIVER": "offscreen"})
    with open(os.path.join(small, sorted(os.listdir(small))[0]), "rb") as f:
        thumbnail = base64.b64encode(f.read()).decode()
    revision = os.path.basename(os.path.realpath(os.path.join(screen, "current")))
    counter = [0]

    def report(name, key, sign, **fields):
        counter[0] += 1
        body = json.dumps({"name": name, "key": base64.b64encode(key).decode(),
                           "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "counter": counter[0],
                           "revision_on_screen": revision, "revision_pending": None, "screen_on": True,
                           "screen_reason": "no opening hours set", "sync_result": "installed", "sync_error": "",
                           "player_version": "test", "sync_version": "test", "uptime_s": 60, "announcement": None,
                           "thumbnail": {"type": "image/png", "data": thumbnail}, **fields}).encode()
        req = urllib.request.Request(BASE + "/api/screens/report", data=body, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "X-Affiche-Signature": base64.b64encode(sign(body)).decode()})
        try:
            with urllib.request.urlopen(req, timeout=30) as r: return r.status
        except urllib.error.HTTPError as e: return e.code

    check(report("salle-attente", raw_key, device.sign) == 202, "a new screen's report: 202, pending")
    other = Ed25519PrivateKey.generate()
    other_key = other.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    check(report("accueil", other_key, other.sign) == 202, "a second screen waits too")
    a.get(BASE + "/#/ecrans")
    card = '.screen-card.pending[data-name="salle-attente"]'
    wait(a, lambda: a.find_elements(By.CSS_SELECTOR, card), "the pending screen is on the Écrans page")
    check(a.find_element(By.CSS_SELECTOR, card + " .fingerprint").text == fingerprint, f"its fingerprint {fingerprint} shown")
    a.find_element(By.CSS_SELECTOR, card + " .approve").click()
    approved = '.screen-card.approved[data-name="salle-attente"]'
    wait(a, lambda: a.find_elements(By.CSS_SELECTOR, approved), "approved in the page")
    check(report("salle-attente", raw_key, device.sign) == 200, "its next report: 200")
    # The page refreshes itself every 10 s: its next look shows the report.
    wait(a, lambda: a.find_elements(By.CSS_SELECTOR, approved + " .revision.ok") and
         "À jour" in a.find_element(By.CSS_SELECTOR, approved + " .revision.ok").text, "the screen shows « À jour »", timeout=40)
    wait(a, lambda: a.execute_script(f"const i = document.querySelector('{approved} img'); return !!i && i.complete && i.naturalWidth == 480;"), "its picture shown")
    check("Écran allumé" in a.find_element(By.CSS_SELECTOR, approved + " .power").text, "its screen said on")
    check(a.find_elements(By.CSS_SELECTOR, '.screen-card.pending[data-name="accueil"]'), "the other screen still waits")
    # A third screen, approved through the API, still on an older revision, off, its pull failing.
    late = Ed25519PrivateKey.generate()
    late_key = late.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    check(report("couloir", late_key, late.sign) == 202, "a third screen waits")
    status, body, _ = request("GET", "/api/session", headers=jar)
    status, _, _ = request("POST", "/api/screens/couloir/approve", {}, {**jar, "X-CSRF-Token": json.loads(body)["csrf"], "Content-Type": "application/json"})
    check(status == 200, "approved through the API")
    check(report("couloir", late_key, late.sign, revision_on_screen="0123456789abcdef", screen_on=False,
                 screen_reason="closed: Sunday", sync_result="failed", sync_error="cannot reach the server: timeout after 15 s",
                 thumbnail=None) == 200, "its report: 200")
    late_card = '.screen-card.approved[data-name="couloir"]'
    wait(a, lambda: a.find_elements(By.CSS_SELECTOR, late_card + " .revision.late"), "the older revision shown late", timeout=40)
    check("En retard depuis" in a.find_element(By.CSS_SELECTOR, late_card + " .revision.late").text, "« En retard depuis »")
    check("Écran éteint (fermé le dimanche)" in a.find_element(By.CSS_SELECTOR, late_card + " .power").text, "off, and why, in French")
    check("timeout" in a.find_element(By.CSS_SELECTOR, late_card + " .sync.error").text, "its last error shown")
    if shots: a.save_screenshot(os.path.join(shots, "studio-ecrans.png"))
    print(f"browser test passed in {time.monotonic() - started:.1f} s")
finally:
    cleanup()
