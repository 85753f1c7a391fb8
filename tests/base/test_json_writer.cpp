// JsonWriter: the exact pretty layout of status files, escaping, nesting and empty containers.
#include "base/json_writer.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("json writer: nested objects and arrays, two-space indent, final newline") {
    JsonWriter j;
    j.begin_object();
    j.key("name").string("écran 1");
    j.key("count").number(-42);
    j.key("on").boolean(false);
    j.key("none").null();
    j.key("when").utc_or_null(951782400);
    j.key("never").utc_or_null(0);
    j.key("pending").string_or_null("");
    j.key("inner").begin_object().key("list").strings({"a", "b"}).key("empty").strings({});
    j.end_object();
    j.key("nothing").begin_object().end_object();
    j.key("rows").begin_array().begin_array().number(1).end_array().string("x").end_array();
    j.end_object();
    CHECK(j.finish() == R"({
  "name": "écran 1",
  "count": -42,
  "on": false,
  "none": null,
  "when": "2000-02-29T00:00:00Z",
  "never": null,
  "pending": null,
  "inner": {
    "list": [
      "a",
      "b"
    ],
    "empty": []
  },
  "nothing": {},
  "rows": [
    [
      1
    ],
    "x"
  ]
}
)");
}

TEST_CASE("json writer: strings escaped, invalid UTF-8 replaced, keys too") {
    std::string out;
    append_json_string(out, "say \"hi\"\\ok\nnext\x7f\x01"
                            "caf\xC3\xA9 \xFF!");
    CHECK(out == "\"say \\\"hi\\\"\\\\ok\\u000anext\\u007f\\u0001caf\xC3\xA9 \xEF\xBF\xBD!\"");
    JsonWriter j;
    j.begin_object().key("a\"b").string("").end_object();
    CHECK(j.finish() == "{\n  \"a\\\"b\": \"\"\n}\n");
    JsonWriter top;
    top.begin_array().end_array();
    CHECK(top.finish() == "[]\n");
}
