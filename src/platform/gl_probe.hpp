// Asks the display's OpenGL driver for its name, in a child process that exits right after.
#pragma once

#include "platform/renderer_choice.hpp"

namespace affiche {

// Forks a child that starts SDL's video, makes a hidden OpenGL (else OpenGL ES 2) context, and
// sends back SDL's video driver and GL_RENDERER. The child keeps the GL driver (Mesa llvmpipe
// alone maps tens of MB) and its threads out of the player. Call before SDL_Init in this process:
// a child must not share this process's window-system connection. Gives up after timeout_ms.
GlProbeResult probe_gl(int timeout_ms);

} // namespace affiche
