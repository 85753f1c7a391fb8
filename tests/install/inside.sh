#!/bin/sh
# The install test's steps, run by tests/install/install_test.sh inside a fresh Debian 12 root.
set -eu
deb=$1
studio_deb=$2
export DEBIAN_FRONTEND=noninteractive
fail() { echo "FAIL: $*" >&2; exit 1; }

dpkg-query -W -f '${Package}\n' | sort >/tmp/before
# Without Recommends (the Mesa drivers, ~40 MB, not needed to check the deck).
apt-get install -y -qq --no-install-recommends "$deb" "$studio_deb" >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get install"; }
dpkg-query -W -f '${Package}\n' | sort >/tmp/after
comm -13 /tmp/before /tmp/after >/tmp/pulled
echo "pulled $(wc -l </tmp/pulled) packages: $(tr "\n" " " </tmp/pulled)"
if grep -E -- '-dev$|^(gcc|g\+\+|cpp|clang|build-essential|make|cmake|binutils|libc6-dev)' /tmp/pulled; then
    fail "build-time packages pulled (above)"
fi

echo "== user and folders"
id affiche
for g in video render affiche; do id -nG affiche | tr ' ' '\n' | grep -qx "$g" || fail "affiche not in group $g"; done
[ "$(stat -c '%U:%G %a' /var/lib/affiche)" = "affiche:affiche 775" ] || fail "/var/lib/affiche: $(stat -c '%U:%G %a' /var/lib/affiche)"
[ -d /var/lib/affiche/content ] || fail "/var/lib/affiche/content missing"
[ "$(readlink /var/lib/affiche/current)" = /usr/share/affiche ] || fail "current -> $(readlink /var/lib/affiche/current)"

echo "== affiche --check /usr/share/affiche"
affiche --check /usr/share/affiche 2>&1 | tail -n 1
affiche --check /usr/share/affiche >/dev/null 2>&1 || fail "--check"
affiche --check /usr/share/affiche 2>&1 | grep -q 'warning\|error' && fail "--check warns"

echo "== systemd-analyze verify"
unit=$(dpkg -L affiche | grep '/systemd/system/affiche.service$')
out=$(systemd-analyze verify --man=no "$unit" 2>&1) || { echo "$out"; fail "systemd-analyze verify $unit"; }
echo "$out" | grep affiche && fail "systemd-analyze verify warns about the unit"
grep -q '^ExecStart=/usr/bin/affiche ' "$unit" || fail "ExecStart is not /usr/bin/affiche"
state=$(systemctl is-enabled affiche.service 2>&1 || true)
[ "$state" = disabled ] || fail "affiche.service is '$state' after install, not disabled"
echo "unit $unit: verified, $state"

echo "== affiche-studio: unit, settings, folders, keys, certificate"
id affiche-studio
id -nG affiche-studio | tr ' ' '\n' | grep -qx -e video -e render && fail "affiche-studio is in a device group"
sunit=$(dpkg -L affiche-studio | grep '/systemd/system/affiche-studio.service$')
grep -qx 'ExecStart=/usr/bin/affiche-studio serve --config /etc/affiche/studio.toml' "$sunit" || fail "ExecStart of $sunit: $(grep ^ExecStart= "$sunit")"
out=$(systemd-analyze verify --man=no "$sunit" 2>&1) || { echo "$out"; fail "systemd-analyze verify $sunit"; }
echo "$out" | grep affiche && fail "systemd-analyze verify warns about the studio's unit"
state=$(systemctl is-enabled affiche-studio.service 2>&1 || true)
[ "$state" = disabled ] || fail "affiche-studio.service is '$state' after install, not disabled"
dpkg-query -W -f '${Conffiles}\n' affiche-studio | grep -q '^ /etc/affiche/studio.toml ' || fail "/etc/affiche/studio.toml is not a conffile"
owner() { stat -c '%U:%G %a' "$1"; }
[ "$(owner /var/lib/affiche-studio)" = "affiche-studio:affiche-studio 750" ] || fail "/var/lib/affiche-studio: $(owner /var/lib/affiche-studio)"
for d in content site state; do
    [ "$(stat -c %U /var/lib/affiche-studio/$d)" = affiche-studio ] || fail "/var/lib/affiche-studio/$d: $(owner /var/lib/affiche-studio/$d)"
