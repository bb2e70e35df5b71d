// `itawb` with no command (itawb.exe double-clicked): Thai help, English
// beside, instead of CLI11's English "A subcommand is required".
#include <catch2/catch.hpp>

#include "support/helpers.hpp"

using namespace itawb::test;

TEST_CASE("no command: Thai help with English beside, every command named, exit 2") {
  const auto r = run_itawb({});
  CHECK(r.exit_code == 2);
  CHECK(r.out.rfind("itawb ", 0) == 0);
  CHECK(r.out.find("โปรแกรมประมวลผลแบบฟอร์ม ITA / ITA workbook processor") != std::string::npos);
  CHECK(r.out.find("ลากไฟล์แบบฟอร์ม (.xlsx) มาวางบน วิเคราะห์.bat") != std::string::npos);
  for (const char* command : {"analyze", "validate", "template", "split", "merge", "batch", "inspect"})
    CHECK(r.out.find(std::string("  itawb ") + command + " ") != std::string::npos);
  CHECK(r.out.find("A subcommand is required") == std::string::npos);
  CHECK(r.err.find("A subcommand is required") == std::string::npos);
  // Not on a console of its own (only a double-click on Windows is): no "press Enter".
  CHECK(r.out.find("กด Enter") == std::string::npos);
}
