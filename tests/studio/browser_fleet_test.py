#!/usr/bin/python3
# The secretary's whole round with the real programs (issue 19): an announcement published from
# the studio's Annonce card in headless Chromium, one screen (`affiche-sync pull` reporting to the
# studio, approved in the Écrans page) and its player (`affiche --status --thumbnail`, offscreen);
# after one more pull the Écrans page names the announcement and its thumbnail shows the band in
# the theme's accent; withdrawn, pulled and reported again, the thumbnail has no band.
# Usage: browser_fleet_test.py STUDIO SYNC AFFICHE SOURCE_DIR. Exit 77 when Chromium,
# chromedriver, Selenium, minisign or ImageMagick's convert is missing. AFFICHE_SCREENSHOTS=DIR
# keeps the page's screenshots and both thumbnails.
import base64, json, os, shutil, subprocess, sys, time, tomllib

STUDIO, SYNC, AFFICHE, SOURCE = sys.argv[1:5]
import browser_support
from browser_support import check, cleanup, browser, wait, login, procs, value_of, click
from selenium.webdriver.common.by import By

CONVERT = shutil.which("convert")
if not CONVERT: # ImageMagick decodes the JPEG: python3-pil is not installed here
    print("skipped: ImageMagick's convert missing"); sys.exit(77)

ANNOUNCEMENT = "Le Dr X a environ 30 minutes de retard"
NAME = "salle-1"
with open(os.path.join(SOURCE, "slides/deck.toml"), "rb") as f: # the band's fill (band_colors)
    accent = tomllib.load(f)["theme"]["accent"]
ACCENT = tuple(int(accent[i:i + 2], 16) for i in (1, 3, 5))
started = time.monotonic()
shots = os.environ.get("AFFICHE_SCREENSHOTS")
offscreen = {**os.environ, "SDL_VIDEODRIVER": "offscreen"}
player_log = None


def wait_for(condition, what, timeout=60):
    # A condition on files or processes, looked at every 0.1 s until it holds.
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not seen within {timeout} s: {what}")
        time.sleep(0.1)
    print(f"ok: {what}")


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError): # not written yet (both are written by a rename)
        return None


def pull(what):
    # One pass of the screen's own affiche-sync: install what the studio published, then report.
    run = subprocess.run([SYNC, "pull", "--config", sync_toml], capture_output=True, text=True,
                         timeout=300)
    check(run.returncode == 0, f"{what}: {run.stdout.strip()} {run.stderr.strip()}")
    report = (read_json(sync_status) or {}).get("report")
    print("    report:", report)
    return report


def announcement_showing():
    status = read_json(player_status) or {}
    return (status.get("announcement") or {}).get("showing") is True


def thumbnail_identity():
    try:
        st = os.stat(thumbnail)
        return (st.st_ino, st.st_mtime_ns)
    except FileNotFoundError:
        return None


def card_picture(d):
    # The bytes of the thumbnail as the Écrans page shows it: its <img>, loaded, fetched again
    # from its own address with the page's session.
    got = d.execute_async_script(f"""
        const done = arguments[arguments.length - 1];
        const i = document.querySelector('.screen-card[data-name="{NAME}"] img');
        if (!i || !i.complete || i.naturalWidth == 0) {{ done(null); return; }}
        fetch(i.src).then(r => r.ok ? r.arrayBuffer() : null)
          .then(b => {{ if (!b) {{ done(null); return; }}
                       let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c));
                       done([i.src, btoa(s)]); }})
          .catch(() => done(null));
    """)
    return (got[0], base64.b64decode(got[1])) if got else None


