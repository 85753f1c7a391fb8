#!/usr/bin/env bash
# One command to set affiche up on Debian 12 / Raspberry Pi OS: installs the missing packages,
# builds, then plays the shipped deck (play), runs every test (test), or installs system-wide
# for the kiosk service (install).
set -euo pipefail

usage() {
    echo "usage: scripts/setup.sh play|test|install" >&2
    exit 2
}
[ $# -eq 1 ] || usage
mode=$1
case "$mode" in play | test | install) ;; *) usage ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc 2>/dev/null || echo 2)

# Build and run-time packages (Debian 12 names; the same on Raspberry Pi OS Bookworm).
packages=(build-essential cmake pkg-config
    libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libtomlplusplus-dev
    libfribidi-dev libunibreak-dev libsystemd-dev libxxhash-dev libdrm-dev libpng-dev doctest-dev
    libsodium-dev libarchive-dev minisign zstd libcurl4-openssl-dev
    fonts-dejavu-core fonts-noto-core gettext
    libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev)
# The Pi's GL drivers: SDL loads them at run time, so nothing else pulls them in.
[ "$mode" = install ] && packages+=(libegl1 libgles2 libegl-mesa0 libgl1-mesa-dri libgbm1)
# systemd-analyze checks the unit file in the tests; clang and its runtimes build the fuzzers;
# the Debian packages (build-deb.sh, lintian), the arm64 cross-build run under qemu-user-static
# (cross-test.sh compares its PNGs with ImageMagick) and the install test (mmdebstrap).
# nginx-light and python3 serve the sync's e2e tests and bench/fleet.sh (time: its RSS figure).
[ "$mode" = test ] && packages+=(systemd clang-14 libclang-rt-14-dev nginx-light python3 time
    debhelper dpkg-dev lintian imagemagick file mmdebstrap ccache)
# The tests on a real X server: Xvfb, Mesa's llvmpipe behind GLX/EGL and GLES2 (loaded by SDL at
# run time), ImageMagick's `import` to read the screen, xdpyinfo and friends to look at it.
[ "$mode" = test ] && packages+=(xvfb x11-utils imagemagick libgl1-mesa-dri libegl1 libegl-mesa0 libgles2)
# The studio's browser test: headless Chromium driven by Selenium (no download at run time), and
# python3-cryptography for a screen's signed report (Ed25519).
[ "$mode" = test ] && packages+=(chromium chromium-driver python3-selenium python3-cryptography)
# The translations' test runs `affiche --check` under LANG=fr_FR.UTF-8.
[ "$mode" = test ] && packages+=(locales)
# The Pi image (scripts/build-image.sh) and its boot and power-cut tests under qemu-system-aarch64.
[ "$mode" = test ] && packages+=(qemu-system-arm dosfstools mtools e2fsprogs squashfs-tools fdisk kmod cpio
    openssh-client)
[ "$mode" = test ] && [ "$(dpkg --print-architecture)" = amd64 ] &&
    packages+=(crossbuild-essential-arm64 qemu-user-static)
# The arm64 libraries to cross-build against (Debian multiarch). libunibreak is not among them:
# its arm64 package would replace the amd64 one, so build-deb.sh unpacks it on the side.
arm64_packages=(libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libsdl2-image-dev:arm64
    libtomlplusplus-dev:arm64 libfribidi-dev:arm64 libsystemd-dev:arm64 libxxhash-dev:arm64
    libdrm-dev:arm64 libpng-dev:arm64 libsodium-dev:arm64 libarchive-dev:arm64 libcurl4-openssl-dev:arm64
    libcpp-httplib-dev:arm64 libsqlite3-dev:arm64)

