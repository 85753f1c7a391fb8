// SIGINT, SIGTERM, SIGHUP and SIGUSR1 as readable events on a file descriptor (signalfd).
#pragma once

#include <vector>

namespace affiche {

enum class SignalEvent { quit, reload, screenshot };

class Signals {
  public:
    // Blocks the signals in this thread (call before any thread starts) and opens the signalfd.
    Signals();
    ~Signals();
    Signals(const Signals&) = delete;
    Signals& operator=(const Signals&) = delete;
    int fd() const { return fd_; }
    // Reads whatever arrived, without blocking.
    std::vector<SignalEvent> drain();

  private:
    int fd_ = -1;
};

} // namespace affiche
