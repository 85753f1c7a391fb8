#!/usr/bin/env bash
# Makes the image's initramfs on the build machine, from the unpacked arm64 root (nothing runs):
#   image/make-initramfs.sh ROOT KERNEL_VERSION OUT.img
# busybox-static, e2fsck/mke2fs/resize2fs/sfdisk with their libraries, image/initramfs/init, and
# the kernel modules needed to reach the card: SD host controllers (Pi 4), virtio (qemu), their
# buses, clocks and regulators, and the file systems (squashfs, ext4, vfat). Debian's kernel has
# all of these as modules, so a boot without an initramfs cannot mount anything.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=${1:?usage: make-initramfs.sh ROOT KERNEL_VERSION OUT}
kver=${2:?kernel version}
out=${3:?output file}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp"/{bin,sbin,lib,proc,sys,dev,run,root}
cp "$root/bin/busybox" "$tmp/bin/busybox"
install -m 0755 "$here/initramfs/init" "$tmp/init"

# A program and the libraries it needs (their NEEDED entries, found in the root's library folders).
copy_with_libs() {
    local file=$1 lib dir
    [[ -e $tmp$file ]] && return
    mkdir -p "$tmp$(dirname "$file")"
    cp -L "$root$file" "$tmp$file"
    for lib in $(readelf -d "$root$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        for dir in /lib/aarch64-linux-gnu /usr/lib/aarch64-linux-gnu; do
            if [[ -e $root$dir/$lib ]]; then
                copy_with_libs "$dir/$lib"
                break
            fi
        done
    done
}
for program in /sbin/e2fsck /sbin/mke2fs /sbin/resize2fs /sbin/sfdisk /sbin/blockdev; do
    copy_with_libs "$program"
done
mkdir -p "$tmp/lib/aarch64-linux-gnu"
cp -L "$root/lib/ld-linux-aarch64.so.1" "$tmp/lib/ld-linux-aarch64.so.1"
cp "$root/etc/mke2fs.conf" "$tmp/etc/" 2>/dev/null || { mkdir -p "$tmp/etc" && cp "$root/etc/mke2fs.conf" "$tmp/etc/"; }

mods=lib/modules/$kver
mkdir -p "$tmp/$mods"
cp "$root/$mods"/modules.{order,builtin,builtin.modinfo} "$tmp/$mods/"
for dir in drivers/mmc drivers/virtio drivers/block drivers/clk drivers/firmware drivers/mailbox \
    drivers/soc drivers/reset drivers/pinctrl drivers/regulator drivers/gpio drivers/dma \
    drivers/phy drivers/mfd drivers/nvmem drivers/pci drivers/bus drivers/irqchip \
    fs/squashfs fs/ext4 fs/jbd2 fs/mbcache.ko fs/fat fs/nls lib crypto; do
    [[ -e $root/$mods/kernel/$dir ]] || continue
    mkdir -p "$tmp/$mods/kernel/$(dirname "$dir")"
    cp -a "$root/$mods/kernel/$dir" "$tmp/$mods/kernel/$dir"
done
# And every module these need (the root's modules.dep lists each module's dependencies, all of
# them), so udev-less modprobe finds them.
(cd "$tmp/$mods" && find kernel -name '*.ko') | while read -r ko; do
    sed -n "s#^$ko: ##p" "$root/$mods/modules.dep" | tr ' ' '\n'
done | sort -u | while read -r dep; do
    [[ -z $dep || -e $tmp/$mods/$dep ]] && continue
    mkdir -p "$tmp/$mods/$(dirname "$dep")"
    cp "$root/$mods/$dep" "$tmp/$mods/$dep"
done
depmod -b "$tmp" "$kver"

(cd "$tmp" && find . | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) | zstd -q -19 -T0 >"$out"
