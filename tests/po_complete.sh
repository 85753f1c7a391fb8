#!/usr/bin/env bash
# Every message the sources mark for translation (tr, trn) has a French text in po/fr.po, and
# po/affiche.pot lists exactly those messages. Exit 77 (skipped) without xgettext/msgcmp.
set -euo pipefail
src=${1:?usage: po_complete.sh SOURCE_DIR}
command -v xgettext >/dev/null && command -v msgcmp >/dev/null || {
    echo "xgettext/msgcmp not installed (package gettext): skipped"
    exit 77
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
xgettext --language=C++ --from-code=UTF-8 --keyword=tr --keyword=trf --keyword=tr_noop --keyword=trn:1,2 \
    -o "$tmp/now.pot" src/{base,toml,text,deck,layout,schedule}/*.[ch]pp src/app/*.cpp src/platform/*.cpp src/main.cpp \
    src/firstboot/*.cpp src/studio/*.cpp
# msgcmp: every msgid of now.pot must be in fr.po (untranslated entries count as missing).
if ! msgcmp --use-untranslated "po/fr.po" "$tmp/now.pot" 2>"$tmp/fr.err"; then
    cat "$tmp/fr.err"
    echo "po/fr.po lacks messages: run 'cmake --build BUILD --target affiche_pot', then" \
        "'msgmerge -U po/fr.po po/affiche.pot' and translate the new entries"
    exit 1
fi
# No empty or fuzzy translation.
stats=$(msgfmt --statistics -o /dev/null po/fr.po 2>&1)
echo "po/fr.po: $stats"
case "$stats" in
*fuzzy* | *untranslated*)
    echo "po/fr.po has fuzzy or untranslated messages"
    exit 1
    ;;
esac
# The template in the repository lists the same messages as the sources (both ways).
if ! msgcmp --use-untranslated po/affiche.pot "$tmp/now.pot" 2>"$tmp/pot.err" ||
    ! msgcmp --use-untranslated "$tmp/now.pot" po/affiche.pot 2>>"$tmp/pot.err"; then
    cat "$tmp/pot.err"
    echo "po/affiche.pot is out of date: cmake --build BUILD --target affiche_pot"
    exit 1
fi
echo "every marked message has its French text"
