// The desk's reader of a folder sent as .zip: which member names are safe to unpack.
#include "desk/desk_zip.hpp"

#include <catch2/catch.hpp>

using powerlist::desk::safe_member_path;

TEST_CASE("a member path stays inside the folder it is unpacked into", "[desk][zip]") {
  CHECK(safe_member_path("示范县/powerlist.yaml") == "示范县/powerlist.yaml");
  CHECK(safe_member_path("a/./b//c.xlsx") == "a/b/c.xlsx");
  CHECK(safe_member_path("报送\\农业.xls") == "报送/农业.xls");  // Windows tools
  CHECK(safe_member_path("../x.xlsx").empty());
  CHECK(safe_member_path("a/../../x.xlsx").empty());
  CHECK(safe_member_path("..\\..\\x.xlsx").empty());
  CHECK(safe_member_path("/etc/passwd").empty());
  CHECK(safe_member_path("C:/x.xlsx").empty());
  CHECK(safe_member_path("a\x01.xlsx").empty());
  CHECK(safe_member_path("").empty());
  CHECK(safe_member_path("./").empty());
}
