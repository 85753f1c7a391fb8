// Translation of toml++'s syntax errors, piece by piece, keeping their English shape exactly.
#include "toml/toml_messages.hpp"

#include "base/i18n.hpp"

namespace affiche {

namespace {

// toml++'s parse scopes and value kinds ("Error while parsing SCOPE", "existing KIND 'x'").
const char* const scopes[] = {
    tr_noop("array"),          tr_noop("boolean"),
    tr_noop("comment"),        tr_noop("date"),
    tr_noop("date-time"),      tr_noop("date-time offset"),
    tr_noop("floating-point"), tr_noop("inline table"),
    tr_noop("integer"),        tr_noop("key"),
    tr_noop("key-value pair"), tr_noop("literal string"),
    tr_noop("root table"),     tr_noop("string"),
    tr_noop("table"),          tr_noop("table header"),
    tr_noop("time"),           tr_noop("value"),
};

// Whole details, and what "expected X" names: the ones an editor meets most.
const char* const details[] = {
    tr_noop("encountered end-of-file"),
    tr_noop("unescaped control characters other than TAB (U+0009) are explicitly prohibited"),
    tr_noop("could not determine value type"),
    tr_noop("leading zeroes are prohibited"),
    tr_noop("underscores may only follow digits"),
    tr_noop("underscores must be followed by digits"),
    tr_noop("missing exponent"),
    tr_noop("a comment or whitespace"),
    tr_noop("value-terminator"),
    tr_noop("decimal digit"),
    tr_noop("digit"),
    tr_noop("space or tab"),
    tr_noop("bare key starting character"),
};

template <std::size_t N> std::string known(std::string_view text, const char* const (&list)[N]) {
    for (const char* item : list) {
        if (text == item) return tr(item);
    }
    return std::string(text);
}

std::string detail_text(std::string_view d) {
    constexpr std::string_view expected = "expected ", saw = ", saw ";
    constexpr std::string_view redefine = "cannot redefine existing ";
    if (d.starts_with(expected)) {
        const auto at = d.rfind(saw);
        if (at != std::string_view::npos && at > expected.size()) {
            const auto what = d.substr(expected.size(), at - expected.size());
            return trf("expected {1}, saw {2}", {known(what, details), d.substr(at + saw.size())});
        }
    }
    if (d.starts_with(redefine)) {
        const auto rest = d.substr(redefine.size());
        const auto space = rest.find(' ');
        if (space != std::string_view::npos) {
            return trf("cannot redefine existing {1} {2}",
                       {known(rest.substr(0, space), scopes), rest.substr(space + 1)});
        }
    }
    return known(d, details);
}

} // namespace

std::string toml_error_text(std::string_view description) {
    constexpr std::string_view frame = "Error while parsing ";
    if (!description.starts_with(frame)) return known(description, details);
    const auto colon = description.find(": ", frame.size());
    if (colon == std::string_view::npos) return std::string(description);
    const auto scope = description.substr(frame.size(), colon - frame.size());
    return trf("Error while parsing {1}: {2}",
               {known(scope, scopes), detail_text(description.substr(colon + 2))});
}

} // namespace affiche
