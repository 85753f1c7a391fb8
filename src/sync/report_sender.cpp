// The screen report's one POST (libcurl), its counter and its outcome; never fails the pass.
#include "sync/report_sender.hpp"

#include "base/json_reader.hpp"
#include "base/utf8.hpp"
#include "sync/device_key.hpp"
#include "sync/fetcher.hpp"
#include "sync/own_file.hpp"
#include "sync/report_signing.hpp"
#include "sync/screen_report.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <memory>

namespace affiche {

namespace {

constexpr std::size_t max_answer_bytes = 64 * 1024;
constexpr std::size_t max_name_chars = 64;

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct ListDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

size_t on_answer(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    const std::size_t n = size * count;
    if (body->size() + n > max_answer_bytes) return 0; // aborts with CURLE_WRITE_ERROR
    body->append(data, n);
    return n;
}

bool is_loopback(const std::string& host) {
    if (host == "localhost") return true;
    in_addr v4{};
    if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    std::string bare = host;
    if (bare.size() > 2 && bare.front() == '[' && bare.back() == ']')
        bare = bare.substr(1, bare.size() - 2);
    in6_addr v6{};
    return ::inet_pton(AF_INET6, bare.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

// The studio's {"error": "..."} or {"state": "..."}, printable and short.
std::string answer_field(const std::string& body, std::string_view key) {
    const auto doc = parse_json(body);
    if (!doc) return "";
    return printable(doc->string_at(key).value_or(""), 200);
}

// The error as report.state keeps it: one line, at most 1000 bytes.
std::string one_line(const std::string& text) {
    std::string line = text.substr(0, 1000);
    std::replace_if(
        line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
    return line;
}

std::string host_name() {
    char buffer[256] = {};
    if (::gethostname(buffer, sizeof buffer - 1) != 0) return "";
    return buffer;
}

// The body for this pass, thumbnail left out when it would make it too big.
std::string report_body(const SyncConfig& c, const SyncReport& pass, const DeviceKey& key,
                        std::int64_t counter, std::int64_t now) {
    const PlayerView player = read_player_view(c.player_status);
    ScreenReport r;
    r.name = screen_name(c);
    r.public_key = key.public_key;
    r.time_unix = now;
    r.counter = counter;
    r.revision_on_screen = player.revision;
    r.revision_pending = player.pending_revision;
    // Installed by the sync but not yet taken up by the player: pending too.
    if (r.revision_pending.empty() && player.known && !player.revision.empty() &&
        pass.revision_on_screen != player.revision)
        r.revision_pending = pass.revision_on_screen;
    r.screen_on = player.screen_on;
    r.screen_reason = player.screen_reason;
    r.sync_result = pass.result;
    r.sync_error = pass.state.last_error;
    r.player_version = player.version;
    r.sync_version = AFFICHE_VERSION;
    r.uptime_s = machine_uptime_s();
    r.announcement = player.announcement;
    r.thumbnail = read_thumbnail(c.player_thumbnail);
    std::string body = screen_report_json(r);
    if (body.size() > report_max_body) {
        r.thumbnail.reset();
        body = screen_report_json(r);
    }
    return body;
}

// Sends the report; the status says how it went.
ReportStatus send(const SyncConfig& c, const SyncReport& pass, std::int64_t now,
                  ReportMemory& memory) {
    const auto error = [](const std::string& message) {
        return ReportStatus{"error", message, ""};
    };
    if (auto why = report_url_problem(c.report_url)) return error(c.report_url + ": " + *why);
    if (auto why = screen_name_problem(screen_name(c))) return error("name: " + *why);
    auto key = load_or_create_device_key(c.state_dir);
    if (!key) return error(format_diagnostic(key.error()));
    memory.counter = next_report_counter(memory.counter, now);
    if (auto w = write_report_memory(c.state_dir, memory, Durability::power_cut); !w) {
        return error("the report counter could not be recorded, so no report was sent: " +
                     format_diagnostic(w.error()));
    }
    const std::string body = report_body(c, pass, *key, memory.counter, now);
    auto reply = post_report(c.report_url, body, sign_report(body, key->secret_key), c.ca_file);
    if (!reply) return error(format_diagnostic(reply.error()));
    if (reply->status == 200 || reply->status == 202) {
        std::string state = answer_field(reply->body, "state");
        if (state != "approved" && state != "pending")
            state = reply->status == 200 ? "approved" : "pending";
        return {"ok", "", state};
    }
    const std::string why = answer_field(reply->body, "error");
    return error(c.report_url + ": the studio refused the report: HTTP " +
                 std::to_string(reply->status) + (why.empty() ? "" : " (" + why + ")"));
}

} // namespace

std::optional<std::string> report_url_problem(const std::string& url) {
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!initialised) return "libcurl cannot start";
    std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
    if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return "not a URL";
    char* scheme = nullptr;
    char* host = nullptr;
    curl_url_get(u.get(), CURLUPART_SCHEME, &scheme, 0);
    curl_url_get(u.get(), CURLUPART_HOST, &host, 0);
    const std::string s = scheme ? scheme : "";
    const std::string h = host ? host : "";
    curl_free(scheme);
    curl_free(host);
    if (s == "https" && !h.empty()) return std::nullopt;
    if (s == "http" && is_loopback(h)) return std::nullopt;
    return "reports go to an https:// address (plain http:// only to this machine: 127.0.0.1, "
           "::1 or localhost)";
}

std::optional<std::string> screen_name_problem(const std::string& name) {
    const bool ok = !name.empty() && name.size() <= max_name_chars &&
                    std::all_of(name.begin(), name.end(), [](char ch) {
                        const auto c = static_cast<unsigned char>(ch);
                        return std::isalnum(c) || c == '.' || c == '_' || c == '-';
                    });
    if (ok) return std::nullopt;
    return "a screen's name is 1 to 64 letters, digits, '.', '_' or '-' (e.g. salle-2)";
}

std::string screen_name(const SyncConfig& c) {
    return c.name.empty() ? host_name() : c.name;
}

Result<ReportMemory> read_report_memory(const std::string& state_dir) {
    const std::string path = state_dir + "/" + report_state_file_name;
    auto text = read_own_file(path, 8 * 1024, "cannot read the report state");
    if (!text) return text.error();
    ReportMemory m;
    if (!*text) return m;
    std::string_view rest = **text;
    int line_number = 0;
    bool counter_seen = false;
    while (!rest.empty()) {
        ++line_number;
        const std::size_t end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        const std::size_t space = line.find(' ');
        const std::string_view key = line.substr(0, space);
        const std::string_view value =
            space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
        if (key == "counter") {
            const auto r = std::from_chars(value.data(), value.data() + value.size(), m.counter);
            if (r.ec != std::errc{} || r.ptr != value.data() + value.size() || m.counter < 0)
                return failure({path, line_number, 1}, "not a report state: a bad counter");
            counter_seen = true;
        } else if (key == "last_error") {
            m.last_error = std::string(value);
        } else {
            return failure({path, line_number, 1}, "not a report state: unknown line");
        }
    }
    if (!counter_seen) return failure({path, 1, 1}, "not a report state: no counter");
    return m;
}

Result<Done> write_report_memory(const std::string& state_dir, const ReportMemory& m,
                                 Durability durability) {
    const std::string text =
        "counter " + std::to_string(m.counter) + "\nlast_error " + one_line(m.last_error) + "\n";
    return write_file_atomically(state_dir + "/" + report_state_file_name, text, durability);
}

std::int64_t next_report_counter(std::int64_t last, std::int64_t now_unix) {
    return std::max(last + 1, now_unix);
}

Result<PostReply> post_report(const std::string& url, std::string_view body,
                              std::string_view signature, const std::string& ca_file) {
    if (auto why = report_url_problem(url)) return failure({url, 0, 0}, *why);
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return failure({url, 0, 0}, "libcurl cannot start");
    CURL* c = curl.get();
    char errbuf[CURL_ERROR_SIZE] = {};
    PostReply reply;
    std::unique_ptr<curl_slist, ListDeleter> headers(
        curl_slist_append(nullptr, "Content-Type: application/json"));
    const std::string signature_line =
        std::string(report_signature_header) + ": " + std::string(signature);
    headers.reset(curl_slist_append(headers.release(), signature_line.c_str()));
    headers.reset(curl_slist_append(headers.release(), "Expect:")); // no 100-continue round trip
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, report_connect_timeout_s);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, report_timeout_s);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "affiche-sync/" AFFICHE_VERSION);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_answer);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply.body);
    trust_only(c, ca_file);
    const CURLcode code = curl_easy_perform(c);
    if (code != CURLE_OK) {
        return failure({url, 0, 0}, "no answer to the report: " +
                                        std::string(errbuf[0] ? errbuf : curl_easy_strerror(code)));
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
    return reply;
}

std::optional<ReportStatus> send_screen_report(const SyncConfig& c, const SyncReport& pass,
                                               std::int64_t now) {
    if (c.report_url.empty()) return std::nullopt;
    auto memory = read_report_memory(c.state_dir);
    ReportMemory m = memory ? *memory : ReportMemory{};
    const ReportStatus status = memory
                                    ? send(c, pass, now, m)
                                    : ReportStatus{"error", format_diagnostic(memory.error()), ""};
    const std::string seen = one_line(status.error);
    if (!seen.empty() && seen != m.last_error) {
        std::fprintf(stderr, "affiche-sync: report: %s\n", status.error.c_str());
    } else if (seen.empty() && !m.last_error.empty()) {
        std::fprintf(stderr, "affiche-sync: report: sent again (%s)\n", status.state.c_str());
    }
    if (memory && m.last_error != seen) {
        m.last_error = seen;
        (void)write_report_memory(c.state_dir, m, Durability::crash); // at worst logged again
    }
    return status;
}

} // namespace affiche
