// Tests for the renderer decision: GL_RENDERER strings seen in the field -> SDL renderer choice.
#include "platform/renderer_choice.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("renderer choice: CPU rasterizers are recognised by their GL_RENDERER string") {
    CHECK(is_software_rasterizer("llvmpipe (LLVM 15.0.6, 256 bits)"));
    CHECK(is_software_rasterizer("softpipe"));
    CHECK(is_software_rasterizer("Software Rasterizer")); // Mesa swrast (classic)
    CHECK(is_software_rasterizer("swrast"));
    CHECK(is_software_rasterizer("Google SwiftShader"));
    CHECK(is_software_rasterizer("SwiftShader Device (Subzero) (0x0000C0DE)"));
    CHECK(is_software_rasterizer("zink (LLVMPIPE (LLVM 15.0.6, 256 bits))")); // any case

    CHECK_FALSE(is_software_rasterizer("V3D 7.1"));     // Raspberry Pi 5
    CHECK_FALSE(is_software_rasterizer("V3D 4.2"));     // Raspberry Pi 4
    CHECK_FALSE(is_software_rasterizer("VC4 V3D 2.1")); // Raspberry Pi 3
    CHECK_FALSE(is_software_rasterizer("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
    CHECK_FALSE(is_software_rasterizer("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49)"));
    CHECK_FALSE(is_software_rasterizer(""));
}

TEST_CASE("renderer choice: software without framebuffer acceleration on llvmpipe") {
    const RendererChoice c =
        choose_renderer(std::nullopt, {"x11", "llvmpipe (LLVM 15.0.6, 256 bits)", ""});
    CHECK(c.driver == "software");
    CHECK_FALSE(c.framebuffer_acceleration);
    CHECK(c.reason == "OpenGL is llvmpipe (LLVM 15.0.6, 256 bits), a software rasterizer");
}

TEST_CASE("renderer choice: a real GPU keeps SDL's accelerated renderer") {
    const RendererChoice c = choose_renderer(std::nullopt, {"kmsdrm", "V3D 7.1", ""});
    CHECK(c.driver.empty());
    CHECK(c.framebuffer_acceleration);
    CHECK(c.reason == "OpenGL is V3D 7.1, a GPU");
}

TEST_CASE("renderer choice: SDL_RENDER_DRIVER wins over the probe") {
    for (const char* gl : {"llvmpipe (LLVM 15.0.6, 256 bits)", "V3D 7.1"}) {
        const RendererChoice c =
            choose_renderer(std::string("opengles2"), {"x11", std::string(gl), ""});
        CHECK(c.driver.empty()); // the environment variable already says it to SDL
        CHECK(c.framebuffer_acceleration);
        CHECK(c.reason == "SDL_RENDER_DRIVER=opengles2 set");
    }
    // Set but empty is the same as unset: the probe decides.
    CHECK(choose_renderer(std::string(""), {"x11", std::string("softpipe"), ""}).driver ==
          "software");
}

TEST_CASE("renderer choice: no probe context leaves SDL's own order") {
    const RendererChoice c =
        choose_renderer(std::nullopt, {"x11", std::nullopt, "no OpenGL library"});
    CHECK(c.driver.empty());
    CHECK(c.framebuffer_acceleration);
    CHECK(c.reason == "no OpenGL probe (no OpenGL library): SDL's default order");
}

TEST_CASE("renderer choice: a CPU rasterizer on a driver that can only present through GL") {
    CHECK(has_plain_framebuffer("x11"));
    CHECK(has_plain_framebuffer("offscreen"));
    CHECK_FALSE(has_plain_framebuffer("kmsdrm"));
    CHECK_FALSE(has_plain_framebuffer("wayland"));
    // A Pi without its GPU overlay: KMSDRM on llvmpipe. Software would still go through GL.
    const RendererChoice c = choose_renderer(std::nullopt, {"kmsdrm", "llvmpipe (LLVM 15)", ""});
    CHECK(c.driver.empty());
    CHECK(c.framebuffer_acceleration);
    CHECK(c.reason == "OpenGL is llvmpipe (LLVM 15), a software rasterizer, but kmsdrm can only "
                      "present through it");
    CHECK(choose_renderer(std::nullopt, {"offscreen", "llvmpipe (LLVM 15)", ""}).driver ==
          "software");
}
