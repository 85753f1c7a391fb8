// Fetching one file with libcurl: schemes and redirects restricted, size bounded while receiving.
#include "sync/fetcher.hpp"

#include "sync/local_fetch.hpp"

#include "base/file_read.hpp"
#include "base/unique_fd.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>

namespace affiche {

namespace {

constexpr int max_redirects = 5;

struct Sink {
    std::uint64_t max_bytes = 0;
    std::uint64_t received = 0;
    bool too_large = false;
    int fd = -1; // -1: into body
    int write_errno = 0;
    std::string* body = nullptr;
    // Stall detection: when the byte count last moved (steady clock).
    long stall_timeout_s = 0;
    curl_off_t last_count = -1;
    std::chrono::steady_clock::time_point last_move;
    bool stalled = false;
};

// "No byte for stall_timeout_s": libcurl's LOW_SPEED_* averages over a window of several seconds,
// so a stall right after some bytes is noticed late; this counts from the last byte itself.
int on_progress(void* user, curl_off_t, curl_off_t now_bytes, curl_off_t, curl_off_t) {
    auto* sink = static_cast<Sink*>(user);
    const auto now = std::chrono::steady_clock::now();
    if (now_bytes != sink->last_count) {
        sink->last_count = now_bytes;
        sink->last_move = now;
        return 0;
    }
    if (sink->stall_timeout_s > 0 &&
        now - sink->last_move >= std::chrono::seconds(sink->stall_timeout_s)) {
        sink->stalled = true;
        return 1; // aborts with CURLE_ABORTED_BY_CALLBACK
    }
    return 0;
}

// libcurl's size limit applies only when the length is known up front: count here instead.
size_t on_data(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t n = size * count;
    if (sink->received + n > sink->max_bytes) {
        sink->too_large = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    sink->received += n;
    if (sink->fd < 0) {
        sink->body->append(data, n);
        return n;
    }
    std::size_t done = 0;
    while (done < n) {
        const ssize_t w = ::write(sink->fd, data + done, n - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            sink->write_errno = w < 0 ? errno : ENOSPC;
            return 0;
        }
        done += static_cast<std::size_t>(w);
    }
    return n;
}

std::string scheme_of(const std::string& url) {
    const auto colon = url.find("://");
    if (colon == std::string::npos) return "";
    std::string s = url.substr(0, colon);
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

Diagnostic fetch_error(const std::string& url, const std::string& message) {
    return failure({url, 0, 0}, message);
}

// One line for a failed transfer; errbuf is libcurl's own detail.
std::string transfer_error(CURLcode code, const Sink& sink, const FetchLimits& limits,
                           const char* errbuf) {
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return "cannot resolve the host name (DNS): " + std::string(errbuf);
    case CURLE_COULDNT_CONNECT:
        return "cannot connect (server down or connection refused): " + std::string(errbuf);
    case CURLE_ABORTED_BY_CALLBACK:
        if (sink.stalled) {
            return "stalled: no data for " + std::to_string(limits.stall_timeout_s) + " s";
        }
        return "aborted";
    case CURLE_OPERATION_TIMEDOUT:
        return "timed out: " + std::string(errbuf);
    case CURLE_PARTIAL_FILE:
        return "truncated: the server closed the connection after " +
               std::to_string(sink.received) + " bytes";
    case CURLE_WRITE_ERROR:
        if (sink.too_large) {
            return "larger than the allowed " + std::to_string(sink.max_bytes) + " bytes";
        }
        return std::string("cannot write the download: ") + std::strerror(sink.write_errno);
    case CURLE_FILE_COULDNT_READ_FILE:
        return "no such file";
    case CURLE_PEER_FAILED_VERIFICATION:
        return "the server's certificate is not trusted (ca_file in sync.toml, or --ca, names the "
               "authority that signed it): " +
               std::string(errbuf);
    default:
        return std::string(errbuf[0] ? errbuf : curl_easy_strerror(code));
    }
}

void set_limits(CURL* c, const FetchLimits& limits) {
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_s);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "affiche-sync/" AFFICHE_VERSION);
}

// The server's ETag when it is a valid one, else "": a validator is input from the network and
// is stored and sent back, so `*`, a malformed or an oversized one is dropped here.
std::string etag_of(CURL* c) {
    curl_header* h = nullptr;
    if (curl_easy_header(c, "ETag", 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h) return "";
    return valid_etag(h->value) ? h->value : "";
}

// True when the file changed within a second of this answer. nginx's ETag is "mtime-size" with
// mtime in whole seconds: a second change in the same second, same size, would keep the ETag and
// be answered 304 for ever. Like git's "racily clean" index entries, such an ETag is not kept.
bool racy_etag(CURL* c) {
    curl_off_t modified = -1;
    curl_easy_getinfo(c, CURLINFO_FILETIME_T, &modified);
    curl_header* h = nullptr;
    if (modified < 0 || curl_easy_header(c, "Date", 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h) {
        return false;
    }
    const time_t date = curl_getdate(h->value, nullptr);
    return date >= 0 && modified + 1 >= date;
}

} // namespace

bool valid_etag(std::string_view e) {
    if (e.starts_with("W/")) e.remove_prefix(2);
    if (e.size() < 2 || e.size() > max_etag_bytes || e.front() != '"' || e.back() != '"') {
        return false;
    }
    for (const char c : e.substr(1, e.size() - 2)) {
        if (c < 0x21 || c > 0x7e || c == '"') return false; // RFC 9110 etagc, without obs-text
    }
    return true;
}

std::optional<std::string> ca_file_problem(const std::string& path) {
    const FileBytes file = read_regular_file(path, 1024 * 1024);
    if (!file.ok()) return "cannot read the authorities' file " + path + ": " + file.reason;
    if (file.bytes.find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
        return path + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
    }
    return std::nullopt;
}

void trust_only(void* curl_handle, const std::string& ca_file) {
    if (ca_file.empty()) return;
    curl_easy_setopt(curl_handle, CURLOPT_CAINFO, ca_file.c_str());
    curl_easy_setopt(curl_handle, CURLOPT_CAPATH, nullptr);
}

std::string sibling_url(const std::string& base_url, const std::string& name) {
    const auto slash = base_url.rfind('/');
    if (slash == std::string::npos) return name;
    return base_url.substr(0, slash + 1) + name;
}

namespace {

// One easy handle's options for a transfer into sink; the scheme decides the allowed protocols.
void configure(CURL* c, Sink& sink, char* errbuf, const FetchLimits& limits) {
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    sink.stall_timeout_s = limits.stall_timeout_s;
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &sink);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    // http(s) only, redirects included: never file:// or others (file:// is read without curl).
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L); // redirects checked one by one
    curl_easy_setopt(c, CURLOPT_FILETIME, 1L);       // Last-Modified, for racy_etag
    set_limits(c, limits);
}

// After a 3xx: "" and url set to the next hop, or why it is refused. The redirect's own body
// (an HTML page) is dropped.
std::string next_hop(CURL* c, int hop, Sink& sink, FetchReply& reply, std::string& url) {
    char* location = nullptr;
    curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &location);
    if (!location) return "a redirect without a Location";
    const std::string next = location;
    const std::string next_scheme = scheme_of(next);
    if (next_scheme != "http" && next_scheme != "https") {
        return "redirect to another scheme refused (" + next + ")";
    }
    if (hop + 1 >= max_redirects)
        return "more than " + std::to_string(max_redirects) + " redirects";
    url = next;
    sink.received = 0;
    reply.body.clear();
    if (sink.fd >= 0 && (::ftruncate(sink.fd, 0) != 0 || ::lseek(sink.fd, 0, SEEK_SET) != 0)) {
        return std::string("cannot write the download: ") + std::strerror(errno);
    }
    return "";
}

