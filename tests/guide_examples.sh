#!/usr/bin/env bash
# Runs every example of docs/guide-edition.md on a copy of the shipped deck, in French, in order:
#   ```toml nouveau=PATH          the block is written to PATH (a new file)
#   ```toml avant=PATH / après=PATH   the "avant" text, found in PATH, is replaced by "après"
#   ```sh test [code=N]           run with bash in the copy; exit status N (default 0)
#   ```sh test aperçu             the windowed preview: run 3 s headless, then stopped
#   ```sh test publication        needs affiche-sync: skipped, visibly, until it is built
#   ```text résultat              after a `sh test`: its output, line by line; "…" matches any
#                                 text, and a line holding only "…" any number of lines
# usage: guide_examples.sh SOURCE_DIR AFFICHE_BIN
set -uo pipefail
src=${1:?usage: guide_examples.sh SOURCE_DIR AFFICHE_BIN}
bin=${2:?usage: guide_examples.sh SOURCE_DIR AFFICHE_BIN}
guide="$src/docs/guide-edition.md"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
deck="$work/mes-diapos"
mkdir -p "$deck" "$work/home/Images" "$work/bin"
cp -r "$src/slides" "$src/images" "$src/fonts" "$deck/"
ln -s "$bin" "$work/bin/affiche"
sync_bin=$(dirname "$bin")/affiche-sync
[ -x "$sync_bin" ] && ln -s "$sync_bin" "$work/bin/affiche-sync"
export PATH="$work/bin:$PATH" HOME="$work/home" LANG=fr_FR.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
# The picture the guide copies from the user's Images folder: a slide of the test fixture.
"$bin" --render "$work/render" --size 640x360 "$src/tests/fixtures/basic" >/dev/null &&
    cp "$work/render/01-texte.png" "$work/home/Images/plante.png" || {
    echo "cannot make the sample picture"
    exit 1
}

failures=0
ran=0
skipped=0
fail() {
    echo "FAIL (docs/guide-edition.md:$start): $*"
    failures=$((failures + 1))
}

# Each expected line as a bash pattern: glob characters taken literally, "…" for any text.
matches() { # matches LINE EXPECTED
    local pattern
    pattern=$(printf '%s' "$2" | sed -e 's/[][\\*?]/\\&/g' -e 's/…/*/g')
    # shellcheck disable=SC2053 # the pattern is meant to be a pattern
    [[ $1 == $pattern ]]
}

# Lines got[gi..] against want[wi..]; a want line that is only "…" stands for any lines, or none.
lines_match() { # lines_match GI WI (arrays got and want)
    local gi=$1 wi=$2
    if [ "$wi" -ge ${#want[@]} ]; then
        [ "$gi" -ge ${#got[@]} ]
        return
    fi
    if [ "${want[$wi]}" = "…" ]; then
        local k
        for ((k = gi; k <= ${#got[@]}; k++)); do
            lines_match "$k" $((wi + 1)) && return 0
        done
        return 1
    fi
    [ "$gi" -lt ${#got[@]} ] && matches "${got[$gi]}" "${want[$wi]}" &&
        lines_match $((gi + 1)) $((wi + 1))
}

check_output() { # check_output OUTPUT EXPECTED
    mapfile -t got <<<"$1"
    mapfile -t want <<<"$2"
    lines_match 0 0 || fail "the output differs from the guide's:"$'\n'"$1"
}

last_output=""
pending_avant=""
avant_path=""
run_block() { # run_block INFO TEXT
    local info=$1 text=$2 path before content code want
    case "$info" in
    "toml nouveau="*)
        path=$deck/${info#toml nouveau=}
        printf '%s\n' "$text" >"$path"
        ;;
    "toml avant="*)
        pending_avant=$text
        avant_path=${info#toml avant=}
        ;;
    "toml après="*)
        path=${info#toml après=}
        [ "$path" = "$avant_path" ] || {
            fail "'après' for $path without its 'avant'"
            return
        }
        before=$pending_avant
        pending_avant=""
        content=$(cat "$deck/$path")
        if [[ $content != *"$before"* ]]; then
            fail "$path does not contain the 'avant' text: $before"
            return
        fi
        printf '%s\n' "${content/"$before"/"$text"}" >"$deck/$path"
        ;;
    "sh test aperçu")
        ran=$((ran + 1))
        last_output=$(cd "$deck" && timeout -s TERM 3 bash -c "$text" 2>&1)
        code=$?
        # 124: still running when stopped, as a preview should be; it must not have failed.
        [ $code -eq 124 ] || [ $code -eq 0 ] || fail "the preview ended with $code: $last_output"
        [[ $last_output != *"error"* ]] || fail "the preview logged an error: $last_output"
        ;;
    "sh test publication")
        if ! command -v affiche-sync >/dev/null; then
            echo "SKIP (docs/guide-edition.md:$start): affiche-sync is not built yet (issue 8)"
            skipped=$((skipped + 1))
            return
        fi
        if command -v minisign >/dev/null; then
            mkdir -p "$HOME/.minisign"
            minisign -G -W -p "$HOME/.minisign/affiche.pub" -s "$HOME/.minisign/affiche.key" \
                >/dev/null 2>&1
        fi
        ran=$((ran + 1))
        last_output=$(cd "$deck" && bash -c "$text" 2>&1) || fail "publication failed: $last_output"
        ;;
    "sh test"*)
        ran=$((ran + 1))
        want=0
        [[ $info == *"code="* ]] && want=${info##*code=}
        last_output=$(cd "$deck" && bash -c "$text" 2>&1)
        code=$?
        [ "$code" -eq "$want" ] || fail "'$text' exited with $code, not $want:"$'\n'"$last_output"
        ;;
    "text résultat")
        check_output "$last_output" "$text"
        ;;
    esac
}

# Reads the guide's fenced blocks in order.
in_block=0
info=""
text=""
lineno=0
start=0
while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    if [ $in_block -eq 0 ] && [[ $line == '```'?* ]]; then
        in_block=1
        info=${line#\`\`\`}
        text=""
        start=$lineno
    elif [ $in_block -eq 1 ] && [ "$line" = '```' ]; then
        in_block=0
        run_block "$info" "$text"
    elif [ $in_block -eq 1 ]; then
        text+=${text:+$'\n'}$line
    fi
done <"$guide"

echo "guide examples: $ran run, $skipped skipped, $failures failed"
[ $ran -ge 8 ] || {
    echo "too few examples found: is the guide's block syntax intact?"
    exit 1
}
[ $failures -eq 0 ]
