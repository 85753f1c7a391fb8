// Which files belong to a deck: one listing of slides/ (flat), images/ and fonts/ (recursive).
#include "deck/content_files.hpp"

#include "base/i18n.hpp"

#include <algorithm>
#include <filesystem>

namespace affiche {

namespace fs = std::filesystem;

bool is_ignored_file_name(std::string_view name) {
    if (name.empty() || name.front() == '.' || name.back() == '~') return true;
    if (name.size() >= 2 && name.front() == '#' && name.back() == '#') return true;
    return name.ends_with(".swp") || name.ends_with(".swx") || name.ends_with(".tmp") ||
           name == "4913";
}

bool is_slide_file_name(std::string_view name) {
    return !is_ignored_file_name(name) && name.ends_with(".toml") && name != "deck.toml" &&
           name != announcement_file_name && name.size() > std::string_view(".toml").size();
}

namespace {

class Lister {
  public:
    Lister(const std::string& content_dir, ContentListing& out) : dir_(content_dir), out_(out) {}

    // Every error_code overload: a folder deleted while listed ends that folder's listing.
    void list(std::string_view sub, bool recursive) {
        std::error_code ec;
        const fs::path top = dir_ / std::string(sub);
        if (!fs::is_directory(top, ec)) return;
        if (sub == "slides") out_.slides_folder = true;
        add_folder(std::string(sub));
        std::size_t files = 0;
        fs::recursive_directory_iterator it(top, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::directory_entry& entry = *it;
            std::error_code type_ec;
            const std::string name = entry.path().filename().string();
            if (entry.is_symlink(type_ec) && entry.is_directory(type_ec)) continue; // not entered
            if (entry.is_directory(type_ec)) {
                // slides/ is flat; dot-folders (.git) never count; depth is bounded.
                if (!recursive || is_ignored_file_name(name) ||
                    it.depth() + 1 >= max_content_depth || !add_folder(relative(sub, top, entry))) {
                    if (recursive && !is_ignored_file_name(name)) out_.truncated = true;
                    it.disable_recursion_pending();
                }
                continue;
            }
            if (is_ignored_file_name(name)) continue;
            if (!entry.is_regular_file(type_ec)) {
                if (sub == "slides") note_skipped(sub, top, entry);
                continue;
            }
            if (++files > max_content_files) {
                out_.truncated = true;
                return;
            }
            out_.files.push_back(relative(sub, top, entry));
        }
    }

  private:
    // A FIFO, device, socket or dangling link where a deck file could be: named, never read.
    void note_skipped(std::string_view sub, const fs::path& top, const fs::directory_entry& entry) {
        if (out_.skipped.size() >= max_content_folders) return; // a bounded list of names
        std::error_code ec;
        const fs::file_type type = entry.status(ec).type();
        // Translated where the message is made (the loader's tr()); marked here for xgettext.
        const char* why = type == fs::file_type::fifo        ? tr_noop("is a FIFO (named pipe)")
                          : type == fs::file_type::socket    ? tr_noop("is a socket")
                          : type == fs::file_type::character ? tr_noop("is a device")
                          : type == fs::file_type::block     ? tr_noop("is a device")
                          : type == fs::file_type::not_found ? tr_noop("is a link to nothing")
                                                             : tr_noop("is something else");
        out_.skipped.push_back({relative(sub, top, entry), why});
    }
    static std::string relative(std::string_view sub, const fs::path& top,
                                const fs::directory_entry& entry) {
        return (fs::path(std::string(sub)) / entry.path().lexically_relative(top)).generic_string();
    }
    bool add_folder(std::string folder) {
        if (out_.folders.size() >= max_content_folders) return false;
        out_.folders.push_back(std::move(folder));
        return true;
    }

    fs::path dir_;
    ContentListing& out_;
};

} // namespace

ContentListing list_content(const std::string& content_dir) {
    ContentListing out;
    Lister lister(content_dir, out);
    lister.list("slides", false);
    lister.list("images", true);
    lister.list("fonts", true);
    std::sort(out.files.begin(), out.files.end());
    // slides/ holds only deck.toml, announcement.toml and slide files; other names there are not
    // deck files.
    std::erase_if(out.files, [](const std::string& f) {
        if (!f.starts_with("slides/")) return false;
        const std::string_view name = std::string_view(f).substr(7);
        return name != "deck.toml" && name != announcement_file_name && !is_slide_file_name(name);
    });
    out.deck_file = std::binary_search(out.files.begin(), out.files.end(), "slides/deck.toml");
    // deck.toml is read by name, and images and fonts where a slide names them: those reads
    // report such a file already. Only a slide file would be left out in silence.
    std::erase_if(out.skipped, [](const ContentListing::Skipped& f) {
        return !is_slide_file_name(std::string_view(f.path).substr(7));
    });
    std::sort(out.skipped.begin(), out.skipped.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

std::vector<std::string_view> files_under(const ContentListing& listing, std::string_view folder) {
    std::vector<std::string_view> out;
    const std::string prefix = std::string(folder) + "/";
    for (const std::string& f : listing.files)
        if (f.starts_with(prefix)) out.push_back(std::string_view(f).substr(prefix.size()));
    return out;
}

} // namespace affiche