// Milliseconds left before the earlier of the file's own budget and the pass's deadline; 0 when
// none is left.
long remaining_ms(std::chrono::steady_clock::time_point end) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        end - std::chrono::steady_clock::now());
    return left.count() > 0 ? static_cast<long>(left.count()) : 0;
}

// The transfer, redirects included: "" on success, else the one-line reason; url ends as the
// last address asked. One budget (limits.total_timeout_s, capped by the pass's deadline) covers
// every hop: a chain of slow redirects cannot multiply it.
std::string perform(CURL* c, const FetchRequest& request, const FetchLimits& limits, Sink& sink,
                    char* errbuf, FetchReply& reply, std::string& url, long& status) {
    const auto budget_end =
        std::chrono::steady_clock::now() + std::chrono::seconds(limits.total_timeout_s);
    const bool pass_first = request.deadline < budget_end;
    const auto end = pass_first ? request.deadline : budget_end;
    const std::string out_of_time =
        pass_first ? "timed out: the pass's deadline passed"
                   : "timed out: the " + std::to_string(limits.total_timeout_s) +
                         " s allowed for this file (redirects included) ran out";
    for (int hop = 0;; ++hop) {
        const long left = remaining_ms(end);
        if (left == 0) return out_of_time;
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, left);
        curl_easy_setopt(c, CURLOPT_URL, url.c_str());
        errbuf[0] = '\0';
        sink.last_count = -1; // each hop's wait for an answer counts from its start
        const CURLcode code = curl_easy_perform(c);
        long header_size = 0;
        curl_easy_getinfo(c, CURLINFO_HEADER_SIZE, &header_size);
        reply.header_bytes += static_cast<std::uint64_t>(header_size);
        if (code == CURLE_OPERATION_TIMEDOUT) return out_of_time;
        if (code != CURLE_OK) return transfer_error(code, sink, limits, errbuf);
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        if (status == 200) {
            reply.etag = racy_etag(c) ? "" : etag_of(c);
            return "";
        }
        if (status == 304) {
            // Only an answer to our If-None-Match means "your copy is current"; unasked, it is a
            // broken cache or a hostile server, and taking it would keep an old deck for ever.
            if (request.etag.empty()) {
                return "HTTP 304 (not modified) to a request that sent no If-None-Match: "
                       "a broken server or cache";
            }
            reply.not_modified = true;
            reply.etag = request.etag;
            return "";
        }
        if (status < 300 || status >= 400) {
            return "HTTP " + std::to_string(status) + " from the server";
        }
        if (std::string refused = next_hop(c, hop, sink, reply, url); !refused.empty()) {
            return refused;
        }
    }
}

} // namespace

