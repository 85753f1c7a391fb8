// Describing the exception a reload worker caught, for the refused reload's message.
#include "service/reload_worker.hpp"

#include <exception>
#include <filesystem>
#include <new>

namespace affiche {

std::string describe_current_exception() {
    try {
        throw;
    } catch (const std::bad_alloc&) {
        return "out of memory";
    } catch (const std::filesystem::filesystem_error& e) {
        return std::string("file system error: ") + e.what();
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
}

} // namespace affiche
