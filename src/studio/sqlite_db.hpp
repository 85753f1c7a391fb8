// A thin RAII layer over SQLite: one connection, prepared statements, typed binds and columns.
// Not thread-safe by itself: its owner serialises the calls (ScreenStore's mutex).
#pragma once

#include "base/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace affiche {

class SqliteStatement {
  public:
    SqliteStatement(sqlite3* db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Binds by position from 1; returns *this to chain.
    SqliteStatement& bind(int at, std::int64_t value);
    SqliteStatement& bind(int at, std::string_view text);
    SqliteStatement& bind(int at, std::nullopt_t);
    SqliteStatement& bind_blob(int at, std::string_view bytes);
    // One step: true while a row is there; false when done. Errors throw (a broken database
    // file is the studio's bug or disk, answered 500 by the server's handler).
    bool step();
    std::int64_t integer(int column) const;
    std::string text(int column) const; // "" for NULL
    bool is_null(int column) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteDb {
  public:
    // Opens or creates the file (mode 0600 through the umask of the caller is not assumed: the
    // file is chmod'ed).
    static Result<SqliteDb> open(const std::string& path);
    SqliteDb(SqliteDb&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
    SqliteDb& operator=(SqliteDb&&) = delete;
    ~SqliteDb();

    // Runs statements without results; throws on error.
    void exec(const char* sql);
    SqliteStatement prepare(std::string_view sql) { return SqliteStatement(db_, sql); }
    std::int64_t changes() const;

  private:
    explicit SqliteDb(sqlite3* db) : db_(db) {}
    sqlite3* db_;
};

} // namespace affiche