sudo_if_needed() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
updated=no
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    sudo_if_needed apt-get update -qq
    updated=yes
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [ "$mode" = test ] && [ "$(dpkg --print-architecture)" = amd64 ]; then
    missing=()
    for p in "${arm64_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing (arm64): ${missing[*]}"
        if ! dpkg --print-foreign-architectures | grep -qx arm64; then
            sudo_if_needed dpkg --add-architecture arm64
            updated=no
        fi
        [ "$updated" = yes ] || sudo_if_needed apt-get update -qq
        sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends "${missing[@]}"
    fi
fi

# The French locale for the translations' test, generated the Debian way (locale.gen).
if [ "$mode" = test ] && ! locale -a 2>/dev/null | grep -qiE '^fr_FR\.utf-?8$'; then
    echo "== generating the fr_FR.UTF-8 locale"
    sudo_if_needed sed -i 's/^# *\(fr_FR\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^fr_FR\.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' | sudo_if_needed tee -a /etc/locale.gen >/dev/null
    sudo_if_needed locale-gen
fi

build() { # build DIR [cmake options...]
    local dir=$1 launcher=()
    shift
    # ccache when present (setup.sh test installs it), with paths relative to this folder, so a
    # fresh clone elsewhere reuses what an earlier one compiled.
    if command -v ccache >/dev/null; then
        export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S . -B "$dir" "${launcher[@]}" "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
}

# A short libFuzzer run of each harness in tests/fuzz (AFFICHE_FUZZ_SECONDS each, default 20),
# its corpus kept in build-fuzz/corpus/NAME between runs. A crash, or an input slower than
# 5 s, stops the script: the input is left as build-fuzz/crash-* or timeout-*; once fixed, keep it
# in tests/fuzz/regressions/NAME, where ctest replays it.
fuzz() {
    local seconds=${AFFICHE_FUZZ_SECONDS:-20} name listed seeds dir
    cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
        -DAFFICHE_FUZZ=ON -DAFFICHE_TESTS=OFF >/dev/null
    cmake --build build-fuzz -j "$jobs" --target fuzz_deck_loader fuzz_image_header fuzz_text_layout \
        fuzz_manifest fuzz_sync_state fuzz_json_reader
    for name in deck_loader image_header text_layout manifest sync_state json_reader; do
        mkdir -p "build-fuzz/corpus/$name"
        read -r -a listed <"build-fuzz/fuzz_$name.seeds"
        seeds=()
        for dir in "${listed[@]}"; do
            [ -d "$dir" ] && seeds+=("$dir") # libFuzzer stops at a missing folder
        done
        echo "== fuzzing $name for $seconds s"
        if ! ./build-fuzz/fuzz_$name -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
            -max_len=16384 -artifact_prefix=build-fuzz/ "build-fuzz/corpus/$name" "${seeds[@]}" \
            >"build-fuzz/fuzz_$name.log" 2>&1; then
            tail -n 60 "build-fuzz/fuzz_$name.log"
            echo "== fuzz_$name found a problem: see build-fuzz/fuzz_$name.log" >&2
            exit 1
        fi
        grep -E '^Done [0-9]+ runs' "build-fuzz/fuzz_$name.log" || true
    done
}

# True when KMS can show a picture here: a DRM card we may open with a connected output (the
# Pi's console with a TV on HDMI). Over SSH to a headless machine, or in a container: false.
kms_screen() {
    local card status
    for card in /dev/dri/card*; do
        [ -r "$card" ] && [ -w "$card" ] || continue
        for status in /sys/class/drm/"$(basename "$card")"-*/status; do
            [ "$(cat "$status" 2>/dev/null)" = connected ] && return 0
        done
    done
    return 1
}

no_display_help() {
    cat >&2 <<'EOF_HELP'
== no display here: no desktop session (DISPLAY, WAYLAND_DISPLAY) and no screen on KMS/DRM.
   To see the slides:
   - on a computer with a desktop: run `scripts/setup.sh play` in a terminal of that desktop;
   - on a Raspberry Pi: connect the TV and run it on the Pi's own console (not over SSH), or
     install the service (docs/raspberry-pi.md), which waits for the TV by itself;
   - anywhere: render the slides as PNG files and open them with any image viewer:
       ./build/affiche --render /tmp/slides --size 1920x1080 .
EOF_HELP
}