Result<FetchReply> fetch(const FetchRequest& request, const FetchLimits& limits,
                         long* http_status) {
    long status_seen = 0;
    if (http_status) *http_status = 0;
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    const std::string scheme = scheme_of(request.url);
    if (scheme == "file") return fetch_local_file(request);
    if (!initialised) return fetch_error(request.url, "libcurl failed to start");
    if (scheme != "https" && scheme != "http") {
        return fetch_error(request.url, "the URL must start with https://, http:// or file://");
    }
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return fetch_error(request.url, "libcurl failed to start");
    FetchReply reply;
    Sink sink;
    sink.max_bytes = request.max_bytes;
    sink.body = &reply.body;
    if (!request.to_file.empty()) {
        sink.fd = ::open(request.to_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (sink.fd < 0) {
            return fetch_error(request.to_file,
                               std::string("cannot create: ") + std::strerror(errno));
        }
    }
    std::unique_ptr<curl_slist, ListDeleter> headers;
    if (!request.etag.empty()) {
        headers.reset(curl_slist_append(nullptr, ("If-None-Match: " + request.etag).c_str()));
        curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    }
    char errbuf[CURL_ERROR_SIZE] = {};
    configure(curl.get(), sink, errbuf, limits);
    trust_only(curl.get(), request.ca_file);
    std::string url = request.url;
    std::string failed =
        perform(curl.get(), request, limits, sink, errbuf, reply, url, status_seen);
    if (http_status) *http_status = status_seen;
    if (sink.fd >= 0 && ::close(sink.fd) != 0 && failed.empty()) {
        failed = std::string("cannot write the download: ") + std::strerror(errno);
    }
    if (!failed.empty()) return fetch_error(url, failed);
    reply.body_bytes = sink.received;
    return reply;
}

} // namespace affiche
