// DPMS off and on through the DRM connectors' "DPMS" property, over a thin interface (DrmIo) so
// the calls can be checked against a fake; the libdrm one works on the descriptor SDL's KMSDRM
// driver opened.
#pragma once

#include "base/result.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace affiche {

class DrmIo {
  public:
    virtual ~DrmIo() = default;
    // Ids of the connectors with a display connected.
    virtual Result<std::vector<std::uint32_t>> connected_connectors() = 0;
    // The id of the connector's "DPMS" property.
    virtual Result<std::uint32_t> dpms_property(std::uint32_t connector) = 0;
    virtual Result<Done> set_property(std::uint32_t connector, std::uint32_t property,
                                      std::uint64_t value) = 0;
};

// DRM_MODE_DPMS_ON / DRM_MODE_DPMS_OFF (drm_mode.h), spelled here so the logic needs no libdrm.
inline constexpr std::uint64_t dpms_on_value = 0;
inline constexpr std::uint64_t dpms_off_value = 3;

class Dpms {
  public:
    explicit Dpms(std::unique_ptr<DrmIo> io) : io_(std::move(io)) {}
    // Sets every connected connector's DPMS property. True when at least one took it; the first
    // failure is logged once per state asked for.
    bool set(bool on);

  private:
    std::unique_ptr<DrmIo> io_;
    bool logged_ = false;
};

// The libdrm DrmIo on a descriptor it does not own (SDL's), or nullptr for fd < 0.
std::unique_ptr<DrmIo> make_libdrm_io(int drm_fd);

} // namespace affiche
