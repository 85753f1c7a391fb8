// Checks of the files a deck names (images, fonts), with bounded "did you mean" work.
#include "deck/file_checks.hpp"

#include "base/diagnostic_cap.hpp"
#include "base/i18n.hpp"
#include "base/path_inside.hpp"
#include "base/utf8.hpp"

#include <algorithm>

namespace affiche {

namespace {

// More names than this in a hint is noise: say where to put the file instead.
constexpr std::size_t max_listed_files = 8;

std::string quoted(std::string_view s) {
    return quoted_name(s);
}

// The hint for a file that exists but cannot be used.
std::string problem_hint(FileProblem problem, std::string_view inside) {
    switch (problem) {
    case FileProblem::link_loop:
        return tr("replace the link by the file itself");
    case FileProblem::folder:
        return trf("give the name of a file inside {1}", {inside});
    case FileProblem::too_large:
        return tr("make the file smaller");
    case FileProblem::unreadable:
        return tr("check its rights");
    default:
        return trf("copy the file itself into {1}", {inside});
    }
}

} // namespace

FolderNames::FolderNames(const ContentListing& listing, std::string_view folder)
    : inside_(std::string(folder) + "/"), names_(files_under(listing, folder)), sorted_(names_) {
    std::stable_sort(names_.begin(), names_.end(),
                     [](std::string_view a, std::string_view b) { return a.size() < b.size(); });
}

std::string FolderNames::hint(std::string_view missing) const {
    // Missing files past the report's cap are counted, not shown: spare their search.
    if (++hints_ > max_similar_diagnostics) return trf("put the file in {1}", {inside_});
    // Only names within two characters of the missing one's length can be two edits away.
    const std::size_t low = missing.size() > 2 ? missing.size() - 2 : 0;
    auto first =
        std::lower_bound(names_.begin(), names_.end(), low,
                         [](std::string_view n, std::size_t len) { return n.size() < len; });
    std::vector<std::string_view> close;
    for (; first != names_.end() && first->size() <= missing.size() + 2 &&
           close.size() < max_compared;
         ++first)
        close.push_back(*first);
    const std::string_view best = closest_match(missing, close);
    if (!best.empty()) return trf("did you mean {1}?", {quoted(best)});
    if (sorted_.empty() || sorted_.size() > max_listed_files)
        return trf("put the file in {1}", {inside_});
    std::string hint = trf("files in {1}: ", {inside_});
    for (std::size_t i = 0; i < sorted_.size(); ++i)
        hint += (i ? ", " : "") + printable(sorted_[i]);
    return hint;
}

std::shared_ptr<const std::string> check_named_file(const TableReader& r, ContentSnapshot& snapshot,
                                                    const FolderNames& present,
                                                    const NamedFile& file) {
    const std::string folder_path = snapshot.dir() + "/" + std::string(file.folder);
    const std::string inside = std::string(file.folder) + "/";
    const std::string what = std::string(file.what) + " " + quoted(file.name);
    const SourceLoc loc = r.value_loc(file.key);
    if (has_parent_reference(file.name)) {
        r.error(loc, trf("{1} must be a file inside {2}", {what, inside}),
                trf("put the file in {1} and give its name only", {inside}));
        return nullptr;
    }
    const SnapshotRead read = snapshot.read(folder_path + "/" + file.name, file.kind);
    if (read.problem == FileProblem::missing) {
        const std::string hint = present.hint(file.name);
        if (file.fallback.empty()) {
            r.error(loc, trf("{1} not found in {2}", {what, inside}), hint);
        } else {
            r.warning(loc, trf("{1} not found in {2}: {3}", {what, inside, file.fallback}), hint);
        }
        return nullptr;
    }
    // A loop or a folder ("." names images/ itself) is reported as what it is, not as a link.
    if (read.problem != FileProblem::link_loop && read.problem != FileProblem::folder &&
        !resolves_inside(folder_path + "/" + file.name, folder_path)) {
        r.error(loc, trf("{1} must be a file inside {2}", {what, inside}),
                trf("it is a link to a file elsewhere: copy the file into {1}", {inside}));
        return nullptr;
    }
    if (!read.ok()) {
        r.error(loc, trf("{1} {2}", {what, read.reason}), problem_hint(read.problem, inside));
        return nullptr;
    }
    return read.bytes;
}

} // namespace affiche
