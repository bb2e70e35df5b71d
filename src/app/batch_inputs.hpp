// The inputs of a batch (app/batch.hpp): the files, folders and zips named
// found as tasks, one per workbook or zip entry, in a fixed order (the
// command line's, a folder's and a zip's sorted by path); what cannot be an
// input is a task refused with its reason; tasks grouped by the output
// name they would take.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/batch.hpp"
#include "xlsx/reader.hpp"

namespace itawb::app::batch {

// The reader's limits for one agency workbook in a batch: an agency's
// workbook is tens of kilobytes, so a file far beyond these is refused
// rather than allowed to take the memory every other thread needs. With
// --large-files (`large`), parts up to 256 MiB, 512 MiB in all.
xlsx::Limits file_limits(bool large);

// A .zip of workbooks: each entry within the limits of one file; the archive
// as a whole may hold a nation's workbooks.
xlsx::Limits archive_limits(bool large);

// One input: a workbook on disk or an entry of a zip.
struct Task {
  std::filesystem::path file;                  // the workbook, or the zip holding it
  std::optional<uint64_t> entry;  // the zip entry
  std::string label;              // the input as the user knows it
  std::filesystem::path rel;                   // where its output goes under the output folder, as the input's name
  std::string refused;            // set when refused before it is read (a broken zip, a looping link)
};

// Tasks whose outputs would have the same name: one worker takes them in
// order, and only those written take a name, so " (2)" appears only when two
// written outputs would collide.
struct Group {
  std::filesystem::path dir;                   // the output's folder
  std::string stem;               // the input's name without extension
  std::vector<size_t> tasks;      // indexes, in plan order
};

// Every input of the options, in order. Throws Error "usage" when an input
// does not exist or the output folder is, or is inside, an input folder;
// everything else (a looping link, a broken zip, a hidden file) is a task
// refused with its reason, in the language of options.lang.
std::vector<Task> find_inputs(const BatchOptions& options);

// The output's name for the n-th written workbook of a group (n from 1):
// OUTDIR/<folders of the input>/<name>-itawb.xlsx, then "<name>-itawb (2).xlsx".
std::filesystem::path numbered_output(const Group& g, int n);

// The tasks grouped by the output they would have; tasks refused before
// they are read have no group.
std::vector<Group> group_outputs(const std::vector<Task>& tasks, const std::filesystem::path& output_dir);

}  // namespace itawb::app::batch
