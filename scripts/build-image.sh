#!/usr/bin/env bash
# Builds the ready Raspberry Pi image: scripts/build-image.sh [arm64]
#   out/image/affiche-VERSION-arm64.img (+ .img.zst), out/image/packages.txt, out/image/sizes.txt
# Partitions (MBR): 1 FAT32 "AFFICHE" (firmware, kernel, initrd, config.txt, cmdline.txt and
# affiche.toml, the one file a person edits), 2 the system as squashfs (read-only by construction),
# 3 ext4 "affiche-data" (/var/lib/affiche, machine id, saved clock, ssh host key; grown to fill
# the card at first boot). docs/raspberry-pi.md explains the choices.
#
# Debian bookworm packages only (main, non-free-firmware) plus our own .debs (out/deb, from
# scripts/build-deb.sh arm64). No arm64 code runs on this machine except ldconfig (static) through
# qemu-aarch64-static: the packages are only unpacked (mmdebstrap --variant=extract) and what their
# maintainer scripts would do is done here (image/configure-root.sh); the initramfs is made here
# from busybox-static (image/make-initramfs.sh). Needs root (file ownership), mmdebstrap,
# squashfs-tools, dosfstools, mtools, e2fsprogs, fdisk, qemu-user-static, zstd.
# Environment: AFFICHE_MIRROR (default http://deb.debian.org/debian), AFFICHE_DEB_CACHE (a folder
# keeping the downloaded .debs between runs; default none: CI starts from a fresh clone anyway).
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
arch=${1:-arm64}
[[ $arch == arm64 ]] || { echo "usage: scripts/build-image.sh [arm64]" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "build-image.sh: needs root (files owned by the image's users)" >&2; exit 1; }
for tool in mmdebstrap mksquashfs mkfs.vfat mcopy mkfs.ext4 sfdisk qemu-aarch64-static zstd depmod; do
    command -v "$tool" >/dev/null || { echo "build-image.sh: $tool is missing (scripts/setup.sh test installs it)" >&2; exit 1; }
