// Tests of the minisign formats against the real `minisign` tool, in both directions.
#include "sync/minisign_signature.hpp"
#include "sync/trusted_keys.hpp"

#include "sync_test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace affiche;
using affiche::testing::make_minisign_keys;
using affiche::testing::no_minisign;
using affiche::testing::read_text;
using affiche::testing::run_shell;
using affiche::testing::TempDir;

namespace {

// A key pair without a password in tmp as name.pub / name.key.
void make_plain_keys(const TempDir& tmp, const std::string& name) {
    make_minisign_keys(tmp.path(name + ".pub"), tmp.path(name + ".key"));
}

constexpr const char* manifest_text = "format = 1\nsequence = 3\n";

} // namespace

TEST_CASE("a file signed in-process verifies with `minisign -Vm`, and a changed one does not" *
          no_minisign()) {
    TempDir tmp("minisign");
    make_plain_keys(tmp, "k");
    auto secret = read_secret_key(tmp.path("k.key"), std::nullopt);
    REQUIRE(secret.ok());
    auto pub = read_public_key(tmp.path("k.pub"));
    REQUIRE(pub.ok());
    CHECK(public_key_of(*secret).key == pub->key);
    CHECK(format_public_key(*pub) == read_text(tmp.path("k.pub")));
    tmp.write("m.toml", manifest_text);
    tmp.write("m.toml.minisig", sign_bytes(*secret, manifest_text, "sequence:3 revision:ab"));
    CHECK(run_shell("minisign -Vm " + tmp.path("m.toml") + " -p " + tmp.path("k.pub")).code == 0);
    // -H: minisign refuses legacy signatures, so ours are the prehashed kind.
    CHECK(run_shell("minisign -H -Vm " + tmp.path("m.toml") + " -p " + tmp.path("k.pub")).code ==
          0);
    tmp.write("m.toml", "format = 1\nsequence = 4\n");
    CHECK(run_shell("minisign -Vm " + tmp.path("m.toml") + " -p " + tmp.path("k.pub")).code != 0);
}

TEST_CASE("a file signed by `minisign -Sm` with a password-less key is accepted" * no_minisign()) {
    TempDir tmp("minisign");
    make_plain_keys(tmp, "k");
    tmp.write("m.toml", manifest_text);
    REQUIRE(run_shell("minisign -Sm " + tmp.path("m.toml") + " -s " + tmp.path("k.key") +
                      " -t 'sequence:3 revision:ab'")
                .code == 0);
    auto keys = read_trusted_keys(tmp.path("k.pub"));
    REQUIRE(keys.ok());
    auto v = verify_file(tmp.path("m.toml"), *keys);
    REQUIRE_MESSAGE(v.ok(), format_diagnostic(v.error()));
    CHECK(v->trusted_comment == "sequence:3 revision:ab");
    // The legacy format (`-l`: the file itself signed, "Ed") is still accepted, as minisign does.
    REQUIRE(
        run_shell("minisign -S -l -m " + tmp.path("m.toml") + " -s " + tmp.path("k.key")).code ==
        0);
    CHECK(read_text(tmp.path("m.toml.minisig")).find("\nRW") != std::string::npos);
    auto legacy = verify_file(tmp.path("m.toml"), *keys);
    CHECK_MESSAGE(legacy.ok(), format_diagnostic(legacy.error()));
    tmp.write("m.toml", "format = 1\nsequence = 4\n");
    CHECK_FALSE(verify_file(tmp.path("m.toml"), *keys).ok());
}

