// gen_workbook OUT.xlsx ROWS COLS: a large workbook of mixed numbers,
// shared strings and dates (libxlsxwriter, constant memory off so strings
// are shared as Excel writes them).
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: gen_workbook OUT.xlsx ROWS COLS\n");
    return 2;
  }
  const long rows = std::atol(argv[2]), cols = std::atol(argv[3]);
  lxw_workbook_options options{};
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(argv[1], &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Data");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "d/m/yyyy");
  for (long r = 0; r < rows; ++r)
    for (long c = 0; c < cols; ++c) {
      switch (c % 3) {
        case 0: worksheet_write_number(ws, r, c, r * 0.5 + c, nullptr); break;
        case 1: {
          const std::string s = "หน่วยงาน " + std::to_string((r * 7 + c) % 5000);
          worksheet_write_string(ws, r, c, s.c_str(), nullptr);
          break;
        }
        default: worksheet_write_number(ws, r, c, 45000 + r % 3650, date); break;
      }
    }
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