done
mirror=${AFFICHE_MIRROR:-http://deb.debian.org/debian}
version=$(cd "$root_dir" && dpkg-parsechangelog -S Version)
debs=("$root_dir/out/deb/affiche_${version}_$arch.deb" "$root_dir/out/deb/affiche-sync_${version}_$arch.deb")
for deb in "${debs[@]}"; do
    [[ -f $deb ]] || { echo "build-image.sh: $deb is missing: run scripts/build-deb.sh $arch first" >&2; exit 1; }
done
# The web editor when its package was built (it runs only with [studio] in the card's affiche.toml).
studio_deb=$root_dir/out/deb/affiche-studio_${version}_$arch.deb
if [[ -f $studio_deb ]]; then
    debs+=("$studio_deb")
else
    echo "build-image.sh: no $studio_deb: the image has no studio"
fi

out=$root_dir/out/image
work=$out/work
image=$out/affiche-$version-$arch.img
rm -rf "$work" && mkdir -p "$work"
start=$SECONDS
step() { echo "== $* ($((SECONDS - start)) s)"; }

# As little as possible: init, network (wired and Wi-Fi), clock, the kernel and the Pi's firmware,
# ssh for a technician who puts a key on the card, busybox-static for the initramfs, and what our
# two packages depend on (SDL, fonts, Mesa's GL drivers: the package's Recommends, which SDL
# loads at run time). "?essential" is the base every Debian system assumes (sh, coreutils...).
packages=(systemd systemd-sysv udev systemd-timesyncd systemd-resolved
    linux-image-arm64 raspi-firmware firmware-brcm80211 wpasupplicant openssh-server
    busybox-static e2fsprogs fdisk ca-certificates tzdata
    libegl1 libgles2 libegl-mesa0 libgl1-mesa-dri libgbm1)
step "mmdebstrap --variant=extract bookworm $arch (main, non-free-firmware)"
cache_hooks=()
if [[ -n ${AFFICHE_DEB_CACHE:-} ]]; then
    mkdir -p "$AFFICHE_DEB_CACHE"
    cache_hooks=(--setup-hook="mkdir -p \"\$1\"/var/cache/apt/archives && cp -a $AFFICHE_DEB_CACHE/. \"\$1\"/var/cache/apt/archives/"
        --extract-hook="cp -a \"\$1\"/var/cache/apt/archives/*.deb $AFFICHE_DEB_CACHE/")
fi
# Our packages are unpacked afterwards like the others (no maintainer script runs anyway);
# mmdebstrap gets their dependencies by name (the first of each "a | b"), except our own
# (affiche-studio depends on affiche, which is not in Debian's archive).
for deb in "${debs[@]}"; do
    packages+=($(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' |
        grep -v -x -e affiche -e affiche-sync -e affiche-studio | grep .))
done
mmdebstrap --quiet --variant=extract --architectures="$arch" --components=main,non-free-firmware \
    --include='?essential' --include="$(IFS=,; echo "${packages[*]}")" \
    --extract-hook='for f in "$1"/var/cache/apt/archives/*.deb; do dpkg-deb -W --showformat="\${Package} \${Version}\n" "$f"; done | sort >"$1"/.packages' \
    "${cache_hooks[@]}" bookworm "$work/root" "$mirror"
for deb in "${debs[@]}"; do
    dpkg-deb -x "$deb" "$work/root"
    dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb" >>"$work/root/.packages"
done
mv "$work/root/.packages" "$out/packages.txt"
step "unpacked $(wc -l <"$out/packages.txt") packages: $(du -sh "$work/root" | cut -f1)"

"$root_dir/image/configure-root.sh" "$work/root"
kver=$(basename "$(ls -d "$work/root"/lib/modules/*)")
step "configured the system (kernel $kver)"

"$root_dir/image/make-initramfs.sh" "$work/root" "$kver" "$work/initrd.img"
step "initramfs $(du -h "$work/initrd.img" | cut -f1)"

# The boot partition's files, as raspi-firmware's kernel hook would lay them out.
boot=$work/boot
mkdir -p "$boot"
cp "$work/root"/usr/lib/raspi-firmware/* "$boot/"
cp "$work/root/usr/lib/linux-image-$kver"/broadcom/bcm*.dtb "$boot/"
cp "$work/root/boot/vmlinuz-$kver" "$boot/vmlinuz"
cp "$work/initrd.img" "$boot/initrd.img"
cp "$root_dir/image/boot/config.txt" "$root_dir/image/boot/cmdline.txt" "$root_dir/image/boot/affiche.toml" "$boot/"
# The root no longer needs the kernel's copy in /boot (the firmware reads the FAT's).
rm -f "$work/root/boot/vmlinuz-$kver" "$work/root/boot/System.map-$kver"

step "squashfs of the system (zstd)"
# Fixed times and no xattrs: the same tree gives the same bytes.
mksquashfs "$work/root" "$work/root.squashfs" -comp zstd -Xcompression-level 9 -noappend -no-xattrs -quiet \
    -all-time "$(date -d "@${SOURCE_DATE_EPOCH:-$(cd "$root_dir" && git log -1 --format=%ct)}" +%s)" \
    -processors "$(nproc)" >/dev/null

mib=$((1024 * 1024))
boot_mib=256
root_mib=$(($(stat -c %s "$work/root.squashfs") / mib + 8))
data_mib=64 # grown to the card's size at first boot
rm -f "$work/boot.vfat"
mkfs.vfat -C -F 32 -n AFFICHE "$work/boot.vfat" $((boot_mib * 1024)) >/dev/null
mcopy -s -i "$work/boot.vfat" "$boot"/* ::/
rm -f "$work/data.ext4"
mkfs.ext4 -q -L affiche-data -E root_owner=0:0 "$work/data.ext4" "${data_mib}M"

step "partitioning $image"
first=4 # MiB before the first partition (alignment for SD cards' erase blocks)
total=$((first + boot_mib + root_mib + data_mib))
rm -f "$image"
truncate -s "${total}M" "$image"
sfdisk --quiet "$image" <<EOF
label: dos
label-id: 0xaff1c4e0
start=${first}MiB, size=${boot_mib}MiB, type=c, bootable
start=$((first + boot_mib))MiB, size=${root_mib}MiB, type=83
start=$((first + boot_mib + root_mib))MiB, size=${data_mib}MiB, type=83
EOF
dd if="$work/boot.vfat" of="$image" bs=1M seek=$first conv=notrunc,sparse status=none
dd if="$work/root.squashfs" of="$image" bs=1M seek=$((first + boot_mib)) conv=notrunc,sparse status=none
dd if="$work/data.ext4" of="$image" bs=1M seek=$((first + boot_mib + root_mib)) conv=notrunc,sparse status=none

step "compressing"
zstd -q -f -T0 -6 "$image" -o "$image.zst"
{
    echo "image $(basename "$image"): $(du -h --apparent-size "$image" | cut -f1) ($total MiB), compressed $(du -h "$image.zst" | cut -f1)"
    echo "system (squashfs, zstd): $(du -h "$work/root.squashfs" | cut -f1), unpacked $(du -sh "$work/root" | cut -f1)"
    echo "initramfs: $(du -h "$work/initrd.img" | cut -f1); packages: $(wc -l <"$out/packages.txt")"
} | tee "$out/sizes.txt"
# work/root stays for image/make-initramfs.sh while working on the boot (the next build removes it).
rm -f "$work/boot.vfat" "$work/data.ext4" "$work/root.squashfs"
step "done: $image"
