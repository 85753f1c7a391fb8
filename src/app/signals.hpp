// SIGINT, SIGTERM, SIGHUP and SIGUSR1 as readable events on a file descriptor (signalfd).
#pragma once

#include "base/unique_fd.hpp"

#include <vector>

namespace affiche {

enum class SignalEvent { quit, reload, screenshot };

class Signals {
  public:
    // Blocks the signals in this thread (call before any thread starts) and opens the signalfd.
    Signals();
    Signals(const Signals&) = delete;
    Signals& operator=(const Signals&) = delete;
    int fd() const { return fd_.get(); }
    // Reads whatever arrived, without blocking.
    std::vector<SignalEvent> drain();

  private:
    UniqueFd fd_; // the signalfd; invalid when it could not be opened
};

} // namespace affiche
