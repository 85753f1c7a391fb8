#!/usr/bin/python3
# Screens report back, end to end with the real programs: affiche-studio publishes, the REAL
# affiche-sync pulls from the studio's /site/ and reports to its /api/screens/report; the screen
# waits as "pending" with the fingerprint `affiche-sync id` prints; once approved, its next report
# shows the published revision and its thumbnail (the player's picture, byte for byte).
# Usage: screens_e2e.py STUDIO SYNC AFFICHE SOURCE_DIR. Exit 77 when minisign is missing.
import json, os, re, shutil, subprocess, sys, tempfile, urllib.request

STUDIO, SYNC, AFFICHE, SOURCE = sys.argv[1:5]
if not shutil.which("minisign"):
    print("skipped: minisign missing"); sys.exit(77)
work = tempfile.mkdtemp(prefix="affiche-screens-e2e-")
PASSWORD = "motdepasse-e2e"
studio = None


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print(f"ok: {what}")


try:
    content = os.path.join(work, "content")
    for folder in ("slides", "images", "fonts"):
        shutil.copytree(os.path.join(SOURCE, folder), os.path.join(content, folder))
    os.makedirs(f"{work}/keys")
    subprocess.run(["minisign", "-G", "-W", "-f", "-p", f"{work}/keys/test.pub", "-s", f"{work}/test.key"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([STUDIO, "passwd", "--state", f"{work}/state"], input=PASSWORD + "\n", text=True,
                   check=True, stdout=subprocess.DEVNULL)
    studio = subprocess.Popen([STUDIO, "serve", "--content", content, "--site", f"{work}/site", "--key",
                               f"{work}/test.key", "--state", f"{work}/state", "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "SDL_VIDEODRIVER": "offscreen"})
    base = "http://127.0.0.1:%s" % re.search(r":(\d+)/", studio.stdout.readline()).group(1)

    cookie, csrf = "", ""

    def call(method, path, body=None):
        headers = {"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json"}
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read(), e.headers

    status, body, headers = call("POST", "/api/login", {"password": PASSWORD})
    check(status == 200, "logged in")
    cookie, csrf = headers["Set-Cookie"].split(";")[0], json.loads(body)["csrf"]
    status, body, _ = call("POST", "/api/publish", {})
    check(status == 200, "published from the studio")
    revision = json.loads(body)["revision"]

    # The player's side: its status file and its picture (a real render, 480 px wide).
    player = os.path.join(work, "player")
    subprocess.run([AFFICHE, "--render", player, "--size", "480x270", content], check=True,
                   capture_output=True, env={**os.environ, "SDL_VIDEODRIVER": "offscreen"})
    thumbnail = os.path.join(player, sorted(f for f in os.listdir(player) if f.endswith(".png"))[0])
    with open(os.path.join(player, "status.json"), "w") as f:
        json.dump({"version": "e2e", "revision": revision, "pending_revision": None,
                   "screen": {"on": True, "reason": "no opening hours set", "next_change": None, "off_by": ""},
                   "announcement": None}, f)
    screen = os.path.join(work, "screen")
    with open(os.path.join(work, "sync.toml"), "w") as f:
        f.write(f'''url = "{base}/site/"
keys = "{work}/keys"
root = "{screen}"
state = "{screen}/state"
status = "{screen}/status.json"
name = "salle-1"
report_url = "{base}/api/screens/report"
player_status = "{player}/status.json"
player_thumbnail = "{thumbnail}"
''')

    def pull():
        r = subprocess.run([SYNC, "pull", "--config", f"{work}/sync.toml"], capture_output=True, text=True)
        check(r.returncode == 0, "affiche-sync pull: " + (r.stdout + r.stderr).strip().replace("\n", " | "))
        with open(f"{screen}/status.json") as f:
            return json.load(f)

    def screens():
        status, body, _ = call("GET", "/api/screens")
        check(status == 200, "GET /api/screens")
        return {s["name"]: s for s in json.loads(body)["screens"]}

    s = pull()
    check(s.get("report", {}).get("state") == "pending", f"first report: pending ({s.get('report')})")
    ident = subprocess.run([SYNC, "id", "--config", f"{work}/sync.toml"], capture_output=True, text=True, check=True).stdout
    fingerprint = re.search(r"^fingerprint (\S+)$", ident, re.M).group(1)
    pending = screens()["salle-1"]
    check(pending["state"] == "pending" and pending["fingerprint"] == fingerprint,
          f"the studio shows it pending with the fingerprint affiche-sync id prints ({fingerprint})")
    status, _, _ = call("POST", "/api/screens/salle-1/approve", {"fingerprint": fingerprint})
    check(status == 200, "approved")

    s = pull()
    check(s.get("report", {}).get("state") == "approved", f"next report: approved ({s.get('report')})")
    shown = screens()["salle-1"]
    check(shown["revision"] == revision and shown["published_revision"] == revision, f"revision {revision} on screen, as published")
    check(shown["late_since"] is None and shown["screen_on"] is True, "up to date, screen on")
    status, png, headers = call("GET", "/api/screens/salle-1/thumbnail")
    with open(thumbnail, "rb") as f:
        check(status == 200 and png == f.read() and headers["Content-Type"] == "image/png",
              "its thumbnail is the player's picture, byte for byte")
    status, body, _ = call("GET", "/metrics")
    metrics = body.decode()
    check("\naffiche_studio_screens_approved 1\n" in metrics and "\naffiche_studio_screens_seen 1\n" in metrics,
          "metrics: 1 approved, 1 seen")
    print("screens e2e passed")
finally:
    if studio:
        studio.terminate()
        studio.wait(10)
    shutil.rmtree(work, ignore_errors=True)
