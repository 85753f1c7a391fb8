# Shared by tests/image/*.sh (sourced): boots a copy of the image under qemu-system-aarch64
# (TCG, -M virt, direct kernel boot with the kernel and initrd of the image's own FAT, virtio-blk,
# virtio-gpu, user-mode network) and talks to it through QMP and the serial console.
# Needs: qemu-system-aarch64 (qemu-system-arm), mtools, python3, ImageMagick (compare).

# Skips (exit 77) when a tool is missing.
image_require_tools() {
    local tool
    for tool in qemu-system-aarch64 mcopy mdel python3 compare sfdisk "$@"; do
        command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (scripts/setup.sh test installs it)"; exit 77; }
    done
}

# Byte offset of partition N (1..3) in the image file.
image_part_offset() {
    sfdisk -J "$1" | python3 -c "import json,sys; p=json.load(sys.stdin)['partitiontable']; print(p['partitions'][$2-1]['start']*p.get('sectorsize',512))"
}
image_part_size() {
    sfdisk -J "$1" | python3 -c "import json,sys; p=json.load(sys.stdin)['partitiontable']; print(p['partitions'][$2-1]['size']*p.get('sectorsize',512))"
}

# image_part_hash IMG N: sha256 of partition N's bytes.
image_part_hash() {
    python3 -c '
import hashlib, sys
path, offset, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
h = hashlib.sha256()
with open(path, "rb") as f:
    f.seek(offset)
    while size > 0:
        block = f.read(min(size, 1 << 20))
        if not block:
            break
        h.update(block)
        size -= len(block)
print(h.hexdigest())' "$1" "$(image_part_offset "$1" "$2")" "$(image_part_size "$1" "$2")"
}

# image_extract_boot IMG DIR: the kernel and initramfs from the image's FAT, as the Pi's firmware
# would load them (the firmware itself cannot be emulated).
image_extract_boot() {
    local off
    off=$(image_part_offset "$1" 1)
    mcopy -o -i "$1@@$off" ::vmlinuz ::initrd.img "$2/"
}

# image_put_card_file IMG LOCAL_FILE NAME: writes a file on the image's FAT (as a person would).
image_put_card_file() {
    local off
    off=$(image_part_offset "$1" 1)
    mcopy -o -i "$1@@$off" "$2" "::$3"
}

# image_boot IMG DIR [extra qemu args...]: starts qemu in the background; DIR gets serial.log,
# qmp.sock and qemu.pid. 1280x720 keeps the player's software rendering affordable under TCG.
image_boot() {
    local img=$1 dir=$2
    shift 2
    rm -f "$dir/serial.log" "$dir/qmp.sock"
    qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 1024 -nodefaults -no-user-config \
        -kernel "$dir/vmlinuz" -initrd "$dir/initrd.img" \
        -append "console=ttyAMA0 net.ifnames=0 systemd.journald.forward_to_console=1 systemd.show_status=1 ${IMAGE_APPEND:-}" \
        -drive "file=$img,if=none,format=raw,id=card,cache=unsafe" -device virtio-blk-pci,drive=card \
        -device virtio-gpu-pci,xres=1280,yres=720 \
        -netdev "user,id=net0${IMAGE_HOSTFWD:+,$IMAGE_HOSTFWD}" -device virtio-net-pci,netdev=net0 \
        -display none -serial "file:$dir/serial.log" -qmp "unix:$dir/qmp.sock,server=on,wait=off" \
        "$@" >"$dir/qemu.out" 2>&1 &
    echo $! >"$dir/qemu.pid"
}

# image_test_setup NAME [CONSOLE_REGEX]: for a test script that set $root: the newest image of
# out/image in $img (skips, exit 77, without one), a work folder /var/tmp/affiche-NAME.XXXXXX in
# $work, removed at exit with its qemu and the nginx of $NGINX_PID when one was started. After it,
# fail MESSAGE says why, keeps the guest's console in out/image/ and shows its last lines that
# match CONSOLE_REGEX (default: affiche|ssh|FAILED|error), then exits 1.
image_test_setup() {
    img=$(ls -t "$root"/out/image/affiche-*-arm64.img 2>/dev/null | head -n 1 || true)
    [[ -f $img ]] || { echo "SKIP: no image: build it with scripts/build-image.sh"; exit 77; }
    work=$(mktemp -d "/var/tmp/affiche-$1.XXXXXX")
    image_console_regex=${2:-affiche|ssh|FAILED|error}
    NGINX_PID=""
    trap image_test_cleanup EXIT
}
image_test_cleanup() {
    image_kill "$work"
    if [[ -n $NGINX_PID ]]; then stop_pid "$NGINX_PID"; fi
    rm -rf "$work"
}
fail() {
    local keep
    keep="$root/out/image/$(basename "$0" .sh)-serial.log"
    echo "FAIL: $*" >&2
    cp "$work/serial.log" "$keep" 2>/dev/null && echo "(the guest's console: ${keep#"$root"/})" >&2
    echo "--- last console lines:" >&2
    grep -a -E "$image_console_regex" "$work/serial.log" 2>/dev/null | grep -av 'Job .* running' |
        tail -n 25 >&2 || true
    exit 1
}

# image_kill DIR [SIGNAL]: stops that qemu (SIGKILL: a power cut).
image_kill() {
    local pid
    pid=$(cat "$1/qemu.pid" 2>/dev/null) || return 0
    kill "-${2:-KILL}" "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$1/qemu.pid"
}

# image_wait_serial DIR REGEX SECONDS: waits until the console shows REGEX; 1 on timeout or when
# qemu ended.
image_wait_serial() {
    local deadline=$((SECONDS + $3))
    while ((SECONDS < deadline)); do
        grep -aqE "$2" "$1/serial.log" 2>/dev/null && return 0
        kill -0 "$(cat "$1/qemu.pid")" 2>/dev/null || return 1
        sleep 1
    done
    return 1
}

# image_screendump DIR OUT.png: the guest's screen through QMP.
image_screendump() {
    python3 - "$1/qmp.sock" "$2" <<'EOF'
import json, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
f = s.makefile("rw")
f.readline()  # greeting
for cmd in ({"execute": "qmp_capabilities"},
            {"execute": "screendump", "arguments": {"filename": sys.argv[2], "format": "png"}}):
    f.write(json.dumps(cmd) + "\n"); f.flush()
    while True:
        reply = json.loads(f.readline())
        if "event" in reply: continue
        if "error" in reply: sys.exit("screendump: " + reply["error"]["desc"])
        break
EOF
}

# image_rmse A.png B.png: normalised RMSE of two pictures of the same size (0 = identical).
image_rmse() {
    { compare -metric RMSE "$1" "$2" null: 2>&1 || true; } | sed -n 's/.*(\([0-9.e+-]*\)).*/\1/p'
}
