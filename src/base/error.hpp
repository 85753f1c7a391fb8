// Diagnostics as values: a source position, a severity, a message and an optional hint.
#pragma once

#include <string>
#include <vector>

namespace affiche {

// Position in a file; line and column are 1-based, 0 means "unknown / whole file".
struct SourceLoc {
    std::string path;
    int line = 0;
    int column = 0;
};

// A note informs (a setting that hides slides on purpose); it is neither a fault nor a risk.
enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLoc loc;
    std::string message;
    std::string hint; // optional, e.g. "did you mean 'title'?"
};

// "path:line:col: error: message (hint)" - the one format every tool and log line uses.
std::string format_diagnostic(const Diagnostic& d);

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& ds);
int count(const Diagnostics& ds, Severity s);

} // namespace affiche
