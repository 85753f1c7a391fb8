#!/usr/bin/python3
"""bench/month.sh's judge: the player's event trace against `affiche --schedule`, and memory and
descriptors from day 2 to the last day. Prints the figures; exits 1 when a check fails."""
import argparse
import datetime as dt
import re
import sys
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
# A screen change may come this late (simulated s): at x4320 a 0.4 s stall of a loaded machine is
# 30 simulated minutes. Less than an hour, so a daylight-saving mistake still fails.
SCREEN_LATE_S = 1800
MAX_RSS_GROWTH_KB = 2048  # as bench/soak.sh
MIN_STRETCH_S = 600  # an "on" stretch this long must show at least one slide


def epoch(day, hhmm):
    """Unix s of local HH:MM on day (24:00 = the next midnight), in Europe/Paris."""
    h, m = map(int, hhmm.split(":"))
    base = dt.datetime.combine(day, dt.time(0, 0)) + dt.timedelta(hours=h, minutes=m)
    return int(base.replace(tzinfo=PARIS).timestamp())


def when(t):
    return dt.datetime.fromtimestamp(t, PARIS).strftime("%Y-%m-%d %H:%M:%S %Z")


def read_schedule(path):
    """[(begin, end, on, {slide ids})] from --schedule's text."""
    stretches, day = [], None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^\w+ (\d{4}-\d\d-\d\d)$", line.strip())
        if m:
            day = dt.date.fromisoformat(m.group(1))
            continue
        m = re.match(r"^  (\d\d:\d\d)-(\d\d:\d\d)  (on|off) +(.*)$", line.rstrip("\n"))
        if not m:
            continue
        what = m.group(4).split(" (fallback")[0]
        ids = {i.strip() for i in what.split(",")} if m.group(3) == "on" else set()
        stretches.append((epoch(day, m.group(1)), epoch(day, m.group(2)), m.group(3) == "on", ids))
    return stretches


def stretch_at(stretches, t):
    for s in stretches:
        if s[0] <= t < s[1]:
            return s
    return None


def read_trace(path):
    """[(simulated Unix s, kind, what, detail)] from the player's AFFICHE_TRACE file."""
    events = []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split(" ", 3)
        if len(parts) >= 3:
            detail = parts[3] if len(parts) > 3 else ""
            events.append((int(parts[0]) / 1000.0, parts[1], parts[2], detail))
    return events