def band_rows(picture, label):
    # Rows of the picture's lower half that are mostly the accent (JPEG: within 40 per channel),
    # as a share of the picture's height. Decoded by ImageMagick into a binary PPM.
    path = os.path.join(work, label + ".jpg")
    with open(path, "wb") as f:
        f.write(picture)
    if shots: shutil.copy(path, os.path.join(shots, f"ecran-{label}.jpg"))
    ppm = subprocess.run([CONVERT, path, "-depth", "8", "ppm:-"], capture_output=True, check=True).stdout
    fields, at = [], 0
    while len(fields) < 4: # P6 width height maxval, then one whitespace byte
        while ppm[at:at + 1].isspace(): at += 1
        start = at
        while not ppm[at:at + 1].isspace(): at += 1
        fields.append(ppm[start:at])
    w, h = int(fields[1]), int(fields[2])
    pixels = ppm[at + 1:]
    check(fields[0] == b"P6" and len(pixels) == w * h * 3, f"{label}: a {w}x{h} picture")
    rows = 0
    for y in range(h // 2, h):
        row = pixels[y * w * 3:(y + 1) * w * 3]
        near = sum(1 for x in range(w) if all(abs(row[3 * x + c] - ACCENT[c]) <= 40 for c in range(3)))
        rows += near >= 0.6 * w
    share = rows / h
    print(f"    {label}: {rows} of {h} rows in the lower half are the accent's band ({share:.1%})")
    return share


try:
    BASE = browser_support.start_studio(STUDIO, SOURCE, "affiche-studio-fleet-")
    work = browser_support.work
    screen = os.path.join(work, "screen")   # the screen's /var/lib/affiche
    run_dir = os.path.join(work, "run")     # its /run/affiche
    os.makedirs(run_dir)
    player_status = os.path.join(run_dir, "status.json")
    thumbnail = os.path.join(run_dir, "thumbnail.jpg")
    sync_status = os.path.join(work, "sync-status.json")
    sync_toml = os.path.join(work, "sync.toml")
    player_log = os.path.join(work, "player.log") # printed when the test fails
    with open(sync_toml, "w", encoding="utf-8") as f:
        f.write(f'url = "{BASE}/site/"\nkeys = "{work}/test.pub"\nroot = "{screen}"\n'
                f'state = "{screen}/state"\nstatus = "{sync_status}"\nname = "{NAME}"\n'
                f'report_url = "{BASE}/api/screens/report"\nplayer_status = "{player_status}"\n'
                f'player_thumbnail = "{thumbnail}"\n')

    # 1. The secretary logs in and publishes the announcement for one hour.
    a = browser()
    login(a)
    wait(a, lambda: a.find_elements(By.ID, "annonce-1h") and a.find_elements(By.ID, "annonce-none"), "Annonce card shown, no announcement yet")
    a.find_element(By.ID, "annonce-text").send_keys(ANNOUNCEMENT)
    wait(a, lambda: a.find_element(By.ID, "annonce-count").text.startswith(f"{len(ANNOUNCEMENT)} / 140"), "the whole text typed")
    a.find_element(By.ID, "annonce-1h").click()
    wait(a, lambda: a.find_element(By.ID, "annonce-until").get_property("value") != "", "quick choice « dans 1 heure » fills the time")
    a.find_element(By.ID, "annonce-publier").click()
    wait(a, lambda: a.find_elements(By.ID, "annonce-active-text") and a.find_element(By.ID, "annonce-active-text").text == ANNOUNCEMENT, "announcement published", timeout=90)

    # 2. The screen's first pull installs it; its report waits for approval, given in the page.
    report = pull("first pull installs the deck")
    check(report and report.get("result") == "ok" and report.get("state") == "pending", "its report is received, pending")
    said = subprocess.run([SYNC, "id", "--config", sync_toml], capture_output=True, text=True).stdout
    fingerprint = next((l.split()[1] for l in said.splitlines() if l.startswith("fingerprint ")), None)
    a.get(BASE + "/#/ecrans")
    pending = f'.screen-card.pending[data-name="{NAME}"]'
    wait(a, lambda: a.find_elements(By.CSS_SELECTOR, pending), "the new screen waits on the Écrans page", timeout=40)
    shown = value_of(a, lambda: a.find_element(By.CSS_SELECTOR, pending + " .fingerprint").text, "the pending screen's fingerprint")
    check(shown == fingerprint, f"the page's fingerprint {shown} is affiche-sync id's")
    click(a, By.CSS_SELECTOR, pending + " .approve", "Approuver clicked")
    approved = f'.screen-card.approved[data-name="{NAME}"]'
    wait(a, lambda: a.find_elements(By.CSS_SELECTOR, approved), "approved in the page")

    # 3. The player on the pulled deck shows the band and writes its thumbnail.
    player = subprocess.Popen([AFFICHE, "--status", player_status, "--thumbnail", thumbnail,
                               os.path.join(screen, "current")], env=offscreen,
                              stdout=subprocess.DEVNULL, stderr=open(player_log, "w"))
    procs.append(player)
    wait_for(lambda: announcement_showing() and thumbnail_identity(), "the player shows the announcement and wrote its thumbnail", timeout=120)
    check(player.poll() is None, "the player runs")

    # 4. The next pull reports it: the page names the announcement and shows the band.
    report = pull("second pull, nothing new")
    check(report and report.get("result") == "ok" and report.get("state") != "pending", "its report accepted")
    card_text = lambda: a.find_element(By.CSS_SELECTOR, approved).text
    wait(a, lambda: ANNOUNCEMENT in card_text(), "the screen's card names the announcement", timeout=40)
    src_with, with_band = value_of(a, lambda: card_picture(a), "its thumbnail is loaded in the page", timeout=40)
    if shots: a.save_screenshot(os.path.join(shots, "studio-ecrans-annonce.png"))
    share_with = band_rows(with_band, "avec-annonce")
    check(share_with >= 0.04, f"the band's accent covers {share_with:.1%} of the thumbnail's height, low on the picture")

    # Withdrawn: a pull installs the deck without it, the player drops it and writes a new
    # thumbnail, a pull reports that; the page's thumbnail then has no band.
    a.get(BASE + "/#/diapositives")
    wait(a, lambda: a.find_elements(By.ID, "annonce-retirer"), "the announcement listed on the Annonce card")
    click(a, By.ID, "annonce-retirer", "Retirer clicked")
    wait(a, lambda: a.find_elements(By.ID, "annonce-none"), "announcement withdrawn", timeout=90)
    pull("third pull installs the deck without it")
    wait_for(lambda: not announcement_showing(), "the player no longer shows it", timeout=120)
    before = thumbnail_identity()
    wait_for(lambda: thumbnail_identity() != before, "a thumbnail written since (next slide change)", timeout=120)
    pull("fourth pull reports it")
    a.get(BASE + "/#/ecrans")
    wait(a, lambda: a.find_elements(By.CSS_SELECTOR, approved) and ANNOUNCEMENT not in card_text(), "the card no longer names the announcement", timeout=40)
    _, without_band = value_of(a, lambda: (lambda p: p if p and p[0] != src_with else None)(card_picture(a)), "a newer thumbnail loaded in the page", timeout=40)
    share_without = band_rows(without_band, "sans-annonce")
    check(share_without < 0.01, f"without the announcement no band: {share_without:.1%}")
    check(player.poll() is None, "the player still runs")
    print(f"browser fleet test passed in {time.monotonic() - started:.1f} s")
except Exception:
    if player_log and os.path.exists(player_log):
        with open(player_log, encoding="utf-8", errors="replace") as f:
            print("the player's last lines:", *[l.rstrip() for l in f.readlines()[-20:]], sep="\n    ")
    raise
finally:
    cleanup()
