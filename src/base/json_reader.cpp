// A recursive-descent JSON reader with a depth bound; strings are decoded to UTF-8.
#include "base/json_reader.hpp"

#include "base/utf8.hpp"

#include <charconv>
#include <cstdlib>

namespace affiche {

namespace {

constexpr int max_depth = 64;

class Reader {
  public:
    explicit Reader(std::string_view text) : s_(text) {}

    bool document(JsonValue& out) {
        if (!value(out, 0)) return false;
        skip_space();
        return i_ == s_.size();
    }

  private:
    void skip_space() {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
            ++i_;
    }
    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }
    bool value(JsonValue& out, int depth) {
        if (depth > max_depth) return false;
        skip_space();
        if (i_ >= s_.size()) return false;
        const char c = s_[i_];
        if (c == '{') return object(out, depth);
        if (c == '[') return array(out, depth);
        if (c == '"') {
            out.type = JsonValue::Type::string;
            return string(out.text);
        }
        if (literal("true") || literal("false")) {
            out.type = JsonValue::Type::boolean;
            out.boolean = c == 't';
            return true;
        }
        if (literal("null")) return true;
        return number(out);
    }
    bool object(JsonValue& out, int depth) {
        out.type = JsonValue::Type::object;
        ++i_; // '{'
        skip_space();
        if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
        for (;;) {
            skip_space();
            std::string key;
            if (i_ >= s_.size() || s_[i_] != '"' || !string(key)) return false;
            skip_space();
            if (i_ >= s_.size() || s_[i_++] != ':') return false;
            JsonValue member;
            if (!value(member, depth + 1)) return false;
            out.members.push_back({std::move(key), std::move(member)});
            skip_space();
            if (i_ >= s_.size()) return false;
            const char next = s_[i_++];
            if (next == '}') return true;
            if (next != ',') return false;
        }
    }
    bool array(JsonValue& out, int depth) {
        out.type = JsonValue::Type::array;
        ++i_; // '['
        skip_space();
        if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
        for (;;) {
            JsonValue item;
            if (!value(item, depth + 1)) return false;
            out.items.push_back(std::move(item));
            skip_space();
            if (i_ >= s_.size()) return false;
            const char next = s_[i_++];
            if (next == ']') return true;
            if (next != ',') return false;
        }
    }
    bool hex4(char32_t& out) {
        if (i_ + 4 > s_.size()) return false;
        unsigned v = 0;
        const auto r = std::from_chars(s_.data() + i_, s_.data() + i_ + 4, v, 16);
        if (r.ptr != s_.data() + i_ + 4) return false;
        i_ += 4;
        out = v;
        return true;
    }
    bool string(std::string& out) {
        ++i_; // '"'
        while (i_ < s_.size()) {
            const char c = s_[i_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) return false;
            const char e = s_[i_++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                char32_t cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) { // a surrogate pair
                    char32_t low = 0;
                    if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return false;
                }
                append_utf8(out, cp);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }
    bool number(JsonValue& out) {
        const std::size_t start = i_;
        if (i_ < s_.size() && s_[i_] == '-') ++i_;
        const std::size_t digits = i_;
        while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.' ||
                                  s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
            ++i_;
        if (i_ == digits || s_[digits] < '0' || s_[digits] > '9') return false;
        const std::string text(s_.substr(start, i_ - start));
        char* end = nullptr;
        out.number = std::strtod(text.c_str(), &end);
        out.type = JsonValue::Type::number;
        return end == text.c_str() + text.size();
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

} // namespace

const JsonValue* JsonValue::get(std::string_view key) const {
    for (const auto& [name, value] : members) {
        if (name == key) return &value;
    }
    return nullptr;
}

std::optional<std::string> JsonValue::string_at(std::string_view key) const {
    const JsonValue* v = get(key);
    if (!v || v->type != Type::string) return std::nullopt;
    return v->text;
}

std::optional<bool> JsonValue::boolean_at(std::string_view key) const {
    const JsonValue* v = get(key);
    if (!v || v->type != Type::boolean) return std::nullopt;
    return v->boolean;
}

std::optional<JsonValue> parse_json(std::string_view text) {
    JsonValue out;
    if (!Reader(text).document(out)) return std::nullopt;
    return out;
}

} // namespace affiche
