// A thin interface over one kernel CEC adapter (/dev/cecN): the four ioctls screen power needs,
// so the sequence can be checked against a fake device (there is no CEC hardware in CI).
#pragma once

#include "base/result.hpp"
#include "base/unique_fd.hpp"

#include <linux/cec.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace affiche {

class CecPort {
  public:
    virtual ~CecPort() = default;
    virtual const std::string& name() const = 0; // e.g. "/dev/cec0", for messages
    // CEC_ADAP_G_PHYS_ADDR: 0xffff (f.f.f.f) while no EDID was read.
    virtual Result<std::uint16_t> physical_address() = 0;
    // CEC_ADAP_G_LOG_ADDRS: what the adapter has claimed (num_log_addrs 0 = nothing).
    virtual Result<cec_log_addrs> logical_addresses() = 0;
    // CEC_ADAP_S_LOG_ADDRS: claims; returns the addresses as the kernel filled them in.
    virtual Result<cec_log_addrs> claim(const cec_log_addrs& wanted) = 0;
    // CEC_TRANSMIT (blocking: returns once the message was sent or failed); tx_status filled in.
    virtual Result<cec_msg> transmit(const cec_msg& message) = 0;
};

// The real adapter: ioctls on a descriptor opened read-write, blocking.
class LinuxCecPort final : public CecPort {
  public:
    LinuxCecPort(std::string path, UniqueFd fd) : path_(std::move(path)), fd_(std::move(fd)) {}
    const std::string& name() const override { return path_; }
    Result<std::uint16_t> physical_address() override;
    Result<cec_log_addrs> logical_addresses() override;
    Result<cec_log_addrs> claim(const cec_log_addrs& wanted) override;
    Result<cec_msg> transmit(const cec_msg& message) override;

  private:
    Diagnostic error(const char* what, int err) const;

    std::string path_;
    UniqueFd fd_;
};

// Opens every /dev/cec* adapter that can be opened (dev_dir is "/dev" but for tests). Adapters
// that cannot be opened (permissions: the unit's DeviceAllow and group) are logged once here.
std::vector<std::unique_ptr<CecPort>> open_cec_ports(const std::string& dev_dir = "/dev");

} // namespace affiche