done
find /var/lib/affiche-studio ! -user affiche-studio | grep . && fail "files not owned by affiche-studio (above)"
affiche --check /var/lib/affiche-studio/content >/dev/null 2>&1 || fail "--check of the studio's copy of the sample deck"
[ "$(owner /etc/affiche/studio.key)" = "affiche-studio:affiche-studio 600" ] || fail "studio.key: $(owner /etc/affiche/studio.key)"
[ "$(owner /etc/affiche/studio-tls.key)" = "affiche-studio:affiche-studio 600" ] || fail "studio-tls.key: $(owner /etc/affiche/studio-tls.key)"
grep -q '^RW' /etc/affiche/studio.pub || fail "studio.pub is not a minisign public key"
openssl verify -CAfile /etc/affiche/studio-ca.crt /etc/affiche/studio-tls.crt || fail "the certificate is not signed by studio-ca.crt"
openssl x509 -noout -ext subjectAltName -in /etc/affiche/studio-tls.crt | tee /tmp/san
grep -q "DNS:$(hostname)," /tmp/san || fail "the certificate does not name $(hostname)"
openssl x509 -noout -checkend $((3650 * 86400 - 7 * 86400)) -in /etc/affiche/studio-tls.crt >/dev/null || fail "the certificate ends within 10 years"
ls /etc/affiche | grep -i 'ca.key' && fail "the authority's private key was kept"
# Run again (an upgrade, install-pi.sh --studio): keeps every key and the certificate.
sum=$(cat /etc/affiche/studio.key /etc/affiche/studio-tls.crt | md5sum)
/usr/libexec/affiche/studio-setup.sh >/dev/null
[ "$(cat /etc/affiche/studio.key /etc/affiche/studio-tls.crt | md5sum)" = "$sum" ] || fail "studio-setup.sh replaced a key or the certificate"

echo "== studio-setup.sh as the Pi image runs it (keys in the state folder, the card's password)"
printf 'motdepasse-carte\n' >/tmp/card-password
/usr/libexec/affiche/studio-setup.sh --keys /srv/studio/keys --state /srv/studio --password-file /tmp/card-password >/dev/null
for f in keys/studio.key keys/studio-tls.key state/password; do
    [ "$(stat -c %U /srv/studio/$f)" = affiche-studio ] || fail "/srv/studio/$f: $(owner /srv/studio/$f)"
done
openssl verify -CAfile /srv/studio/keys/studio-ca.crt /srv/studio/keys/studio-tls.crt >/dev/null || fail "the image's certificate"
grep -q '^\$argon2id\$' /srv/studio/state/password || fail "the card's password is not an Argon2id hash"
affiche --check /srv/studio/content >/dev/null 2>&1 || fail "--check of /srv/studio/content"
rm -rf /srv/studio /tmp/card-password

echo "== affiche-studio serve --config /etc/affiche/studio.toml (HTTPS with that certificate)"
# As the service would (its user, its settings), on a free loopback port: the option wins over
# the file's listen.
SDL_VIDEODRIVER=offscreen setpriv --reuid=affiche-studio --regid=affiche-studio --init-groups \
    affiche-studio serve --config /etc/affiche/studio.toml --listen 127.0.0.1:0 >/tmp/studio.log 2>&1 &
studio_pid=$!
i=0
until grep -q 'listening on https://127.0.0.1:' /tmp/studio.log; do
    kill -0 "$studio_pid" 2>/dev/null || { cat /tmp/studio.log; fail "the studio stopped"; }
    i=$((i + 1)); [ $i -lt 600 ] || { cat /tmp/studio.log; fail "the studio never listened"; }
    sleep 0.1
done
port=$(sed -n 's#.*listening on https://127.0.0.1:\([0-9]*\)/.*#\1#p' /tmp/studio.log)
printf 'GET / HTTP/1.0\r\nHost: %s\r\n\r\n' "$(hostname)" |
    openssl s_client -quiet -connect "127.0.0.1:$port" -servername "$(hostname)" \
        -verify_hostname "$(hostname)" -verify_return_error -CAfile /etc/affiche/studio-ca.crt \
        >/tmp/https.txt 2>/tmp/tls.txt || { cat /tmp/tls.txt; fail "TLS to the studio with studio-ca.crt"; }
head -n 1 /tmp/https.txt | grep -q '^HTTP/1.[01] 200' || { head -n 5 /tmp/https.txt; fail "GET / over HTTPS"; }
echo "https://$(hostname):$port/ answered $(head -n 1 /tmp/https.txt | tr -d '\r'), certificate verified"
kill "$studio_pid"
wait "$studio_pid" || true

echo "== apt-get purge"
dpkg -L affiche affiche-studio | while read -r f; do [ -d "$f" ] || echo "$f"; done >/tmp/ours
apt-get purge -y -qq affiche-studio affiche >/tmp/purge.log 2>&1 || { cat /tmp/purge.log; fail "purge"; }
# The studio's signing key pair stays on purge (the screens trust it), like the system users.
[ "$(ls /etc/affiche | tr '\n' ' ')" = "studio.key studio.pub " ] || fail "/etc/affiche after purge: $(ls /etc/affiche)"
left=$( (while read -r f; do [ -e "$f" ] || [ -L "$f" ] && echo "$f"; done </tmp/ours
    find / -xdev -name '*affiche*' ! -path '/tmp/*' ! -path '/var/lib/dpkg/*' ! -path '/var/cache/*' \
        ! -path '/var/log/*' ! -path /etc/affiche 2>/dev/null) | sort -u)
[ -z "$left" ] || { echo "$left"; fail "left after purge (above)"; }
echo "nothing of affiche or affiche-studio left after purge but the signing key pair (the system users stay, as Debian does)"