def main():
    a = argparse.ArgumentParser()
    for name in ("schedule", "trace", "samples", "log", "first-day"):
        a.add_argument("--" + name, required=True)
    for name in ("days", "edits", "invalid", "real-seconds"):
        a.add_argument("--" + name, type=int, required=True)
    args = a.parse_args()
    failures = []
    fail = failures.append

    stretches = read_schedule(args.schedule)
    first = dt.date.fromisoformat(args.first_day)
    start = epoch(first, "00:00")
    end = epoch(first + dt.timedelta(days=args.days), "00:00")
    if not stretches or stretches[0][0] != start or stretches[-1][1] != end:
        fail("--schedule does not cover the month")
    events = read_trace(args.trace)
    last_t = events[-1][0] if events else start

    # Screen changes: the trace's on/off flips against every predicted flip, in order. The
    # player reports news too (a new reason while on): only the flips count.
    screen = []
    for t, kind, what, _ in events:
        if kind == "screen" and (not screen or screen[-1][1] != (what == "on")):
            screen.append((t, what == "on"))
    first_state = stretch_at(stretches, int(screen[0][0])) if screen else None
    if not first_state or first_state[2] != screen[0][1]:
        fail("the first screen state is not the predicted one")
    changes = screen[1:]
    predicted = [(cur[0], cur[2]) for prev, cur in zip(stretches, stretches[1:]) if prev[2] != cur[2]]
    # Flips too close to the player's last event cannot be seen yet.
    predicted = [p for p in predicted if p[0] <= last_t - SCREEN_LATE_S]
    late = []
    if len(changes) < len(predicted) or len(changes) > len(predicted) + 1:
        fail(f"{len(changes)} screen changes, {len(predicted)} predicted")
    for (pt, pon), (t, on) in zip(predicted, changes):
        if on != pon or not 0 <= t - pt <= SCREEN_LATE_S:
            fail(f"screen {'on' if pon else 'off'} predicted at {when(pt)}, "
                 f"the player: {'on' if on else 'off'} at {when(t)}")
            break
        late.append(t - pt)

    # Slides: each one shown while the screen is on must be one --schedule allows then.
    on = None  # before the first screen report the loop has composed the first slide
    shown, off_composed, wrong = 0, 0, []
    per_slide = {}
    stretch_shown = set()
    for t, kind, what, _ in events:
        if kind == "screen":
            on = what == "on"
        if kind != "slide":
            continue
        s = stretch_at(stretches, int(t))
        if on is False or (on is None and not (s and s[2])):
            off_composed += 1  # composed while off (a deck adopted at night): never drawn
            continue
        shown += 1
        per_slide[what] = per_slide.get(what, 0) + 1
        if s is None or not s[2] or what not in s[3]:
            wrong.append((t, what, s))
        else:
            stretch_shown.add(s[0])
    for t, what, s in wrong[:5]:
        allowed = ", ".join(sorted(s[3])) if s and s[2] else "screen off"
        fail(f"slide {what} shown at {when(t)}; --schedule says: {allowed}")
    if len(wrong) > 5:
        fail(f"... {len(wrong)} slides shown out of schedule in all")
    empty = [s for s in stretches if s[2] and s[1] - s[0] >= MIN_STRETCH_S and s[1] <= last_t
             and s[0] not in stretch_shown]
    for s in empty[:5]:
        fail(f"no slide shown from {when(s[0])} to {when(s[1])} (allowed: {', '.join(sorted(s[3]))})")
    until = epoch(dt.date(2026, 10, 20), "12:00")
    late_annonce = [t for t, kind, what, _ in events if kind == "slide" and what == "annonce" and t >= until]
    if per_slide.get("annonce", 0) == 0 or late_annonce:
        fail("the announcement must show before its 'until' and never after")
    if per_slide.get("calme", 0) == 0:
        fail("the fallback slide never showed")

    # Reloads: every edit validated once (the last one may come after the player stopped).
    ok = sum(1 for _, kind, what, _ in events if kind == "reload" and what == "ok")
    refused = sum(1 for _, kind, what, _ in events if kind == "reload" and what == "refused")
    if not args.edits - 1 <= ok + refused <= args.edits:
        fail(f"{ok + refused} reloads for {args.edits} edits")
    if not args.invalid - 1 <= refused <= args.invalid:
        fail(f"{refused} refused reloads for {args.invalid} invalid edits")
    log = open(args.log, encoding="utf-8", errors="replace").read()
    stats = re.search(r"stats: frames=(\d+) fade_frames=(\d+) fades=(\d+) reloads=(\d+)", log)
    frames, _, fades, adopted = (int(x) for x in stats.groups()) if stats else (0, 0, 0, 0)
    if not stats:
        fail("no stats line in the log")
    elif adopted != ok:
        fail(f"{adopted} decks adopted, {ok} valid reloads")

    # Memory and descriptors by simulated day (day 1 = the first day): the highest sample of day 2
    # against that of the last day.
    by_day = {}
    for line in open(args.samples):
        sim, rss, fds = map(int, line.split())
        by_day.setdefault((sim - start) // 86400 + 1, []).append((rss, fds))
    last_day = max(by_day, default=0)
    rss2 = rss_last = fds2 = fds_last = 0
    if 2 not in by_day or last_day < args.days:
        fail(f"samples from day 2 to day {args.days} missing (last: day {last_day})")
    else:
        rss2 = max(r for r, _ in by_day[2])
        rss_last = max(r for r, _ in by_day[last_day])
        fds2 = max(f for _, f in by_day[2])
        fds_last = max(f for _, f in by_day[last_day])
        if rss_last - rss2 > MAX_RSS_GROWTH_KB:
            fail(f"RSS grew from {rss2} kB (day 2) to {rss_last} kB (day {last_day})")
        if fds_last > fds2:
            fail(f"open descriptors grew from {fds2} (day 2) to {fds_last} (day {last_day})")
    peak = max((r for v in by_day.values() for r, _ in v), default=0)

    late.sort()
    median = late[len(late) // 2] if late else 0
    print(f"month: {args.days} simulated days in {args.real_seconds} s")
    print(f"month: slides shown {shown} ({', '.join(f'{k} {v}' for k, v in sorted(per_slide.items()))}); "
          f"{off_composed} composed while off (a deck adopted at night), never drawn")
    print(f"month: screen changes {len(changes)} (predicted {len(predicted)}), none early, late by "
          f"{median:.0f} s (median), {max(late, default=0):.0f} s (most), simulated")
    print(f"month: reloads {ok} valid + {refused} refused for {args.edits} edits; decks adopted "
          f"{adopted}; crossfades {fades}; frames {frames}")
    print(f"month: RSS day 2 {rss2} kB, day {last_day} {rss_last} kB (peak {peak} kB); "
          f"open fds day 2 {fds2}, day {last_day} {fds_last}")
    for f in failures:
        print("month: FAIL: " + f, file=sys.stderr)
    print("month: " + ("FAILED" if failures else "all checks passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
