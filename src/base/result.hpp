// Result<T>: a value, or the Diagnostic that prevented it; the one error type at module boundaries.
#pragma once

#include "base/error.hpp"

#include <utility>
#include <variant>

namespace affiche {

// The value of a Result that carries no data ("it worked").
struct Done {};

// Holds either a T or one Diagnostic (path:line:col, message, hint). Functions that can fail at a
// module boundary return this instead of out-parameters, bool plus string, or inverted optionals,
// and say so at their declaration: "Returns X, or the Diagnostic that ...". std::optional is for
// "not there" only; a caller that must tell kinds of failure apart gets a type (UsageError,
// PullOutcome::Kind), never a message to search.
template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(Diagnostic error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Diagnostic& error() const { return std::get<1>(v_); }

  private:
    std::variant<T, Diagnostic> v_;
};

// An error Diagnostic, for `return failure(...)` in functions returning a Result.
inline Diagnostic failure(SourceLoc loc, std::string message, std::string hint = {}) {
    return Diagnostic{Severity::error, std::move(loc), std::move(message), std::move(hint)};
}

} // namespace affiche
