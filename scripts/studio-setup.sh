#!/bin/sh
# Prepares, once, what affiche-studio.service needs; safe to run again (it keeps what exists):
#   studio-setup.sh [--keys DIR] [--state DIR] [--deck DIR] [--password-file FILE]
# - the system user affiche-studio (its sysusers snippet), when it is missing;
# - STATE (default /var/lib/affiche-studio) with content/ (a copy of the sample deck DIR, default
#   the one installed beside this script), site/ and state/, owned by affiche-studio;
# - the signing key KEYS/studio.key and KEYS/studio.pub (default KEYS /etc/affiche): minisign,
#   not encrypted, readable by affiche-studio only; the screens trust studio.pub;
# - a TLS certificate for this machine: KEYS/studio-ca.crt, a local authority made for it alone
#   (its private key is destroyed as soon as it has signed, so trusting it once in a browser
#   trusts nothing else), and KEYS/studio-tls.crt + KEYS/studio-tls.key, valid 10 years for the
#   machine's name, NAME.local, localhost and its IPv4 addresses of the moment;
# - with --password-file, the editors' password from that file's first line (the Pi image).
# Run by the affiche-studio package's postinst, scripts/install-pi.sh --studio and, on the Pi
# image, before each start of the service. Needs openssl and minisign. docs/studio.md.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
keys=/etc/affiche
state=/var/lib/affiche-studio
deck=$here/../../share/affiche
password_file=""
while [ $# -gt 0 ]; do
    case $1 in
        --keys) keys=${2:?--keys needs a folder}; shift ;;
        --state) state=${2:?--state needs a folder}; shift ;;
        --deck) deck=${2:?--deck needs a folder}; shift ;;
        --password-file) password_file=${2:?--password-file needs a file}; shift ;;
        *) echo "studio-setup.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
user=affiche-studio
as_user() { setpriv --reuid="$user" --regid="$user" --init-groups "$@"; }

if ! getent passwd "$user" >/dev/null; then
    systemd-sysusers affiche-studio.conf
fi

# The folders the unit's StateDirectory= holds; the deck it edits starts as the sample deck.
install -d -m 0750 -o "$user" -g "$user" "$state"
if [ ! -e "$state/content" ]; then
    if [ -d "$deck/slides" ]; then
        # Copied by the studio's user, so every file is its own (no recursive chown as root).
        as_user sh -c 'umask 027 && rm -rf "$2.new" && cp -R "$1" "$2.new" && mv "$2.new" "$2"' sh "$deck" "$state/content"
        echo "studio-setup: $state/content is a copy of $deck"
    else
        echo "studio-setup: no sample deck in $deck: put a deck in $state/content" >&2
    fi
fi
install -d -m 0750 -o "$user" -g "$user" "$state/site" "$state/state"

install -d -m 0755 "$keys"
if [ ! -e "$keys/studio.key" ]; then
    (umask 077 && minisign -G -W -p "$keys/studio.pub.new" -s "$keys/studio.key.new" >/dev/null </dev/null)
    chown "$user:$user" "$keys/studio.key.new"
    chmod 0644 "$keys/studio.pub.new"
    mv "$keys/studio.pub.new" "$keys/studio.pub"
    mv "$keys/studio.key.new" "$keys/studio.key"
    echo "studio-setup: signing key $keys/studio.key made; the screens trust $keys/studio.pub"
fi

if [ ! -e "$keys/studio-tls.crt" ] && [ ! -e "$keys/studio-tls.key" ]; then
    host=$(hostname)
    names="DNS:$host,DNS:$host.local,DNS:localhost,IP:127.0.0.1"
    for ip in $(hostname -I 2>/dev/null || true); do
        case $ip in *:*) ;; 127.*) ;; *) names="$names,IP:$ip" ;; esac
    done
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    (
        umask 077
        cd "$work"
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
            -subj "/O=affiche/CN=affiche-studio $host" -keyout ca.key -out ca.crt \
            -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
            -subj "/CN=$host" -keyout tls.key -out tls.csr 2>/dev/null
        printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
            "extendedKeyUsage=serverAuth" "subjectAltName=$names" >tls.ext
        openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
            -days 3650 -extfile tls.ext -out tls.crt 2>/dev/null
        # The authority's key goes now: nothing else can ever be signed with it.
        rm -f ca.key
        cat tls.crt ca.crt >chain.crt
    )
    install -m 0644 "$work/ca.crt" "$keys/studio-ca.crt"
    install -m 0644 "$work/chain.crt" "$keys/studio-tls.crt"
    install -m 0600 -o "$user" -g "$user" "$work/tls.key" "$keys/studio-tls.key"
    echo "studio-setup: TLS certificate $keys/studio-tls.crt for $names"
    echo "studio-setup: trust $keys/studio-ca.crt once in the browsers (docs/studio.md); its fingerprints:"
    openssl x509 -noout -fingerprint -sha256 -in "$keys/studio-ca.crt"
    openssl x509 -noout -fingerprint -sha1 -in "$keys/studio-ca.crt"
fi

if [ -n "$password_file" ] && [ -s "$password_file" ]; then
    as_user affiche-studio passwd --state "$state/state" <"$password_file" >/dev/null
    echo "studio-setup: editors' password set from $password_file"
fi
