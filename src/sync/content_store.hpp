// The screen's content tree: ROOT/content/<revision>/, ROOT/current -> content/<revision>, and the
// crash-safe steps that change it (temporary folders, atomic symlink swap, pruning, rollback).
#pragma once

#include "base/result.hpp"

#include <string>
#include <vector>

namespace affiche {

class ContentStore {
  public:
    explicit ContentStore(std::string root); // ROOT, e.g. /var/lib/affiche

    const std::string& root() const { return root_; }
    std::string content_dir() const { return root_ + "/content"; }
    std::string current_link() const { return root_ + "/current"; }
    std::string digests_dir() const { return root_ + "/digests"; }
    std::string revision_dir(const std::string& revision) const;

    // Creates ROOT/content and ROOT/digests when missing.
    Result<Done> prepare() const;
    // Removes what a killed earlier run left: content/.incoming-*, content/.trash-*, .current.tmp*.
    // Returns how many it removed.
    Result<int> remove_leftovers() const;
    // A new empty folder content/.incoming-<pid>-<n>, for one download and extraction.
    Result<std::string> make_incoming() const;

    // The revision current points at ("" when current is missing or points elsewhere).
    std::string current_revision() const;
    bool has_revision(const std::string& revision) const;
    // What install does when content/<revision> already exists.
    enum class Existing {
        keep,    // the same content published again: the installed copy is kept, marked newest
        replace, // its files do not hash to its name: exchanged atomically with the new tree
                 // (renameat2 RENAME_EXCHANGE, so current never dangles); the old one ends in
                 // tree's place, removed with the incoming folder
    };
    // fsync the extracted tree (a folder inside an incoming folder), rename it to
    // content/<revision>, fsync content/; then records digest (the signed SHA-256 of the archive
    // it came from) in ROOT/digests/<revision>.sha256 (beside content/, which holds only revisions).
    Result<Done> install(const std::string& tree, const std::string& revision,
                         const std::string& digest, Existing existing = Existing::keep) const;
    // The archive digest recorded when revision was installed; "" when none (installed by an
    // older version, or the record is not a small regular file).
    std::string installed_digest(const std::string& revision) const;
    // Marks an installed revision as the newest (the order prune and rollback use).
    void mark_newest(const std::string& revision) const;
    // Points current at content/<revision>: a temporary symlink renamed over current, then fsync.
    Result<Done> swap_current(const std::string& revision) const;
    // Keeps the newest `keep` revisions (by install time) and the one on screen; the others are
    // renamed to .trash-* first, so a kill mid-removal leaves no half revision under its name.
    Result<int> prune(int keep) const;
    // Installed revisions, newest first.
    std::vector<std::string> revisions() const;
    // Swaps current to the revision installed before the one on screen; its name.
    Result<std::string> rollback() const;

  private:
    std::string digest_path(const std::string& revision) const;
    Result<Done> place(const std::string& tree, const std::string& revision,
                       Existing existing) const;

    std::string root_;
};

// A revision names a folder: 1 to 128 of [A-Za-z0-9._-], not starting with '.'.
bool valid_revision_name(const std::string& revision);

} // namespace affiche
