// XXH3-64 digests of content files, with an owned streaming state.
#include "base/file_digest.hpp"

#include <xxhash.h>

#include <new>

namespace affiche {

struct Digest::State {
    XXH3_state_t* s;
    State() : s(XXH3_createState()) {
        if (!s) throw std::bad_alloc();
        XXH3_64bits_reset(s);
    }
    ~State() { XXH3_freeState(s); }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
};

Digest::Digest() : state_(std::make_unique<State>()) {}
Digest::~Digest() = default;
Digest::Digest(Digest&&) noexcept = default;
Digest& Digest::operator=(Digest&&) noexcept = default;

void Digest::update(const void* data, std::size_t size) {
    XXH3_64bits_update(state_->s, data, size);
}

std::uint64_t Digest::value() const {
    return XXH3_64bits_digest(state_->s);
}

std::uint64_t digest_of(std::string_view bytes) {
    return XXH3_64bits(bytes.data(), bytes.size());
}

std::uint64_t unreadable_digest() {
    return XXH3_64bits("\0unreadable", 11); // the marker revision.cpp always used
}

} // namespace affiche
