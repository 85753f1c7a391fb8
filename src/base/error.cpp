// Formatting and counting of diagnostics.
#include "base/error.hpp"

#include <algorithm>

namespace affiche {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.loc.path;
    if (d.loc.line > 0) {
        out += ':' + std::to_string(d.loc.line);
        if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
    }
    out += d.severity == Severity::error     ? ": error: "
           : d.severity == Severity::warning ? ": warning: "
                                             : ": note: ";
    out += d.message;
    if (!d.hint.empty()) out += " (" + d.hint + ")";
    return out;
}

bool has_errors(const Diagnostics& ds) {
    return count(ds, Severity::error) > 0;
}

int count(const Diagnostics& ds, Severity s) {
    return static_cast<int>(
        std::count_if(ds.begin(), ds.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

} // namespace affiche
