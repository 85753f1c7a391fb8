// Splitting a command line by a table of options.
#include "base/command_line.hpp"

#include <algorithm>

namespace affiche {

const std::string* CommandLine::value(std::string_view name) const {
    const auto it = std::find_if(options.rbegin(), options.rend(),
                                 [name](const Option& o) { return o.name == name; });
    return it == options.rend() ? nullptr : &it->value;
}

std::variant<CommandLine, UsageError> split_command_line(const std::vector<std::string>& args,
                                                         std::span<const OptionSpec> options) {
    CommandLine line;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() < 2 || a[0] != '-') { // "-" is a name (standard input), not an option
            line.positional.push_back(a);
            continue;
        }
        const auto spec = std::find_if(options.begin(), options.end(),
                                       [&a](const OptionSpec& o) { return o.name == a; });
        if (spec == options.end()) return UsageError{"unknown option '" + a + "'"};
        if (!spec->takes_value) {
            line.options.push_back({a, ""});
        } else if (i + 1 < args.size()) {
            line.options.push_back({a, args[++i]});
        } else {
            return UsageError{spec->missing_value.empty() ? a + " needs a value"
                                                          : std::string(spec->missing_value)};
        }
    }
    return line;
}

} // namespace affiche
