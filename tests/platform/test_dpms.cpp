// Tests for DPMS screen power: the property calls made on each connected connector, against a
// fake DrmIo (the real one needs a KMS display).
#include "platform/dpms.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace affiche;

namespace {

class FakeDrm final : public DrmIo {
  public:
    explicit FakeDrm(std::vector<std::string>& log) : log_(log) {}
    std::vector<std::uint32_t> connectors{31};
    bool list_fails = false;
    std::uint32_t without_dpms = 0; // a connector id with no DPMS property
    int set_errno = 0;

    Result<std::vector<std::uint32_t>> connected_connectors() override {
        log_.push_back("connectors");
        if (list_fails) return failure(SourceLoc{"drm"}, "drmModeGetResources: Permission denied");
        return connectors;
    }
    Result<std::uint32_t> dpms_property(std::uint32_t c) override {
        log_.push_back("property " + std::to_string(c));
        if (c == without_dpms) return failure(SourceLoc{"drm"}, "no DPMS property");
        return 2u;
    }
    Result<Done> set_property(std::uint32_t c, std::uint32_t p, std::uint64_t v) override {
        log_.push_back("set " + std::to_string(c) + " " + std::to_string(p) + "=" +
                       std::to_string(v));
        if (set_errno)
            return failure(SourceLoc{"drm"}, "drmModeConnectorSetProperty: Invalid argument");
        return Done{};
    }

  private:
    std::vector<std::string>& log_;
};

} // namespace

TEST_CASE("dpms: off then on sets the connector's DPMS property to 3, then 0") {
    std::vector<std::string> log;
    Dpms dpms(std::make_unique<FakeDrm>(log));
    CHECK(dpms.set(false));
    CHECK(dpms.set(true));
    CHECK(log == std::vector<std::string>{"connectors", "property 31", "set 31 2=3", "connectors",
                                          "property 31", "set 31 2=0"});
}

TEST_CASE("dpms: every connected connector, done when one of them took it") {
    std::vector<std::string> log;
    auto io = std::make_unique<FakeDrm>(log);
    io->connectors = {31, 40};
    io->without_dpms = 31;
    Dpms dpms(std::move(io));
    CHECK(dpms.set(false));
    CHECK(log ==
          std::vector<std::string>{"connectors", "property 31", "property 40", "set 40 2=3"});
}

TEST_CASE("dpms: failures say so, and the caller falls back") {
    std::vector<std::string> log;
    auto io = std::make_unique<FakeDrm>(log);
    FakeDrm& fake = *io;
    Dpms dpms(std::move(io));
    fake.list_fails = true;
    CHECK_FALSE(dpms.set(false));
    fake.list_fails = false;
    fake.set_errno = 22;
    CHECK_FALSE(dpms.set(false));
    fake.connectors.clear(); // nothing connected
    fake.set_errno = 0;
    CHECK_FALSE(dpms.set(false));
}

TEST_CASE("dpms: without a DRM descriptor (X11, offscreen) there is no DPMS") {
    CHECK(make_libdrm_io(-1) == nullptr);
    Dpms none(nullptr);
    CHECK_FALSE(none.set(false));
}
