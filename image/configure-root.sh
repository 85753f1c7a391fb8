#!/usr/bin/env bash
# Finishes an unpacked (never configured) arm64 Debian root on the build machine, doing what the
# packages' maintainer scripts would do for this image, with this machine's tools:
#   image/configure-root.sh ROOT
# users (systemd-sysusers --root), ld.so.cache (the root's static ldconfig under
# qemu-aarch64-static), modules.dep (depmod), udev's hwdb, the CA bundle, units enabled
# (systemctl --root), then the image's own files (image/rootfs/) and the read-only layout.
# No maintainer script runs: binfmt_misc is not available here, so arm64 programs cannot run
# inside a chroot, and the result is the same on any build machine.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "${1:?usage: image/configure-root.sh ROOT}" && pwd)
kver=$(basename "$(ls -d "$root"/lib/modules/*)")

# The image's own files first: sysusers.d and units below are among them.
cp -a "$here/rootfs/." "$root/"

# Users and groups: base-passwd's table (basic.conf), systemd's service users, affiche,
# affiche-sync and sshd (image/rootfs/usr/lib/sysusers.d/sshd.conf). Every password is locked.
systemd-sysusers --root="$root" 2>/dev/null
sed -i 's/^root:!\*:/root:*:/' "$root/etc/shadow" # ssh keys work without PAM (sshd_config.d)

# Libraries: ld.so.cache. ldconfig is static, so qemu-user runs it without binfmt_misc.
qemu-aarch64-static "$root/sbin/ldconfig" -r "$root"

# Kernel modules (udev loads them by alias) and udev's hardware database.
depmod -b "$root" "$kver"
systemd-hwdb --root="$root" update

# The CA bundle curl reads (update-ca-certificates' output: every certificate it would enable).
(cd "$root/usr/share/ca-certificates" && find . -name '*.crt' | sort | sed 's#^\./##') >"$root/etc/ca-certificates.conf"
(cd "$root/usr/share/ca-certificates" && sed 's#^#./#' "$root/etc/ca-certificates.conf" | xargs cat) >"$root/etc/ssl/certs/ca-certificates.crt"

# sshd's configuration (openssh-server's maintainer script copies Debian's default; it includes
# image/rootfs/etc/ssh/sshd_config.d/).
cp "$root/usr/share/openssh/sshd_config" "$root/etc/ssh/sshd_config"

# Alternatives the system uses (update-alternatives would make them).
ln -sf /usr/bin/mawk "$root/usr/bin/awk"

# Fixed at build, the rest at boot: an empty /etc/machine-id (the initramfs binds the data
# partition's over it), the hostname until affiche.toml names the screen, resolv.conf from
# resolved, the time zone from the card (affiche-firstboot writes the link in /run).
: >"$root/etc/machine-id"
echo affiche >"$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
ln -sf /run/systemd/resolve/stub-resolv.conf "$root/etc/resolv.conf"
ln -sf /run/affiche-firstboot/localtime "$root/etc/localtime"
mkdir -p "$root/etc/affiche"
ln -sfn /run/affiche-firstboot/sync.toml "$root/etc/affiche/sync.toml"
ln -sfn /run/affiche-firstboot/keys "$root/etc/affiche/keys"
mkdir -p "$root/etc/wpa_supplicant"
ln -sf /run/affiche-firstboot/wpa_supplicant-wlan0.conf "$root/etc/wpa_supplicant/wpa_supplicant-wlan0.conf"

# Mount points: the data partition (/data, mounted by the initramfs) and the FAT (/boot/firmware).
mkdir -p "$root/data" "$root/boot/firmware" "$root/var/lib/affiche" "$root/var/lib/systemd" \
    "$root/var/lib/affiche-studio"

# Units: the player, the sync's timer, first-boot configuration, network, clock, ssh (which
# starts only when the card holds a key: image/rootfs/etc/systemd/system/ssh.service.d).
# No login prompt anywhere: there is no password to type. No SysV scripts: systemctl would run
# the root's update-rc.d (arm64) to mirror them.
rm -rf "$root"/etc/init.d "$root"/etc/rc?.d
systemctl --root="$root" --quiet enable affiche.service affiche-sync.timer affiche-firstboot.service \
    systemd-networkd.service systemd-resolved.service \
    systemd-timesyncd.service ssh.service
# The studio when its package is in the image: enabled, and started only when the card's
# affiche.toml has [studio] enabled = true (its drop-in's ConditionPathExists=).
if [[ -f $root/lib/systemd/system/affiche-studio.service ]]; then
    systemctl --root="$root" --quiet enable affiche-studio.service
fi
systemctl --root="$root" --quiet mask getty@.service serial-getty@.service console-getty.service \
    systemd-networkd-wait-online.service apt-daily.timer apt-daily-upgrade.timer \
    e2scrub_all.timer e2scrub_reap.service fstrim.timer
systemctl --root="$root" --quiet set-default multi-user.target

# Nothing of apt's or the docs is needed on a card nobody logs in to; keep the French messages.
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
    "$root"/usr/share/man/* "$root"/usr/share/info/*
find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'fr' ! -name 'locale.alias' -exec rm -rf {} +
