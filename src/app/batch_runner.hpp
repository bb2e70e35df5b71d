// The work of a batch (app/batch.hpp): a pool of threads sharing one
// Resources takes the groups of tasks (batch_inputs.hpp) one at a time,
// opens each workbook (a zip's entry in memory, from its bytes), analyses
// and writes it as `analyze` does, and makes its summary row; whatever one
// input throws refuses that input only.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/batch_inputs.hpp"
#include "app/resources.hpp"
#include "model/framework.hpp"
#include "output/batch_summary.hpp"

namespace itawb::app::batch {

// What became of a task.
struct Outcome {
  std::optional<output::BatchRow> row;
  bool written = false;  // its output was written by this run
  bool kept = false;     // --resume: its output was up to date and kept
  std::string refused;
  const model::Framework* framework = nullptr;
};

// Runs every unit (a group of tasks with one output name, or one task
// refused before it is read) on `jobs` threads; the outcomes are indexed as
// the tasks. `input_files` (absolute) are names an output never takes.
std::vector<Outcome> run_tasks(const Resources& resources, const BatchOptions& options, const std::vector<Task>& tasks,
                               std::vector<Group> units, std::set<std::filesystem::path> input_files, unsigned jobs);

}  // namespace itawb::app::batch
