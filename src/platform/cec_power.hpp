// Turns the TV off and on over HDMI-CEC on every adapter: Standby at closing, Image View On then
// Active Source at opening, as a playback device. An adapter whose TV has not given an address
// yet (f.f.f.f: off or unplugged at boot) is tried again later.
#pragma once

#include "platform/cec_port.hpp"

#include <memory>
#include <string>
#include <vector>

namespace affiche {

// How many adapters did what in one call.
struct CecOutcome {
    int sent = 0;    // every message acknowledged
    int waiting = 0; // no physical address yet: retry() tries again
    int failed = 0;  // an ioctl failed or the TV did not acknowledge
};

class CecPower {
  public:
    explicit CecPower(std::vector<std::unique_ptr<CecPort>> ports,
                      std::string osd_name = "affiche");
    bool has_adapters() const { return !adapters_.empty(); }
    // Sends the messages for on (wake) or off (standby) to every adapter.
    CecOutcome set(bool on);
    // Tries again, with the last set()'s state, on the adapters that were waiting.
    CecOutcome retry();
    bool waiting() const;

  private:
    struct Adapter {
        std::unique_ptr<CecPort> port;
        bool waiting = false;
        bool failed_logged = false;
    };
    enum class Sent { ok, waiting, failed };

    Sent send(Adapter& a, bool on);
    Result<std::uint8_t> own_address(Adapter& a);
    bool transmit(Adapter& a, const std::vector<std::uint8_t>& bytes);
    void report(Adapter& a, const Diagnostic& d);

    std::vector<Adapter> adapters_;
    std::string osd_name_;
    bool on_ = true; // the state last asked for
};

} // namespace affiche
