// The kernel CEC framework's ioctls, one call each, errors as values.
#include "platform/cec_port.hpp"

#include "platform/log.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace affiche {

Diagnostic LinuxCecPort::error(const char* what, int err) const {
    return failure(SourceLoc{path_}, std::string(what) + ": " + std::strerror(err));
}

Result<std::uint16_t> LinuxCecPort::physical_address() {
    std::uint16_t a = CEC_PHYS_ADDR_INVALID;
    if (::ioctl(fd_.get(), CEC_ADAP_G_PHYS_ADDR, &a) != 0)
        return error("CEC_ADAP_G_PHYS_ADDR", errno);
    return a;
}

Result<cec_log_addrs> LinuxCecPort::logical_addresses() {
    cec_log_addrs a{};
    if (::ioctl(fd_.get(), CEC_ADAP_G_LOG_ADDRS, &a) != 0)
        return error("CEC_ADAP_G_LOG_ADDRS", errno);
    return a;
}

Result<cec_log_addrs> LinuxCecPort::claim(const cec_log_addrs& wanted) {
    cec_log_addrs a = wanted;
    if (::ioctl(fd_.get(), CEC_ADAP_S_LOG_ADDRS, &a) != 0)
        return error("CEC_ADAP_S_LOG_ADDRS", errno);
    return a;
}

Result<cec_msg> LinuxCecPort::transmit(const cec_msg& message) {
    cec_msg m = message;
    if (::ioctl(fd_.get(), CEC_TRANSMIT, &m) != 0) return error("CEC_TRANSMIT", errno);
    return m;
}

std::vector<std::unique_ptr<CecPort>> open_cec_ports(const std::string& dev_dir) {
    std::vector<std::string> paths;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dev_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("cec", 0) == 0 && name.size() > 3) paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::unique_ptr<CecPort>> ports;
    for (const auto& path : paths) {
        UniqueFd fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
        if (!fd.valid()) {
            log_warning(path + ": " + std::strerror(errno) + " (HDMI-CEC not used on it)");
            continue;
        }
        ports.push_back(std::make_unique<LinuxCecPort>(path, std::move(fd)));
    }
    return ports;
}

} // namespace affiche
