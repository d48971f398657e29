// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The lowest room: types every library shares (the engine included, which builds alone with
// nothing but this folder beside it). Header-only.

#include <string>
#include <utility>
#include <variant>

namespace saliscope {

/// Why an operation stopped: it failed, or a CancelToken asked it to stop.
enum class ErrorKind { Failed, Cancelled };

/// A failure carried as a value: one line a user can act on ("model.pt is not a TorchScript archive").
struct Error final {
    std::string message;
    ErrorKind kind = ErrorKind::Failed;

    /// The error of work stopped on request; its message is "cancelled". Test it with
    /// Result::isCancelled(), never by comparing messages.
    static Error cancelled() { return Error{"cancelled", ErrorKind::Cancelled}; }
};

/// Holds either a value or an Error; functions return it instead of throwing.
template <typename T> class Result final {
public:
    Result(T value) : m_state(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : m_state(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    /// True when the operation was cancelled (an Error of kind Cancelled).
    bool isCancelled() const { return !ok() && std::get<Error>(m_state).kind == ErrorKind::Cancelled; }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const std::string& error() const { return std::get<Error>(m_state).message; }
    /// The Error itself, to pass on unchanged (its kind included).
    const Error& failure() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Success or an Error, for operations that return nothing.
struct Ok final {};
using Status = Result<Ok>;

} // namespace saliscope