TEST_CASE("an encrypted key: minisign signs with it given the password on stdin, we read it too" *
          no_minisign()) {
    TempDir tmp("minisign");
    REQUIRE(run_shell("printf 'pass word\\npass word\\n' | minisign -G -p " + tmp.path("e.pub") +
                      " -s " + tmp.path("e.key"))
                .code == 0);
    tmp.write("m.toml", manifest_text);
    REQUIRE(run_shell("printf 'pass word\\n' | minisign -Sm " + tmp.path("m.toml") + " -s " +
                      tmp.path("e.key"))
                .code == 0);
    auto keys = read_trusted_keys(tmp.path("e.pub"));
    REQUIRE(keys.ok());
    auto v = verify_file(tmp.path("m.toml"), *keys);
    REQUIRE_MESSAGE(v.ok(), format_diagnostic(v.error()));
    CHECK(v->trusted_comment.starts_with("timestamp:"));

    auto encrypted = secret_key_is_encrypted(tmp.path("e.key"));
    REQUIRE(encrypted.ok());
    CHECK(*encrypted);
    auto no_password = read_secret_key(tmp.path("e.key"), std::nullopt);
    REQUIRE_FALSE(no_password.ok());
    CHECK(no_password.error().message.find("password is needed") != std::string::npos);
    auto wrong = read_secret_key(tmp.path("e.key"), std::string("wrong"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().message == "wrong password for the secret key");
    auto secret = read_secret_key(tmp.path("e.key"), std::string("pass word"));
    REQUIRE_MESSAGE(secret.ok(), format_diagnostic(secret.error()));
    tmp.write("m.toml.minisig", sign_bytes(*secret, manifest_text, "sequence:3"));
    CHECK(run_shell("minisign -Vm " + tmp.path("m.toml") + " -p " + tmp.path("e.pub")).code == 0);
}

TEST_CASE("refusals: each with its own clear message" * no_minisign()) {
    TempDir tmp("minisign");
    make_plain_keys(tmp, "a");
    make_plain_keys(tmp, "b");
    auto a_secret = read_secret_key(tmp.path("a.key"), std::nullopt);
    REQUIRE(a_secret.ok());
    auto a = read_trusted_keys(tmp.path("a.pub"));
    auto b = read_trusted_keys(tmp.path("b.pub"));
    REQUIRE((a.ok() && b.ok()));
    const std::string sig = sign_bytes(*a_secret, manifest_text, "sequence:3 revision:ab");
    auto message = [&](std::string_view data, std::string_view sig_text,
                       const std::vector<PublicKey>& keys) {
        auto v = verify_with_keys(data, "m.toml", sig_text, "m.toml.minisig", keys);
        REQUIRE_FALSE(v.ok());
        return format_diagnostic(v.error());
    };
    CHECK(verify_with_keys(manifest_text, "m.toml", sig, "m.toml.minisig", *a).ok());

    SUBCASE("unknown key id") {
        CHECK(message(manifest_text, sig, *b)
                  .find("signed by unknown key " + key_id_hex(a_secret->id)) != std::string::npos);
    }
    SUBCASE("wrong key with the signer's id") {
        std::vector<PublicKey> wrong = *b;
        wrong[0].id = a_secret->id;
        CHECK(message(manifest_text, sig, wrong).find("m.toml does not match its signature") !=
              std::string::npos);
    }
    SUBCASE("tampered manifest") {
        CHECK(message("format = 1\nsequence = 9\n", sig, *a).find("does not match its signature") !=
              std::string::npos);
    }
    SUBCASE("tampered trusted comment") {
        std::string forged = sig;
        forged.replace(forged.find("sequence:3"), 10, "sequence:9");
        CHECK(message(manifest_text, forged, *a) ==
              "m.toml.minisig:3:1: error: the trusted comment was changed after signing");
    }
    SUBCASE("unsigned") {
        CHECK(message(manifest_text, "", *a) ==
              "m.toml.minisig: error: unsigned: the signature file is empty");
        tmp.write("m.toml", manifest_text);
        auto v = verify_file(tmp.path("m.toml"), *a);
        REQUIRE_FALSE(v.ok());
        CHECK(v.error().message.starts_with("unsigned: "));
    }
    SUBCASE("malformed") {
        std::string broken = sig;
        broken.replace(broken.find('\n') + 1, 4, "!!!!");
        CHECK(message(manifest_text, broken, *a)
                  .starts_with(
                      "m.toml.minisig:2:1: error: malformed signature: line 2 is not base64"));
        CHECK(message(manifest_text, "hello\n", *a)
                  .starts_with("m.toml.minisig:1:1: error: malformed signature"));
    }
}

TEST_CASE("a folder of trusted keys: rotation accepts either key, a bad key file is an error" *
          no_minisign()) {
    TempDir tmp("minisign");
    std::filesystem::create_directories(tmp.path("trusted"));
    make_plain_keys(tmp, "trusted/old");
    make_plain_keys(tmp, "trusted/new");
    auto keys = read_trusted_keys(tmp.path("trusted"));
    REQUIRE(keys.ok());
    CHECK(keys->size() == 2);
    for (const char* name : {"old", "new"}) {
        auto secret = read_secret_key(tmp.path(std::string("trusted/") + name + ".key"), {});
        REQUIRE(secret.ok());
        const std::string sig = sign_bytes(*secret, manifest_text, "x");
        CHECK(verify_with_keys(manifest_text, "m", sig, "m.minisig", *keys).ok());
    }
    tmp.write("trusted/typo.pub", "untrusted comment: x\nRWnotakey\n");
    auto broken = read_trusted_keys(tmp.path("trusted"));
    REQUIRE_FALSE(broken.ok());
    CHECK(format_diagnostic(broken.error()).starts_with(tmp.path("trusted/typo.pub") + ":2:1: "));
    std::filesystem::create_directories(tmp.path("empty"));
    CHECK_FALSE(read_trusted_keys(tmp.path("empty")).ok());
}

TEST_CASE("two trusted keys with the same key id are both tried" * no_minisign()) {
    TempDir tmp("minisign");
    std::filesystem::create_directories(tmp.path("trusted"));
    make_plain_keys(tmp, "real");
    make_plain_keys(tmp, "other");
    auto real = read_secret_key(tmp.path("real.key"), {});
    auto other = read_secret_key(tmp.path("other.key"), {});
    REQUIRE(real.ok());
    REQUIRE(other.ok());
    // Another key given the real key's id (ids are chosen freely), listed first ("a" < "z").
    PublicKey impostor = public_key_of(*other);
    impostor.id = real->id;
    tmp.write("trusted/a-impostor.pub", format_public_key(impostor));
    tmp.write("trusted/z-real.pub", format_public_key(public_key_of(*real)));
    auto keys = read_trusted_keys(tmp.path("trusted"));
    REQUIRE(keys.ok());
    REQUIRE(keys->size() == 2);
    const std::string sig = sign_bytes(*real, manifest_text, "x");
    auto verified = verify_with_keys(manifest_text, "m", sig, "m.minisig", *keys);
    REQUIRE_MESSAGE(verified.ok(), format_diagnostic(verified.error()));
    CHECK(verified->key.key == public_key_of(*real).key);
    // A changed file still fails, with the first key's reason.
    CHECK_FALSE(verify_with_keys("changed", "m", sig, "m.minisig", *keys).ok());
}