# The Debian package (its tests run in the ASan build before and the release build after), lintian, then the arm64
# package cross-built with its unit tests run under qemu-user-static, the arm64 player's --check
# and --render against the amd64 one, and the install test in a fresh Debian 12 root.
# Each step prints its time (the whole CI run has to stay under 40 minutes).
# Each CI step prints its time: `step "what"` after it, step_start=$SECONDS before (the first,
# installing, counts from the script's start).
step_start=0
step() { echo "== $1 took $((SECONDS - step_start)) s"; }

packages_and_arm64() {
    step_start=$SECONDS
    DEB_BUILD_OPTIONS="nocheck parallel=$jobs" ./scripts/build-deb.sh
    step "Debian package ($(dpkg --print-architecture)) + lintian"
    if [ "$(dpkg --print-architecture)" != amd64 ]; then
        echo "== arm64 cross-build skipped: it is set up for an amd64 machine"
    else
        step_start=$SECONDS
        DEB_BUILD_OPTIONS="parallel=$jobs" ./scripts/build-deb.sh arm64
        step "arm64 cross-build + unit tests under qemu + package + lintian"
        step_start=$SECONDS
        ./scripts/cross-test.sh
        step "arm64 --check and --render compared with amd64"
    fi
    step_start=$SECONDS
    ./tests/install/install_test.sh || [ $? -eq 77 ] # 77: skipped (not root, no mmdebstrap)
    step "install test (mmdebstrap)"
    # The Pi image from the arm64 packages: built once here, booted by the release build's tests
    # (label image: boot, broken affiche.toml, 2 power cuts).
    if [ "$(dpkg --print-architecture)" = amd64 ] && [ "$(id -u)" -eq 0 ]; then
        step_start=$SECONDS
        ./scripts/build-image.sh arm64
        step "Pi image (mmdebstrap, squashfs)"
    fi
}

case "$mode" in
play)
    build build
    echo "== checking the deck"
    ./build/affiche --check .
    echo "== playing (q or Escape quits)"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        if ! kms_screen; then
            no_display_help
            exit 1
        fi
        exec env SDL_VIDEODRIVER=kmsdrm ./build/affiche .
    fi
    exec ./build/affiche --windowed --size 1280x720 .
    ;;
test)
    step "installing what is missing"
    echo "== build with AddressSanitizer and UndefinedBehaviorSanitizer"
    step_start=$SECONDS
    build build-asan -DCMAKE_BUILD_TYPE=Debug -DAFFICHE_SANITIZE=ON
    step "ASan + UBSan build"
    step_start=$SECONDS
    # The image's qemu boots run once, in the release build below.
    (cd build-asan && SDL_VIDEODRIVER=offscreen ctest --output-on-failure -LE image -j "$jobs")
    step "ASan + UBSan tests"
    echo "== fuzzing (clang, libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer)"
    step_start=$SECONDS
    fuzz
    step "fuzzing"
    packages_and_arm64
    # Last, so the run ends with the test runner's summary.
    echo "== release build"
    step_start=$SECONDS
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    step "release build"
    # Every other test ran above under ASan + UBSan; here the image's boots under qemu (label
    # image: boot, 2 power cuts), too slow for the sanitizers' build to add to the 45 minutes.
    (cd build && SDL_VIDEODRIVER=offscreen ctest --output-on-failure --no-label-summary -L image -LE image_extra -j "$jobs")
    ;;
install)
    build build -DCMAKE_BUILD_TYPE=Release -DAFFICHE_TESTS=OFF
    sudo_if_needed cmake --install build
    echo "== installed; next: sudo ./scripts/install-pi.sh (docs/raspberry-pi.md)"
    ;;
esac
