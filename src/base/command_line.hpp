// The one way the programs read their command line: a table of options, values after them, the
// rest positional; a usage error is a type of its own (exit status 2), never a message to search.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace affiche {

// The command line itself is wrong: the program prints the message and its usage, and exits 2.
// (A configuration or a deck that is refused is a Diagnostic, exit 1.)
struct UsageError {
    std::string message;
};

struct OptionSpec {
    std::string_view name; // "--out"
    bool takes_value = false;
    // The message when the value is missing; "" gives "--out needs a value".
    std::string_view missing_value = {};
};

struct CommandLine {
    struct Option {
        std::string name;
        std::string value; // "" for an option without a value
    };
    std::vector<Option> options; // in the order given
    std::vector<std::string> positional;

    // The value of the last name given, or nullptr when it was not given.
    const std::string* value(std::string_view name) const;
    bool has(std::string_view name) const { return value(name) != nullptr; }
};

// Splits args (without the program name) by the options table: an argument starting with '-' is
// an option ("-" alone is not), the argument after an option that takes a value is its value, the
// rest positional. Returns the split, or the UsageError of the first unknown option or missing
// value.
std::variant<CommandLine, UsageError> split_command_line(const std::vector<std::string>& args,
                                                         std::span<const OptionSpec> options);

} // namespace affiche
