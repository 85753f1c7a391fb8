#!/usr/bin/env bash
# Builds the Debian packages of affiche and checks them with lintian:
#   scripts/build-deb.sh [amd64|arm64]     (default: this machine's architecture)
# Output: out/deb/{affiche,affiche-sync,affiche-studio}_VERSION_ARCH.deb (+ the .buildinfo and
# .changes of the three) and out/deb/lintian-ARCH.txt.
# The build runs in a copy of the tree (committed or not) in out/deb/src-ARCH/, whose CMake build
# folder is kept between runs: a second run only rebuilds what changed (with ccache).
#
# arm64 is cross-built with Debian multiarch (crossbuild-essential-arm64 and the :arm64 -dev
# packages that `scripts/setup.sh test` installs) and its tests run under qemu-user-static; the
# build folder out/deb/src-arm64/affiche/obj-aarch64-linux-gnu is reused by scripts/cross-test.sh.
# Environment: DEB_BUILD_OPTIONS (default "parallel=2"; add nocheck to skip the tests).
# Exit status: 0 built and lintian found no error, 1 otherwise.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
native=$(dpkg --print-architecture)
arch=${1:-$native}
case "$arch" in amd64 | arm64) ;; *) echo "usage: scripts/build-deb.sh [amd64|arm64]" >&2; exit 2 ;; esac
out=$root/out/deb
src=$out/src-$arch/affiche
mkdir -p "$src"

# A fresh copy of the tree, keeping only the build folder (obj-*) of the last run.
find "$src" -mindepth 1 -maxdepth 1 ! -name 'obj-*' -exec rm -rf {} +
(cd "$root" && git ls-files -z -co --exclude-standard |
    while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
    tar --null -T - -cf -) | tar -xf - -C "$src"

export DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS:-parallel=2}
export CMAKE_CXX_COMPILER_LAUNCHER=ccache # CMake >= 3.17 takes it from the environment
build_args=(-b -us -uc -nc) # binary only, unsigned, no clean (keeps the build folder)
if [[ $arch != "$native" ]]; then
    # libunibreak1 is not Multi-Arch: same (its arm64 copy would remove the amd64 one), so its
    # arm64 files are unpacked here and found through PKG_CONFIG_PATH (debian/rules).
    unibreak=$out/unibreak-$arch
    if [[ ! -f $unibreak/usr/lib/pkgconfig/libunibreak.pc ]]; then
        rm -rf "$unibreak" && mkdir -p "$unibreak/debs"
        (cd "$unibreak/debs" && apt-get download "libunibreak1:$arch" "libunibreak-dev:$arch")
        for deb in "$unibreak"/debs/*.deb; do dpkg-deb -x "$deb" "$unibreak"; done
        sed -i "s#^prefix=.*#prefix=$unibreak/usr#" "$unibreak/usr/lib/pkgconfig/libunibreak.pc"
    fi
    export PKG_CONFIG_PATH=$unibreak/usr/lib/pkgconfig UNIBREAK_ROOT=$unibreak
    # -d: the :arm64 build dependencies are installed, except libunibreak-dev (above).
    build_args+=(-a "$arch" -d)
fi

echo "== dpkg-buildpackage ${build_args[*]} (DEB_BUILD_OPTIONS=$DEB_BUILD_OPTIONS)"
(cd "$src" && dpkg-buildpackage "${build_args[@]}")
version=$(cd "$src" && dpkg-parsechangelog -S Version)
changes=$out/src-$arch/affiche_${version}_$arch.changes
mv -f "$out/src-$arch"/*_"$version"_*.deb "$out/src-$arch"/affiche_"$version"_"$arch".{buildinfo,changes} "$out/"
changes=$out/affiche_${version}_$arch.changes

echo "== lintian"
status=0
lintian --tag-display-limit 0 --display-info "$changes" >"$out/lintian-$arch.txt" 2>&1 || status=$?
cat "$out/lintian-$arch.txt"
if grep -q '^E: ' "$out/lintian-$arch.txt" || [[ $status -ge 2 ]]; then
    echo "build-deb.sh: lintian reports errors (above)" >&2
    exit 1
fi
ls -l "$out"/*_"$version"_"$arch".deb
