// XXH3-64 digests of content files, with an owned streaming state (no hand-freed handle).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace affiche {

// Streaming XXH3-64; the state is freed by its owner, also when hashing throws half-way.
class Digest {
  public:
    Digest();
    ~Digest();
    Digest(Digest&&) noexcept;
    Digest& operator=(Digest&&) noexcept;
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    std::uint64_t value() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// One-shot XXH3-64 of bytes (equal to streaming the same bytes through Digest).
std::uint64_t digest_of(std::string_view bytes);

// The digest that stands for a file that could not be read (vanished, denied, not regular).
std::uint64_t unreadable_digest();

} // namespace affiche
