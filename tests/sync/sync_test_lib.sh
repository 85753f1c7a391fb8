# Shared by the sync's e2e scripts and bench/fleet.sh (sourced): a private nginx on 127.0.0.1,
# the fault-injecting server, test keys and publishing helpers.
# shellcheck shell=bash

sync_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

nginx_bin() {
    command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true
}

wait_for_port() { # PORT: up to 10 s
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    return 1
}

# start_nginx WWW PREFIX [LOCATIONS [CERT KEY]]: serves WWW on a free port (NGINX_PORT); its own
# config, logs and pid under PREFIX. Access log lines: "$request $status $bytes_sent". Also /err500/
# (500), /redir-file/ (a redirect to file://) and /report (200 to any method, as a studio approving
# a report). LOCATIONS: more of the server block (nginx text, "" for none); the log format
# `report` (body file, signature header, content type, method) is there for them. With CERT and
# KEY (PEM files), over TLS (https) only.
start_nginx() {
    local www=$1 prefix=$2 locations=${3:-} bin tls_lines="" ssl=""
    if [[ $# -ge 5 ]]; then
        ssl=" ssl"
        tls_lines="ssl_certificate $4; ssl_certificate_key $5;"
    fi
    bin=$(nginx_bin)
    mkdir -p "$prefix/logs" "$prefix/tmp"
    NGINX_PORT=$(free_port)
    local user_line=""
    [[ $(id -u) -eq 0 ]] && user_line="user root;"
    cat >"$prefix/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
    log_format bytes '\$request \$status \$bytes_sent';
    log_format report '\$request_body_file \$http_x_affiche_signature \$content_type \$request_method';
    access_log $prefix/logs/access.log bytes;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    default_type application/octet-stream;
    keepalive_timeout 5;
    server {
        listen 127.0.0.1:$NGINX_PORT$ssl backlog=4096;
        $tls_lines
        root $www;
        location = /report { return 200 '{"state": "approved"}'; }
        location /err500/ { return 500; }
        location /redir-file/ { return 302 file:///etc/passwd; }
        location /redir-ok/ { rewrite ^/redir-ok/(.*)\$ /\$1 redirect; }
        $locations
    }
}
CONF
    "$bin" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" &
    NGINX_PID=$!
    wait_for_port "$NGINX_PORT"
}

# start_fault_server ROOT PREFIX: FAULT_PORT, FAULT_PID; requests logged to PREFIX/fault.log.
start_fault_server() {
    rm -f "$2/fault.port"
    python3 "$sync_lib_dir/fault_server.py" --root "$1" --port-file "$2/fault.port" \
        --log "$2/fault.log" &
    FAULT_PID=$!
    for _ in $(seq 1 100); do
        [[ -s "$2/fault.port" ]] && break
        sleep 0.1
    done
    FAULT_PORT=$(cat "$2/fault.port")
}

stop_pid() { # PID...: TERM, then wait (our own children only)
    local pid
    for pid in "$@"; do
        [[ -n "$pid" ]] || continue
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}

# make_keys DIR: DIR/test.key + DIR/keys/test.pub, DIR/other.key + DIR/other.pub (not trusted).
make_keys() {
    mkdir -p "$1/keys"
    minisign -G -W -f -p "$1/keys/test.pub" -s "$1/test.key" >/dev/null
    minisign -G -W -f -p "$1/other.pub" -s "$1/other.key" >/dev/null
}

# sign_manifest FILE KEY: a .minisig made by the minisign tool itself.
sign_manifest() {
    rm -f "$1.minisig"
    minisign -S -s "$2" -m "$1" -t "affiche test manifest" >/dev/null
}

# manifest_field FILE KEY: the value (quotes removed).
manifest_field() {
    sed -nE "s/^$2 = \"?([^\"]*)\"?\$/\\1/p" "$1"
}

# set_manifest_field FILE KEY VALUE (VALUE as written in TOML, quotes included for strings).
set_manifest_field() {
    sed -i -E "s|^$2 = .*\$|$2 = $3|" "$1"
}
