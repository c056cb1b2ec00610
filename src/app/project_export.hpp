#pragma once
/// Exporting a project's evaluation workbook in one call: written (through a temporary, never
/// half) with the project's inputs and audit head on its Audit sheet, then recorded in the log.
/// The GUI writes on a worker thread with progress and records afterwards with the same
/// TenderProject::export_info and record_export; the CLI calls this.
#include <string>

#include "app/tender_project.hpp"

namespace tl::app {

/// Writes the workbook of `ev` at `path` and records the export. Refused with
/// Refusal::Provisional while consensus scores are missing (`ev.missing`; no file is written),
/// Refusal::Io when the file cannot be written (the summary names it and why).
ChangeOutcome export_workbook(TenderProject& project, const ProjectEvaluation& ev, const std::string& path,
                              const std::string& tool_version, const std::string& reason);

}  // namespace tl::app
