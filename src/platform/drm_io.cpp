// The libdrm DrmIo: connectors, their DPMS property, and setting it (legacy KMS, as SDL uses).
#include "platform/dpms.hpp"

#include <xf86drm.h>
#include <xf86drmMode.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace affiche {

namespace {

Diagnostic drm_error(const std::string& what, int err) {
    return failure(SourceLoc{"drm"}, what + ": " + std::strerror(err));
}

class LibDrmIo final : public DrmIo {
  public:
    explicit LibDrmIo(int fd) : fd_(fd) {}

    Result<std::vector<std::uint32_t>> connected_connectors() override {
        drmModeRes* res = drmModeGetResources(fd_);
        if (!res) return drm_error("drmModeGetResources", errno);
        std::vector<std::uint32_t> ids;
        for (int i = 0; i < res->count_connectors; ++i) {
            drmModeConnector* c = drmModeGetConnector(fd_, res->connectors[i]);
            if (!c) continue;
            if (c->connection == DRM_MODE_CONNECTED) ids.push_back(c->connector_id);
            drmModeFreeConnector(c);
        }
        drmModeFreeResources(res);
        return ids;
    }

    Result<std::uint32_t> dpms_property(std::uint32_t connector) override {
        drmModeObjectProperties* props =
            drmModeObjectGetProperties(fd_, connector, DRM_MODE_OBJECT_CONNECTOR);
        if (!props) return drm_error("drmModeObjectGetProperties", errno);
        std::uint32_t found = 0;
        for (std::uint32_t i = 0; i < props->count_props && found == 0; ++i) {
            drmModePropertyRes* p = drmModeGetProperty(fd_, props->props[i]);
            if (!p) continue;
            if (std::strcmp(p->name, "DPMS") == 0) found = p->prop_id;
            drmModeFreeProperty(p);
        }
        drmModeFreeObjectProperties(props);
        if (found == 0)
            return drm_error("connector " + std::to_string(connector) + " has no DPMS property",
                             ENOENT);
        return found;
    }

    Result<Done> set_property(std::uint32_t connector, std::uint32_t property,
                              std::uint64_t value) override {
        const int r = drmModeConnectorSetProperty(fd_, connector, property, value);
        if (r != 0) return drm_error("drmModeConnectorSetProperty DPMS", -r);
        return Done{};
    }

  private:
    int fd_; // SDL's: not closed here
};

} // namespace

std::unique_ptr<DrmIo> make_libdrm_io(int drm_fd) {
    if (drm_fd < 0) return nullptr;
    return std::make_unique<LibDrmIo>(drm_fd);
}

} // namespace affiche
