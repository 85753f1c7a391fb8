// DPMS through the connectors' property: which calls, in which order, and what counts as done.
#include "platform/dpms.hpp"

#include "platform/log.hpp"

namespace affiche {

bool Dpms::set(bool on) {
    if (!io_) return false;
    Result<std::vector<std::uint32_t>> connectors = io_->connected_connectors();
    if (!connectors) {
        if (!logged_) log_warning(format_diagnostic(connectors.error()));
        logged_ = true;
        return false;
    }
    int done = 0;
    for (std::uint32_t c : *connectors) {
        Result<std::uint32_t> property = io_->dpms_property(c);
        Result<Done> set =
            property ? io_->set_property(c, *property, on ? dpms_on_value : dpms_off_value)
                     : Result<Done>(property.error());
        if (set) {
            ++done;
        } else if (!logged_) {
            logged_ = true;
            log_warning(format_diagnostic(set.error()));
        }
    }
    if (done > 0) logged_ = false;
    return done > 0;
}

} // namespace affiche
