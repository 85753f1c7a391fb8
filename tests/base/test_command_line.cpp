// split_command_line: options by table, values, positional arguments, and the usage errors.
#include "base/command_line.hpp"

#include <doctest/doctest.h>

using namespace affiche;

namespace {

constexpr OptionSpec options[] = {
    {"--check"},
    {"--out", true},
    {"--size", true, "--size needs WIDTHxHEIGHT"},
};

CommandLine split(const std::vector<std::string>& args) {
    auto r = split_command_line(args, options);
    const auto* error = std::get_if<UsageError>(&r);
    INFO((error ? error->message : std::string()));
    REQUIRE(std::holds_alternative<CommandLine>(r));
    return std::get<CommandLine>(r);
}

std::string error_of(const std::vector<std::string>& args) {
    auto r = split_command_line(args, options);
    const auto* error = std::get_if<UsageError>(&r);
    return error ? error->message : "(split)";
}

} // namespace

TEST_CASE("command line: options in order, values, positional arguments") {
    const CommandLine c =
        split({"publish", "--out", "-site", "deck", "--check", "-", "--out", "b"});
    CHECK(c.positional == std::vector<std::string>{"publish", "deck", "-"});
    REQUIRE(c.options.size() == 3);
    CHECK(c.options[0].name == "--out");
    CHECK(c.options[0].value ==
          "-site"); // the argument after an option is its value, whatever it is
    CHECK(c.options[1].name == "--check");
    CHECK(c.options[1].value.empty());
    CHECK(*c.value("--out") == "b"); // the last one given
    CHECK(c.has("--check"));
    CHECK_FALSE(c.has("--size"));
    CHECK(c.value("--size") == nullptr);
    CHECK(split({}).positional.empty());
    CHECK(split({""}).positional == std::vector<std::string>{""});
}

TEST_CASE("command line: unknown options and missing values are usage errors") {
    CHECK(error_of({"--frobnicate"}) == "unknown option '--frobnicate'");
    CHECK(error_of({"deck", "-x"}) == "unknown option '-x'");
    CHECK(error_of({"--out"}) == "--out needs a value");
    CHECK(error_of({"--size"}) == "--size needs WIDTHxHEIGHT");
    CHECK(error_of({"--check", "--out", "x"}) == "(split)");
}
