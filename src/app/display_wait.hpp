// Start-up on a screen that may not be there yet: SDL and the display opened with retries.
#pragma once

#include "app/signals.hpp"
#include "platform/display.hpp"

#include <optional>

namespace affiche {

// Starts SDL's video and opens the display, retrying with a back-off (1 s doubling to 30 s) while
// it fails: KMSDRM cannot start while no display is connected (a TV off at boot). Tells systemd
// it is waiting, not hanging. nullopt when a quit signal came first.
std::optional<Display> wait_for_display(SdlLibrary& sdl, const DisplayOptions& options,
                                        Signals& signals);

} // namespace affiche
