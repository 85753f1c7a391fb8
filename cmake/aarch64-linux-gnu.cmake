# CMake toolchain: build for a Raspberry Pi (arm64) on a Debian amd64 machine with Debian multiarch
# (crossbuild-essential-arm64, the :arm64 -dev packages after `dpkg --add-architecture arm64`);
# the tests run under qemu-user-static. Used by debian/rules when cross-building, or by hand:
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# Debian's wrapper: looks only in the arm64 (and architecture-independent) .pc folders.
set(PKG_CONFIG_EXECUTABLE /usr/bin/aarch64-linux-gnu-pkg-config CACHE FILEPATH "pkg-config for arm64")
# Runs the test programs (and doctest's test discovery) on this machine. With multiarch the
# arm64 loader and libraries are in /lib and /usr/lib/aarch64-linux-gnu, where qemu finds them.
find_program(AFFICHE_QEMU_AARCH64 qemu-aarch64-static REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${AFFICHE_QEMU_AARCH64})
# Libraries and headers of the target only; programs (pkg-config, qemu) of the build machine.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
