# What the browser tests share: their skips, affiche-studio on a free loopback port over a copy of
# the shipped deck, a headless Chromium, waits on a condition, the login and the session's cookie.
# Exit 77 when Chromium, chromedriver, Selenium or minisign is missing.
import json, os, re, shutil, subprocess, sys, tempfile, urllib.request

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("skipped: python3-selenium missing"); sys.exit(77)
for tool in (CHROMIUM, DRIVER):
    if not os.access(tool, os.X_OK):
        print(f"skipped: {tool} missing"); sys.exit(77)
if not shutil.which("minisign"):
    print("skipped: minisign missing"); sys.exit(77)

PASSWORD = "motdepasse-navigateur"
procs, drivers = [], []
work = content = BASE = None


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print(f"ok: {what}")


def cleanup():
    for d in drivers:
        try: d.quit()
        except Exception: pass
    for p in procs:
        p.terminate()
        try: p.wait(10)
        except subprocess.TimeoutExpired: p.kill()
    shutil.rmtree(work, ignore_errors=True)


def start_studio(studio, source, prefix):
    # The studio over a copy of the shipped deck, its own minisign key and password; sets work
    # (the test's folder, removed by cleanup), content and BASE.
    global work, content, BASE
    work = tempfile.mkdtemp(prefix=prefix)
    content = os.path.join(work, "content")
    for folder in ("slides", "images", "fonts"):
        shutil.copytree(os.path.join(source, folder), os.path.join(content, folder))
    subprocess.run(["minisign", "-G", "-W", "-f", "-p", f"{work}/test.pub", "-s", f"{work}/test.key"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([studio, "passwd", "--state", f"{work}/state"], input=PASSWORD + "\n",
                   text=True, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([studio, "serve", "--content", content, "--site", f"{work}/site",
                               "--key", f"{work}/test.key", "--state", f"{work}/state",
                               "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "SDL_VIDEODRIVER": "offscreen"})
    procs.append(server)
    line = server.stdout.readline()
    port = int(re.search(r":(\d+)/", line).group(1))
    BASE = f"http://127.0.0.1:{port}"
    return BASE


def request(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000", f"--user-data-dir={tempfile.mkdtemp(dir=work)}"):
        options.add_argument(flag)
    d = webdriver.Chrome(service=Service(DRIVER), options=options)
    drivers.append(d)
    return d


def value_of(d, read, what, timeout=20):
    # read() once it gives something (a text, a picture), looked at again while the page redraws.
    box = []

    def attempt():
        value = read()
        if value:
            box[:] = [value]
        return bool(value)

    wait(d, attempt, what, timeout)
    return box[0]


def click(d, selector_by, selector, what, timeout=20):
    # Clicks the element, found again if the page redrew it in between.
    def attempt():
        d.find_element(selector_by, selector).click()
        return True

    wait(d, attempt, what, timeout)


def wait(d, condition, what, timeout=20):
    # The Écrans page draws its cards again every 10 s: an element found just before that is
    # stale when read, which only means "look again".
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    try:
        WebDriverWait(d, timeout, ignored_exceptions=(StaleElementReferenceException,
                                                      NoSuchElementException)).until(lambda _: condition())
    except Exception:
        texts = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#message, .field-error, .errors li, #conflict")]
        raise AssertionError(f"not seen: {what}; page says {[t for t in texts if t]}")
    print(f"ok: {what}")


def login(d):
    d.get(BASE + "/")
    wait(d, lambda: d.find_elements(By.ID, "password"), "login form shown")
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    d.find_element(By.ID, "login-button").click()
    wait(d, lambda: len(d.find_elements(By.CSS_SELECTOR, ".slide-card")) > 10, "deck page lists the slides")


def cookie_jar(d):
    return {"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())}
