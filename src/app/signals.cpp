// signalfd-based signal delivery: no async-signal-safety puzzles, and poll() wakes on a signal.
#include "app/signals.hpp"

#include <csignal>
#include <fcntl.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace affiche {

namespace {
sigset_t handled_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR1);
    return set;
}
} // namespace

Signals::Signals() {
    const sigset_t set = handled_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    fd_.reset(signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC));
}

std::vector<SignalEvent> Signals::drain() {
    std::vector<SignalEvent> out;
    signalfd_siginfo info{};
    while (fd_.valid() &&
           read(fd_.get(), &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        switch (info.ssi_signo) {
        case SIGHUP:
            out.push_back(SignalEvent::reload);
            break;
        case SIGUSR1:
            out.push_back(SignalEvent::screenshot);
            break;
        default:
            out.push_back(SignalEvent::quit);
            break;
        }
    }
    return out;
}

} // namespace affiche
